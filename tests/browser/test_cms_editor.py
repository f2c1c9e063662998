"""The web editor in a real browser: an editor logs in to the local Git backend (decap-server,
as `make cms` runs it), writes a story and a business, saves them as drafts and publishes
them through the editorial workflow; the files it wrote pass `vitrine check` and the next
build shows them. Editing one item of a list file (contacts, an employer's offers) keeps
every other key of every item, the ids the form does not show (job offers' URLs) first."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from cms_site import make_site, require_tools, start_decap_server, vitrine
from playwright.sync_api import expect

from vitrine.audit.server import served

HOSTILE_RECORDS = [  # in the site's language (French): `vitrine check` as its editors see it
    "data/sources/chambre-commerce.yaml:21:5: businesses[1].website: attendu une adresse web "
    "(https://…), trouvé une adresse dangereuse (javascript:)",
    "data/sources/chambre-commerce.yaml:23:5: businesses[2].name: attendu du texte sans HTML, "
    'trouvé "Génie Nord <script>alert(1)</script>"']
SHOTS = Path(os.environ.get("CMS_SHOTS") or "/tmp/cms-shots")


@pytest.fixture(scope="module", autouse=True)
def tools():
    """Chromium, Node and the npm packages, before the browser starts."""
    require_tools()


def running_editor(parent: Path, case: str):
    """A fixture site in a Git repository, built, served on localhost (Decap talks to its
    local backend from localhost only) beside decap-server: yield its folder and address."""
    root, port = make_site(parent, case)
    built = vitrine(root, "build")
    assert built.returncode == 0, built.stderr
    server = start_decap_server(root, port, parent / "decap-server.log")
    try:
        with served(root / "output") as url:
            yield root, url.replace("127.0.0.1", "localhost")
    finally:
        server.terminate()
        server.wait()


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """The 'directory' fixture site, where the editor writes a story and a business."""
    yield from running_editor(tmp_path_factory.mktemp("cms"), "directory")


def shot(page, name: str) -> None:
    """Keep a screenshot of the editor (for the README and reviews)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name))


def log_in(page, url: str) -> None:
    """Open the editor and log in to the local backend."""
    page.goto(f"{url}/admin/")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("link", name="Récits / Stories", exact=True)).to_be_visible()


def new_entry(page, url: str, collection: str, first_field: str) -> None:
    """Start a new entry of a collection; return once its form (its first field) shows."""
    page.goto(f"{url}/admin/#/collections/{collection}/new")
    page.reload()  # a fresh editor: Decap keeps the previous entry's state across hash moves
    expect(page.locator(f'[id^="{first_field}-field-"]').first).to_be_visible()


def choose(page, field: str, option: str) -> None:
    """Pick an option of a select widget."""
    page.locator(f'[id^="{field}-field-"]').first.click()
    page.get_by_role("option", name=option, exact=True).click()


def publish(page, url: str, collection: str, slug: str, deletable: bool = True) -> None:
    """Save the draft (a cms/ branch), open it again, mark it ready, and publish it (merged
    into main); a file collection's entry (deletable False) has no delete button."""
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Modifications enregistrées")).to_be_visible(timeout=30_000)
    # Decap does not always move a new entry's editor to the saved draft: open the draft
    page.goto(f"{url}/admin/#/collections/{collection}/entries/{slug}")
    page.reload()
    page.get_by_role("button", name="Statut: Brouillon").click()
    page.get_by_role("menuitem", name="Prêt").click()
    expect(page.get_by_role("button", name="Statut: Prêt")).to_be_visible()
    page.get_by_role("button", name="Publier", exact=True).click()
    page.once("dialog", lambda dialog: dialog.accept())  # "publish this entry?"
    page.get_by_role("menuitem", name="Publier maintenant").click()
    if not deletable:  # the only sign a file collection's entry was published
        expect(page.get_by_text("Entrée publiée")).to_be_visible(timeout=30_000)
        return
    # the toolbar of a published entry (the toast may still be the previous entry's)
    expect(page.get_by_role("button", name="Supprimer l'entrée publiée")).to_be_visible()


def counts(summary: str) -> dict[str, int]:
    """What `vitrine check` counted: {"stories": 4, "records": 5, "businesses": 4, …}."""
    return {name: int(number) for number, name in re.findall(r"(\d+) (\w+)", summary)}


def summary(checked) -> str:
    """The last line of `vitrine check`: what it counted."""
    return (checked.stdout + checked.stderr).splitlines()[-1]


def page_with(output: Path, section: str, text: str) -> str | None:
    """The URL of the built page of a section that shows a text, if one does."""
    for html in sorted((output / section).glob("*/index.html")):
        if text in html.read_text(encoding="utf-8"):
            return f"/{html.parent.relative_to(output).as_posix()}/"
    return None


