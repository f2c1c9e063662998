"""Publish each audience's newsletter digest: its latest monthly issue at /infolettre/<window>/
(/en/newsletter/<window>/), every issue at …/<YYYY-MM>/, and the feeds a mailing service sends.

What an issue holds is chosen by vitrine.digest, the same selection `vitrine digest` mails."""

from __future__ import annotations

import datetime as dt

from pelican import signals
from pelican.generators import Generator

from vitrine import routes
from vitrine.digest import Story, issues
from vitrine.digest.urls import page_url
from vitrine.kinds.events.pages import url as events_url
from vitrine.kinds.jobs.pages import url as jobs_url
from vitrine.story_index import all_stories


class DigestGenerator(Generator):
    """Write the digest pages of every audience, in each language."""

    def generate_context(self):
        """Nothing to read: issues are chosen from what the other generators read."""

    def generate_output(self, writer):
        """Write each audience's latest issue with its archive, and each issue's page."""
        today = self.context.get("today") or dt.date.today()
        kinds = self.context.get("kinds") or {}
        events, jobs = kinds.get("events", []), kinds.get("jobs", [])
        stories = [story_of(a) for a in all_stories(self.context.get("articles", []))]
        for audience in routes.AUDIENCES:
            lists = self._lists(audience, events, jobs, today)
            for lang in routes.LANGUAGES:
                found = issues(audience, lang, today, stories, events, jobs)
                archive = [(month, page_url(lang, audience, month)) for month, _ in found]
                for month, digest in found:
                    self._write(writer, lang, audience, page_url(lang, audience, month),
                                (month, digest), archive, lists, month=month)
                self._write(writer, lang, audience, page_url(lang, audience),
                            found[0] if found else None, archive, lists)

    def _lists(self, audience, events, jobs, today) -> dict[str, bool]:
        """Which of the audience's lists (and their Atom feeds) the build writes today."""
        return {"events": any(audience in e.audiences and not e.is_past(today) for e in events),
                "jobs": any(audience in j.audiences and not j.is_past(today) for j in jobs)}

    def _write(self, writer, lang, audience, url, issue, archive, lists, month=""):
        feeds = [("window", f"{routes.window(lang, audience)}atom.xml")]
        feeds += [(name, f"{list_url(lang, 'audience', audience)}atom.xml")
                  for name, list_url in (("events", events_url), ("jobs", jobs_url))
                  if lists[name]]
        extra = {"today": issue[1].today} if issue else {}  # cards as the issue was sent
        writer.write_file(
            routes.save_as(url), self.get_template("digest/page"), self.context, lang=lang,
            page_url=url, audience=audience, issue=issue, archive=archive, month=month,
            digest_url=page_url(lang, audience), feeds=feeds, lists=lists,
            translations=routes.alternates(lambda lg: page_url(lg, audience, month)), **extra)


def story_of(article) -> Story:
    """What a digest needs of a story the build read."""
    return Story(article.title, str(getattr(article, "summary", "") or ""),
                 article.date.date(), article.url, article.lang,
                 tuple(getattr(article, "audiences", ()) or ()),
                 getattr(article, "key", "") or article.slug, source=article)


def link_windows(generators):
    """Give each window the URL maker of its audience's digest (windows may share their
    extras between languages: the URL is made in the template, for its language)."""
    for generator in generators:
        if isinstance(generator, DigestGenerator):
            extras = generator.context.setdefault("window_extras", {})
            for lang in routes.LANGUAGES:
                for audience in routes.AUDIENCES:
                    extras.setdefault((lang, audience), {})["window_digest"] = page_url


def get_generators(pelican):
    """Offer the digests' generator to Pelican."""
    return DigestGenerator


def register():
    """Add the generator of the digest pages."""
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(link_windows)  # once the windows' extras exist
