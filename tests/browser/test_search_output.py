"""Search, filters and map on the built site: index markup, client data, assets, budgets."""

from __future__ import annotations

import copy
import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from browser_fixtures import build_apart
from bs4 import BeautifulSoup
from conftest import build_copy, copy_site

from vitrine.search_index import SEARCH_ROOT, index_for_search, indexed_pages

BUDGET = 60 * 1024  # bytes a home or window page may send, images excluded


class Built:
    """A site built apart: its output folder and a page reader."""

    def __init__(self, output: Path):
        self.output = output

    def html(self, url: str) -> BeautifulSoup:
        """Parse the page served at a site URL such as /recherche/."""
        return BeautifulSoup((self.output / url.lstrip("/") / "index.html").read_text(),
                             "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return Built(build_apart("directory", tmp_path_factory.mktemp("search")))


def test_client_data_holds_only_what_filters_and_maps_need(site):
    fr = json.loads((site.output / "entreprises/index.json").read_text())
    en = json.loads((site.output / "en/businesses/index.json").read_text())
    assert fr["fields"] == ["slug", "name", "category", "town", "lat", "lon", "hours",
                            "audiences"]
    assert (fr["base"], en["base"]) == ("/entreprises/", "/en/businesses/")
    assert (fr["categories"]["ingenierie"], en["categories"]["ingenierie"]) == (
        "Génie-conseil", "Engineering")
    assert fr["timezone"] == "America/Toronto"
    assert fr["towns"]["amos"] == {"name": "Amos", "lat": 48.5667, "lon": -78.1167}
    bakery = next(row for row in fr["businesses"] if row[0] == "boulangerie-st-jean-ville-marie")
    assert bakery == ["boulangerie-st-jean-ville-marie", "Boulangerie St-Jean", "boulangerie",
                      "ville-marie", 47.334, -79.435,
                      {"mon": "07:00-17:00", "sat": "08:00-12:00", "sun": "closed"},
                      ["workers", "tourists"]]
    assert len(fr["businesses"]) == 3


@pytest.mark.parametrize(("url", "search_url", "category_url"), [
    ("/recherche/", "/recherche/", "/entreprises/categories/boulangerie/"),
    ("/en/search/", "/en/search/", "/en/businesses/categories/boulangerie/"),
])
def test_search_page_works_as_a_get_form_with_category_and_town_links(site, url, search_url,
                                                                      category_url):
    page = site.html(url)
    form = page.select_one("form[data-search]")
    assert (form["action"], form["method"], form.select_one("input[type=search]")["name"]) == (
        search_url, "get", "q")
    fallback = {a["href"] for a in page.select("[data-search-fallback] a")}
    assert category_url in fallback
    assert {a["hreflang"] for a in page.select('link[rel="alternate"][hreflang]')} == {
        "fr", "en", "x-default"}


@pytest.mark.parametrize(("url", "action"), [
    ("/", "/recherche/"), ("/en/", "/en/search/"),
    ("/recits/un-ete-sur-le-lac-temiscamingue/", "/recherche/"),
    ("/en/businesses/genie-nord/", "/en/search/")])
def test_every_page_has_a_header_search_box_to_its_language_search_page(site, url, action):
    form = site.html(url).select_one("header form.search-box")
    assert (form["action"], form["method"], form.input["name"]) == (action, "get", "q")


def test_business_pages_carry_search_filters_and_result_meta(site):
    page = site.html("/entreprises/boulangerie-st-jean-ville-marie/")
    assert page.main.has_attr("data-pagefind-body")
    category = page.select_one('[data-pagefind-meta="category"]')
    assert (category.get_text(), category["data-pagefind-filter"]) == ("Boulangerie",
                                                                       "category-boulangerie:1")
    town = page.select_one('[data-pagefind-meta="town"]')
    assert (town.get_text(), town["data-pagefind-filter"]) == ("Ville-Marie", "town-ville-marie:1")
    assert page.select_one("p.meta")["data-pagefind-filter"] == "mrc-temiscamingue:1"
    assert [a["data-pagefind-filter"] for a in page.select('a.tag[data-pagefind-filter]')] == [
        "audience-workers:1", "audience-tourists:1"]
    assert page.select_one(".provenance").has_attr("data-pagefind-ignore")


def _indexed_filters(*folders: Path) -> set[str]:
    """Every Pagefind filter the pages directly under some folders carry."""
    names = set()
    for path in (path for folder in folders for path in folder.glob("*/index.html")):
        for tag in BeautifulSoup(path.read_text(), "html.parser").select("[data-pagefind-filter]"):
            names.add(tag["data-pagefind-filter"].split(":")[0])
    return names


@pytest.mark.parametrize(("url", "businesses", "stories"), [
    ("/recherche/", "entreprises", "recits"), ("/en/search/", "en/businesses", "en/stories")])
def test_search_page_offers_exactly_the_filters_pages_carry(site, url, businesses, stories):
    page = site.html(url)
    offered = {o["data-key"]: o.get_text() for o in page.select("select[data-filter] option")
               if o.has_attr("data-key")}
    assert set(offered) == _indexed_filters(site.output / businesses, site.output / stories)
    assert all(key.startswith(f"{o.parent['name']}-")
               for o in page.select("option[data-key]") for key in [o["data-key"]])
    towns = [o.get_text() for o in page.select("select[name=town] option[data-key]")]
    assert towns == sorted(towns, key=str.casefold)


def _searchable_text(page: BeautifulSoup) -> str:
    """The words Pagefind reads on a page: its data-pagefind-body without ignored parts.

    Pagefind still takes filters and meta from ignored parts (checked by the browser tests).
    """
    body = copy.copy(page.select_one("[data-pagefind-body]"))  # a deep copy: page stays whole
    for ignored in body.select("[data-pagefind-ignore]"):
        ignored.decompose()
    return " ".join(body.get_text(" ").split())


@pytest.mark.parametrize(("url", "words"), [
    ("/entreprises/boulangerie-st-jean-ville-marie/", "Boulangerie St-Jean Boulangerie · "
     "Ville-Marie Pain au levain cuit au bois. 12 rue Ste-Anne Ville-Marie J9V 1A1"),
    ("/en/businesses/genie-nord/", "Génie Nord Engineering · Amos Mining and environmental "
     "engineering. 1, rue Principale Nord Amos"),
    ("/municipalites/ville-marie/", "Ville-Marie MRC : Témiscamingue"),
])
def test_search_reads_what_a_page_is_about_not_the_labels_every_page_repeats(site, url, words):
    # labels such as "Carte", "Téléphone" or "Pour qui" would make every business a
    # result for them, and cost a quarter of Pagefind's time on 50,000 pages
    assert _searchable_text(site.html(url)) == words


def test_stories_are_searched_by_their_text_and_filtered_by_audience(site):
    page = site.html("/recits/un-ete-sur-le-lac-temiscamingue/")
    text = _searchable_text(page)
    assert text.startswith("Un été sur le lac Témiscamingue Canot, plages et villages")
    assert "Entreprises mentionnées : Boulangerie St-Jean" in text
    assert "Accueil" not in text and "Fenêtres" not in text and "Lire en" not in text
    assert [a["data-pagefind-filter"] for a in page.select("a.tag[data-pagefind-filter]")] == [
        "audience-tourists:1", "audience-workers:1"]
    window = _searchable_text(site.html("/visiter/"))  # its title, promise and introduction
    assert window == "tourists fr Intro tourists fr. Intro of tourists in fr."


@pytest.mark.parametrize(("url", "indexed"), [
    ("/entreprises/", False), ("/entreprises/categories/boulangerie/", False), ("/", False),
    ("/municipalites/amos/", True), ("/visiter/", True),
    ("/recits/un-ete-sur-le-lac-temiscamingue/", True), ("/recherche/", False)])
def test_only_pages_worth_finding_are_indexed(site, url, indexed):
    assert site.html(url).main.has_attr("data-pagefind-body") is indexed


def test_pagefind_reads_every_page_marked_for_search_and_no_list_page(site):
    read = {p.relative_to(site.output).as_posix()
            for lang in ("fr", "en") for pattern in indexed_pages(lang)
            for p in site.output.glob(pattern)}
    marked = {p.relative_to(site.output).as_posix() for p in site.output.rglob("*.html")
              if "data-pagefind-body" in p.read_text()}
    assert marked and marked <= read
    # a list page is parsed for nothing (a fifth of the HTML at 50,000 businesses): only
    # the index of categories has the shape of a business page
    assert read - marked == {"entreprises/categories/index.html",
                             "en/businesses/categories/index.html"}


def test_everything_search_reads_is_inside_the_element_pagefind_reads(site):
    # Pagefind reads only SEARCH_ROOT: a filter, meta or body marked outside it, or a page
    # titled only by its <title>, would silently leave the search results
    pages = [BeautifulSoup(p.read_text(), "html.parser") for p in site.output.rglob("*.html")]
    marked = [page for page in pages if page.select_one("[data-pagefind-body]")]
    assert len(marked) > 10
    for page in pages:
        root = page.select_one(SEARCH_ROOT)
        for tag in page.find_all(lambda t: any(a.startswith("data-pagefind") for a in t.attrs)):
            assert tag is root or root in tag.parents, (page.title, tag.name, tag.attrs)
    for page in marked:
        assert page.select_one(SEARCH_ROOT).has_attr("data-pagefind-body")
        assert page.select_one(SEARCH_ROOT).h1.get_text(strip=True), page.title


@pytest.mark.parametrize(("bundle", "lang", "url"), [
    ("pagefind", "fr", "/recherche/"), ("en/pagefind", "en", "/en/search/")])
def test_each_language_has_its_own_search_bundle(site, bundle, lang, url):
    names = {p.name.split("_")[0] for p in (site.output / bundle).glob("pagefind.*.pf_meta")}
    assert names == {f"pagefind.{lang}"}
    assert site.html(url).select_one("form[data-search]")["data-bundle"] == (
        f"/{bundle}/pagefind.js")


@pytest.mark.parametrize(("url", "script"), [
    ("/entreprises/", "directory.js"), ("/en/towns/amos/", "directory.js"),
    ("/en/visit/", "directory.js"), ("/recherche/", "search.js"),
    ("/entreprises/boulangerie-st-jean-ville-marie/", "business.js"),
    ("/recits/un-ete-sur-le-lac-temiscamingue/", None), ("/", None),
    ("/entreprises/categories/", None)])
def test_scripts_only_where_needed_as_modules_never_inline(site, url, script):
    scripts = [s for s in site.html(url).select("script")  # data, not code: JSON-LD, a record
               if s.get("type") not in ("application/ld+json", "application/json")]
    assert [(s["type"], s["src"].rsplit("/", 1)[-1], s.string) for s in scripts] == (
        [("module", script, None)] if script else [])


def test_csp_allows_pagefind_webassembly_and_the_tile_server_only(site):
    csp = site.html("/recherche/").select_one('meta[http-equiv="Content-Security-Policy"]')
    assert csp["content"] == ("default-src 'self'; object-src 'none'; base-uri 'self'; "
                              "form-action 'self'; script-src 'self' 'wasm-unsafe-eval'; "
                              "img-src 'self' https://tile.openstreetmap.org")


def test_map_waits_for_a_click_and_names_the_tile_server(site):
    panel = site.html("/entreprises/").select_one("[data-map]")
    assert panel.has_attr("hidden")
    assert panel["data-tiles"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "tile.openstreetmap.org" in panel.get_text()


def test_leaflet_is_vendored_into_the_output(site):
    vendor = site.output / "theme/vendor/leaflet"
    assert sorted(p.name for p in vendor.iterdir()) == [
        "MarkerCluster.Default.css", "MarkerCluster.css", "images", "leaflet.css", "leaflet.js",
        "leaflet.markercluster.js"]
    assert (vendor / "images/marker-icon.png").is_file()


def test_a_missing_node_modules_fails_the_build_with_the_fix(tmp_path, caplog):
    root = copy_site("basic", tmp_path)
    with caplog.at_level(logging.ERROR):
        built = build_copy(root, MAP_ASSETS_NODE_MODULES=str(tmp_path / "nowhere"))
    assert not built.result.ok
    assert (f"map_assets: {tmp_path}/nowhere/leaflet/dist/leaflet.js is missing; run `npm ci` "
            "(`make html` does) to install Leaflet") in caplog.messages


def test_an_unknown_map_setting_fails_the_build(tmp_path, caplog):
    root = copy_site("basic", tmp_path)
    with caplog.at_level(logging.ERROR):
        built = build_copy(root, DIRECTORY_MAP={"tile": "https://x.example/{z}/{x}/{y}.png"})
    assert not built.result.ok
    assert "search: Invalid 'DIRECTORY_MAP' key: ['tile']" in caplog.text


def _bundles(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes()
            for name in ("pagefind", "en/pagefind") for p in (output / name).rglob("*")
            if p.is_file()}


def test_languages_indexed_at_once_or_one_after_the_other_give_the_same_bundles(site,
                                                                                tmp_path):
    # a small site indexes both languages at once, a 50,000-business one apart (memory)
    bundles = []
    for name, pages in (("apart", None), ("together", 10)):
        output = tmp_path / name
        shutil.copytree(site.output, output, ignore=shutil.ignore_patterns("pagefind"))
        assert _bundles(output) == {}
        assert index_for_search(output, pages=pages)
        bundles.append(_bundles(output))
    assert bundles[0] == bundles[1]
    assert {"pagefind/pagefind-entry.json", "en/pagefind/pagefind-entry.json"} <= set(bundles[0])


def test_a_missing_pagefind_fails_the_build_with_the_fix(tmp_path, caplog):
    assert index_for_search(tmp_path, node_modules=tmp_path / "node_modules") is False
    assert "Pagefind is not installed" in caplog.text and "run `npm ci`" in caplog.text


@pytest.mark.parametrize("pages", [None, 10])  # languages apart, or at once
def test_a_pagefind_failure_is_reported(tmp_path, caplog, pages):
    assert index_for_search(tmp_path, pages=pages) is False
    assert caplog.messages[0].startswith("search index: pagefind failed for fr (exit 1): Error: "
                                         "Pagefind was not able to build an index.")


def _weight(output: Path, url: str) -> int:
    """Bytes of a page, its stylesheets and its module scripts with their static imports."""
    html = (output / url.lstrip("/") / "index.html").read_text()
    files = {output / url.lstrip("/") / "index.html"}
    files |= {output / h.lstrip("/") for h in re.findall(r'<link rel="stylesheet" href="([^"]+)"',
                                                         html)}
    todo = [output / s.lstrip("/") for s in re.findall(r'<script type="module" src="([^"]+)"',
                                                       html)]
    while todo:
        script = todo.pop()
        if script not in files:
            files.add(script)
            todo += [script.parent / m for m in re.findall(r'^import .* from "\./([^"]+)"',
                                                          script.read_text(), re.M)]
    return sum(f.stat().st_size for f in files)


@pytest.mark.parametrize("url", ["/", "/en/", "/etudier/", "/en/visit/", "/travailler/",
                                 "/recherche/", "/en/search/"])
def test_home_windows_and_search_stay_under_60_kb_without_images(demo_site, url):
    # Pagefind is imported dynamically, when the visitor reaches for the search field
    assert _weight(demo_site.output, url) < BUDGET
