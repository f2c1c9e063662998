"""Events as iCalendar (RFC 5545), written with the icalendar library."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar, vRecur
from icalendar import Event as VEvent

STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "postponed": "TENTATIVE",
          "cancelled": "CANCELLED"}


def calendar(events, lang: str, name: str, page_url, host: str, today: dt.date,
             place_text) -> bytes:
    """A calendar of events in one language.

    page_url(event) is each event's absolute page; place_text(event, lang) its place in
    words. UIDs are the event's id at the site's host: stable from one build to the next.
    DTSTAMP is the build's day, so two builds of one day write the same bytes.
    """
    cal = Calendar()
    cal.add("prodid", f"-//{host}//Vitrine//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    for event in events:
        cal.add_component(_vevent(event, lang, page_url(event), host, stamp, place_text))
    cal.add_missing_timezones()
    return cal.to_ical()


def _vevent(event, lang: str, url: str, host: str, stamp: dt.datetime, place_text) -> VEvent:
    item = VEvent()
    item.add("uid", f"{event.id}@{host}")
    item.add("dtstamp", stamp)
    item.add("summary", event.title_in(lang))
    if event.all_day:
        item.add("dtstart", event.start)
        item.add("dtend", (event.end or event.start) + dt.timedelta(days=1))
    else:
        zone = ZoneInfo(event.timezone)
        item.add("dtstart", event.start.replace(tzinfo=zone))
        item.add("dtend", (event.start + event.duration).replace(tzinfo=zone))
    if event.rule:
        item.add("rrule", _rule(event.rule))
        for day in event.exceptions:
            skipped = day if event.all_day else dt.datetime.combine(
                day if not isinstance(day, dt.datetime) else day.date(),
                event.start.time(), tzinfo=ZoneInfo(event.timezone))
            item.add("exdate", skipped)
    description = event.text("description", lang) or event.text("summary", lang)
    if description:
        item.add("description", f"{description}\n\n{url}")
    place = place_text(event, lang)
    if place:
        item.add("location", place)
    item.add("url", url)
    item.add("status", STATUS[event.status])
    return item


def _rule(text: str) -> vRecur:
    """An RRULE string read by icalendar (UNTIL a date, BYDAY a list, …)."""
    return vRecur.from_ical(text)
