"""Write the embeds of each territory, the page for partners and each territory's open data.

Embeds are noindex, so the sitemap leaves them out, and no search index reads them (they are
not in indexed_pages()); the origins data/partners.yaml allows go into the context's
FRAMEABLE, which the security_headers plugin turns into frame-ancestors rules.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from vitrine import routes
from vitrine.directory.exports import business_data, write_selection
from vitrine.embeds.partners import frame_origins, load_partners
from vitrine.embeds.territories import embed_pages, embed_url, territory_data
from vitrine.page_cache import PageCache, base_key

log = logging.getLogger(__name__)


class EmbedsGenerator(Generator):
    """Plan the embeds from the merged directory; write them, the partners page and data."""

    def generate_context(self):
        """Plan the embed pages and read who may frame them (the directory is merged)."""
        self.directory = self.context.get("directory")
        self.pages = embed_pages(self.directory) if self.directory else []
        self.places = [page.place for page in self.pages if page.whole]
        if not self.pages:
            return
        territory = self.directory.territory
        root = Path(self.settings["PATH"]).resolve().parent
        partners, problems = load_partners(root, {*territory.mrcs, *territory.municipalities})
        for problem in problems:
            log.warning("%s", problem)
        origins = frame_origins(self.places, partners)
        self.context["FRAMEABLE"] = {embed_url(lang, place.slug): origins[place.slug]
                                     for lang in routes.LANGUAGES for place in self.places}
        self.context["partner_embeds"] = self  # a live preview rewrites the embeds it edits

    def generate_output(self, writer):
        """Write every embed in both languages, the partners page and the territories' data."""
        if not self.pages:
            return
        started, output = time.perf_counter(), Path(self.output_path)
        whole = {page.place.slug: page for page in self.pages if page.whole}
        theme = Path(self.settings["THEME"])
        self.cache = PageCache(self.settings.get("BUILD_CACHE"), base_key(
            self.settings, self.directory, theme / "templates", theme / "translations",
            self.context), kind="embeds")
        self.keys, self.reused = {}, 0  # an unchanged embed is the previous build's file
        self._write_embeds(self.pages, output)
        self.cache.save(self.keys)
        self.cache = None
        for lang in routes.LANGUAGES:
            url, alternates = routes.section(lang, "partners"), routes.section_alternates(
                "partners")
            self._write(output, url, "embed/partners", lang, alternates, {"territories": [
                (place, len(whole[place.slug].businesses), embed_url(lang, place.slug),
                 territory_data(place.slug)) for place in self.places]})
        written = time.perf_counter()
        self.write_data(output)
        log.info("partner_embeds: %d embed pages (%d unchanged) in %.1f s, %d territories' "
                 "data in %.1f s", len(self.pages) * len(routes.LANGUAGES), self.reused,
                 written - started, len(self.places), time.perf_counter() - written)

    def rewrite(self, businesses, folder: Path) -> list[str]:
        """Write the embeds listing any of businesses (edited in place by a live preview,
        staying in their lists) into folder; return their paths."""
        self.cache = None  # written in place: no previous build's file to reuse
        self.pages = embed_pages(self.directory)  # the pages now hold the new businesses
        edited = {b.slug for b in businesses}
        return self._write_embeds([page for page in self.pages
                                   if any(b.slug in edited for b in page.businesses)], folder)

    def write_data(self, output: Path) -> None:
        """Write each territory's open data: the rows of the full export, in its order."""
        d, rows_of = self.directory, {}  # a business is in its town's file and its MRC's
        for place in self.places:
            rows = [rows_of.get(b.slug) or rows_of.setdefault(b.slug, business_data(d, b))
                    for b in d.businesses if b.municipality in place.towns]
            write_selection(d, rows, output / territory_data(""), place.slug)

    def _write_embeds(self, pages, folder: Path) -> list[str]:
        """Write embed pages in both languages into folder; return their paths."""
        whole = {page.place.slug: page for page in self.pages if page.whole}
        shared, written = {}, []  # (territory, language) -> what all its embeds show
        for page in pages:
            for lang in routes.LANGUAGES:
                key = (page.place.slug, lang)
                if key not in shared:
                    shared[key] = self._menus(page.place, whole[page.place.slug].businesses,
                                              lang)
                    if getattr(self, "cache", None):  # the menus' digest, once a territory
                        shared[key]["menus_key"] = self.cache.key("menus", shared[key])
                written.append(self._write(folder, page.url(lang), "embed/territory", lang,
                                           routes.alternates(page.url), {
                                               **shared[key], "businesses": page.businesses,
                                               "audience": page.audience,
                                               "category": self.directory.taxonomy.categories
                                               .get(page.category)}))
        return written

    def _menus(self, place, listed, lang) -> dict:
        """What every embed of a territory shows in a language: its menus and links."""
        d = self.directory
        towns, framed = d.territory.municipalities, {p.slug for p in self.places}
        categories = Counter(b.category for b in listed)
        in_town = Counter(b.municipality for b in listed)
        serving = Counter(a for b in listed for a in b.audiences)
        return {"place": place, "noindex": True,
                "territory_url": embed_url(lang, place.slug),
                "mrc": d.territory.mrcs.get(place.mrc),
                "categories": [(c, categories[slug]) for slug, c in
                               d.taxonomy.categories.items() if categories[slug]],
                "towns": [(towns[slug], in_town[slug],
                           embed_url(lang, slug) if slug in framed else None)
                          for slug in place.towns if in_town[slug]],
                "audiences": [(a, serving[a], embed_url(lang, place.slug, audience=a))
                              for a in routes.AUDIENCES if serving[a]],
                "known_categories": d.taxonomy.categories,
                "town_names": {slug: t.name for slug, t in towns.items()}}

    def _write(self, folder: Path, url, template, lang, translations, values) -> str:
        """Render one page into folder and announce it; return its path in the site."""
        context = {**self.context, "lang": lang, "page_url": url, "translations": translations,
                   "output_file": routes.save_as(url), **values}
        path = folder / routes.save_as(url)
        cache = getattr(self, "cache", None) if template == "embed/territory" else None
        key = cache.key(template, {"lang": lang, "url": url, "menus": values["menus_key"],
                                   "businesses": values["businesses"],
                                   "audience": values["audience"],
                                   "category": values["category"]}) if cache else None
        if cache and cache.reuse(routes.save_as(url), key, folder):
            self.reused += 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.get_template(template).render(context), encoding="utf-8")
        if key:
            self.keys[routes.save_as(url)] = key
        # the build counts every page; the sitemap leaves out the noindex ones (embeds)
        signals.content_written.send(str(path), context={
            "lang": lang, "page_url": url, "translations": translations,
            "noindex": values.get("noindex", False)})
        return routes.save_as(url)


def get_generators(pelican):
    """Offer the embeds generator to Pelican."""
    return EmbedsGenerator


def register():
    """Add the generator; listed after business_pages, whose merged directory it reads."""
    signals.get_generators.connect(get_generators)
