"""Partner embeds framed by partners' pages: allowed origins see a working directory,
others see nothing of it (the site is served with its _headers, as a host would)."""

from __future__ import annotations

import contextlib

import pytest
from browser_fixtures import build_apart, errors_of
from playwright.sync_api import expect

from vitrine.audit.server import free_port, served

EMBED = "/integrer/abitibi/"


@pytest.fixture(scope="module")
def partner_port():
    """The port of the allowed partner's site, known before the site is built."""
    return free_port()


@pytest.fixture(scope="module")
def embeds_url(tmp_path_factory, partner_port):
    """The 'embeds' site, its MRC of Abitibi framed by http://127.0.0.1:<partner_port>."""
    partners = ("partners:\n  - name: MRC d'Abitibi\n    territory: abitibi\n"
                f"    origins: [http://127.0.0.1:{partner_port}]\n")
    output = build_apart("embeds", tmp_path_factory.mktemp("embeds"),
                         files={"data/partners.yaml": partners})
    with served(output) as url:
        yield url


@contextlib.contextmanager
def partner_site(folder, port, target):
    """Serve a partner's page framing target on 127.0.0.1:port; yield its folder's URL."""
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(
        '<!DOCTYPE html><html lang="fr"><title>Partenaire</title><link rel="icon" href="data:,">'
        '<h1>Notre ville</h1>'
        f'<iframe src="{target}" title="Répertoire" width="900" height="700"></iframe>',
        encoding="utf-8")
    with served(folder, port) as url:
        yield url


def test_an_allowed_partner_frames_a_working_embed(page, embeds_url, partner_port, tmp_path):
    errors = errors_of(page)
    with partner_site(tmp_path / "partner", partner_port, f"{embeds_url}{EMBED}") as url:
        page.goto(f"{url}/")
        frame = page.frame_locator("iframe")
        expect(frame.locator("h1")).to_have_text("Répertoire des entreprises — Abitibi")
        items = frame.locator("[data-embed-list] li:not([hidden])")
        expect(items).to_have_count(4)
        frame.get_by_label("Municipalité", exact=True).select_option("barraute")
        expect(items).to_have_count(2)
        frame.get_by_label("Rechercher une entreprise").fill("denommee")
        expect(items).to_have_count(1)
        expect(items.locator("a")).to_contain_text("Pâtisserie Dénommée")
        expect(frame.get_by_role("status")).to_have_text("1 entreprise")
        frame.get_by_label("Rechercher une entreprise").fill("")
        frame.get_by_label("Catégorie", exact=True).select_option("hebergement")
        expect(items.locator("a")).to_contain_text(["Motel Barraute"])
        links = frame.locator("[data-embed-list] a, .embed-credit a")
        assert links.evaluate_all("as => as.map(a => [a.target, a.rel])") == [
            ["_blank", "noopener"]] * 5
    assert errors == []


@pytest.mark.parametrize("path", [EMBED, "/entreprises/"])
def test_a_refused_origin_sees_nothing_of_the_site(page, embeds_url, tmp_path, path):
    # localhost is another origin than the 127.0.0.1 that data/partners.yaml allows; and no
    # origin may frame the pages that are not embeds
    host = "localhost" if path == EMBED else "127.0.0.1"
    with partner_site(tmp_path / "refused", free_port(), f"{embeds_url}{path}") as url:
        page.goto(url.replace("127.0.0.1", host) + "/", wait_until="load")
        expect(page.get_by_role("heading", name="Notre ville")).to_be_visible()
        child = page.frames[1]  # Chromium's error page stands in for the refused one
        assert child.url == "chrome-error://chromewebdata/"
        assert child.locator("main, [data-embed-list], .site-header").count() == 0


def test_without_javascript_the_embed_lists_everything_with_links(open_page, embeds_url):
    page = open_page(java_script_enabled=False)
    page.goto(f"{embeds_url}{EMBED}")
    expect(page.locator("[data-embed-list] li")).to_have_count(4)
    expect(page.locator("[data-embed-filters]")).to_be_hidden()
    page.get_by_role("link", name="Boulangerie", exact=True).click()
    expect(page).to_have_url(f"{embeds_url}{EMBED}boulangerie/")
    expect(page.locator("[data-embed-list] li")).to_have_count(2)
