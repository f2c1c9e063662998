"""Job offers, people to talk to and key figures on a fixture site (tests/sites/windows/,
"today" fixed at 2026-12-02): expiry, employer links, structured data, the contact block and
the figures' age."""

from __future__ import annotations

import gzip
import json
import logging
import xml.etree.ElementTree as ET

import pytest
from conftest import build_copy, copy_site

from vitrine.cli import main

ATOM = "{http://www.w3.org/2005/Atom}"
OPEN = ("technicienne-genie-civil", "stagiaire-genie-ete-2027", "serveuse-boulangerie-ville-marie")
CLOSED = ("dessinateur-autocad", "preposee-comptoir-amos")  # last days: 11-30 and 12-01


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The site built once, with the build's log kept."""
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("vitrine")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        site = build_copy(copy_site("windows", tmp_path_factory.mktemp("windows")),
                          EVENTS={"today": "2026-12-02"})
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert site.result.ok and site.result.warnings == 0
    return site, [(r.levelno, r.getMessage()) for r in records]


@pytest.fixture(scope="module")
def site(built):
    return built[0]


def jobs_on(page) -> list[str]:
    return [a["href"].rstrip("/").split("/")[-1] for a in page.select(".job-card h2 a, "
                                                                     ".job-card h3 a")]


def jsonld(page, kind: str) -> dict:
    for script in page.select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        if data.get("@type") == kind:
            return data
    raise AssertionError(f"no {kind} JSON-LD")