def test_an_editor_publishes_a_story_and_a_business_that_the_next_build_shows(editor, open_page):
    root, url = editor
    page = open_page(viewport={"width": 1440, "height": 960})
    before = counts(vitrine(root, "check").stderr.splitlines()[-1])
    log_in(page, url)
    new_entry(page, url, "stories", "title")
    page.locator('[id^="title-field-"]').first.fill("Un hiver à Amos")
    choose(page, "audience", "workers")
    choose(page, "lang", "fr")
    page.locator('[id^="summary-field-"]').first.fill("Patiner sur l'Harricana, puis se "
                                                      "réchauffer au café.")
    page.locator('[id^="date-field-"]').first.fill("2026-12-01")
    choose(page, "municipalities", "amos")
    shot(page, "cms-1-story-fields.png")
    page.locator(".cms-editor-visual [contenteditable]").first.click()
    page.keyboard.type("La rivière Harricana gèle en décembre.")
    shot(page, "cms-2-story-body.png")
    publish(page, url, "stories", "un-hiver-a-amos")
    shot(page, "cms-3-story-published.png")

    new_entry(page, url, "businesses", "name")
    page.locator('[id^="name-field-"]').first.fill("Café du Harricana")
    choose(page, "category", "boulangerie")
    choose(page, "municipality", "amos")
    page.locator('[id^="phone-field-"]').first.fill("819 555-0199")
    publish(page, url, "businesses", "cafe-du-harricana")

    assert (root / "content/stories/un-hiver-a-amos.fr.md").is_file()
    assert (root / "data/sources/agence/cafe-du-harricana.yaml").is_file()
    # The fixture's partner list holds two hostile records on purpose: they stay the only
    # problems, and the story and the business are counted.
    checked = vitrine(root, "check").stderr.splitlines()
    assert checked[:-1] == HOSTILE_RECORDS
    assert counts(checked[-1]) == {**before, "stories": before["stories"] + 1,
                                   "records": before["records"] + 1,
                                   "businesses": before["businesses"] + 1}
    built = vitrine(root, "build")
    assert built.returncode == 0, built.stderr
    story = page_with(root / "output", "recits", "Un hiver à Amos")
    business = page_with(root / "output", "entreprises", "Café du Harricana")
    assert story and business
    page.goto(f"{url}{story}")  # the served folder is the one just rebuilt
    expect(page.get_by_role("heading", level=1)).to_have_text("Un hiver à Amos")
    expect(page.get_by_text("La rivière Harricana gèle en décembre.")).to_be_visible()
    page.goto(f"{url}{business}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Café du Harricana")


@pytest.fixture(scope="module")
def list_editor(tmp_path_factory):
    """The 'windows' fixture site: contacts, figures and an employer's offers in list files."""
    yield from running_editor(tmp_path_factory.mktemp("cms-lists"), "windows")


def items(root: Path, path: str, key: str) -> list[dict]:
    """The items of a list file as the build reads them."""
    return yaml.safe_load((root / path).read_text(encoding="utf-8"))[key]


def edit_list_file(page, url: str, collection: str, entry: str, unfold, field: str,
                   text: str, deletable: bool) -> None:
    """Open an existing entry, unfold its list (unfold: the button that does), change the
    first item's text field, save it as a draft, and publish it through the workflow."""
    page.goto(f"{url}/admin/#/collections/{collection}/entries/{entry}")
    page.reload()
    expect(page.get_by_text("Chargement de l'entrée")).to_have_count(0, timeout=30_000)
    unfold(page).click()
    box = page.locator(f'[id^="{field}-field-"]').first
    expect(box).to_be_visible()
    box.fill(text)
    publish(page, url, collection, entry, deletable)


def item_toggle(label: str):
    """The button that unfolds the list item shown as label."""
    return lambda page: (page.get_by_text(label, exact=True).locator("xpath=..")
                         .get_by_role("button").first)


def list_toggle(page):
    """The button that unfolds a folded list."""
    return page.get_by_role("button", name="Expand").first


def test_saving_a_list_file_in_the_editor_keeps_its_items_ids(list_editor, open_page):
    root, url = list_editor
    contacts_before = items(root, "data/contacts.yaml", "contacts")
    jobs_before = items(root, "data/jobs/genie-nord.yaml", "jobs")
    before = counts(summary(vitrine(root, "check")))
    page = open_page(viewport={"width": 1440, "height": 960})
    log_in(page, url)
    # contacts: one file (a file collection, which cannot be deleted)
    edit_list_file(page, url, "contacts", "contacts", item_toggle("Nadia Lemieux"), "name",
                   "Nadia Lemieux-Roy", deletable=False)
    contacts = items(root, "data/contacts.yaml", "contacts")
    assert [c.get("id") for c in contacts] == [c["id"] for c in contacts_before]
    assert contacts == [{**contacts_before[0], "name": "Nadia Lemieux-Roy"},
                        *contacts_before[1:]]
    # an employer's offers: the first field "fr" is the first offer's title
    edit_list_file(page, url, "jobs", "genie-nord", list_toggle, "fr",
                   "Technicienne ou technicien en génie civil (jour)", deletable=True)
    shot(page, "cms-4-jobs-published.png")
    jobs = items(root, "data/jobs/genie-nord.yaml", "jobs")
    assert [j.get("id") for j in jobs] == [j["id"] for j in jobs_before]
    assert [j.get("remote") for j in jobs] == [j.get("remote") for j in jobs_before]
    title = {**jobs_before[0]["title"], "fr": "Technicienne ou technicien en génie civil (jour)"}
    assert jobs == [{**jobs_before[0], "title": title}, *jobs_before[1:]]

    checked = vitrine(root, "check")
    assert checked.returncode == 0, checked.stderr
    assert counts(summary(checked)) == before
