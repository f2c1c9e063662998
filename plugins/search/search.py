"""Write the search page of each language and the directory's client data files."""

from __future__ import annotations

import logging
from collections import Counter
from urllib.parse import urlsplit

from pelican import signals
from pelican.generators import Generator
from unidecode import unidecode

from vitrine import routes
from vitrine.directory.client_data import write_client_data
from vitrine.story_index import all_stories

log = logging.getLogger(__name__)
MAP_DEFAULTS = {"tiles": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                "attribution": "© OpenStreetMap contributors", "max_zoom": 18}


def map_settings(settings) -> dict:
    """Return DIRECTORY_MAP merged with defaults; refuse unknown keys."""
    options = {**MAP_DEFAULTS, **(settings.get("DIRECTORY_MAP") or {})}
    unknown = sorted(set(options) - set(MAP_DEFAULTS))
    if unknown:
        raise ValueError(f"search: Invalid 'DIRECTORY_MAP' key: {unknown}")
    return options


def csp_sources(map_options: dict) -> dict:
    """Sources search and maps add to the CSP: Pagefind's WebAssembly, the tile server."""
    sources = {"script-src": ["'self'", "'wasm-unsafe-eval'"], "img-src": ["'self'"]}
    tiles = urlsplit(map_options["tiles"].replace("{s}", "SUBDOMAIN"))
    if tiles.scheme in ("http", "https") and tiles.netloc:
        sources["img-src"].append(f"{tiles.scheme}://{tiles.netloc.replace('SUBDOMAIN', '*')}")
    return sources


def configure(pelican) -> None:
    """Check DIRECTORY_MAP once and publish the CSP sources search and maps need."""
    settings = pelican.settings
    settings["DIRECTORY_MAP"] = options = map_settings(settings)
    # The security_headers plugin merges CSP_SOURCES into the pages' and hosts' policy.
    settings["CSP_SOURCES"] = {**settings.get("CSP_SOURCES", {}), **csp_sources(options)}


class SearchGenerator(Generator):
    """Write /recherche/ and /en/search/, and the directory's index.json per language."""

    def generate_output(self, writer):
        """Write the search pages, then the client data when the site has a directory."""
        directory = self.context.get("directory")
        categories, towns = self._link_lists(directory)
        story_audiences = {lang: set() for lang in routes.LANGUAGES}
        for story in all_stories(self.context.get("articles", [])):
            story_audiences.setdefault(story.lang, set()).update(story.audiences or ())
        for lang in routes.LANGUAGES:
            url = routes.section(lang, "search")
            writer.write_file(routes.save_as(url), self.get_template("search"), self.context,
                              lang=lang, page_url=url,
                              translations=routes.section_alternates("search"),
                              search_categories=categories, search_towns=towns,
                              search_filters=filter_choices(directory, categories, towns,
                                                            lang, story_audiences[lang]))
            if directory is not None:
                self._write_client_data(directory, lang)

    def _write_client_data(self, directory, lang):
        path = write_client_data(directory, self.output_path, lang, self.settings)
        log.info("search: wrote %s (%d businesses)", path, len(directory.businesses))

    @staticmethod
    def _link_lists(directory):
        """(item, count) pairs of categories and towns for the search page without JS."""
        if directory is None:
            return [], []
        by_category = Counter(b.category for b in directory.businesses)
        by_town = Counter(b.municipality for b in directory.businesses)
        categories = [(c, by_category[c.slug])
                      for c in directory.taxonomy.categories.values() if by_category[c.slug]]
        towns = sorted(((t, by_town[t.slug])
                        for t in directory.territory.municipalities.values() if by_town[t.slug]),
                       key=lambda pair: pair[0].name.casefold())
        return categories, towns


def filter_choices(directory, categories, towns, lang: str,
                   story_audiences=frozenset()) -> dict[str, list[tuple[str, str]]]:
    """(Pagefind filter, label) pairs of each kind of filter, in reading order.

    categories and towns are the (item, count) pairs of those holding businesses;
    story_audiences the audiences of the language's stories (their pages carry the audience
    filter too). Pages give each value its own Pagefind filter (town-amos: 1), so a search
    loads and counts only the filters it uses: Pagefind counts the pages of every loaded
    filter against the results on each search (seconds for a filter on 50,000 pages). For
    the same reason the page lists the values itself, never asking pagefind.filters().
    Audience labels are translated by the template.
    """
    audiences = set(story_audiences)
    audiences.update(a for b in (directory.businesses if directory else ()) for a in b.audiences)
    choices = {"audience": [(f"audience-{a}", a) for a in routes.AUDIENCES if a in audiences]}
    if directory is None:
        return choices
    mrcs = directory.territory.mrcs
    return {
        **choices,
        "category": _sorted((f"category-{c.slug}", c[lang]) for c, _count in categories),
        "town": _sorted((f"town-{t.slug}", t.name) for t, _count in towns),
        "mrc": _sorted({(f"mrc-{m.slug}", m.name) for m in (mrcs.get(t.mrc) for t, _ in towns)
                        if m}),
    }


def _sorted(choices) -> list[tuple[str, str]]:
    """Choices in dictionary order of their labels: accents and case do not move one to the end."""
    return sorted(choices, key=lambda choice: (unidecode(choice[1]).casefold(), choice[1]))


def get_generators(pelican):
    """Offer the search generator to Pelican."""
    return SearchGenerator


def register():
    """Check map settings and CSP at start; add the generator of search pages and data."""
    signals.initialized.connect(configure)
    signals.get_generators.connect(get_generators)
