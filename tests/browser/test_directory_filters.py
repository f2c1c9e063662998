"""Directory filters in a real browser: category, town, open now, near me; URL kept in sync."""

from __future__ import annotations

from browser_fixtures import errors_of
from playwright.sync_api import expect

AMOS = {"latitude": 48.57, "longitude": -78.12}


def choose(page, label, option):
    """Pick an option as a visitor does: focusing the form loads the directory data."""
    select = page.get_by_label(label, exact=True)
    select.focus()
    select.select_option(option)


def names(page):
    return page.locator("[data-filter-results] .biz h3").all_inner_texts()


def metas(page):
    return page.locator("[data-filter-results] .biz .meta").all_inner_texts()


def test_category_and_town_filters_narrow_the_list_and_the_url(page, directory_url,
                                                              console_errors):
    page.goto(f"{directory_url}/entreprises/")
    server_list = page.locator(".directory-results > .biz-list")
    expect(server_list).to_be_visible()
    choose(page, "Catégorie", "Boulangerie")
    expect(page.locator("[data-filter-status]")).to_have_text("2 entreprises")
    assert metas(page) == ["Boulangerie · Amos", "Boulangerie · Ville-Marie"]
    expect(server_list).to_be_hidden()
    assert page.url.endswith("/entreprises/?category=boulangerie")
    choose(page, "Municipalité", "Amos")
    expect(page.locator("[data-filter-status]")).to_have_text("1 entreprise")
    assert metas(page) == ["Boulangerie · Amos"]
    assert page.url.endswith("/entreprises/?category=boulangerie&town=amos")
    page.get_by_role("button", name="Effacer").click()
    expect(server_list).to_be_visible()
    expect(page.locator("[data-filter-results] .biz")).to_have_count(0)
    assert page.url.endswith("/entreprises/")
    assert console_errors == []


def test_a_shared_filter_url_shows_the_filtered_list(page, directory_url, console_errors):
    page.goto(f"{directory_url}/en/businesses/?town=amos")
    expect(page.locator("[data-filter-status]")).to_have_text("2 businesses")
    expect(page.get_by_label("Town", exact=True)).to_have_value("amos")
    assert names(page) == ["Boulangerie St-Jean", "Génie Nord"]
    link = page.locator("[data-filter-results] a").first
    assert link.get_attribute("href") == "/en/businesses/boulangerie-st-jean-amos/"
    assert console_errors == []


def test_open_now_keeps_the_businesses_open_at_this_hour_in_the_region(page, directory_url,
                                                                      console_errors):
    page.clock.set_fixed_time("2026-11-23T15:00:00Z")  # a Monday, 10:00 in Ville-Marie
    page.goto(f"{directory_url}/entreprises/")
    page.get_by_label("Catégorie", exact=True).focus()  # the data loads on the first interaction
    expect(page.get_by_label("Ouvert maintenant", exact=True)).to_be_visible()
    page.get_by_label("Ouvert maintenant", exact=True).check()
    expect(page.locator("[data-filter-status]")).to_have_text("1 entreprise")
    assert metas(page) == ["Boulangerie · Ville-Marie · ouvert maintenant"]
    assert page.url.endswith("/entreprises/?open=1")
    assert console_errors == []


def test_open_now_finds_nothing_on_a_closed_sunday(page, directory_url):
    page.clock.set_fixed_time("2026-11-22T15:00:00Z")  # Sunday: the bakery is closed
    page.goto(f"{directory_url}/entreprises/?open=1")
    expect(page.locator("[data-filter-status]")).to_have_text("Aucune entreprise pour l'instant.")


def test_near_me_sorts_by_distance_and_keeps_the_position_in_the_browser(open_page,
                                                                        directory_url):
    page = open_page(geolocation=AMOS, permissions=["geolocation"])
    console_errors = errors_of(page)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{directory_url}/entreprises/")
    choose(page, "Catégorie", "Boulangerie")
    expect(page.locator("[data-filter-status]")).to_have_text("2 entreprises")
    assert metas(page)[0] == "Boulangerie · Amos"  # list order before asking
    page.get_by_role("button", name="Près de moi").click()
    expect(page.get_by_role("button", name="Près de moi")).to_have_attribute("aria-pressed",
                                                                             "true")
    expect(page.locator("[data-filter-results] .meta").first).to_contain_text(" km")
    first, second = metas(page)
    assert first.startswith("Boulangerie · Amos · ")
    assert second.startswith("Boulangerie · Ville-Marie · ")
    assert float(first.split(" · ")[2].split()[0]) < float(second.split(" · ")[2].split()[0])
    assert not any("48.57" in url or "78.12" in url for url in requests)
    assert all(url.startswith(directory_url) for url in requests)
    assert console_errors == []


def test_town_page_filters_within_the_town(page, directory_url, console_errors):
    page.goto(f"{directory_url}/municipalites/amos/")
    expect(page.get_by_label("Municipalité", exact=True)).to_have_count(0)
    choose(page, "Catégorie", "Génie-conseil")
    expect(page.locator("[data-filter-status]")).to_have_text("1 entreprise")
    assert names(page) == ["Génie Nord"]
    assert page.url.endswith("/municipalites/amos/?category=ingenierie")
    assert console_errors == []


def test_window_page_filters_the_businesses_serving_its_audience(page, directory_url,
                                                                console_errors):
    page.goto(f"{directory_url}/en/invest/")
    choose(page, "Town", "Amos")
    expect(page.locator("[data-filter-status]")).to_have_text("1 business")
    assert names(page) == ["Génie Nord"]
    assert page.url.endswith("/en/invest/?town=amos")
    assert console_errors == []
