"""The demo region the README promises: it validates, builds, and shows every kind of page."""

from __future__ import annotations

import pytest
from conftest import ROOT

from vitrine.cli import main


@pytest.fixture
def demo(demo_site):
    return demo_site


def test_demo_passes_check(capsys):
    assert main(["check", "--root", str(ROOT)]) == 0
    assert capsys.readouterr().out.startswith("ok: 24 stories, 10 intros and pages")


def test_demo_has_sixteen_french_stories_four_per_audience_and_eight_translations(demo):
    for url in ("/investir/", "/etudier/", "/travailler/", "/visiter/"):
        assert len(demo.html(url).select(".cards li")) >= 4, url
    assert len(list(demo.output.glob("recits/*/index.html"))) >= 16
    assert len(list(demo.output.glob("en/stories/*/index.html"))) >= 8


def test_demo_footer_says_people_and_businesses_are_fictional(demo):
    for url in ("/", "/en/"):
        notice = demo.html(url).select_one(".demo-notice").get_text()
        assert "fictive" in notice or "fictional" in notice


def test_demo_directory_merges_sources_and_links_stories(demo):
    page = demo.html("/entreprises/boulangerie-st-jean/")
    assert len(page.select(".provenance li")) == 2
    story = demo.html("/recits/etudier-a-rouyn-noranda-sans-se-ruiner/")
    assert story.select_one('.story-footer a[href="/entreprises/brulerie-tamarac/"]')
    assert demo.exists("/municipalites/rouyn-noranda/")
    assert demo.exists("/donnees/entreprises.geojson")


def test_home_page_stays_light(demo):
    html = (demo.output / "index.html").stat().st_size
    css = sum(p.stat().st_size for p in (demo.output / "theme" / "css").glob("*.css"))
    assert html + css < 60_000


def test_directory_pager_links_a_window_not_every_page(demo):
    page = demo.html("/entreprises/page/4/")
    links = [a.get_text() for a in page.select(".pagination a")]
    assert links == ["Page précédente", "1", "2", "3", "4", "5", "6", "7", "Page suivante"]
    first = [a.get_text() for a in demo.html("/entreprises/").select(".pagination a")]
    assert first == ["1", "2", "3", "7", "Page suivante"]
    assert [li.get_text() for li in demo.html("/entreprises/").select(
        '.pagination li[aria-hidden="true"]')] == ["…"]
