"""The "propose a business or a correction" form in a real browser, under the site's CSP:
a valid record becomes an issue and an e-mail carrying YAML, invalid input is reported at
each field and in a summary, a business's correction link fills the form, and without
JavaScript a mailto: link lists the fields."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from browser_fixtures import build_apart, errors_of
from playwright.sync_api import expect

from vitrine.audit.server import served

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ISSUES = "https://git.example.org/agence/vitrine/-/issues/new?issue[title]={title}" \
         "&issue[description]={body}"


@pytest.fixture(scope="module")
def propose_url(tmp_path_factory):
    """The 'propose' fixture site, served with its _headers (CSP included)."""
    output = build_apart("propose", tmp_path_factory.mktemp("propose-browser"),
                         PROPOSE={"issue_url": ISSUES, "email": "repertoire@agence.example",
                                  "folder": "agence"})
    with served(output) as url:
        yield url


def open_form(page, url):
    page.goto(url)
    expect(page.locator("form[data-propose]")).to_be_visible()  # once the schema is loaded


def issue_of(page) -> tuple[str, str]:
    """The title and body of the issue the ready link opens."""
    href = page.locator("a[data-issue-link]").get_attribute("href")
    assert href.startswith("https://git.example.org/agence/vitrine/-/issues/new?")
    query = parse_qs(urlsplit(href).query)
    return query["issue[title]"][0], query["issue[description]"][0]


def record_in(body: str) -> dict:
    """The YAML record between the body's ```yaml fence, parsed."""
    text = body.split("```yaml\n", 1)[1].split("\n```", 1)[0]
    return yaml.safe_load(text)


def test_a_valid_business_becomes_an_issue_and_an_email_carrying_its_yaml(page, propose_url):
    errors = errors_of(page)
    open_form(page, f"{propose_url}/proposer/")
    expect(page.locator("[data-propose-fallback]")).to_be_hidden()
    typed = {"name": 'Café "Nord" & fils: été #1', "address": "3, rue Principale",
             "phone": "819 555-0123", "email": "info@cafe-nord.example",
             "website": "https://cafe-nord.example/?a=1&b=2"}
    page.get_by_label("Nom de l'entreprise ou de l'organisme").fill(typed["name"])
    page.get_by_label("Catégorie").select_option(label="Boulangerie")
    page.get_by_label("Description en français").fill("Pain: levain\n- « croissants » 'maison'")
    page.get_by_label("Description en anglais").fill("Back\\slash\ttab\u2028line {title} %20")
    page.get_by_label("Adresse").fill(typed["address"])
    page.get_by_label("Municipalité").fill("amos")
    page.get_by_label("Téléphone").fill(typed["phone"])
    page.get_by_label("Courriel de l'entreprise").fill(typed["email"])
    page.get_by_label("Site web").fill(typed["website"])
    page.get_by_label("Message (non publié)").fill("Je suis la propriétaire.\nMerci!")
    page.get_by_role("button", name="Préparer ma proposition").click()
    ready = page.get_by_role("heading", name="Votre proposition est prête")
    expect(ready).to_be_focused()
    expect(page.locator("[data-error-summary]")).to_be_hidden()
    title, body = issue_of(page)
    assert title == 'Nouvelle entreprise : Café "Nord" & fils: été #1'
    assert "> Je suis la propriétaire.\n> Merci!" in body
    assert "Fiche à déposer dans data/sources/agence/cafe-nord-fils-ete-1-amos.yaml :" in body
    assert record_in(body) == {**typed, "category": "boulangerie", "municipality": "amos",
                               "description": {"fr": "Pain: levain\n- « croissants » 'maison'",
                                               "en": "Back\\slash\ttab\u2028line {title} %20"}}
    mail = page.locator("a[data-email-link]").get_attribute("href")
    address, _, query = mail.partition("?")
    assert address == "mailto:repertoire@agence.example"
    mail_body = parse_qs(query)["body"][0]
    assert "\r\n" in mail_body and record_in(mail_body.replace("\r\n", "\n")) == record_in(body)
    shown = page.get_by_label("Fiche prête à déposer (YAML)").input_value()
    assert shown.startswith("# data/sources/agence/cafe-nord-fils-ete-1-amos.yaml\n")
    assert errors == []


def test_invalid_input_is_reported_at_each_field_and_in_a_focused_summary(page, propose_url):
    errors = errors_of(page)
    open_form(page, f"{propose_url}/proposer/")
    page.get_by_label("Catégorie").select_option("hebergement")
    page.get_by_label("Municipalité").fill("Montréal")
    page.get_by_label("Courriel de l'entreprise").fill("info@")
    page.get_by_label("Site web").fill("javascript:alert(1)")
    page.get_by_role("button", name="Préparer ma proposition").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("4 problèmes à corriger :")
    expected = {
        "name": "Ce champ est obligatoire.",
        "municipality": "Choisissez une municipalité de la région dans la liste.",
        "email": "Entrez une adresse courriel, comme info@exemple.ca.",
        "website": "Seules les adresses web en http:// ou https:// sont acceptées."}
    for key, text in expected.items():
        field = page.locator(f"#f-{key}")
        expect(page.locator(f"#f-{key}-error")).to_have_text(text)
        expect(field).to_have_attribute("aria-invalid", "true")
        assert f"f-{key}-error" in field.get_attribute("aria-describedby").split()
    assert summary.get_by_role("link").all_inner_texts() == [
        "Nom de l'entreprise ou de l'organisme : Ce champ est obligatoire.",
        "Municipalité : Choisissez une municipalité de la région dans la liste.",
        "Courriel de l'entreprise : Entrez une adresse courriel, comme info@exemple.ca.",
        "Site web : Seules les adresses web en http:// ou https:// sont acceptées."]
    expect(page.locator("#f-phone")).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("[data-propose-ready]")).to_be_hidden()
    summary.get_by_role("link").nth(2).click()
    expect(page.locator("#f-email")).to_be_focused()
    page.locator("#f-email").fill("info@auberge.example")  # fixed: its message goes
    page.get_by_role("button", name="Préparer ma proposition").click()
    expect(summary.get_by_role("heading")).to_have_text("3 problèmes à corriger :")
    expect(page.locator("#f-email-error")).to_be_hidden()
    assert page.locator("#f-email").get_attribute("aria-describedby") == "f-email-hint"
    assert errors == []