def searched_urls(site) -> set[str]:
    """The URLs Pagefind indexed (its fragments, decompressed)."""
    urls = set()
    for fragment in (site.output / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        urls.add(json.loads(data[len(b"pagefind_dcd"):])["url"])
    return urls


def test_open_offers_are_listed_everywhere_a_job_seeker_looks(site):
    assert sorted(jobs_on(site.html("/emplois/"))) == sorted(OPEN)
    assert set(jobs_on(site.html("/travailler/"))) == set(OPEN)
    assert set(jobs_on(site.html("/etudier/"))) == {"stagiaire-genie-ete-2027",
                                                   "serveuse-boulangerie-ville-marie"}
    assert jobs_on(site.html("/emplois/types/internship/")) == ["stagiaire-genie-ete-2027"]
    assert jobs_on(site.html("/en/jobs/towns/ville-marie/")) == ["serveuse-boulangerie-ville-marie"]
    assert sorted(jobs_on(site.html("/emplois/secteurs/ingenierie/"))) == [
        "stagiaire-genie-ete-2027", "technicienne-genie-civil"]


def test_the_filters_are_plain_links_that_work_without_javascript(site):
    page = site.html("/emplois/municipalites/amos/")
    links = {a.get_text(" ", strip=True): a["href"] for a in page.select(".filter-links a")}
    assert links["Amos (2)"] == "/emplois/municipalites/amos/"
    assert links["Stage (1)"] == "/emplois/types/internship/"
    assert page.select_one('.filter-links a[aria-current="page"]')["href"] == \
        "/emplois/municipalites/amos/"
    assert not page.select("script[src*='jobs']")


def test_an_expired_offer_is_gone_from_every_list_feed_sitemap_and_search(site):
    pages = ["/emplois/", "/travailler/", "/en/work/", "/municipalites/amos/",
             "/entreprises/genie-nord/", "/emplois/types/full-time/",
             "/emplois/secteurs/ingenierie/"]
    for url in pages:
        assert not set(jobs_on(site.html(url))) & set(CLOSED), url
    feed = ET.parse(site.output / "travailler/atom.xml").getroot()
    assert feed.find(f"{ATOM}title").text == "Vitrine Abitibi-Témiscamingue - workers fr"
    links = [e.find(f"{ATOM}link").get("href") for e in feed.iter(f"{ATOM}entry")]
    assert any(link.endswith("/emplois/technicienne-genie-civil/") for link in links)
    assert not any(slug in link for link in links for slug in CLOSED)
    assert not site.exists("/emplois/types/contract/")  # its only offer closed
    for feed_path in ("emplois/atom.xml", "en/jobs/audience/work/atom.xml"):  # the lists' feeds
        jobs_feed = ET.parse(site.output / feed_path).getroot()
        links = [e.find(f"{ATOM}link").get("href") for e in jobs_feed.iter(f"{ATOM}entry")]
        assert len(links) == 3 and not any(slug in link for link in links for slug in CLOSED)
    assert ET.parse(site.output / "en/jobs/atom.xml").getroot().find(f"{ATOM}title").text == \
        "Vitrine Abitibi-Témiscamingue - Job offers"
    assert site.html("/emplois/").select_one('link[type="application/atom+xml"]')["href"] == \
        "/emplois/atom.xml"
    sitemap = (site.output / "sitemap.xml").read_text()
    assert "/emplois/technicienne-genie-civil/</loc>" in sitemap
    assert not any(slug in sitemap for slug in CLOSED)
    searched = searched_urls(site)
    assert "/emplois/technicienne-genie-civil/" in searched
    assert not any(f"/emplois/{slug}/" in searched for slug in CLOSED)


@pytest.mark.parametrize("url, lang", [("/emplois/dessinateur-autocad/", "fr"),
                                       ("/en/jobs/preposee-comptoir-amos/", "en")])
def test_an_expired_offers_url_says_it_closed_and_points_to_current_offers(site, url, lang):
    page = site.html(url)
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    notice = page.select_one(".notice").get_text()
    assert ("Cette offre est fermée depuis le 30 novembre 2026" in notice if lang == "fr"
            else "This offer closed on December 1, 2026" in notice)
    current = "/emplois/" if lang == "fr" else "/en/jobs/"
    assert page.select_one(f'a[href="{current}"]')
    assert not page.select('script[type="application/ld+json"]')
    assert not page.select_one("main").has_attr("data-pagefind-body")
    if lang == "fr":  # an offer of the same sector still open
        assert "technicienne-genie-civil" in jobs_on(page)


def test_the_build_reports_offers_closing_within_a_week(built):
    _, log = built
    closing = [m for level, m in log if "closes" in m]
    assert closing == ['data/jobs/genie-nord.yaml:16: job offer "Stagiaire en génie (été 2027)" '
                       "closes 2026-12-05 (in 3 days)"]
    page = built[0].html("/emplois/stagiaire-genie-ete-2027/")
    assert "Dernier jour pour postuler : 5 décembre 2026" in page.select_one(".notice").get_text()


def test_employer_and_offer_link_both_ways(site):
    business = site.html("/entreprises/genie-nord/")
    assert sorted(jobs_on(business)) == ["stagiaire-genie-ete-2027", "technicienne-genie-civil"]
    offer = site.html("/en/jobs/technicienne-genie-civil/")
    assert offer.h1.get_text() == "Civil engineering technician"
    assert offer.select_one('.lead a[href="/en/businesses/genie-nord/"]').get_text() == "Génie Nord"
    assert offer.select_one('.apply a[href="https://genie-nord.example.org/carrieres"]')
    assert offer.select_one('.apply a[href^="mailto:rh@genie-nord.example.org"]')
    facts = offer.select_one(".job-facts").get_text(" ", strip=True)
    assert "$28.50 to $36 an hour" in facts and "Partly remote" in facts
    assert [a.get_text() for a in offer.select('.site-nav a[aria-current="page"]')] == ["Jobs"]
    outside = site.html("/emplois/preposee-comptoir-amos/")  # an employer outside the directory
    assert outside.h1.get_text() == "Préposée ou préposé au comptoir"


def test_jobposting_has_googles_required_properties(site):
    data = jsonld(site.html("/emplois/technicienne-genie-civil/"), "JobPosting")
    for name in ("title", "description", "datePosted", "hiringOrganization", "jobLocation",
                 "validThrough"):
        assert data[name], name
    assert data["datePosted"] == "2026-11-20"
    assert data["validThrough"] == "2027-01-15T23:59:00-05:00"
    assert data["hiringOrganization"] == {"@type": "Organization", "name": "Génie Nord",
                                          "sameAs": "https://vitrine.example.org/entreprises/genie-nord/"}
    assert data["jobLocation"]["address"]["addressCountry"] == "CA"
    assert data["jobLocation"]["address"]["addressLocality"] == "Amos"
    assert data["employmentType"] == ["FULL_TIME"]
    assert data["baseSalary"] == {"@type": "MonetaryAmount", "currency": "CAD", "value": {
        "@type": "QuantitativeValue", "unitText": "HOUR", "minValue": 28.5, "maxValue": 36.0}}
    assert data["description"].startswith("<p>Vous surveillez des chantiers")
    intern = jsonld(site.html("/en/jobs/stagiaire-genie-ete-2027/"), "JobPosting")
    assert intern["employmentType"] == ["INTERN"]
    assert intern["baseSalary"]["value"] == {"@type": "QuantitativeValue", "unitText": "HOUR",
                                             "value": 22.0}


def contacts_on(page) -> list[str]:
    return [h.get_text() for h in page.select(".contact-card h3")]


def test_each_window_ends_with_its_audiences_contacts_the_regions_first(site):
    workers = site.html("/travailler/")
    assert contacts_on(workers) == ["Nadia Lemieux"]  # the region's, as a card
    last = workers.select("main > *")[-1]
    assert last.select_one("#contacts-title").get_text() == "Parlez à une personne"
    lines = last.select(".contact-lines li")  # then each MRC's, one line each
    assert [" ".join(li.get_text(" ").split()) for li in lines] == [
        "Abitibi : Marc Gagnon, Agent d'accueil des nouveaux arrivants — 819 555-0111 poste 12 "
        "· Prendre rendez-vous — Marc Gagnon"]
    assert lines[0].select_one('a[href="tel:+18195550111;ext=12"]')
    assert lines[0].select_one('a[href="https://rendez-vous.example.org/marc"]')
    assert contacts_on(site.html("/en/invest/")) == ["Sophie Roy"]
    assert not site.html("/en/visit/").select(".contact-card")  # Luc answers one MRC only
    nadia = workers.select_one(".contact-card")
    assert nadia.select_one('a[href="tel:+18195550100"]')
    assert nadia.select_one('a[href="mailto:nadia@agence.example.org"]')
    assert "Toute la région · Langues : français, anglais" in nadia.get_text()
    assert not workers.select(".contacts form")


def test_a_town_page_shows_for_each_audience_its_mrcs_contact_else_the_regions(site):
    amos = contacts_on(site.html("/municipalites/amos/"))  # MRC d'Abitibi
    assert amos == ["Marc Gagnon", "Sophie Roy", "Amélie Côté"]  # not Nadia: Marc answers
    ville_marie = contacts_on(site.html("/en/towns/ville-marie/"))  # Témiscamingue
    assert ville_marie == ["Luc Bélanger", "Nadia Lemieux", "Sophie Roy", "Amélie Côté"]


def test_contact_points_are_described_for_search_engines(site):
    data = jsonld(site.html("/municipalites/amos/"), "Organization")
    points = {p["name"]: p for p in data["contactPoint"]}
    assert points["Marc Gagnon"]["telephone"] == "+1-819-555-0111"
    assert points["Marc Gagnon"]["areaServed"] == ["Abitibi"]
    assert points["Marc Gagnon"]["availableLanguage"] == ["fr", "en", "es"]
    assert points["Sophie Roy"]["email"] == "sophie@agence.example.org"
    assert points["Sophie Roy"]["areaServed"] == "Abitibi-Témiscamingue"
    languages = site.html("/municipalites/amos/").select_one(".contact-card").get_text(" ")
    assert "français, anglais, espagnol" in " ".join(languages.split())


def test_figures_cite_their_source_and_date_in_the_band(site):
    home = site.html("/")
    assert [f.select_one(".figure-label").get_text() for f in home.select(".figure")] == [
        "habitants"]
    band = site.html("/travailler/").select(".figure")
    assert [f.select_one(".figure-value").get_text() for f in band] == ["≈\u00a0147\u202f500",
                                                                          "4,5\u00a0%"]
    source = " ".join(band[0].select_one(".figure-source").get_text().split())
    assert source == "Source : Statistique Canada, Recensement de 2021, 2021"
    english = site.html("/en/work/").select(".figure-value")
    assert [f.get_text() for f in english] == ["≈\u00a0147,500", "4.5%"]
    study = site.html("/en/study/")
    assert study.select_one(".figure-value").get_text() == "$950\u00a0a month"
    assert "October 2022" in study.select_one(".figure-source").get_text()
    assert site.html("/etudier/").select_one(".figure-value").get_text() == "950\u00a0$ par mois"


def test_an_old_figure_is_warned_about_without_failing_a_strict_build(built):
    site, log = built
    warned = [m for level, m in log if level == logging.WARNING and "figures" in m]
    assert warned == ['data/figures.yaml:19: figures: "loyer moyen" describes 2022-10, 49 '
                      "months ago; expected at most 36 months: update it from its source (SCHL)"]
    assert site.result.warnings == 0  # an advisory: publishing goes on


def test_bad_jobs_contacts_and_figures_are_located_by_check(tmp_path, capsys):
    root = copy_site("windows", tmp_path)
    (root / "data/jobs/bad.yaml").write_text(
        "title: Soudeur\nemployer: {business: nulle-part}\nemployment_type: [full-time, gig]\n"
        "date_posted: 2026-12-01\nvalid_through: 2026-11-01\napply: {url: 'javascript:alert(1)'}\n"
        "description: Souder.\n", encoding="utf-8")
    contacts = (root / "data/contacts.yaml").read_text(encoding="utf-8")
    (root / "data/contacts.yaml").write_text(contacts + "  - name: Sans moyen\n    role: Aide\n"
                                             "    audiences: [workers]\n    mrcs: [abitbi]\n",
                                             encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert 'data/jobs/bad.yaml:2:12: employer.business: expected a business of the directory ' \
           '(its slug), got "nulle-part"' in err
    assert 'data/jobs/bad.yaml:3:30: employment_type[1]: expected one of full-time' in err
    assert "data/jobs/bad.yaml:6:9: apply.url: expected a web address (https://…), got an " \
           "unsafe address (javascript:)" in err
    assert 'contacts[5].mrcs[0]: expected an MRC of data/territory.yaml, got "abitbi" (did you ' \
           'mean "abitibi"?)' in err
