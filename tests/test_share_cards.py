"""Share cards (tests/sites/sharecards/): every page's Open Graph tags and its 1200×630 image,
drawn once and again only when what it shows changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_copy, copy_site
from PIL import Image

from vitrine import share_cards
from vitrine.share_cards import Card

TODAY = {"EVENTS": {"today": "2026-12-02"}}
PUBLIC = "https://vitrine.example.org"
# one page of each kind, FR and EN: (url, og:type, has a translation)
KINDS = {
    "home": ("/", "/en/"), "window": ("/etudier/", "/en/study/"),
    "story": ("/recits/un-ete-sur-le-lac-temiscamingue/",
              "/en/stories/a-summer-on-lake-timiskaming/"),
    "story without cover or translation": ("/recits/etudier-au-cegep-ailleurs-lecole-3/",),
    "business": ("/entreprises/boulangerie-saint-jean/", "/en/businesses/boulangerie-saint-jean/"),
    "directory": ("/entreprises/", "/en/businesses/"),
    "category": ("/entreprises/categories/boulangerie/", "/en/businesses/categories/boulangerie/"),
    "town": ("/municipalites/ville-marie/", "/en/towns/ville-marie/"),
    "towns": ("/municipalites/", "/en/towns/"), "open data": ("/donnees/", "/en/open-data/"),
    "event": ("/evenements/festival-des-lumieres/", "/en/events/festival-des-lumieres/"),
    "events": ("/evenements/", "/en/events/"),
    "job": ("/emplois/vendeuse-boulangerie/", "/en/jobs/vendeuse-boulangerie/"),
    "jobs": ("/emplois/", "/en/jobs/"), "search": ("/recherche/", "/en/search/"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture site, built once."""
    built = build_copy(copy_site("sharecards", tmp_path_factory.mktemp("sharecards")), **TODAY)
    assert built.result.ok and built.result.warnings == 0
    return built


def meta(page: BeautifulSoup, name: str) -> str | None:
    """Return the content of a <meta property=…> or <meta name=…>, or None."""
    tag = page.find("meta", attrs={"property": name}) or page.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


def card_of(site, page: BeautifulSoup) -> Image.Image:
    """Open the file og:image points to in the output."""
    url = meta(page, "og:image")
    assert url.startswith(f"{PUBLIC}/images/partage/")
    return Image.open(site.output / url.removeprefix(f"{PUBLIC}/"))


def every_page(output: Path) -> list[str]:
    """Every page a visitor may share: not the partners' embeds, framed on their sites, nor
    the web editor."""
    framed = {"integrer", "embed", "admin"}
    return sorted("/" + str(p.parent.relative_to(output)).removeprefix(".") + "/"
                  for p in output.rglob("index.html")
                  if "pagefind" not in p.parts and not framed & set(p.parts))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_page_has_open_graph_tags_and_a_1200x630_card(site, kind):
    for url in KINDS[kind]:
        page = site.html(url)
        lang = page.html["lang"]
        assert meta(page, "og:url") == page.find("link", rel="canonical")["href"] \
            == PUBLIC + url.replace("//", "/")
        assert meta(page, "og:type") == ("article" if kind.startswith("story") else "website")
        assert meta(page, "og:site_name") == "Vitrine Abitibi-Témiscamingue"
        assert meta(page, "og:title") and meta(page, "og:description")
        assert meta(page, "og:locale") == {"fr": "fr_CA", "en": "en_CA"}[lang]
        alternate = page.find_all("meta", attrs={"property": "og:locale:alternate"})
        other = {"fr": "en_CA", "en": "fr_CA"}[lang]
        assert [t["content"] for t in alternate] == ([other] if len(KINDS[kind]) == 2 else [])
        assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
        assert meta(page, "og:image:alt")
        assert meta(page, "twitter:card") == "summary_large_image"
        with card_of(site, page) as card:
            assert card.size == (1200, 630)


def test_every_page_of_the_site_names_an_existing_card(site):
    pages = every_page(site.output)
    assert len(pages) > 50
    for url in pages:
        page = site.html(url)
        with card_of(site, page) as card:
            assert card.size == (1200, 630), url
        assert meta(page, "og:url") == f"{PUBLIC}{url}".replace(f"{PUBLIC}//", f"{PUBLIC}/")


def test_cards_show_what_their_page_is_about(site):
    story = site.html(KINDS["story"][0])
    assert meta(story, "og:image").endswith(".jpg")  # on its cover
    assert meta(story, "og:image:alt") == "Un été sur le lac Témiscamingue"
    assert meta(site.html("/etudier/"), "og:image:alt") == (
        "Étudier en petits groupes, faire de la recherche sur le terrain et trouver un emploi "
        "étudiant en quelques jours.")
    business = site.html(KINDS["business"][0])
    assert meta(business, "og:image").endswith(".png")
    assert meta(business, "og:image:alt") == (
        "Boulangerie Saint-Jean — Boulangerie / Bakery · Ville-Marie")
    # one card for both languages of a business; one per language for the site's own pages
    english = site.html(KINDS["business"][1])
    assert meta(business, "og:image") == meta(english, "og:image")
    assert meta(site.html("/"), "og:image") != meta(site.html("/en/"), "og:image")
    assert meta(site.html("/"), "og:image:alt") == (
        "Vitrine Abitibi-Témiscamingue — Investir, étudier, travailler, visiter")


