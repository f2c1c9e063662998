"""Read every kind of data of the registry (events, …), link its items to the directory's
businesses and towns, and write their pages."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import Generator

from vitrine import routes
from vitrine.kinds import load_kinds
from vitrine.kinds.items import References, chronological, read_kind

log = logging.getLogger(__name__)
DEFAULTS = {"today": None, "in_window": 4, "on_page": 6}


def kinds_settings(settings) -> dict:
    """Return the EVENTS settings merged with defaults; refuse unknown keys."""
    options = {**DEFAULTS, **(settings.get("EVENTS") or {})}
    unknown = sorted(set(options) - set(DEFAULTS))
    if unknown:
        raise ValueError(f"data_kinds: Invalid 'EVENTS' key: {unknown}")
    return options


def today_of(settings) -> dt.date:
    """The build's day in the region (EVENTS["today"] fixes it, for tests and previews)."""
    fixed = kinds_settings(settings)["today"]
    if fixed:
        return dt.date.fromisoformat(str(fixed))
    return dt.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "America/Toronto")).date()


class KindsGenerator(Generator):
    """Items of every registered kind that has no generator of its own."""

    def generate_context(self):
        """Register the kinds, and tell templates the day (past and upcoming depend on it)."""
        self.options = kinds_settings(self.settings)
        self.kinds = {name: kind for name, kind in
                      load_kinds(self.settings.get("DATA_KINDS") or ()).items()
                      if not kind.built_by_its_own_generator}
        self.root = Path(self.settings["PATH"]).resolve().parent
        self.items: dict[str, list] = {}
        self.context["today"] = today_of(self.settings)
        self.context["kinds"] = self.items
        self.context["linked"] = lambda target, slug, lang=None: []

    def finalize(self):
        """Read the items once the directory is merged: the businesses they name are known."""
        directory = self.context.get("directory")
        towns = directory.territory.municipalities if directory else {}
        businesses = {b.slug: b for b in directory.businesses} if directory else {}
        self.context["businesses_by_slug"], self.context["towns_by_slug"] = businesses, towns
        refs = References.of(directory, Path(self.settings["PATH"]),
                             self.settings.get("TIMEZONE"), self.context["today"])
        for name, kind in self.kinds.items():
            self.items[name], problems = read_kind(self.root, kind, refs)
            for problem in problems:
                log.warning("%s", problem)
        self._link()

    def _link(self):
        """Index the items each business and town is named by, and each audience's."""
        today, upcoming = self.context["today"], {}
        named = defaultdict(list)
        for name, items in self.items.items():
            upcoming[name] = [i for i in items if not hasattr(i, "is_past") or
                              not i.is_past(today)]
            if hasattr(items[0] if items else None, "next_start"):
                upcoming[name].sort(key=lambda i: (chronological(i.next_start(today)), i.slug))
            for item in upcoming[name]:
                for target, slugs in (item.names() if hasattr(item, "names") else {}).items():
                    for slug in slugs:
                        named[(target, slug)].append(item)
        limit = self.options["on_page"]
        self.context["linked"] = lambda target, slug: named.get((target, slug), [])[:limit]
        extras = self.context.setdefault("window_extras", {})
        for lang in routes.LANGUAGES:
            for audience in routes.AUDIENCES:
                shown = extras.setdefault((lang, audience), {})
                for name, items in upcoming.items():
                    if not self.items[name]:  # no section to link to
                        continue
                    shown[f"window_{name}"] = [i for i in items if audience in
                                               getattr(i, "audiences", ())][
                                                   :self.options["in_window"]]

    def generate_output(self, writer):
        """Write each kind's pages: its own way, or one page per item and a list."""
        for name, kind in self.kinds.items():
            items = self.items.get(name, [])
            if not items:  # a region without events publishes no empty events section
                continue
            if kind.pages is not None:
                kind.pages(self, writer, items)
                continue
            for lang in routes.LANGUAGES:
                for item in items:
                    url = routes.section(lang, name, item.slug)
                    writer.write_file(routes.save_as(url),
                                      self.get_template(kind.templates["item"]), self.context,
                                      lang=lang, page_url=url, item=item, kind=kind,
                                      translations=routes.section_alternates(name, item.slug))
                url = routes.section(lang, name)
                writer.write_file(routes.save_as(url), self.get_template(kind.templates["list"]),
                                  self.context, lang=lang, page_url=url, items=items, kind=kind,
                                  translations=routes.section_alternates(name))


def finalize(generators):
    """Once every generator read its content (the directory is merged), read the kinds."""
    for generator in generators:
        if isinstance(generator, KindsGenerator):
            generator.finalize()


def get_generators(pelican):
    """Offer the generator of the registry's kinds to Pelican."""
    return KindsGenerator


def register():
    """Add the kinds' generator; read their items when the directory is merged."""
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(finalize)  # businesses named must exist
