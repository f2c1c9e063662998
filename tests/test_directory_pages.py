"""The directory on the site: pages in both languages, JSON-LD, cross-links, open data."""

from __future__ import annotations

import json

import pytest
from business_pages.business_pages import pager_numbers
from conftest import build_copy, copy_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = build_copy(copy_site("directory", tmp_path_factory.mktemp("dir")))
    assert built.result.ok
    return built


def test_a_bad_record_is_skipped_and_the_rest_of_the_site_builds(site):
    assert site.result.warnings == 2
    assert site.exists("/entreprises/genie-nord/")
    assert not site.exists("/entreprises/auberge-du-lac/")
    assert "Génie Nord <script>" not in (site.output / "entreprises/index.html").read_text()


def test_every_build_reports_its_warnings_not_only_the_first_of_the_process(tmp_path):
    root = copy_site("directory", tmp_path)
    assert build_copy(root).result.warnings == 2
    assert build_copy(root).result.warnings == 2  # as in vitrine serve --reload


@pytest.mark.parametrize("url", ["/entreprises/boulangerie-st-jean-ville-marie/",
                                 "/en/businesses/boulangerie-st-jean-ville-marie/"])
def test_business_page_shows_contact_hours_sources_and_correction_link(site, url):
    page = site.html(url)
    assert page.h1.get_text() == "Boulangerie St-Jean"
    assert page.select_one('a[href^="tel:"]')["href"] == "tel:+18195550199"
    assert page.select_one("address").get_text(" ", strip=True).startswith("12 rue Ste-Anne")
    assert len(page.select("table.hours tr")) == 3
    sources = [li.get_text() for li in page.select(".provenance li")]
    assert [s.split(" — ")[0] for s in sources] == ["Ville de Ville-Marie",
                                                    "Chambre de commerce du Témiscamingue"]
    edit = page.select_one('.provenance a[rel="nofollow"]')["href"]
    assert edit.endswith("data/sources/ville-marie.yaml#L3")


def test_business_page_has_local_business_json_ld(site):
    page = site.html("/en/businesses/boulangerie-st-jean-ville-marie/")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Bakery"
    assert data["address"]["addressLocality"] == "Ville-Marie"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 47.334, "longitude": -79.435}
    assert data["telephone"] == "819 555-0199"
    assert data["description"] == "Wood-fired sourdough."
    assert data["url"] == \
        "https://vitrine.example.org/en/businesses/boulangerie-st-jean-ville-marie/"


def test_business_and_story_link_to_each_other(site):
    business = site.html("/entreprises/boulangerie-st-jean-ville-marie/")
    assert business.select_one('.cards a[href="/recits/un-ete-sur-le-lac-temiscamingue/"]')
    story = site.html("/recits/un-ete-sur-le-lac-temiscamingue/")
    links = {a["href"] for a in story.select(".story-footer a")}
    assert "/entreprises/boulangerie-st-jean-ville-marie/" in links
    assert "/municipalites/ville-marie/" in links


def test_town_page_lists_its_businesses_and_stories(site):
    page = site.html("/municipalites/ville-marie/")
    assert page.h1.get_text() == "Ville-Marie"
    names = [a.get_text() for a in page.select(".biz h3 a")]
    assert names == ["Boulangerie St-Jean"]
    assert page.select_one('.cards a[href="/recits/un-ete-sur-le-lac-temiscamingue/"]')
    assert "Témiscamingue" in page.select_one(".meta").get_text()


def test_category_and_index_pages_in_both_languages(site):
    category = site.html("/en/businesses/categories/boulangerie/")
    assert category.h1.get_text() == "Bakery"
    assert len(category.select(".biz")) == 2
    index = site.html("/entreprises/")
    assert [a["href"] for a in index.select(".biz h3 a")] == [
        "/entreprises/boulangerie-st-jean-amos/", "/entreprises/boulangerie-st-jean-ville-marie/",
        "/entreprises/genie-nord/"]
    alternates = {link["hreflang"]: link["href"] for link in
                  index.select('link[rel="alternate"][hreflang]')}
    assert alternates["en"] == "https://vitrine.example.org/en/businesses/"


def test_windows_show_the_businesses_that_serve_their_audience(site):
    invest = [a.get_text() for a in site.html("/investir/").select(".biz a")]
    visit = [a.get_text() for a in site.html("/en/visit/").select(".biz a")]
    assert invest == ["Génie Nord"]
    assert sorted(visit) == ["Boulangerie St-Jean", "Boulangerie St-Jean"]


def test_open_data_files_are_published_with_their_page(site):
    data = json.loads((site.output / "donnees/entreprises.json").read_text())
    assert len(data["businesses"]) == 3
    assert site.html("/en/open-data/").select_one('a[href="/donnees/entreprises.csv"]')
    assert (site.root / "reports/steward/steward-report.html").is_file()
    assert not (site.output / "reports").exists()


def test_a_business_named_like_a_folder_of_the_directory_gets_a_page_of_its_own(tmp_path):
    root = copy_site("directory", tmp_path)
    source = root / "data/sources/ville-marie.yaml"
    source.write_text(source.read_text() + "".join(f"""  - id: "{number}"
    name: {name}
    category: boulangerie
    address: {number}, rue Principale
    municipality: ville-marie
""" for number, name in ((60, "Catégories"), (61, "Page"))))
    site = build_copy(root, DIRECTORY={"per_page": 1})
    assert site.result.ok
    for section in ("/entreprises/", "/en/businesses/"):
        listing = site.html(f"{section}categories/")  # the list of categories, as before
        assert listing.select_one(f'a[href$="{section}categories/boulangerie/"]')
        assert listing.select_one("article.business") is None
        for name, slug in (("Catégories", "categories-ville-marie"),
                           ("Page", "page-ville-marie")):
            page = site.html(f"{section}{slug}/")
            assert page.select_one("article.business h1").get_text() == name
    assert site.html("/entreprises/page/2/").select(".biz")  # the list's second page


def test_directory_pager_shows_a_window_of_pages(tmp_path):
    site = build_copy(copy_site("directory", tmp_path), DIRECTORY={"per_page": 1})
    assert site.result.ok
    links = [a.get_text() for a in site.html("/entreprises/page/2/").select(".pagination a")]
    assert links == ["Page précédente", "1", "2", "3", "Page suivante"]
    for number in (1, 2, 3):
        assert site.exists(f"/entreprises/page/{number}/") == (number > 1)


@pytest.mark.parametrize(("number", "shown"), [
    (1, [1, 2, 3, 1042]), (6, [1, 4, 5, 6, 7, 8, 1042]), (1042, [1, 1040, 1041, 1042])])
def test_a_long_pager_links_first_last_and_two_around_the_current_page(number, shown):
    # at 50,000 businesses the directory has 1,042 pages: each links to 7 of them, not all
    assert pager_numbers(number, 1042) == shown


def test_category_and_town_pages_paginate_with_their_translations(tmp_path):
    site = build_copy(copy_site("directory", tmp_path), DIRECTORY={"per_page": 1})
    page = site.html("/municipalites/amos/page/2/")
    assert page.h1.get_text() == "Amos"
    assert len(page.select(".biz")) == 1
    assert {link["hreflang"]: link["href"] for link in
            page.select('link[rel="alternate"][hreflang]')}["en"] == (
        "https://vitrine.example.org/en/towns/amos/page/2/")
    assert site.exists("/en/businesses/categories/boulangerie/page/2/")
    assert "2 businesses and organisations" in site.html(
        "/en/businesses/categories/boulangerie/page/2/").get_text()
