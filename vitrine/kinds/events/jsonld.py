"""schema.org Event data for an event's page: Google's required and recommended properties."""

from __future__ import annotations

import datetime as dt

STATUS = {"scheduled": "EventScheduled", "cancelled": "EventCancelled",
          "postponed": "EventPostponed", "rescheduled": "EventRescheduled"}
SHOWN = 10  # occurrences of a series described, each an Event


def event_jsonld(event, lang: str, url: str, today: dt.date, site: str, place,
                 organizer) -> dict:
    """Describe an event (each of a series' next occurrences) as schema.org Events.

    place is {"name", "address", "town"} or None, organizer {"name", "url"} or None, with
    absolute URLs; site is the site's absolute root.
    """
    occurrences = event.upcoming(today)[:SHOWN] or [(event.start, event.start + event.duration)]
    online = event.place.get("online")
    physical = place is not None
    mode = "Mixed" if online and physical else "Online" if online else "Offline"
    described = []
    for start, end in occurrences:
        data = {
            "@type": "Event",
            "name": event.title_in(lang),
            "startDate": _when(event, start),
            "endDate": _when(event, end - dt.timedelta(days=1) if event.all_day else end),
            "eventStatus": f"https://schema.org/{STATUS[event.status]}",
            "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
            "url": url,
            "inLanguage": lang,
            "location": _locations(place, online),
        }
        summary = event.text("summary", lang) or event.text("description", lang)
        if summary:
            data["description"] = summary
        if event.image:
            data["image"] = [f"{site}/{event.image}"]
        if organizer:
            data["organizer"] = {"@type": "Organization", "name": organizer["name"],
                                 **({"url": organizer["url"]} if organizer.get("url") else {})}
        if event.price is not None:
            data["offers"] = {"@type": "Offer", "price": f"{event.price:.2f}",
                              "priceCurrency": "CAD", "url": event.url or url,
                              "availability": "https://schema.org/InStock",
                              "validFrom": _when(event, event.start)}
        if event.status == "rescheduled" and event.previous_start is not None:
            data["previousStartDate"] = _when(event, event.previous_start)
        described.append(data)
    if len(described) == 1:
        return {"@context": "https://schema.org", **described[0]}
    return {"@context": "https://schema.org", "@graph": described}


def _when(event, when) -> str:
    if isinstance(when, dt.datetime):
        return event.aware(when.replace(tzinfo=None) if when.tzinfo else when).isoformat()
    return when.isoformat()


def _locations(place, online):
    found = []
    if place is not None:
        address = {"@type": "PostalAddress", "addressLocality": place["town"],
                   "addressRegion": "QC", "addressCountry": "CA"}
        if place.get("address"):
            address["streetAddress"] = place["address"]
        if place.get("postal_code"):
            address["postalCode"] = place["postal_code"]
        found.append({"@type": "Place", "name": place["name"] or place["town"],
                      "address": address})
    if online:
        found.append({"@type": "VirtualLocation", "url": online})
    return found[0] if len(found) == 1 else found
