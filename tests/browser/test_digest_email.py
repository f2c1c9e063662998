"""The digest e-mail in Chromium, as a mail client shows a file: it asks nothing of any
server, passes axe-core's WCAG 2.1 A and AA rules, and fits a phone's width."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_site
from test_digest import TODAY, run_digest, settings_file

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def emails(tmp_path_factory):
    """The workers' digest since 2026-11-01 in French and English, as files."""
    root = copy_site("digest", tmp_path_factory.mktemp("digest-browser"))
    settings_file(root, EVENTS={"today": TODAY})
    out = root / "mail"
    assert run_digest(root, out, "--audience", "workers", "--since", "2026-11-01") == 0
    return {lang: out / f"digest-workers-2026-11-01.{lang}.html" for lang in ("fr", "en")}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_email_makes_no_request_but_its_own_file(page, emails, lang):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    url = emails[lang].as_uri()
    page.goto(url, wait_until="networkidle")
    assert requests == [url]
    assert page.get_by_role("heading", level=1).inner_text() in ("Infolettre Travailler",
                                                                 "Work newsletter")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_email_passes_axe_wcag_a_and_aa(page, emails, lang):
    page.goto(emails[lang].as_uri())
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', "
                           "'wcag21a', 'wcag21aa']})")
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []


def test_the_email_fits_a_phone(open_page, emails):
    page = open_page(viewport={"width": 360, "height": 640})
    page.goto(emails["fr"].as_uri())
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
