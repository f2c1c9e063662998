"""Generate the home page and one window per audience and language, with their feeds."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator

from vitrine import routes
from vitrine.kinds.feed import feed_entries, job_entries
from vitrine.story_index import stories_by_lang

log = logging.getLogger(__name__)
LATEST_ON_HOME = 6


class WindowsGenerator(Generator):
    """Read window intros from content/windows/ and write home and window pages."""

    def generate_context(self):
        """Read the intros and group the stories per language and audience."""
        self.intros = {}
        folder = Path(self.path) / "windows"
        for file in sorted(folder.glob("*.md")):
            name, _, _ = file.name.partition(".")
            try:
                page = self.readers.read_file(self.path, str(file.relative_to(self.path)),
                                              content_class=Page, context=self.context)
            except Exception:  # noqa: BLE001 — the reader already logged why
                continue
            self.intros[(name, page.lang)] = page
        for lang in routes.LANGUAGES:
            for name in ("home", *routes.AUDIENCES):
                if (name, lang) not in self.intros:
                    log.warning("content/windows/%s.%s.md: missing; expected the intro of "
                                "this window", name, lang)
        self.stories = stories_by_lang(self.context.get("articles", []))
        self._update_context(("intros",))
        self.context["windows"] = self

    def for_audience(self, lang: str, audience: str) -> tuple[list, list]:
        """Return (stories in lang, untranslated stories of the other language) for a window."""
        other = routes.other_lang(lang)
        own = [s for s in self.stories[lang] if audience in s.audiences]
        untranslated = [s for s in self.stories[other] if audience in s.audiences
                        and not any(t.lang == lang for t in s.translations)]
        return own, untranslated

    def generate_output(self, writer):
        """Write the home pages, the windows and their feeds."""
        extras = self.context.get("window_extras", {})
        for lang in routes.LANGUAGES:
            latest = self.stories[lang][:LATEST_ON_HOME]
            writer.write_file(
                routes.save_as(routes.home(lang)), self.get_template("home"), self.context,
                lang=lang, intro=self.intros.get(("home", lang)), latest=latest,
                page_url=routes.home(lang),
                translations=routes.alternates(routes.home),
                feed_url=f"{routes.home(lang)}atom.xml", **extras.get((lang, "home"), {}))
            self._feed(writer, lang, self.stories[lang], routes.home(lang), None)
            for audience in routes.AUDIENCES:
                stories = self.write_window(writer, lang, audience, extras)
                self._feed(writer, lang, stories, routes.window(lang, audience), audience)

    def write_window(self, writer, lang: str, audience: str, extras: dict) -> list:
        """Write one audience's window in one language; return the stories it lists.

        A live preview (vitrine/live/) writes it again when a business it shows is edited.
        """
        url = routes.window(lang, audience)
        stories, others = self.for_audience(lang, audience)
        writer.write_file(
            routes.save_as(url), self.get_template("window"), self.context,
            lang=lang, audience=audience, intro=self.intros.get((audience, lang)),
            stories=stories, other_lang_stories=others, page_url=url,
            translations=routes.alternates(lambda lg, a=audience: routes.window(lg, a)),
            feed_url=f"{url}atom.xml", **extras.get((lang, audience), {}))
        return stories

    def _feed(self, writer, lang, stories, url, audience):
        """A window's (or the home page's) Atom feed: stories, then upcoming events and open
        job offers. Pelican puts the site's name before its title."""
        entries, title = stories[:20], None
        if audience:
            title = self.intros[(audience, lang)].title if (audience, lang) in self.intros \
                else audience
            shown = self.context.get("window_extras", {}).get((lang, audience)) or {}
            entries = entries + feed_entries(shown.get("window_events") or [], lang,
                                             self.context.get("today")) \
                + job_entries(shown.get("window_jobs") or [], lang)
        writer.write_feed(entries, {**self.context, "lang": lang}, f"{url}atom.xml",
                          feed_type="atom", feed_title=title)


def get_generators(pelican):
    """Offer the windows generator to Pelican."""
    return WindowsGenerator


def register():
    """Add the generator that writes home pages and windows."""
    signals.get_generators.connect(get_generators)