def test_hostile_text_is_escaped_in_the_meta_tags(site):
    raw = (site.output / "entreprises/cafe-chez-lea-fils-3/index.html").read_text("utf-8")
    assert '<meta property="og:title" content="Café &#34;Chez Léa&#34; &amp; fils &lt;3, ' \
           'Amos">' in raw
    page = BeautifulSoup(raw, "html.parser")
    assert meta(page, "og:image:alt").startswith('Café "Chez Léa" & fils <3 — ')
    story = site.html(KINDS["story without cover or translation"][0])
    assert meta(story, "og:title") == "Étudier au « cégep » \"ailleurs\" & l'école <3"
    raw = (site.output / "recits/etudier-au-cegep-ailleurs-lecole-3/index.html").read_text("utf-8")
    assert 'content="Étudier au « cégep » &#34;ailleurs&#34; &amp; l&#39;école &lt;3"' in raw


def test_a_rebuild_with_nothing_changed_draws_no_card(tmp_path):
    root = copy_site("sharecards", tmp_path)
    first = build_copy(root, **TODAY)
    cache = root / ".cache" / "share-cards"
    drawn = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert first.result.ok and len(drawn) > 10
    again = build_copy(root, **TODAY)
    assert again.result.ok
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == drawn
    assert sorted(p.name for p in (again.output / "images/partage").iterdir()) == sorted(drawn)
    for url in every_page(again.output):  # pages reused from the first build too
        with card_of(again, again.html(url)) as card:
            assert card.size == (1200, 630), url


def test_a_changed_business_name_makes_exactly_one_new_card(tmp_path):
    root = copy_site("sharecards", tmp_path)
    before = build_copy(root, **TODAY)
    url = KINDS["business"][0]
    old = meta(before.html(url), "og:image")
    cache = root / ".cache" / "share-cards"
    drawn = {p.name for p in cache.iterdir()}
    source = root / "data/sources/chambre.yaml"
    source.write_text(source.read_text("utf-8").replace(
        "name: Boulangerie Saint-Jean", "name: Boulangerie Saint-Jean-Baptiste"), "utf-8")
    after = build_copy(root, **TODAY)
    page = after.html("/entreprises/boulangerie-saint-jean-baptiste/")
    assert meta(page, "og:image") != old
    assert meta(page, "og:image:alt").startswith("Boulangerie Saint-Jean-Baptiste — ")
    new = {p.name for p in cache.iterdir()} - drawn
    assert new == {meta(page, "og:image").rsplit("/", 1)[1]}
    with card_of(after, page) as card:
        assert card.size == (1200, 630)
    assert not (after.output / old.removeprefix(f"{PUBLIC}/")).exists()  # the old card is gone


def test_cards_can_be_switched_off(tmp_path):
    site = build_copy(copy_site("sharecards", tmp_path), SHARE_CARDS={"enabled": False},
                      **TODAY)
    page = site.html("/")
    assert site.result.ok and not (site.output / "images/partage").exists()
    assert meta(page, "og:image") is None and meta(page, "twitter:card") == "summary"
    assert meta(page, "og:url") == f"{PUBLIC}/" and meta(page, "og:locale") == "fr_CA"


def test_a_wrong_setting_stops_the_build_with_its_key(tmp_path, caplog):
    site = build_copy(copy_site("sharecards", tmp_path), SHARE_CARDS={"colour": "red"})
    assert not site.result.ok
    # the project's settings are a French site's: its problems are told in French
    assert "pelicanconf.py: SHARE_CARDS.colour: clé inconnue; attendu l'une des valeurs " \
           "enabled, cache, quality, workers" in caplog.text


def test_long_text_wraps_and_shrinks_to_fit_and_accents_render(tmp_path):
    font, rows = share_cards.wrap("Boulangerie", share_cards.BOLD, range(84, 39, -4), 1040, 3)
    assert font.size == 84 and rows == ["Boulangerie"]
    long = "Coopérative de solidarité des producteurs forestiers du Témiscamingue " * 3
    font, rows = share_cards.wrap(long, share_cards.BOLD, range(84, 39, -4), 1040, 3)
    assert font.size == 40 and len(rows) == 3 and rows[-1].endswith("…")
    assert all(font.getlength(row) <= 1040 for row in rows)
    missing = font.getmask("\u4e00").getbbox()  # a glyph the font lacks: its box
    for letter in "éèàçÉÀœ’«»ÎÔ":
        assert font.getmask(letter).getbbox() != missing, letter
    path = share_cards.save(Card(title=long, subtitle="Ville-Marie"), tmp_path)
    with Image.open(path) as card:
        assert card.size == (1200, 630) and card.format == "PNG"


def test_a_flat_card_is_saved_with_the_pixels_it_was_drawn_with(tmp_path):
    card = Card(title="Érablière d'Amos", subtitle="Amos")
    with Image.open(share_cards.save(card, tmp_path)) as back:
        assert back.convert("RGB").tobytes() == \
            share_cards.draw_flat(card).convert("RGB").tobytes()


def test_a_cover_that_cannot_be_read_gives_a_flat_card(tmp_path):
    root = copy_site("sharecards", tmp_path)
    (root / "content/images/lac.jpg").write_bytes(b"not an image")
    site = build_copy(root, **TODAY)
    page = site.html(KINDS["story"][0])
    assert meta(page, "og:image").endswith(".png")
    with card_of(site, page) as card:
        assert card.size == (1200, 630)


def test_cards_are_drawn_once_by_the_workers(tmp_path):
    cards = [Card(title=f"Commerce {n}", subtitle="Amos") for n in range(12)]
    assert share_cards.make_missing(cards, tmp_path, workers=2) == 12
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(map(share_cards.file_name, cards))
    assert share_cards.make_missing(cards, tmp_path, workers=2) == 0


def test_colours_come_from_the_stylesheets_root_rule():
    css = ":root { --brand-dark: #073a44; --paper: #fff; }\n" \
          "@media (prefers-color-scheme: dark) { :root { --paper: #111; } }"
    assert share_cards.css_colours(css) == {"brand-dark": "#073a44", "paper": "#fff"}
