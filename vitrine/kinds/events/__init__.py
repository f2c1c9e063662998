"""Events: a kind of the registry, with lists by audience, town and month, an archive and
calendars (.ics) besides its pages."""

from __future__ import annotations

from vitrine.kinds import Kind
from vitrine.kinds.events.model import make_event
from vitrine.kinds.events.pages import FOLDERS, SECTIONS, url, write_pages
from vitrine.kinds.events.schema import event_record
from vitrine.kinds.items import chronological

__all__ = ["FOLDERS", "KIND", "url"]

KIND = Kind(
    name="events",
    sections=SECTIONS,
    schema=event_record,
    doc="One file per event (its name is the event's id), or an organiser's list under "
        "`events:` (the file's other keys are every event's defaults; each event's id is "
        "its `id:` or comes from its title). An event in the past stays online, marked as "
        "past, in the archive.",
    templates={"item": "events/event", "list": "events/index"},
    list_key="events",
    links=("businesses", "towns"),
    make=make_event,
    pages=write_pages,
    order=lambda event, today: (chronological(event.next_start(today)), event.slug),
)
