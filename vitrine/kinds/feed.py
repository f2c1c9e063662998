"""Events and open job offers as entries of the windows' Atom feeds, beside the stories."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from vitrine import routes


@dataclass
class FeedEntry:
    """What Pelican's feed writer reads of an article, for an event."""

    title: str
    url: str
    summary: str
    date: dt.datetime
    author: str = ""

    def get_content(self, siteurl: str) -> str:
        """The entry's content: its summary, as HTML text."""
        return f"<p>{escape(self.summary)}</p>" if self.summary else ""


def feed_entries(events, lang: str, today: dt.date | None) -> list[FeedEntry]:
    """An entry per upcoming event, dated by its next start (in the region's time zone)."""
    entries = []
    for event in events:
        start = event.next_start(today) if today else event.start
        when = event.aware(start) if isinstance(start, dt.datetime) else event.aware(
            dt.datetime.combine(start, dt.time()))
        entries.append(FeedEntry(event.title_in(lang), routes.section(lang, "events", event.slug),
                                 event.text("summary", lang), when))
    return entries


def job_entries(jobs, lang: str) -> list[FeedEntry]:
    """An entry per open job offer, dated by the day it was posted."""
    return [FeedEntry(job.title_in(lang), routes.section(lang, "jobs", job.slug),
                      (job.paragraphs(lang) or [""])[0],
                      job.aware_posted()) for job in jobs]
