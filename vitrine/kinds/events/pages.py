"""The events' pages and calendars: one page per event and language, the upcoming list and its
lists by audience, town and month (plain links: no JavaScript needed), the archive, an .ics
per event and a calendar of all and of each audience."""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from dataclasses import dataclass

from vitrine import routes
from vitrine.jsonld import public_url, script_json
from vitrine.kinds.events.jsonld import event_jsonld
from vitrine.kinds.events.model import SHOWN
from vitrine.kinds.feed import feed_entries, write_list_feed
from vitrine.kinds.items import chronological

SECTIONS = {"fr": "evenements", "en": "events"}
routes.add_section("events", SECTIONS)  # its URLs are known wherever they are asked for
FOLDERS = {"fr": {"audience": "public", "towns": "municipalites", "month": "mois",
                  "archive": "archives", "calendar": "calendrier.ics"},
           "en": {"audience": "audience", "towns": "towns", "month": "month",
                  "archive": "archive", "calendar": "calendar.ics"}}
RESERVED = frozenset(v for names in FOLDERS.values() for v in names.values())
MONTHS_LISTED = 12


def url(lang: str, what: str = "", value: str = "") -> str:
    """The URL of the events list or of its list by audience, town or month, or archive."""
    base = routes.section(lang, "events")
    if what == "audience":
        value = routes.window_folder(lang, value)
    return f"{base}{FOLDERS[lang][what]}/{value + '/' if value else ''}" if what else base


def calendar_url(lang: str, page_url: str) -> str:
    """The calendar beside a page of events: …/calendrier.ics, …/calendar.ics."""
    return f"{page_url}{FOLDERS[lang]['calendar']}"


@dataclass
class Places:
    """The directory's businesses and towns, to name an event's place and organiser."""

    businesses: dict
    towns: dict
    site: str

    def place(self, event) -> dict | None:
        """Where an event happens, in words: its business's or its own name, address, town."""
        business = self.businesses.get(event.place.get("business") or "")
        town = self.towns.get(event.town)
        if business is None and town is None:
            return None
        own = event.place.get("address")
        return {"name": event.place.get("name") or (business.name if business else ""),
                "address": own or (business.address if business else ""),
                "postal_code": "" if own or business is None else business.postal_code,
                "town": town.name if town else "", "business": business}

    def organizer(self, event, lang: str) -> dict | None:
        """Who organises it: a business of the directory (its page), or a name and site."""
        business = self.businesses.get(event.organizer.get("business") or "")
        if business is not None:
            return {"name": business.name, "business": business,
                    "url": f"{self.site}/{routes.section(lang, 'businesses', business.slug)}"}
        if event.organizer.get("name"):
            return {"name": event.organizer["name"],
                    **({"url": event.organizer["url"]} if event.organizer.get("url") else {})}
        return None

    def text(self, event, lang: str) -> str:
        """A one-line place for calendars: name, address, town — or the online link."""
        place = self.place(event)
        parts = [place["name"], place["address"], place["town"]] if place else []
        return ", ".join(dict.fromkeys(p for p in parts if p)) or event.place.get("online", "")


def write_pages(gen, writer, events) -> None:
    """Write every event's pages and the lists and calendars of events, in both languages."""
    from vitrine.kinds.events.calendar import calendar  # icalendar: 0.1 s, only with events

    today = gen.context["today"]
    site = public_url(gen.settings)
    places = Places(gen.context.get("businesses_by_slug", {}),
                    gen.context.get("towns_by_slug", {}), site)
    upcoming = sorted((e for e in events if not e.is_past(today)),
                      key=lambda e: (chronological(e.next_start(today)), e.slug))
    past = sorted((e for e in events if e.is_past(today)),
                  key=lambda e: (chronological(e.start), e.slug), reverse=True)
    host = site.split("://")[-1].split("/")[0] or "vitrine.local"

    def write_calendar(lang, page_url, shown, name):
        _write_bytes(gen.output_path, calendar_url(lang, page_url), calendar(
            shown, lang, name, lambda e: f"{site}/{routes.section(lang, 'events', e.slug)}",
            host, today, places.text))

    for lang in routes.LANGUAGES:
        for event in events:
            _event_page(gen, writer, event, lang, today, site, places)
            write_calendar(lang, routes.section(lang, "events", event.slug), [event],
                           event.title_in(lang))
        lists = _lists(upcoming, today, places)
        for what, value, shown in lists:
            feed = None
            if what in ("", "audience"):
                write_calendar(lang, url(lang, what, value), shown,
                               f"{gen.settings['SITENAME']} — {value or lang}")
                feed = write_list_feed(gen, writer, url(lang, what, value),
                                       feed_entries(shown, lang, today), lang, "events.title")
            _list_page(gen, writer, lang, what, value, shown, lists, len(past), feed)
        _list_page(gen, writer, lang, "archive", "", past, lists, len(past))


def _event_page(gen, writer, event, lang, today, site, places) -> None:
    page_url = routes.section(lang, "events", event.slug)
    place, organizer = places.place(event), places.organizer(event, lang)
    jsonld = event_jsonld(event, lang, f"{site}/{page_url}", today, site, place, organizer)
    writer.write_file(
        routes.save_as(page_url), gen.get_template("events/event"), gen.context, lang=lang,
        page_url=page_url, event=event, town=places.towns.get(event.town),
        place=place, organizer=organizer,
        occurrences=event.upcoming(today)[:SHOWN], past=event.is_past(today),
        noindex=event.is_past(today),
        ics_url=calendar_url(lang, page_url),
        translations=routes.section_alternates("events", event.slug),
        jsonld=script_json(jsonld))


def _lists(upcoming, today, places) -> list[tuple[str, str, list]]:
    """(what, value, events) of every list: all, per audience, per town, per month."""
    by_town, by_month = defaultdict(list), defaultdict(list)
    last = today + dt.timedelta(days=31 * MONTHS_LISTED)
    for event in upcoming:
        if event.town in places.towns:
            by_town[event.town].append(event)
        for month in dict.fromkeys(month_of(s) for s, _ in event.occurrences(today, last)):
            by_month[month].append(event)
    lists = [("", "", upcoming)]
    lists += [("audience", a, [e for e in upcoming if a in e.audiences])
              for a in routes.AUDIENCES if any(a in e.audiences for e in upcoming)]
    lists += [("towns", slug, found) for slug, found in
              sorted(by_town.items(), key=lambda kv: places.towns[kv[0]].name)]
    return lists + [("month", month, found) for month, found in sorted(by_month.items())]


def _list_page(gen, writer, lang, what, value, shown, lists, archived, feed=None) -> None:
    page_url = url(lang, what, value)
    writer.write_file(
        routes.save_as(page_url), gen.get_template("events/index"), gen.context, lang=lang,
        page_url=page_url, events=shown, filter=(what, value), lists=lists,
        archived=archived, calendar_url=calendar_url(lang, page_url)
        if what in ("", "audience") else "", feed_url=feed,
        translations=routes.alternates(lambda lg: url(lg, what, value)))


def _write_bytes(output: str, relative: str, data: bytes) -> None:
    path = os.path.join(output, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def month_of(when) -> str:
    """The month an occurrence starts in: 2026-08."""
    day = when.date() if isinstance(when, dt.datetime) else when
    return day.strftime("%Y-%m")
