"""Partner embeds: a territory's directory to frame, who may frame it, its open data."""

from __future__ import annotations

import csv
import io
import json
import logging
from pathlib import Path

import pytest
from conftest import build_copy, copy_site, empty_region

from vitrine.audit.server import header_rules, headers_for
from vitrine.embeds.headers import NONE, framing_rules
from vitrine.embeds.partners import load_partners
from vitrine.project import load_project

EMBEDS = ("integrer", "en/embed")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The 'embeds' fixture site: 2 MRCs, 3 towns, 6 businesses, 2 partners."""
    built = build_copy(copy_site("embeds", tmp_path_factory.mktemp("sites")))
    assert built.result.ok
    return built


def listed(page) -> list[str]:
    """The names of the businesses an embed lists."""
    return [a.find(string=True, recursive=False).strip()
            for a in page.select("[data-embed-list] li > a")]


@pytest.mark.parametrize(("url", "names"), [
    ("/integrer/abitibi/", ["Boulangerie Harricana", "Génie Nord", "Motel Barraute",
                            "Pâtisserie Dénommée"]),
    ("/integrer/amos/", ["Boulangerie Harricana", "Génie Nord"]),
    ("/integrer/temiscamingue/", ["Auberge du Lac", "Boulangerie St-Jean"]),
    ("/integrer/abitibi/boulangerie/", ["Boulangerie Harricana", "Pâtisserie Dénommée"]),
    ("/integrer/barraute/hebergement/", ["Motel Barraute"]),
    ("/en/embed/ville-marie/", ["Auberge du Lac", "Boulangerie St-Jean"]),
    ("/integrer/amos/investir/", ["Génie Nord"]),
    ("/en/embed/abitibi/visit/", ["Boulangerie Harricana", "Motel Barraute",
                                  "Pâtisserie Dénommée"]),
])
def test_an_embed_lists_exactly_its_territorys_businesses(site, url, names):
    assert listed(site.html(url)) == names


def test_only_combinations_holding_businesses_get_a_page(site):
    assert site.exists("/integrer/amos/ingenierie/")
    assert not site.exists("/integrer/amos/hebergement/")  # no lodging in Amos
    assert not site.exists("/integrer/temiscamingue/ingenierie/")
    assert not site.exists("/integrer/temiscamingue/etudier/")  # nobody serves students
    assert site.exists("/en/embed/temiscamingue/visit/")
    # 5 territories, 11 of their categories, 10 of their audiences
    for folder in ("integrer", "en/embed"):
        assert len(list((site.output / folder).rglob("index.html"))) == 26


@pytest.mark.parametrize("url", ["/integrer/abitibi/", "/en/embed/amos/ingenierie/"])
def test_an_embed_has_none_of_the_sites_chrome_and_is_not_indexed(site, url):
    page = site.html(url)
    assert page.select("header, footer, nav.site-nav, .skip-link, .search-box") == []
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert [s["src"] for s in page.select("script")] == ["/theme/js/embed.js"]
    assert [link["href"] for link in page.select("link[rel=stylesheet]")] == [
        "/theme/css/main.css", "/theme/css/embed.css"]
    assert page.select("[data-pagefind-body]") == []
    sitemap = (site.output / "sitemap.xml").read_text()
    assert "/integrer/" not in sitemap and "/en/embed/" not in sitemap
    assert "/partenaires/" in sitemap and "/en/partners/" in sitemap


def test_every_link_of_an_embed_leaves_the_frame_for_our_site(site):
    page = site.html("/integrer/abitibi/")
    outside = page.select("[data-embed-list] a") + page.select(".embed-credit a")
    assert len(outside) == 5
    assert {(a["target"], a["rel"][0]) for a in outside} == {("_blank", "noopener")}
    credit = page.select_one(".embed-credit a")
    assert credit["href"] == "/"
    assert credit.get_text(" ", strip=True).startswith(
        "Répertoire régional — Vitrine Abitibi-Témiscamingue")
    assert page.select_one("[data-embed-list] a")["href"] == "/entreprises/boulangerie-harricana/"


def test_without_javascript_the_filters_are_links_to_prebuilt_embeds(site):
    page = site.html("/integrer/abitibi/")
    assert page.select_one("[data-embed-filters]").has_attr("hidden")
    links = [a["href"] for a in page.select("[data-embed-links] a")]
    assert links == ["/integrer/abitibi/", "/integrer/abitibi/boulangerie/",
                     "/integrer/abitibi/hebergement/", "/integrer/abitibi/ingenierie/",
                     "/integrer/amos/", "/integrer/barraute/"]
    assert all(site.exists(link) for link in links)
    english = site.html("/en/embed/abitibi/")
    assert english.select_one("h1").get_text() == "Business directory — Abitibi"
    assert [a["href"] for a in english.select("nav[aria-labelledby=embed-by-audience] a")] == [
        "/en/embed/abitibi/", "/en/embed/abitibi/invest/", "/en/embed/abitibi/work/",
        "/en/embed/abitibi/visit/"]
    assert site.html("/integrer/amos/investir/").select_one("h1").get_text() == (
        "Investir — Amos")


def csp_of(site, path: str) -> list[str]:
    """The Content-Security-Policy values a host reading _headers sends for a path."""
    return [value for name, value in headers_for(header_rules(site.output), path)
            if name == "Content-Security-Policy"]


def test_headers_let_each_territorys_partners_frame_its_embeds_only(site):
    amos = csp_of(site, "/integrer/amos/")
    assert not any("frame-ancestors 'none'" in policy for policy in amos)
    assert amos[-1].endswith("; frame-ancestors 'self' https://www.ville.amos.qc.ca")
    # a town's embed also lets its MRC's partner frame it
    assert csp_of(site, "/en/embed/ville-marie/hebergement/")[-1].endswith(
        "frame-ancestors 'self' https://www.mrctemiscamingue.org "
        "https://tourisme.temiscamingue.example")
    assert csp_of(site, "/integrer/barraute/")[-1].endswith("; frame-ancestors 'self'")


def test_every_other_page_keeps_frame_ancestors_none(site):
    pages = [p.relative_to(site.output).as_posix() for p in site.output.rglob("*.html")]
    others = [p for p in pages if not p.startswith(EMBEDS)]
    assert "partenaires/index.html" in others and len(others) > 30
    for page in others:
        for url in {f"/{page}", f"/{page.removesuffix('index.html')}"}:
            assert any(p.endswith("frame-ancestors 'none'") for p in csp_of(site, url)), url
    assert ("X-Frame-Options", "DENY") in headers_for(header_rules(site.output), "/x.html")


def test_partners_page_gives_each_territory_its_snippet_and_data(site):
    page = site.html("/partenaires/")
    snippets = [code.get_text() for code in page.select("pre.snippet code")]
    assert len(snippets) == 5
    assert snippets[2] == (
        '<iframe src="https://vitrine.example.org/integrer/amos/" title="Répertoire des '
        'entreprises — Amos" width="100%" height="640" loading="lazy"></iframe>')
    data = [a["href"] for a in page.select("main a[href$='.json'], main a[href$='.csv']")]
    assert "/donnees/territoires/amos.json" in data and "/donnees/territoires/amos.csv" in data
    assert all(site.exists(link) for link in data)
    footer = site.html("/").select_one("footer")
    assert footer.find("a", string="Partenaires")["href"] == "/partenaires/"
    assert site.html("/en/partners/").select_one("h1").get_text() == "For partners"


def test_a_territorys_open_data_is_the_full_export_filtered(site):
    data = site.output / "donnees"
    full = json.loads((data / "entreprises.json").read_text())
    mine = json.loads((data / "territoires" / "abitibi.json").read_text())
    assert mine["businesses"] == [b for b in full["businesses"] if b["mrc"] == "abitibi"]
    assert (mine["region"], mine["sources"]) == (full["region"], full["sources"])
    rows = list(csv.DictReader(io.StringIO((data / "entreprises.csv").read_text())))
    town = list(csv.DictReader(io.StringIO((data / "territoires" / "amos.csv").read_text())))
    assert town == [r for r in rows if r["municipality"] == "amos"] and len(town) == 2
    assert (data / "territoires" / "amos.csv").read_text().splitlines()[0] == (
        data / "entreprises.csv").read_text().splitlines()[0]


def write_partners(tmp_path: Path, text: str) -> Path:
    root = empty_region(tmp_path / "region")
    (root / "data" / "partners.yaml").write_text(text, encoding="utf-8")
    return root


def test_partners_file_errors_are_located(tmp_path):
    root = write_partners(tmp_path, """partners:
  - name: Ville d'Amos
    territory: amoss
    origins: [https://www.ville.amos.qc.ca/accueil]
  - name: MRC d'Abitibi
    territory: abitibi
    origin: https://mrc.example
""")
    partners, problems = load_partners(root, {"amos", "abitibi"})
    assert partners == []
    assert [str(p) for p in problems] == [
        'data/partners.yaml:3:5: partners[0].territory: expected an MRC or a town of '
        'data/territory.yaml, got "amoss" (did you mean "amos"?)',
        "data/partners.yaml:4:15: partners[0].origins[0]: expected a web origin such as "
        'https://www.ville.amos.qc.ca (no path), got "https://www.ville.amos.qc.ca/accueil"',
        'data/partners.yaml:7:5: partners[1].origin: unknown key (did you mean "origins"?); '
        "expected one of name, territory, origins",
        "data/partners.yaml:5:5: partners[1].origins: missing; expected a list of a web "
        "origin such as https://www.ville.amos.qc.ca (no path)"]


def test_a_good_partner_beside_a_bad_one_is_kept(tmp_path):
    root = write_partners(tmp_path, """partners:
  - {name: Ville d'Amos, territory: amos, origins: "https://WWW.ville.amos.qc.ca"}
  - {name: Nobody, territory: 12}
""")
    partners, problems = load_partners(root, {"amos"})
    assert [(p.name, p.origins) for p in partners] == [
        ("Ville d'Amos", ("https://www.ville.amos.qc.ca",))]
    assert len(problems) == 2


def test_vitrine_check_reports_the_partners_file(tmp_path):
    root = copy_site("embeds", tmp_path)
    (root / "data" / "partners.yaml").write_text(
        "partners:\n  - {name: X, territory: amos, origins: [ftp://x.example]}\n")
    problems = [str(p) for p in load_project(root).problems]
    assert problems == ["data/partners.yaml:2:42: partners[0].origins[0]: expected a web "
                        "origin such as https://www.ville.amos.qc.ca (no path), got "
                        '"ftp://x.example"']


def test_no_embed_inherits_frame_ancestors_none(site):
    embeds = [p.relative_to(site.output).as_posix() for folder in EMBEDS
              for p in (site.output / folder).rglob("index.html")]
    assert len(embeds) == 52
    for page in embeds:
        policies = csp_of(site, f"/{page.removesuffix('index.html')}")
        assert [p for p in policies if "frame-ancestors 'none'" in p] == [], page
        assert policies[-1].split("; frame-ancestors ")[1].startswith("'self'"), page


def test_too_many_territories_for_cloudflare_share_one_rule_per_language():
    frameable = {f"{section}/town-{n}/": (f"https://town-{n}.example",) if n < 2 else ()
                 for section in ("integrer", "en/embed") for n in range(60)}
    rules = framing_rules(["index.html", "integrer/town-0/index.html"], frameable)
    assert [(pattern, extra == NONE) for pattern, extra in rules] == [
        ("/", True), ("/index.html", True), ("/en/embed/*", False), ("/integrer/*", False)]
    assert rules[-1] == ("/integrer/*", {"frame-ancestors": [
        "'self'", "https://town-0.example", "https://town-1.example"]})


def test_the_open_data_page_points_to_each_territorys_files(site):
    link = site.html("/donnees/").select_one("main a[href='/partenaires/']")
    assert link.get_text() == "Pour les partenaires"
    assert site.html("/en/open-data/").select_one("main a[href='/en/partners/']")


def test_a_rebuild_reuses_the_embeds_a_change_leaves_alone(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    root = copy_site("embeds", tmp_path)
    first = build_copy(root)
    pages = sorted(p for folder in EMBEDS for p in (first.output / folder).rglob("index.html"))
    caplog.clear()
    build_copy(root)
    assert f"partner_embeds: {len(pages)} embed pages ({len(pages)} unchanged)" in caplog.text
    source = root / "data/sources/chambre.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Auberge du Lac", "Auberge du Grand Lac"), encoding="utf-8")
    caplog.clear()
    third = build_copy(root)
    assert "Auberge du Grand Lac" in listed(third.html("/integrer/temiscamingue/"))
    assert "Auberge du Grand Lac" in listed(third.html("/en/embed/ville-marie/"))
    assert listed(third.html("/integrer/amos/")) == ["Boulangerie Harricana", "Génie Nord"]
    reused = int(caplog.text.split(f"{len(pages)} embed pages (")[1].split(" unchanged")[0])
    assert 0 < reused < len(pages)  # Abitibi's embeds are the last build's files
