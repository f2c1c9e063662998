"""Site search in a real browser: Pagefind indexes per language, filters, the header box."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize(("path", "word", "meta"), [
    ("/recherche/", "levain", "Boulangerie · Ville-Marie"),
    ("/en/search/", "sourdough", "Bakery · Ville-Marie"),
])
def test_search_finds_a_business_by_a_word_of_its_description(page, directory_url,
                                                              console_errors, path, word, meta):
    page.goto(f"{directory_url}{path}")
    page.get_by_role("searchbox").first.wait_for()
    page.locator("#search-q").fill(word)
    results = page.locator("[data-search-results] > li")
    expect(results).to_have_count(1)
    expect(results.get_by_role("link")).to_have_text("Boulangerie St-Jean")
    href = results.get_by_role("link").get_attribute("href")
    assert href.endswith("/boulangerie-st-jean-ville-marie/")
    expect(results.locator(".meta")).to_have_text(meta)
    expect(results.locator("mark").first).to_have_text(re.compile(word, re.I))
    assert page.url.endswith(f"{path}?q={word}")
    assert console_errors == []


@pytest.mark.parametrize(("path", "word", "count"), [
    ("/recherche/", "lapin", 0),  # Pagefind alone answers with every page holding "la"
    ("/recherche/", "dessert", 0),  # ... or "des"
    ("/recherche/", "boulangeries", 2),  # a plural still finds the singular
    ("/recherche/", "boul", 2),  # and a word being typed, its completions
    ("/en/search/", "bakeries", 2),
    ("/en/search/", "firing", 1),  # the stem of "Wood-fired", not a prefix of the word
])
def test_a_word_no_page_holds_finds_nothing_rather_than_pages_with_its_first_letters(
        page, directory_url, console_errors, path, word, count):
    page.goto(f"{directory_url}{path}?q={word}")
    status = page.locator("[data-search-status]")
    expect(status).not_to_have_text(re.compile(r"^$|…"))
    expect(page.locator("[data-search-results] > li")).to_have_count(count)
    if count == 0:
        expect(status).to_have_text(re.compile("Aucun|No "))
    assert console_errors == []


def test_each_search_filter_narrows_the_results_and_the_url(page, directory_url,
                                                           console_errors):
    page.goto(f"{directory_url}/recherche/?category=Boulangerie")
    results = page.locator("[data-search-results] > li")
    expect(results).to_have_count(2)
    page.get_by_label("Municipalité", exact=True).select_option("Amos")
    expect(results).to_have_count(1)
    expect(page.locator("[data-search-status]")).to_have_text("1 résultat")
    expect(results.locator(".meta")).to_have_text("Boulangerie · Amos")
    assert page.url.endswith("/recherche/?category=Boulangerie&town=Amos")
    page.get_by_label("Municipalité", exact=True).select_option("")
    page.get_by_label("MRC", exact=True).select_option("Témiscamingue")
    expect(results).to_have_count(1)
    expect(results.locator(".meta")).to_have_text("Boulangerie · Ville-Marie")
    assert page.url.endswith("/recherche/?category=Boulangerie&mrc=T%C3%A9miscamingue")
    assert console_errors == []


def test_a_shared_search_url_shows_the_same_results(page, directory_url, console_errors):
    page.goto(f"{directory_url}/en/search/?category=Engineering")
    results = page.locator("[data-search-results] > li")
    expect(results).to_have_count(1)
    expect(results.get_by_role("link")).to_have_text("Génie Nord")
    expect(page.get_by_label("Category", exact=True)).to_have_value("Engineering")
    expect(page.locator("[data-search-fallback]")).to_be_hidden()
    assert console_errors == []


def test_the_header_search_box_opens_the_search_page_of_the_language(page, directory_url,
                                                                    console_errors):
    page.goto(f"{directory_url}/en/")
    page.locator("#site-search").fill("sourdough")
    page.locator("#site-search").press("Enter")
    page.wait_for_url("**/en/search/?q=sourdough")
    expect(page.locator("[data-search-results] > li")).to_have_count(1)
    assert console_errors == []


def test_search_runs_on_the_page_not_in_pagefinds_worker(page, directory_url, console_errors):
    # Pagefind's worker copies every result to the page: broad words answered 1.7x slower
    # on 50,000 businesses, two broad words 8-20x (measure_search_latency.py)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{directory_url}/recherche/?q=levain")
    expect(page.locator("[data-search-results] > li")).to_have_count(1)
    assert any(url.endswith("/pagefind/pagefind.js") for url in requested)
    assert not [url for url in requested if "worker" in url]
    assert console_errors == []


def test_story_pages_load_no_script(page, directory_url):
    scripts = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    page.goto(f"{directory_url}/recits/un-ete-sur-le-lac-temiscamingue/",
               wait_until="networkidle")
    assert scripts == []
    assert page.locator("script:not([type='application/ld+json'])").count() == 0


def test_the_audience_filter_finds_the_stories_and_businesses_of_an_audience(
        page, directory_url, console_errors):
    page.goto(f"{directory_url}/recherche/?audience=%C3%89tudier")
    results = page.locator("[data-search-results] > li")
    expect(results).to_have_count(1)
    expect(results.get_by_role("link")).to_have_text("Étudier au cégep à Rouyn-Noranda")
    page.get_by_label("Public", exact=True).select_option("Visiter")
    expect(results).to_have_count(3)
    assert sorted(results.get_by_role("link").all_inner_texts()) == [
        "Boulangerie St-Jean", "Boulangerie St-Jean", "Un été sur le lac Témiscamingue"]
    assert page.url.endswith("/recherche/?audience=Visiter")
    assert console_errors == []
