"""Territories partners embed (an MRC or a town) and the embed pages each one gets.

Only combinations that hold businesses become pages: a territory, each category it has
businesses in, and each audience its businesses serve (under the audience's window slug:
integrer/amos/etudier/, en/embed/amos/study/). A town whose slug is an MRC's (Rouyn-Noranda,
a city with MRC powers) is served by the MRC's page when the MRC holds only that town, and
left out otherwise (logged).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass

from vitrine import routes

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Place:
    """A territory a partner may embed: an MRC (kind "mrc") or a town (kind "town")."""

    slug: str
    name: str
    kind: str
    towns: tuple[str, ...]  # the slugs of its towns (a town: itself)
    mrc: str  # the MRC it is or belongs to


@dataclass(frozen=True)
class EmbedPage:
    """One embed page: a territory's businesses, all, of one category or of one audience."""

    place: Place
    category: str | None
    businesses: tuple
    audience: str | None = None

    @property
    def whole(self) -> bool:
        """Tell whether the page lists all of its territory's businesses."""
        return self.category is None and self.audience is None

    def url(self, lang: str) -> str:
        """The page's URL in a language: integrer/<territory>/[<category or window>/]."""
        return embed_url(lang, self.place.slug, self.category, self.audience)


def embed_url(lang: str, territory: str, category: str | None = None,
              audience: str | None = None) -> str:
    """The URL of a territory's embed, or of one of its categories or audiences."""
    base = routes.section(lang, "embed", territory)
    below = category or (routes.window_folder(lang, audience) if audience else "")
    return f"{base}{below}/" if below else base


def places(territory) -> list[Place]:
    """Every territory of the region: its MRCs, then its towns, by name."""
    towns_of = defaultdict(list)
    for town in territory.municipalities.values():
        towns_of[town.mrc].append(town.slug)
    found = [Place(m.slug, m.name, "mrc", tuple(sorted(towns_of[m.slug])), m.slug)
             for m in sorted(territory.mrcs.values(), key=lambda m: m.name.casefold())]
    for town in sorted(territory.municipalities.values(), key=lambda t: t.name.casefold()):
        if town.slug in territory.mrcs:
            if towns_of[town.slug] != [town.slug]:
                log.warning("data/territory.yaml: municipalities: %s: the MRC %s has this "
                            "slug; the town gets no embed of its own", town.slug, town.slug)
            continue
        found.append(Place(town.slug, town.name, "town", (town.slug,), town.mrc))
    return found


def embed_pages(directory) -> list[EmbedPage]:
    """The embed pages to build: each territory with businesses, and its categories."""
    by_town = defaultdict(list)
    for business in directory.businesses:
        by_town[business.municipality].append(business)
    known = directory.taxonomy.categories
    windows = {routes.window_folder(lang, a) for lang in routes.LANGUAGES for a in routes.AUDIENCES}
    for slug in sorted(set(known) & windows):
        log.warning("data/taxonomy.yaml: categories: %s: the folder of an audience's embeds; "
                    "the category gets no embed of its own", slug)
    pages = []
    for place in places(directory.territory):
        listed = [b for town in place.towns for b in by_town.get(town, [])]
        if not listed:
            continue
        listed.sort(key=lambda b: (b.name.casefold(), b.slug))
        pages.append(EmbedPage(place, None, tuple(listed)))
        by_category = defaultdict(list)
        for business in listed:
            if business.category in known:
                by_category[business.category].append(business)
        pages += [EmbedPage(place, slug, tuple(by_category[slug]))
                  for slug in known if by_category.get(slug) and slug not in windows]
        for audience in routes.AUDIENCES:
            serving = tuple(b for b in listed if audience in b.audiences)
            if serving:
                pages.append(EmbedPage(place, None, serving, audience))
    return pages


def territory_data(slug: str) -> str:
    """The path, without extension, of a territory's open data: donnees/territoires/<slug>."""
    return f"{routes.section(routes.DEFAULT_LANG, 'data')}territoires/{slug}"
