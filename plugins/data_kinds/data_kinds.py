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
from vitrine.kinds.items import References, read_kind
from vitrine.problem_language import in_language, site_language

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
        self.context["linked"] = lambda target, slug: {}

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
                log.warning("%s", in_language(problem, site_language(self.settings)))
            if kind.review is not None:
                kind.review(self.items[name], self.context["today"], self.settings)
        # the kinds the menu links to (those with pages and items), named once for every page
        self.context["nav_kinds"] = tuple(name for name, items in self.items.items()
                                          if items and self.kinds[name].item_pages)
        self._link()

    def _link(self):
        """Index the items each business and town is named by, and what each window shows."""
        today, named, shown = self.context["today"], defaultdict(list), {}
        for name, items in self.items.items():
            kind = self.kinds[name]
            shown[name] = [i for i in items if not hasattr(i, "is_past") or not i.is_past(today)]
            if kind.order is not None:
                shown[name].sort(key=lambda i, k=kind: k.order(i, today))
            for item in shown[name]:
                for target, slugs in (item.names() if hasattr(item, "names") else {}).items():
                    for slug in slugs:
                        named[(target, slug)].append(item)
        limit = self.options["on_page"]

        def linked(target: str, slug: str) -> dict[str, list]:
            """The items of each kind a business or town page shows: {"events": […], …}."""
            found = defaultdict(list)
            for item in named.get((target, slug), ()):
                found[item.kind].append(item)
            return {name: (self.kinds[name].shown or (lambda i: i[:limit]))(items)
                    for name, items in found.items()}

        self.context["linked"] = linked
        extras = self.context.setdefault("window_extras", {})
        for lang in routes.LANGUAGES:
            for audience in (*routes.AUDIENCES, "home"):
                values = extras.setdefault((lang, audience), {})
                for name, items in shown.items():
                    if self.items[name]:  # a kind without items has no section to link to
                        values[f"window_{name}"] = self._window(name, items, audience)

    def _window(self, name: str, items: list, audience: str) -> list:
        """The items of a kind an audience's window (or the home page) shows."""
        kind, limit = self.kinds[name], self.options["in_window"]
        if kind.window is not None:
            return kind.window(items, audience, limit)
        return [i for i in items if audience in getattr(i, "audiences", ())][:limit]

    def generate_output(self, writer):
        """Write each kind's pages: its own way, or one page per item and a list."""
        for name, kind in self.kinds.items():
            items = self.items.get(name, [])
            if not items:  # a region without events publishes no empty events section
                continue
            if kind.pages is not None:
                kind.pages(self, writer, items)
                continue
            if not kind.item_pages:
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
