"""Propose a business or a correction (tests/sites/propose/: three businesses): the links to
the form, the exported JSON Schema, the no-JavaScript fallback and the PROPOSE setting."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote

import pytest
import yaml
from conftest import build_copy, copy_site
from propose.propose import fill, mailto, propose_settings

from vitrine.audit.pages import template_pages
from vitrine.settings_schema import check_settings

ISSUES = "https://git.example.org/agence/vitrine/-/issues/new?issue[title]={title}" \
         "&issue[description]={body}"
PROPOSE = {"issue_url": ISSUES, "email": "repertoire@agence.example", "folder": "agence"}
SCHEMA = "/donnees/schema/entreprise.json"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = build_copy(copy_site("propose", tmp_path_factory.mktemp("propose")),
                       PROPOSE=PROPOSE)
    assert built.result.ok and built.result.warnings == 0
    return built


def schema_of(site) -> dict:
    return json.loads((site.output / SCHEMA.lstrip("/")).read_text(encoding="utf-8"))


def test_every_business_page_links_to_the_form_and_holds_its_values(site):
    page = site.html("/entreprises/boulangerie-saint-jean/")
    link = page.select_one("a[data-report-correction]")
    assert (link.get_text(), link["href"]) == ("Signaler une correction",
                                               "/proposer/?slug=boulangerie-saint-jean")
    assert json.loads(page.select_one("script[data-business-record]").string) == {
        "slug": "boulangerie-saint-jean", "name": "Boulangerie Saint-Jean",
        "category": "boulangerie", "municipality": "ville-marie", "address": "12 rue Ste-Anne",
        "postal_code": "J9V 1V6", "phone": "819 555-0199",
        "email": "info@boulangerie-st-jean.example",
        "website": "https://boulangerie-st-jean.example/",
        "description.fr": "Pain au levain & « viennoiseries » du matin.",
        "description.en": "Sourdough bread and morning pastries.",
        "hours_note": "Du mardi au samedi, 7 h à 18 h", "neq": ""}
    english = site.html("/en/businesses/auberge-du-lac/").select_one("a[data-report-correction]")
    assert (english.get_text(), english["href"]) == ("Report a correction",
                                                     "/en/propose/?slug=auberge-du-lac")
    for slug in ("genie-nord", "auberge-du-lac"):
        assert site.html(f"/entreprises/{slug}/").select("a[data-report-correction]")


def test_the_directory_links_to_adding_a_business_in_each_language(site):
    for url, label, target in (("/entreprises/", "Ajouter une entreprise", "/proposer/"),
                               ("/en/businesses/", "Add a business", "/en/propose/")):
        link = site.html(url).select_one("a[data-add-business]")
        assert (link.get_text(), link["href"]) == (label, target)


def test_the_two_pages_are_translations_of_each_other(site):
    for url, other in (("/proposer/", "/en/propose/"), ("/en/propose/", "/proposer/")):
        page = site.html(url)
        alternates = {a["hreflang"]: a["href"] for a in page.select("link[rel=alternate]")}
        assert alternates["fr"] == "https://vitrine.example.org/proposer/"
        assert alternates["en"] == "https://vitrine.example.org/en/propose/"
        assert page.select_one("a.lang-switch")["href"] == other
    assert site.html("/proposer/").h1.get_text() == "Proposer une entreprise ou une correction"
    assert site.html("/en/propose/").h1.get_text() == "Propose a business or a correction"


def test_the_schema_offers_the_real_categories_and_towns(site):
    schema = schema_of(site)
    taxonomy = yaml.safe_load((site.root / "data/taxonomy.yaml").read_text())
    territory = yaml.safe_load((site.root / "data/territory.yaml").read_text())
    props = schema["properties"]
    assert props["category"]["enum"] == sorted(c["slug"] for c in taxonomy["categories"])
    assert props["municipality"]["enum"] == sorted(m["slug"] for m in territory["municipalities"])
    assert schema["required"] == ["name", "category", "municipality"]
    assert schema["additionalProperties"] is False
    assert "id" not in props and "review" not in props  # the file's name; the importer's
    assert schema["$id"] == "https://vitrine.example.org/donnees/schema/entreprise.json"
    assert props["description"]["properties"].keys() == {"fr", "en"}
    assert site.html("/donnees/").select_one(f'a[href="{SCHEMA}"]')
    assert site.html("/proposer/").select_one("form[data-propose]")["data-schema"] == SCHEMA


@pytest.mark.parametrize("url, ok", [
    ("https://boulangerie.example/", True), ("http://a.example/x?y=1", True),
    ("javascript:alert(1)", False), (" JaVa\tScript:alert(1)", False),
    ("data:text/html,<b>x</b>", False), ("boulangerie.example", False)])
def test_the_schema_refuses_unsafe_web_addresses(site, url, ok):
    website = schema_of(site)["properties"]["website"]
    unsafe = re.search(website["not"]["pattern"], url)
    assert (not unsafe and re.search(website["pattern"], url) is not None) == ok


def test_the_fixture_records_match_the_schema_patterns(site):
    props = schema_of(site)["properties"]
    record = yaml.safe_load((site.root / "data/sources/ville-marie.yaml").read_text())[
        "businesses"][0]
    for field in ("postal_code", "phone", "email", "website"):
        assert re.search(props[field]["pattern"], str(record[field])), field
    assert re.search(props["name"]["not"]["pattern"], "<script>x</script>")


def test_without_javascript_a_mailto_link_lists_the_fields(site):
    page = site.html("/proposer/")
    fallback = page.select_one("[data-propose-fallback]")
    assert fallback.get("hidden") is None
    assert page.select_one("form[data-propose]").has_attr("hidden")  # never a dead form
    href = fallback.select_one("a[data-fallback-link]")["href"]
    address, _, query = href.partition("?")
    assert address == "mailto:repertoire@agence.example"
    fields = parse_qs(query)
    assert fields["subject"] == ["Proposition pour le répertoire des entreprises"]
    lines = fields["body"][0].split("\r\n")
    assert lines[0].startswith("Bonjour, voici une entreprise à ajouter")
    assert "- Nom de l'entreprise ou de l'organisme (obligatoire) : " in lines
    assert "- Municipalité (obligatoire) (une municipalité de la région) : " in lines
    assert "- Site web : " in lines and "- Courriel de l'entreprise : " in lines
    listed = [li.get_text() for li in fallback.select("li")]
    assert listed[:2] == ["Nom de l'entreprise ou de l'organisme (obligatoire)",
                          "Catégorie (obligatoire)"]
    english = parse_qs(site.html("/en/propose/").select_one("a[data-fallback-link]")["href"]
                       .partition("?")[2])
    assert "- Town (required) (a town of the region): " in english["body"][0].split("\r\n")


def test_without_an_email_the_fallback_is_a_prefilled_issue(tmp_path):
    built = build_copy(copy_site("propose", tmp_path), PROPOSE={"issue_url": ISSUES})
    href = built.html("/en/propose/").select_one("a[data-fallback-link]")["href"]
    assert href.startswith("https://git.example.org/agence/vitrine/-/issues/new?issue[title]="
                           "Proposal%20for%20the%20business%20directory&issue[description]=")
    assert "- Name of the business or organization (required): " in unquote(href)
    assert not built.html("/en/propose/").select("a[data-email-link]")


def test_untrusted_text_is_encoded_in_links():
    assert fill(ISSUES, "A & B #1", "x=1\n?") == (
        "https://git.example.org/agence/vitrine/-/issues/new?issue[title]=A%20%26%20B%20%231"
        "&issue[description]=x%3D1%0A%3F")
    assert mailto("s@a.example", "Q?", "a&b\nc") == \
        "mailto:s@a.example?subject=Q%3F&body=a%26b%0D%0Ac"


def test_the_setting_is_checked_once_with_a_message_to_act_on():
    with pytest.raises(ValueError, match=r"propose: Invalid 'PROPOSE' key: \['mail'\]"):
        propose_settings({"PROPOSE": {"mail": "a@b.example"}})
    with pytest.raises(ValueError, match="propose: 'PROPOSE' needs issue_url or email"):
        propose_settings({"PROPOSE": {"folder": "agence"}})
    assert propose_settings({}) is None
    problems = check_settings({"SITENAME": "x", "PROPOSE": {
        "issue_url": "http://git.example.org/issues/new", "email": "nobody"}}, None)
    assert [str(p) for p in problems] == [
        'settings: PROPOSE.issue_url: expected an https:// address holding {body} (and '
        '{title}), got "http://git.example.org/issues/new"',
        'settings: PROPOSE.email: expected an e-mail address, got "nobody"']


def test_the_audit_checks_both_pages(site):
    assert {"/proposer/", "/en/propose/"} <= set(template_pages(Path(site.output)))
