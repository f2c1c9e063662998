"""Events and open job offers as Atom feed entries: in the windows' feeds beside the stories,
and in the feeds of the events' and jobs' lists (any mailing service can send them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from vitrine import routes
from vitrine.catalogue import theme_catalogue


@dataclass
class FeedEntry:
    """What Pelican's feed writer reads of an article, for an event or a job offer."""

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


def write_list_feed(gen, writer, page_url: str, entries: list, lang: str, title_key: str) -> str:
    """Write the Atom feed beside a list page (…/atom.xml); return its URL."""
    feed_url = f"{page_url}atom.xml"
    writer.write_feed(entries, {**gen.context, "lang": lang}, feed_url, feed_type="atom",
                      feed_title=theme_catalogue(gen.settings["THEME"]).get(lang, title_key))
    return feed_url
