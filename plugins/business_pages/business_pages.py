"""Generate the directory's pages in both languages from the merged directory."""

from __future__ import annotations

import itertools
import logging
import os
from collections import defaultdict
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from vitrine import routes
from vitrine.directory.cache import CachedLoading, data_key, files_of
from vitrine.directory.exports import write_exports
from vitrine.directory.report import write_report
from vitrine.jsonld import business_jsonld, public_url, script_json
from vitrine.live import directory_written
from vitrine.page_cache import PageCache, base_key
from vitrine.problem_language import in_language, site_language
from vitrine.search_index import language_written
from vitrine.story_index import all_stories, for_reader

from .workers import default_workers, make_folders_aside, run_jobs

log = logging.getLogger(__name__)
DEFAULTS = {"per_page": 48, "window_sample": 8, "report_dir": "reports/steward",
            "edit_url": "", "workers": None}


def directory_settings(settings) -> dict:
    """Return the DIRECTORY settings merged with defaults; refuse unknown keys."""
    options = {**DEFAULTS, **settings.get("DIRECTORY", {})}
    unknown = sorted(set(options) - set(DEFAULTS))
    if unknown:
        raise ValueError(f"business_pages: Invalid 'DIRECTORY' key: {unknown}")
    return options


def pager_numbers(number: int, pages: int) -> list[int]:
    """Page numbers a pager links to: first, last, and two on each side of the current."""
    return sorted({1, pages, *range(max(1, number - 2), min(pages, number + 2) + 1)})


