"""An event as its pages show it: its dates in the region's time zone, its occurrences."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from vitrine.kinds.items import Bilingual
from vitrine.problems import key_path

HORIZON_DAYS = 400  # a recurring event's occurrences shown and written to calendars
SHOWN = 12          # occurrences an event page lists


@dataclass
class Event(Bilingual):
    """One event (or series): what its file says, read for pages and calendars."""

    kind: str
    id: str
    slug: str
    title: dict
    summary: dict
    description: dict
    audiences: list
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None
    timezone: str
    rule: str = ""
    exceptions: list = field(default_factory=list)
    place: dict = field(default_factory=dict)
    organizer: dict = field(default_factory=dict)
    price: float | None = None
    price_note: dict = field(default_factory=dict)
    url: str = ""
    image: str = ""
    image_alt: dict = field(default_factory=dict)
    status: str = "scheduled"
    previous_start: dt.datetime | dt.date | None = None
    town: str = ""          # the place's town, or its business's (known once merged)
    path: str = ""
    line: int | None = None

    @property
    def all_day(self) -> bool:
        """Whether it is given by dates, not times."""
        return not isinstance(self.start, dt.datetime)

    def title_in(self, lang: str) -> str:
        """Its title in a language."""
        return self.text("title", lang)

    def aware(self, when):
        """A local date and time as an aware datetime in the region's time zone."""
        if isinstance(when, dt.datetime):
            return when.replace(tzinfo=ZoneInfo(self.timezone))
        return when

    @property
    def duration(self) -> dt.timedelta:
        """How long each occurrence lasts (an all-day event lasts whole days)."""
        if self.end is None:
            return dt.timedelta(days=1) if self.all_day else dt.timedelta(0)
        end = self.end + dt.timedelta(days=1) if self.all_day else self.end
        return end - self.start

    def occurrences(self, since: dt.date, until: dt.date | None = None) -> list[tuple]:
        """(start, end) of each occurrence ending on or after since and starting by until."""
        until = until or since + dt.timedelta(days=HORIZON_DAYS)
        starts = [self.start]
        if self.rule:
            first = self.start if not self.all_day else dt.datetime.combine(self.start,
                                                                            dt.time())
            skipped = {e if isinstance(e, dt.date) and not isinstance(e, dt.datetime)
                       else e.date() for e in self.exceptions}
            starts = []
            for s in rrulestr(self.rule, dtstart=first):
                if s.date() > until:
                    break
                if s.date() not in skipped:
                    starts.append(s.date() if self.all_day else s)
        found = []
        for start in starts:
            end = start + self.duration
            last_day = _day(end - dt.timedelta(seconds=1)) if end != start else _day(end)
            if last_day >= since and _day(start) <= until:
                found.append((start, end))
        return found

    def upcoming(self, today: dt.date) -> list[tuple]:
        """Its occurrences from today on."""
        return self.occurrences(today)

    def is_past(self, today: dt.date) -> bool:
        """Whether every occurrence ended before today."""
        return not self.occurrences(today)

    def names(self) -> dict[str, set[str]]:
        """The businesses and town it names: their pages list it while it is upcoming."""
        return {"businesses": {s for s in (self.place.get("business"),
                                           self.organizer.get("business")) if s},
                "towns": {self.town} if self.town else set()}

    def next_start(self, today: dt.date):
        """The start of its next occurrence (or its first, once past)."""
        coming = self.occurrences(today)
        return coming[0][0] if coming else self.start


def _day(when) -> dt.date:
    return when.date() if isinstance(when, dt.datetime) else when


def make_event(item, doc, parts, refs) -> tuple[Event | None, list]:
    """Turn a validated event item into an Event; check what needs several fields at once."""
    v = item.values
    problems = []

    def problem(name, message):
        problems.append(doc.problem(parts + (name,), key_path(parts + (name,)), message))

    if v.get("end") is not None:
        if isinstance(v["end"], dt.datetime) != isinstance(v["start"], dt.datetime):
            problem("end", "expected the same form as start (both dates, or both dates and "
                           f"times), got {v['end']!s} against {v['start']!s}")
        elif v["end"] < v["start"]:
            problem("end", f"expected an end after the start ({v['start']!s}), got {v['end']!s}")
    if v["status"] == "rescheduled" and v.get("previous_start") is None:
        problem("previous_start", "missing; expected the date it was first set for, since "
                                  "status is rescheduled")
    place = v["place"]
    if not any(place.get(k) for k in ("business", "municipality", "online")):
        problem("place", "expected a business, a municipality (with its address) or an online "
                         "link, got none of them")
    if v.get("image") and refs.content is not None and not (refs.content / v["image"]).is_file():
        problem("image", f'expected an image under content/, got "{v["image"]}" (file not '
                         "found)")
    from vitrine.kinds.events.pages import RESERVED

    if item.slug in RESERVED:
        problem("id", f'"{item.slug}" names a list of the events section; expected another id')
    if problems:
        return None, problems
    recurrence = v.get("recurrence") or {}
    town = place.get("municipality") or (refs.business_towns or {}).get(
        place.get("business") or "", "")
    return Event(
        kind=item.kind, id=item.id, slug=item.slug, title=v["title"], summary=v["summary"],
        description=v["description"], audiences=v["audiences"], start=v["start"],
        end=v.get("end"), timezone=refs.timezone, rule=recurrence.get("rule", ""),
        exceptions=recurrence.get("except", []), place=place,
        organizer=v.get("organizer") or {}, price=v.get("price"),
        price_note=v["price_note"], url=v.get("url") or "", image=v.get("image") or "",
        image_alt=v["image_alt"], status=v["status"], previous_start=v.get("previous_start"),
        town=town, path=item.path, line=item.line), []
