"""The built site: eight windows, home pages, stories, hreflang pairs, feeds, images."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from PIL import Image

WINDOWS = {
    ("fr", "investors"): "/investir/", ("fr", "students"): "/etudier/",
    ("fr", "workers"): "/travailler/", ("fr", "tourists"): "/visiter/",
    ("en", "investors"): "/en/invest/", ("en", "students"): "/en/study/",
    ("en", "workers"): "/en/work/", ("en", "tourists"): "/en/visit/",
}
ATOM = "{http://www.w3.org/2005/Atom}"
PUBLIC = "https://vitrine.example.org"  # PUBLIC_URL in pelicanconf.py: canonical and hreflang


@pytest.mark.parametrize(("lang", "audience"), list(WINDOWS))
def test_each_window_exists_in_its_language_with_its_intro(basic_site, lang, audience):
    page = basic_site.html(WINDOWS[(lang, audience)])
    assert page.html["lang"] == lang
    assert page.h1.get_text() == f"{audience} {lang}"  # the editable intro's title
    assert f"Intro of {audience} in {lang}." in page.main.get_text(" ", strip=True)
    current = page.select('nav a[aria-current="page"]')
    assert [a["href"] for a in current] == [WINDOWS[(lang, audience)]]


def test_window_links_to_its_translation_with_hreflang(basic_site):
    page = basic_site.html("/etudier/")
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"]')
                  if link.get("hreflang")}
    assert alternates == {"fr": f"{PUBLIC}/etudier/", "en": f"{PUBLIC}/en/study/",
                          "x-default": f"{PUBLIC}/etudier/"}
    switch = page.select_one("a.lang-switch")
    assert (switch["href"], switch["hreflang"], switch.get_text()) == ("/en/study/", "en",
                                                                       "English")


def test_story_and_its_translation_point_to_each_other(basic_site):
    fr = basic_site.html("/recits/un-ete-sur-le-lac-temiscamingue/")
    en = basic_site.html("/en/stories/a-summer-on-lake-timiskaming/")
    for page in (fr, en):
        alternates = {link["hreflang"]: link["href"]
                      for link in page.select('link[rel="alternate"][hreflang]')}
        assert alternates["fr"] == f"{PUBLIC}/recits/un-ete-sur-le-lac-temiscamingue/"
        assert alternates["en"] == f"{PUBLIC}/en/stories/a-summer-on-lake-timiskaming/"
    assert en.html["lang"] == "en" and fr.html["lang"] == "fr"
    assert en.select_one("a.lang-switch")["href"] == "/recits/un-ete-sur-le-lac-temiscamingue/"


def test_story_lists_in_each_of_its_windows_only(basic_site):
    def titles(url):
        return [a.get_text() for a in basic_site.html(url).select(".card h3 a")]
    assert "Un été sur le lac Témiscamingue" in titles("/visiter/")
    assert "Un été sur le lac Témiscamingue" in titles("/travailler/")
    assert "Un été sur le lac Témiscamingue" not in titles("/etudier/")


def test_untranslated_story_is_reachable_from_the_other_language(basic_site):
    page = basic_site.html("/en/study/")
    link = page.select_one('a[href="/recits/etudier-au-cegep-a-rouyn-noranda/"]')
    assert link is not None
    assert (link["hreflang"], link["lang"]) == ("fr", "fr")
    assert "Stories in French" in page.get_text()


def test_home_pages_present_the_four_windows_and_latest_stories(basic_site):
    for url, lang in (("/", "fr"), ("/en/", "en")):
        page = basic_site.html(url)
        windows = [a["href"] for a in page.select(".windows a")]
        assert windows == [WINDOWS[(lang, a)] for a in
                           ("investors", "students", "workers", "tourists")]
    latest = [a.get_text() for a in basic_site.html("/").select(".cards h3 a")]
    assert latest == ["Un été sur le lac Témiscamingue", "Étudier au cégep à Rouyn-Noranda",
                      'Q&A : « 2 < 3 » et "guillemets"']


def test_story_page_shows_metadata_in_its_language(basic_site):
    page = basic_site.html("/recits/un-ete-sur-le-lac-temiscamingue/")
    assert page.h1.get_text() == "Un été sur le lac Témiscamingue"
    assert page.select_one("time")["datetime"] == "2026-07-01"
    assert page.select_one("time").get_text() == "1er juillet 2026"
    assert "Par Marie Fictive" in page.select_one(".meta").get_text()


def test_raw_html_and_script_links_in_markdown_never_run(basic_site):
    page = basic_site.html("/recits/un-ete-sur-le-lac-temiscamingue/")
    prose = page.select_one(".prose")
    assert prose.find("script") is None
    assert "<script>alert(1)</script>" in prose.get_text()  # shown as text
    assert all(not a.get("href", "").lower().startswith("javascript:")
               for a in page.find_all("a"))


@pytest.mark.parametrize(("url", "expected"), [
    ("/visiter/atom.xml", ["Un été sur le lac Témiscamingue"]),
    ("/etudier/atom.xml", ["Étudier au cégep à Rouyn-Noranda"]),
    ("/en/visit/atom.xml", ["A summer on Lake Timiskaming"]),
    ("/en/study/atom.xml", []),
    ("/atom.xml", ["Un été sur le lac Témiscamingue", "Étudier au cégep à Rouyn-Noranda",
                   'Q&A : « 2 < 3 » et "guillemets"']),
])
def test_audience_feeds_hold_that_audience_stories(basic_site, url, expected):
    feed = ET.parse(basic_site.output / url.lstrip("/")).getroot()
    assert [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")] == expected


def test_window_advertises_its_feed(basic_site):
    link = basic_site.html("/en/visit/").select_one('link[type="application/atom+xml"]')
    assert link["href"] == "/en/visit/atom.xml"


def test_cover_gets_webp_and_jpeg_derivatives_with_srcset_and_size(basic_site):
    page = basic_site.html("/recits/un-ete-sur-le-lac-temiscamingue/")
    source = page.select_one("figure picture source")
    img = page.select_one("figure picture img")
    assert source["type"] == "image/webp"
    widths = [int(part.split()[1][:-1]) for part in source["srcset"].split(", ")]
    assert widths == [480, 960, 1440]
    assert (img["width"], img["height"]) == ("1440", "810")
    assert img["alt"] == "Un lac au coucher du soleil"
    for part in source["srcset"].split(", ") + img["srcset"].split(", "):
        url, width = part.split()
        with Image.open(basic_site.output / url.lstrip("/")) as derived:
            assert derived.width == int(width[:-1])
            assert derived.format == ("WEBP" if url.endswith(".webp") else "JPEG")


def test_pages_load_nothing_from_other_sites(basic_site):
    loaded_links = {"stylesheet", "icon", "preload", "modulepreload", "manifest"}
    for html in basic_site.output.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        loads = [tag["src"] for tag in page.select("[src]")]
        loads += [link["href"] for link in page.select("link[href]")
                  if loaded_links & set(link.get("rel", []))]
        assert [url for url in loads if "//" in url] == [], html


def test_sitemap_lists_every_page_with_its_hreflang_alternates(basic_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(basic_site.output / "sitemap.xml").getroot()
    entries = {u.findtext("s:loc", namespaces=ns): {a.get("hreflang"): a.get("href")
               for a in u.findall("x:link", ns)} for u in root.findall("s:url", ns)}
    pages = {"/" + p.relative_to(basic_site.output).as_posix().removesuffix("index.html")
             for p in basic_site.output.rglob("*.html")
             if 'http-equiv="refresh"' not in p.read_text()  # redirects are not listed,
             and 'content="noindex' not in p.read_text()}  # nor the web editor
    assert set(entries) == pages
    assert entries["/en/stories/a-summer-on-lake-timiskaming/"] == {
        "en": "/en/stories/a-summer-on-lake-timiskaming/",
        "fr": "/recits/un-ete-sur-le-lac-temiscamingue/"}
    assert entries["/etudier/"] == {"fr": "/etudier/", "en": "/en/study/"}
    assert (basic_site.output / "robots.txt").read_text().startswith("User-agent: *")


def test_front_matter_text_is_escaped_everywhere(basic_site):
    raw = (basic_site.output / "travailler/index.html").read_text()
    assert "Salaire &gt; coût &amp; 1 &lt; 2" in raw
    assert "1 < 2" not in raw
    page = basic_site.html("/recits/qa-2-3-et-guillemets/")
    assert page.h1.get_text() == 'Q&A : « 2 < 3 » et "guillemets"'
    assert page.select_one('meta[name="description"]')["content"] == \
        'Salaire > coût & 1 < 2 — "vrai".'


def test_story_carries_article_structured_data(basic_site):
    import json
    page = basic_site.html("/en/stories/a-summer-on-lake-timiskaming/")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert (data["@type"], data["headline"], data["inLanguage"], data["datePublished"]) == \
        ("Article", "A summer on Lake Timiskaming", "en", "2026-07-01")
    assert data["author"]["name"] == "Marie Fictive"
    assert data["url"] == f"{PUBLIC}/en/stories/a-summer-on-lake-timiskaming/"  # absolute


def test_a_feed_without_stories_is_dated_by_the_newest_story_not_the_build(basic_site):
    feed = ET.parse(basic_site.output / "en/study/atom.xml").getroot()
    assert list(feed.iter(f"{ATOM}entry")) == []
    newest = ET.parse(basic_site.output / "atom.xml").getroot()
    assert feed.findtext(f"{ATOM}updated") == newest.findtext(f"{ATOM}updated")
    assert feed.findtext(f"{ATOM}updated").startswith("2026-07-01")  # lac.fr.md, lac.en.md
