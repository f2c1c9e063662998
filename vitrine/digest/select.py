"""Choose what a digest holds: an audience's new stories, its coming events and new open job
offers. Plain data in, plain data out: the command and the build share it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vitrine.kinds.items import chronological

ARCHIVE_MONTHS = 24  # monthly issues the build publishes, at most, before the latest


@dataclass(frozen=True)
class Story:
    """What a digest shows of a story; url is relative to the site's root."""

    title: str
    summary: str
    date: dt.date
    url: str
    lang: str
    audiences: tuple[str, ...]
    key: str
    source: object = field(default=None, compare=False, repr=False)  # the build's article


@dataclass
class Digest:
    """What is new for an audience, in a language: stories and offers published from since
    to until (both included), and the events from today to events_until."""

    audience: str
    lang: str
    since: dt.date
    until: dt.date
    today: dt.date
    events_until: dt.date
    stories: list[Story]
    other_lang_stories: list[Story]  # the other language's, not translated
    events: list
    jobs: list

    @property
    def empty(self) -> bool:
        """Whether it holds nothing at all."""
        return not (self.stories or self.other_lang_stories or self.events or self.jobs)

    @property
    def news(self) -> int:
        """How many stories and offers were published in its period (events aside)."""
        return len(self.stories) + len(self.other_lang_stories) + len(self.jobs)


def events_until(today: dt.date) -> dt.date:
    """The last day of the month after today's: a digest announces this month and the next."""
    first_of_next = _next_month(today.replace(day=1))
    return _next_month(first_of_next) - dt.timedelta(days=1)


def select(audience: str, lang: str, since: dt.date, today: dt.date, stories: list[Story],
           events: list, jobs: list, until: dt.date | None = None) -> Digest:
    """Choose an audience's digest in a language: stories and open offers published from
    since to until (default today), events happening from today to events_until(today)."""
    until = until or today
    new = [s for s in stories if since <= s.date <= until and audience in s.audiences]
    new.sort(key=lambda s: (s.date, s.title), reverse=True)
    translated = {s.key for s in stories if s.lang == lang}
    last = events_until(today)
    coming = [e for e in events if audience in e.audiences and e.occurrences(today, last)]
    coming.sort(key=lambda e: (chronological(e.next_start(today)), e.slug))
    offers = [j for j in jobs if audience in j.audiences and since <= j.date_posted <= until
              and not j.is_past(today)]
    offers.sort(key=lambda j: (-j.date_posted.toordinal(), j.title_in(lang), j.slug))
    return Digest(audience, lang, since, until, today, last,
                  [s for s in new if s.lang == lang],
                  [s for s in new if s.lang != lang and s.key not in translated],
                  coming, offers)


def issue(month: str, audience: str, lang: str, stories: list[Story], events: list,
          jobs: list) -> Digest:
    """The monthly issue of a month (2026-11): what was published in it, as sent on the
    first day of the next month, with the events of that month and the next."""
    first = dt.date.fromisoformat(f"{month}-01")
    sent = _next_month(first)
    return select(audience, lang, first, sent, stories, events, jobs,
                  until=sent - dt.timedelta(days=1))


def issues(audience: str, lang: str, today: dt.date, stories: list[Story], events: list,
           jobs: list) -> list[tuple[str, Digest]]:
    """The monthly issues of an audience in a language, newest first: one for every month
    before today's in which a story or an offer still open on its sending day was published
    for it (at most ARCHIVE_MONTHS)."""
    current = today.strftime("%Y-%m")
    months = {s.date.strftime("%Y-%m") for s in stories if audience in s.audiences}
    months |= {j.date_posted.strftime("%Y-%m") for j in jobs if audience in j.audiences}
    found = []
    for month in sorted((m for m in months if m < current), reverse=True):
        digest = issue(month, audience, lang, stories, events, jobs)
        if digest.news:
            found.append((month, digest))
        if len(found) == ARCHIVE_MONTHS:
            break
    return found


def _next_month(first: dt.date) -> dt.date:
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
