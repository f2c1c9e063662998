"""Pelican's writer, reusing the previous build's story page when nothing it shows changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pelican import signals
from pelican.writers import Writer

from vitrine.page_cache import PageCache, base_key
from vitrine.story_index import all_stories

_ACTIVE: list[StoryPageWriter] = []  # the writer of the build running, to save its keys
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class StoryPageWriter(Writer):
    """A Writer whose story pages are keyed by what they show (vitrine.page_cache).

    The key covers the story (text, front matter, translations, the businesses and towns
    it names), the settings, templates, translations and plugins: a theme whose story
    page also shows other stories must turn this off with STORY_PAGE_CACHE = False.
    """

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.pages: PageCache | None = None
        self.keys: dict[str, str] = {}
        _ACTIVE[:] = [self]

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        """Write a page; a story page whose key is unchanged is linked from the last build."""
        story = kwargs.get("article")
        cache = self._cache(template, context) if story is not None else None
        if cache is None or not name or paginated or relative_urls or override_output:
            return super().write_file(name, template, context, relative_urls, paginated,
                                      template_name, override_output, url, **kwargs)
        key = cache.key(template.name, story_inputs(story))
        self.keys[name] = key
        if cache.reuse(name, key, Path(self.output_path)):
            path = str(Path(self.output_path) / name)
            self._written_files.add(path)  # Pelican still refuses a second page at this path
            signals.content_written.send(path, context={**kwargs, "output_file": name})
            return None
        return super().write_file(name, template, context, relative_urls, paginated,
                                  template_name, override_output, url, **kwargs)

    def _create_new_feed(self, feed_type, feed_title, context):
        """Pelican's feed, whose date without entries is the site's newest story, not now.

        feedgenerator dates a feed by its newest entry, else the time of the build: a window
        without stories would get a new feed file on every build.
        """
        feed = super()._create_new_feed(feed_type, feed_title, context)
        newest = max((story.date for story in all_stories(context.get("articles", []))),
                     default=EPOCH)
        dated_by_entries = feed.latest_post_date
        feed.latest_post_date = lambda: dated_by_entries() if feed.items else newest
        return feed

    def _cache(self, template, context) -> PageCache | None:
        """The build's story page cache, made at the first story page (None: not cached)."""
        options = self.settings.get("BUILD_CACHE")
        if not options or not self.settings.get("STORY_PAGE_CACHE", True):
            return None
        if self.pages is None:
            theme = Path(self.settings["THEME"])
            self.pages = PageCache(options, base_key(
                self.settings, context.get("directory"), theme / "templates",
                theme / "translations", context), template.environment.globals.get("picture"),
                kind="stories")
        return self.pages


def story_inputs(story) -> dict:
    """What a story page shows of its story, beyond the fields every story card shows."""
    return {"story": story, "content": story.content, "author": str(story.author),
            "front_matter": repr(sorted((k, str(v)) for k, v in story.metadata.items())),
            "translations": [(t.lang, t.url, t.title) for t in story.translations],
            "businesses": list(getattr(story, "linked_businesses", None) or []),
            "towns": list(getattr(story, "linked_towns", None) or [])}


def get_writer(pelican):
    """Offer Pelican the caching writer."""
    return StoryPageWriter


def save_keys(pelican) -> None:
    """Keep the keys of this build's story pages beside the output (swapped in on success)."""
    for writer in _ACTIVE:
        if writer.pages is not None:
            writer.pages.save(writer.keys)
    _ACTIVE.clear()
