"""Listing pages stay usable without JavaScript and on a 320 px wide phone."""

from __future__ import annotations

import pytest
from browser_fixtures import errors_of
from playwright.sync_api import expect

LISTINGS = ["/entreprises/", "/en/businesses/", "/municipalites/amos/", "/visiter/",
            "/en/invest/", "/recherche/", "/en/search/"]


@pytest.mark.parametrize("path", LISTINGS)
def test_without_javascript_the_choices_are_plain_links(open_page, directory_url, path):
    page = open_page(java_script_enabled=False)
    page.goto(f"{directory_url}{path}")
    for hidden in ("[data-filters]", "[data-map]"):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    links = page.locator("main a[href*='/categories/'], main a[href*='/municipalites/'], "
                         "main a[href*='/towns/']")
    assert links.count() >= 1
    links.first.click()
    expect(page.locator("h1")).to_be_visible()


def test_without_javascript_the_search_page_lists_categories_and_towns(open_page, directory_url):
    page = open_page(java_script_enabled=False)
    page.goto(f"{directory_url}/en/")
    page.locator("#site-search").fill("bakery")
    page.locator("#site-search").press("Enter")
    page.wait_for_url("**/en/search/?q=bakery")
    fallback = page.locator("[data-search-fallback]")
    expect(fallback).to_be_visible()
    expect(fallback.get_by_role("link", name="Bakery")).to_have_attribute(
        "href", "/en/businesses/categories/boulangerie/")
    expect(fallback.get_by_role("link", name="Amos")).to_have_attribute("href", "/en/towns/amos/")


@pytest.mark.parametrize("path", ["/", "/entreprises/", "/recherche/?q=levain",
                                  "/en/businesses/boulangerie-st-jean-ville-marie/",
                                  "/municipalites/amos/"])
def test_a_320_px_screen_needs_no_sideways_scrolling(open_page, directory_url, path):
    page = open_page(viewport={"width": 320, "height": 640})
    console_errors = errors_of(page)
    page.goto(f"{directory_url}{path}", wait_until="networkidle")
    if page.locator("[data-map-show]").count():
        page.locator("[data-map-show]").click()
        expect(page.locator(".leaflet-container")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert console_errors == []
