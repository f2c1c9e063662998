"""The map in a real browser: nothing loads before the click, then markers, clusters, popups."""

from __future__ import annotations

from playwright.sync_api import expect


def test_nothing_of_the_map_loads_before_the_visitor_asks(page, directory_url, console_errors):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{directory_url}/entreprises/", wait_until="networkidle")
    expect(page.get_by_role("button", name="Afficher la carte")).to_be_visible()
    assert not any("leaflet" in url or url.endswith("index.json") for url in requests)
    assert all(url.startswith(directory_url) for url in requests)
    assert console_errors == []


def test_the_map_button_loads_markers_and_clusters(page, directory_url, console_errors):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{directory_url}/entreprises/")
    page.get_by_role("button", name="Afficher la carte").click()
    expect(page.locator("[data-map-status]")).to_have_text("3 adresses sur la carte.")
    # Both Amos businesses sit at the town's point: one cluster of 2, one marker.
    expect(page.locator(".marker-cluster")).to_have_count(1)
    expect(page.locator(".marker-cluster")).to_have_text("2")
    expect(page.locator(".leaflet-marker-icon:not(.marker-cluster)")).to_have_count(1)
    assert any(url.endswith("/theme/vendor/leaflet/leaflet.js") for url in requests)
    assert all(url.startswith(directory_url) for url in requests)  # vendored, no CDN
    assert console_errors == []


def test_a_marker_opens_a_popup_linking_to_the_business_with_the_keyboard(page, directory_url,
                                                                         console_errors):
    page.goto(f"{directory_url}/entreprises/")
    page.get_by_role("button", name="Afficher la carte").click()
    marker = page.locator(".leaflet-marker-icon:not(.marker-cluster)")
    marker.focus()
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup a").first
    expect(link).to_have_text("Boulangerie St-Jean")
    assert link.get_attribute("href") == "/entreprises/boulangerie-st-jean-ville-marie/"
    assert console_errors == []


def test_the_map_follows_the_filters_and_the_list_stays_beside_it(page, directory_url,
                                                                 console_errors):
    page.goto(f"{directory_url}/en/businesses/")
    page.get_by_role("button", name="Show the map").click()
    expect(page.locator("[data-map-status]")).to_have_text("3 addresses on the map.")
    page.get_by_label("Category", exact=True).focus()
    page.get_by_label("Category", exact=True).select_option("ingenierie")
    expect(page.locator("[data-map-status]")).to_have_text("1 addresses on the map.")
    expect(page.locator("[data-filter-results] .biz")).to_have_count(1)
    assert console_errors == []


def test_a_business_page_maps_the_business(page, directory_url, console_errors):
    page.goto(f"{directory_url}/en/businesses/boulangerie-st-jean-ville-marie/")
    page.get_by_role("button", name="Show the map").click()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)
    expect(page.locator("[data-map-status]")).to_have_text("1 addresses on the map.")
    assert console_errors == []


def test_a_town_page_maps_its_businesses(page, directory_url, console_errors):
    page.goto(f"{directory_url}/municipalites/ville-marie/")
    page.get_by_role("button", name="Afficher la carte").click()
    expect(page.locator("[data-map-status]")).to_have_text("1 adresses sur la carte.")
    assert console_errors == []