def test_english_messages_on_the_english_form(page, propose_url):
    open_form(page, f"{propose_url}/en/propose/")
    page.get_by_label("Website").fill("data:text/html,hi")
    page.get_by_role("button", name="Prepare my proposal").click()
    expect(page.locator("[data-error-summary] h2")).to_have_text("4 problems to fix:")
    expect(page.locator("#f-website-error")).to_have_text(
        "Only web addresses starting with http:// or https:// are accepted.")
    expect(page.locator("#f-category-error")).to_have_text("This field is required.")


def test_the_correction_link_fills_the_form_with_the_business(page, propose_url):
    errors = errors_of(page)
    page.goto(f"{propose_url}/entreprises/boulangerie-saint-jean/")
    page.get_by_role("link", name="Signaler une correction").click()
    expect(page.locator("h1")).to_have_text("Signaler une correction : Boulangerie Saint-Jean")
    expect(page.locator("[data-correcting]")).to_be_visible()
    values = {"name": "Boulangerie Saint-Jean", "category": "boulangerie",
              "municipality": "Ville-Marie", "address": "12 rue Ste-Anne",
              "postal_code": "J9V 1V6", "phone": "819 555-0199",
              "email": "info@boulangerie-st-jean.example",
              "website": "https://boulangerie-st-jean.example/",
              "description_fr": "Pain au levain & « viennoiseries » du matin.",
              "description_en": "Sourdough bread and morning pastries.",
              "hours_note": "Du mardi au samedi, 7 h à 18 h", "neq": ""}
    for key, value in values.items():
        expect(page.locator(f"#f-{key}")).to_have_value(value)
    page.get_by_label("Téléphone").fill("819 555-0200")
    page.get_by_role("button", name="Préparer ma proposition").click()
    title, body = issue_of(page)
    assert title == "Correction : Boulangerie Saint-Jean (boulangerie-saint-jean)"
    assert "Correction de la fiche boulangerie-saint-jean : " \
           "https://vitrine.example.org/entreprises/boulangerie-saint-jean/" in body
    assert "Champs modifiés : phone" in body
    assert "data/sources/agence/boulangerie-saint-jean.yaml" in body
    record = record_in(body)
    assert (record["phone"], record["municipality"], record["description"]["fr"]) == (
        "819 555-0200", "ville-marie", "Pain au levain & « viennoiseries » du matin.")
    assert errors == []


def test_without_javascript_a_mailto_link_lists_the_fields(open_page, propose_url):
    page = open_page(java_script_enabled=False)
    page.goto(f"{propose_url}/proposer/")
    expect(page.locator("form[data-propose]")).to_be_hidden()
    expect(page.get_by_role("button", name="Préparer ma proposition")).to_have_count(0)
    link = page.get_by_role("link", name="Écrire à l'équipe du répertoire")
    expect(link).to_be_visible()
    address, _, query = link.get_attribute("href").partition("?")
    assert address == "mailto:repertoire@agence.example"
    lines = parse_qs(query)["body"][0].split("\r\n")
    assert "- Nom de l'entreprise ou de l'organisme (obligatoire) : " in lines
    assert "- Téléphone : " in lines
    expect(page.locator("[data-propose-fallback] li").first).to_have_text(
        "Nom de l'entreprise ou de l'organisme (obligatoire)")


def test_the_form_and_its_errors_have_no_wcag_violation(open_page, propose_url):
    page = open_page(bypass_csp=True)  # the site's CSP rightly refuses the injected axe
    open_form(page, f"{propose_url}/proposer/")
    page.get_by_label("Site web").fill("javascript:alert(1)")
    page.get_by_role("button", name="Préparer ma proposition").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {runOnly: "
                           "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []


def test_when_the_schema_cannot_load_the_email_link_stays(page, propose_url):
    page.route("**/schema/entreprise.json", lambda route: route.abort())
    page.goto(f"{propose_url}/proposer/")
    fallback = page.locator("[data-propose-fallback]")
    expect(fallback.locator("p").first).to_have_text(
        "Le formulaire n'a pas pu se charger; écrivez-nous plutôt avec le lien ci-dessous.")
    expect(fallback.get_by_role("link", name="Écrire à l'équipe du répertoire")).to_be_visible()
    expect(page.locator("form[data-propose]")).to_be_hidden()