class DirectoryGenerator(Generator):
    """Load data/, link businesses and stories, and write every directory page."""

    def __init__(self, *args, **kwargs):
        """Start reading data/: large sources are read by worker processes meanwhile.

        Pelican makes every generator before any reads its content: the sources are read
        on the other core while Pelican reads the stories on this one.
        """
        super().__init__(*args, **kwargs)
        self.root = Path(self.settings["PATH"]).resolve().parent
        self.loading = None
        if (self.root / "data").is_dir():
            cache = (self.settings.get("BUILD_CACHE") or {}).get("directory")
            self.cache_dir = Path(cache) if cache else None
            self.data_key = data_key(self.root) if cache else None
            self.loading = CachedLoading(self.root, self.cache_dir, self.data_key)

    def generate_context(self):
        """Load and merge the directory; attach cross-links to stories."""
        self.options = directory_settings(self.settings)
        self.options["workers"] = self.options["workers"] or default_workers()
        self.directory = self.folders = None
        if self.loading is None:
            return
        self.directory = d = self.loading.result()
        lang = site_language(self.settings)
        for problem in d.problems:
            log.warning("%s", in_language(problem, lang))
        self.by_slug = {b.slug: b for b in d.businesses}
        self.by_category, self.by_town = defaultdict(list), defaultdict(list)
        for business in d.businesses:
            self.by_category[business.category].append(business)
            self.by_town[business.municipality].append(business)
        self._link_stories()
        self.folders = make_folders_aside(
            [os.path.join(self.output_path, routes.section(lang, "businesses"))
             for lang in routes.LANGUAGES],
            [os.path.join(self.output_path, routes.section(lang, "businesses", b.slug))
             for lang in routes.LANGUAGES for b in d.businesses], self.options["workers"])
        self.context["directory"] = d
        windows = {audience: self._window(audience) for audience in routes.AUDIENCES}
        extras = self.context.setdefault("window_extras", {})
        for lang in routes.LANGUAGES:  # a window shows the same businesses in each language
            for audience in routes.AUDIENCES:
                extras[(lang, audience)] = windows[audience]

    def _link_stories(self):
        """Resolve the businesses and towns each story names; index stories by both."""
        towns = self.directory.territory.municipalities
        self.stories_of, self.town_stories = defaultdict(list), defaultdict(list)
        for story in all_stories(self.context.get("articles", [])):
            story.linked_businesses = self._resolve(story, "businesses", self.by_slug,
                                                    self.stories_of)
            story.linked_towns = self._resolve(story, "municipalities", towns,
                                               self.town_stories)

    def _resolve(self, story, field, known, index) -> list:
        found = []
        for slug in getattr(story, field, None) or []:
            if slug in known:
                found.append(known[slug])
                index[slug].append(story)
            else:
                log.warning("content/%s: %s: expected a slug of the directory, got %r",
                            story.relative_source_path, field, slug)
        return found

    def _window(self, audience: str) -> dict:
        serving = [b for b in self.directory.businesses if audience in b.audiences]
        featured = sorted(serving, key=lambda b: (-len(self.stories_of.get(b.slug, [])),
                                                  -len(b.sources), b.slug))
        categories = [(c, len(self.by_category[c.slug]))
                      for c in self.directory.taxonomy.categories.values()
                      if audience in c.audiences and self.by_category[c.slug]]
        return {"window_businesses": featured[:self.options["window_sample"]],
                "window_business_count": len(serving), "window_categories": categories}

    def generate_output(self, writer):
        """Write index, business, category, town and open-data pages, then the data files."""
        if self.directory is None:
            return
        self._plan_covers()
        theme = Path(self.settings["THEME"])
        self.pages = PageCache(self.settings.get("BUILD_CACHE"), base_key(
            self.settings, self.directory, theme / "templates", theme / "translations",
            self.context),
            self.env.globals.get("picture"))
        # exports and report depend on the merged directory only: made once per version of
        # data/, by a worker while the other renders pages; so is the merged directory kept
        data = Path(self.output_path) / routes.section("fr", "data")
        side = (lambda: files_of(self.cache_dir, self.data_key, "exports", data,
                                 lambda folder: write_exports(self.directory, folder)),
                lambda: files_of(self.cache_dir, self.data_key, "report",
                                 self.root / self.options["report_dir"],
                                 lambda folder: write_report(self.directory, folder)),
                lambda: self.loading.keep(self.directory))
        keys, reused = {}, 0

        def written(index, pages):  # a group of pages is all written
            nonlocal reused
            for save_as, key, was_reused, context in pages:
                keys[save_as] = key
                reused += was_reused
                # written by worker processes: tell plugins here (the sitemap listens)
                signals.content_written.send(os.path.join(self.output_path, save_as),
                                             context=context)  # os: 106,000 pages
            if index < len(routes.LANGUAGES):
                # the last of its pages search reads: stories and windows were written before
                language_written.send(routes.LANGUAGES[index])

        # the workers render the pages search reads a language after the other, each
        # language's index starting after its pages; then the lists of both languages and,
        # when a search index is made of the pages, the side tasks: they run beside the last
        # language's index, whose writing leaves a core idle
        groups = [list(self._searched_jobs(lang)) for lang in routes.LANGUAGES]
        lists = [list(self._listing_jobs(lang)) for lang in routes.LANGUAGES]
        groups.append([job for jobs in lists for job in jobs])
        # a worker takes a language's lists whole: the business cards, kept per process and
        # language ({% cache %}), are each rendered once, not by both workers
        bounds = [0, *itertools.accumulate(map(len, lists))]
        _, report, _ = run_jobs(groups, self._write, self.options["workers"], side, written,
                                side_last=bool(language_written.receivers),
                                pieces={len(groups) - 1: list(itertools.pairwise(bounds))})
        self.pages.save(keys)
        self.page_keys = keys
        if self.folders is not None:
            self.folders.join()
        log.info("directory: %d pages, %d rendered, %d unchanged", len(keys),
                 len(keys) - reused, reused)
        for path in report:
            log.info("steward's report: %s", path)
        directory_written.send(self)  # a live preview keeps this generator to apply edits

    def jobs_showing(self, businesses) -> list:
        """Jobs of the pages that show any of businesses: theirs and the lists they are on."""
        per_page, wanted, found = self.options["per_page"], {id(b) for b in businesses}, []
        pages_of = {}  # a list's id -> the list (kept alive: ids stay its own), its pages
        for lang in routes.LANGUAGES:  # that show a wanted business
            for job in itertools.chain(self._searched_jobs(lang), self._listing_jobs(lang)):
                if job[0] == self._business_page:
                    shown = id(job[2]) in wanted
                elif job[0] == self._list_page:
                    listed, number = job[5], job[6]
                    if id(listed) not in pages_of:
                        pages_of[id(listed)] = listed, {i // per_page + 1
                                                        for i, b in enumerate(listed)
                                                        if id(b) in wanted}
                    shown = number in pages_of[id(listed)][1]
                else:
                    shown = False
                if shown:
                    found.append(job)
        return found

    def rewrite(self, jobs, folder: Path) -> dict[str, str]:
        """Render jobs into folder, reusing nothing; return each page's path and key."""
        output, self.output_path = self.output_path, str(folder)
        kept, self.pages.keys = self.pages.keys, {}
        try:
            return {save_as: key for save_as, key, _, _ in map(self._write, jobs)}
        finally:
            self.output_path, self.pages.keys = output, kept

    def _plan_covers(self):
        """Plan the story covers directory pages show (workers' plans would not reach us)."""
        picture = self.env.globals.get("picture")
        for stories in (*self.stories_of.values(), *self.town_stories.values()):
            for story in stories:
                if picture and getattr(story, "cover", None):
                    picture(story.cover)

    def _write(self, job) -> tuple[str, str, bool, dict]:
        """Write one page, or reuse the previous build's; return its path, key and context."""
        url, template, lang, translations, values, *derive = job[0](*job[1:])
        save_as = routes.save_as(url)
        page = {"lang": lang, "page_url": url, "translations": translations}
        key = self.pages.key(template, {**page, **values})
        if self.pages.reuse(save_as, key, Path(self.output_path)):
            return save_as, key, True, page
        context = {**self.context, "localsiteurl": self.context.get("localsiteurl"),
                   "output_file": save_as, "lang": lang, "page_url": url,
                   "translations": translations, **values,
                   **(derive[0]() if derive else {})}
        html = self.get_template(template).render(context)
        write_page(os.path.join(self.output_path, save_as), html.encode())
        return save_as, key, False, page

    def _searched_jobs(self, lang):
        """A language's pages that search reads, as (function, *arguments) that returns one.

        Business pages and each town's first page: the pages whose template fills the
        search_body block (business.html, town.html); tests/test_search_indexing.py checks
        that no other directory page is marked for search.
        """
        for town in self.directory.territory.municipalities.values():
            yield next(self._town_pages(lang, town))
        for business in self.directory.businesses:
            yield (self._business_page, lang, business)

    def _listing_jobs(self, lang):
        """A language's other directory pages: the lists, further town pages, the open data."""
        d = self.directory
        yield from self._paginated(lang, "directory/index", "businesses", None, d.businesses,
                                   categories=self._categories(), towns=self._towns())
        yield (self._page, routes.section(lang, "categories"), "directory/categories", lang,
               routes.section_alternates("categories"), {"categories": self._categories()})
        for category, _count in self._categories():
            yield from self._paginated(lang, "directory/category", "categories", category.slug,
                                       self.by_category[category.slug], category=category)
        yield (self._page, routes.section(lang, "towns"), "directory/towns", lang,
               routes.section_alternates("towns"), {"mrcs": self._mrcs()})
        for town in d.territory.municipalities.values():
            yield from itertools.islice(self._town_pages(lang, town), 1, None)
        yield (self._page, routes.section(lang, "data"), "directory/open_data", lang,
               routes.section_alternates("data"),
               {"sources": d.sources.values(), "total": len(d.businesses),
                "records": {source.id: source.record_count for source in d.sources.values()},
                "data_url": routes.section("fr", "data")})

    def _town_pages(self, lang, town):
        """Jobs for a town's pages: the first is searched, the others are listings."""
        return self._paginated(lang, "directory/town", "towns", town.slug,
                               self.by_town.get(town.slug, []), town=town,
                               mrc=self.directory.territory.mrcs.get(town.mrc),
                               stories=for_reader(self.town_stories.get(town.slug, []), lang),
                               linked=self._linked("towns", town.slug))

    def _linked(self, target: str, slug: str) -> dict[str, list]:
        """Items of the registry's kinds that name this business or town, by kind:
        {"events": upcoming events, "jobs": open offers, "contacts": …}."""
        linked = self.context.get("linked")
        return linked(target, slug) if linked else {}

    @staticmethod
    def _page(url, template, lang, translations, values):
        return url, template, lang, translations, values

    def _paginated(self, lang, template, section, slug, businesses, **values):
        """Jobs for a list of businesses over as many pages as per_page asks (page/2/, …)."""
        pages = max(1, -(-len(businesses) // self.options["per_page"]))
        for number in range(1, pages + 1):
            yield (self._list_page, lang, template, section, slug, businesses, number, pages,
                   values)

    def _list_page(self, lang, template, section, slug, businesses, number, pages, values):
        per_page = self.options["per_page"]

        def page_url(lg, n=number):
            return routes.list_page(routes.section(lg, section, slug), n)

        return page_url(lang), template, lang, routes.alternates(page_url), {
            "businesses": businesses[(number - 1) * per_page:number * per_page],
            "page_number": number, "page_count": pages, "total": len(businesses),
            "pager": [(n, page_url(lang, n)) for n in pager_numbers(number, pages)],
            "prev_url": page_url(lang, number - 1) if number > 1 else None,
            "next_url": page_url(lang, number + 1) if number < pages else None, **values}

    def _business_page(self, lang, business):
        """A business page's job result; its JSON-LD, made from keyed values, only if rendered."""
        d = self.directory
        url = routes.section(lang, "businesses", business.slug)
        category = d.taxonomy.categories.get(business.category)
        town = d.territory.municipalities.get(business.municipality)

        def derived():  # from the business, category, town, url, language and settings
            return {"jsonld": script_json(business_jsonld(
                business, category, town, f"{public_url(self.settings)}/{url}", lang))}

        return url, "directory/business", lang, routes.section_alternates(
            "businesses", business.slug), {
            "business": business, "category": category, "town": town,
            "sources": [d.sources[p.source] for p in business.sources if p.source in d.sources],
            "edit_url": self._edit_url(business),
            "stories": for_reader(self.stories_of.get(business.slug, []), lang),
            "linked": self._linked("businesses", business.slug)}, derived

    def _categories(self):
        return [(c, len(self.by_category[c.slug]))
                for c in self.directory.taxonomy.categories.values() if self.by_category[c.slug]]

    def _towns(self):
        towns = self.directory.territory.municipalities
        return [(towns[slug], len(items)) for slug, items in
                sorted(self.by_town.items(), key=lambda kv: towns[kv[0]].name)
                if slug in towns]

    def _mrcs(self):
        towns = defaultdict(list)
        for town in self.directory.territory.municipalities.values():
            towns[town.mrc].append((town, len(self.by_town.get(town.slug, []))))
        return [(mrc, sorted(towns[mrc.slug], key=lambda t: t[0].name))
                for mrc in self.directory.territory.mrcs.values()]

    def _edit_url(self, business) -> str:
        template = self.options["edit_url"] or self.settings.get("GIT_EDIT_URL", "")
        if not template or not business.sources:
            return ""
        first = business.sources[0]
        return template.format(path=first.path, line=first.line or 1)


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)


def write_page(path: str, data: bytes) -> None:
    """Write a page with three system calls, making its folder only when it is missing.

    Its folder is usually made already (workers.make_folders_aside). open() and
    os.makedirs() cost 26 µs a page more in Python, 2.8 CPU-s over 106,000 pages.
    """
    try:
        fd = os.open(path, _NEW_FILE, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd = os.open(path, _NEW_FILE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def get_generators(pelican):
    """Offer the directory generator to Pelican."""
    return DirectoryGenerator


def register():
    """Add the generator that writes the directory's pages and open data."""
    signals.get_generators.connect(get_generators)
