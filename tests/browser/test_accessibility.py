"""axe-core (WCAG 2.1 A/AA) on what only appears with JavaScript: results, filters, the map."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_fixtures import errors_of
from playwright.sync_api import expect

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize(("path", "show_map"), [
    ("/recherche/?q=levain", False), ("/en/search/?category=Bakery", False),
    ("/entreprises/?category=boulangerie", True), ("/en/invest/?town=amos", False),
    ("/en/businesses/boulangerie-st-jean-ville-marie/", True)])
def test_dynamic_parts_have_no_wcag_violation(open_page, directory_url, path, show_map):
    page = open_page(bypass_csp=True)  # the site's CSP rightly refuses the injected axe
    errors = errors_of(page)
    page.goto(f"{directory_url}{path}")
    if "?" in path:  # filtered or searched: wait for the results
        expect(page.locator("[role=status]").first).not_to_be_empty()
    if show_map:
        page.locator("[data-map-show]").click()
        expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {runOnly: "
                           "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
    assert errors == []
