"""The declared schema of an event file, documented field by field."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.rrule import rrulestr

from vitrine.directory.checks import BusinessSlug, KnownSlug, localized_text
from vitrine.directory.schema import AUDIENCE
from vitrine.problems import show
from vitrine.schema import Check, Choice, Field, ListOf, Number, Record, Text, Url

STATUSES = ("scheduled", "cancelled", "postponed", "rescheduled")
_WHEN = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2}))?")


@dataclass
class When(Check):
    """A date (all day) or a date and a local time in the region: 2026-08-28T19:00."""

    expected: str = "a date (2026-08-28) or a date and time (2026-08-28T19:00)"

    def __call__(self, value, parts, ctx):
        if isinstance(value, dt.datetime):
            return value.replace(tzinfo=None, second=0, microsecond=0)
        if isinstance(value, dt.date):
            return value
        found = _WHEN.fullmatch(str(value).strip()) if isinstance(value, str) else None
        try:
            day = dt.date.fromisoformat(found.group(1)) if found else None
            if day and found.group(2):
                return dt.datetime.combine(day, dt.time(int(found.group(2)),
                                                        int(found.group(3))))
        except ValueError:
            day = None
        if day is None:
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        return day


@dataclass
class Rule(Check):
    """A recurrence rule of RFC 5545 (RRULE): FREQ=WEEKLY;BYDAY=SA;UNTIL=20260926."""

    expected: str = 'a recurrence rule ("FREQ=WEEKLY;BYDAY=SA;COUNT=10")'

    def __call__(self, value, parts, ctx):
        text = str(value).strip().removeprefix("RRULE:") if isinstance(value, str) else ""
        if not text.upper().startswith("FREQ=") and ";FREQ=" not in text.upper():
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        try:
            rrulestr(text, dtstart=dt.datetime(2026, 1, 1), forceset=False)
        except (ValueError, TypeError) as exc:
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)} ({exc})")
        if "UNTIL" not in text.upper() and "COUNT" not in text.upper():
            return ctx.fail(parts, f"expected {self.expected} with an end (UNTIL= or COUNT=), "
                                   f"got {show(value)}")
        return text.upper()


@dataclass
class Price(Check):
    """Free, or an amount in Canadian dollars."""

    expected: str = 'free, or an amount in dollars (25)'

    def __call__(self, value, parts, ctx):
        if isinstance(value, str) and value.strip().lower() in ("free", "gratuit"):
            return 0.0
        return Number(0, 100_000, expected=self.expected)(value, parts, ctx)


def event_record(refs) -> Record:
    """Return the event schema, checking towns and businesses against the project's."""
    business = BusinessSlug(lambda: refs.businesses)
    town = KnownSlug(lambda: refs.towns, expected="a municipality of data/territory.yaml")
    return Record(fields=[
        Field("title", localized_text(200), required=True, doc="Title, French and English."),
        Field("summary", localized_text(300), default=dict,
              doc="One or two sentences for lists and feeds."),
        Field("description", localized_text(5000), default=dict, doc="What happens, plain text."),
        Field("audiences", ListOf(AUDIENCE, min_items=1), required=True,
              doc="Audiences it is for: its windows list it."),
        Field("start", When(), required=True,
              doc="A date (all day), or a date and local time (2026-08-28T19:00)."),
        Field("end", When(), doc="End, the same way; all day events may span days."),
        Field("recurrence", Record(fields=[
            Field("rule", Rule(), required=True, doc="RRULE with COUNT or UNTIL."),
            Field("except", ListOf(When()), default=list, doc="Dates it does not happen.")]),
              doc="Repeats: an RRULE (FREQ=WEEKLY;BYDAY=SA;UNTIL=20260926) and exceptions."),
        Field("place", Record(fields=[
            Field("business", business, doc="A business of the directory."),
            Field("name", Text(max_length=200), doc="Name of the place."),
            Field("address", Text(max_length=200), doc="Street address."),
            Field("municipality", town, doc="Town slug."),
            Field("online", Url(), doc="Where to follow it online.")]), required=True,
              doc="A business, a town and address, or an online link (or both)."),
        Field("organizer", Record(fields=[
            Field("business", business, doc="A business of the directory."),
            Field("name", Text(max_length=200), doc="Name, when not a business."),
            Field("url", Url(), doc="Its site.")]), doc="Who organises it."),
        Field("price", Price(), doc="free (gratuit), or the price in dollars."),
        Field("price_note", localized_text(200), default=dict, doc="Prices by age, passes, …"),
        Field("url", Url(), doc="Tickets or details."),
        Field("image", Text(pattern=r"[^<>:]+\.(?:jpe?g|png|webp)", expected="an image under "
                            "content/ (images/….jpg)"), doc="An image under content/."),
        Field("image_alt", localized_text(200), default=dict, doc="What the image shows."),
        Field("status", Choice(list(STATUSES)), default="scheduled",
              doc="scheduled, cancelled, postponed or rescheduled."),
        Field("previous_start", When(), doc="When rescheduled: the date it was first set for."),
    ])
