"""Measure the time from publishing an edit in the web editor to the live preview showing it
(not a test: a tool).

    .venv/bin/python tests/browser/measure_cms_preview.py

Copies the 'directory' fixture site into a Git repository, runs decap-server (Git mode) and
`vitrine serve --reload` on it as `make cms` does, writes a new story in the editor and then
changes its summary; each time it clocks from the click on "Publier maintenant" (the draft
branch merged into the checkout) to the preview's page answering with the new text.
Prints one JSON line per edit.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from cms_site import ROOT, make_site, start_decap_server
from playwright.sync_api import expect, sync_playwright
from test_cms_editor import choose, log_in, new_entry

from vitrine.audit.server import free_port
from vitrine.audit.tools import CHROMIUM, CHROMIUM_FLAGS


def wait_for_port(port: int) -> None:
    for _ in range(600):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing answers on port {port}")


def shows(url: str, text: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return text in answer.read().decode("utf-8")
    except OSError:
        return False


def publish_and_clock(page, url: str, collection: str, slug: str, page_url: str,
                      text: str) -> float:
    """Save, mark ready, publish; seconds from publishing to the preview showing text."""
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Modifications enregistrées")).to_be_visible()
    page.goto(f"{url}/admin/#/collections/{collection}/entries/{slug}")
    page.reload()
    page.get_by_role("button", name="Statut: Brouillon").click()
    page.get_by_role("menuitem", name="Prêt").click()
    page.get_by_role("button", name="Publier", exact=True).click()
    page.once("dialog", lambda dialog: dialog.accept())
    start = time.perf_counter()
    page.get_by_role("menuitem", name="Publier maintenant").click()
    while not shows(page_url, text):
        time.sleep(0.05)
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root, decap_port = make_site(Path(tmp))
        decap = start_decap_server(root, decap_port, Path(tmp) / "decap-server.log")
        port = free_port()
        serve = subprocess.Popen([sys.executable, "-m", "vitrine.cli", "serve", "--reload",
                                  "--root", str(root), "--settings", str(root / "pelicanconf.py"),
                                  "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        try:
            wait_for_port(port)
            url = f"http://localhost:{port}"
            story = f"http://127.0.0.1:{port}/recits/un-hiver-a-amos/"
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                     args=CHROMIUM_FLAGS)
                page = browser.new_page(viewport={"width": 1440, "height": 960})
                log_in(page, url)
                new_entry(page, url, "stories", "title")
                page.locator('[id^="title-field-"]').first.fill("Un hiver à Amos")
                choose(page, "audience", "workers")
                choose(page, "lang", "fr")
                page.locator('[id^="summary-field-"]').first.fill("Première version.")
                page.locator('[id^="date-field-"]').first.fill("2026-12-01")
                page.locator(".cms-editor-visual [contenteditable]").first.click()
                page.keyboard.type("La rivière gèle en décembre.")
                new = publish_and_clock(page, url, "stories", "un-hiver-a-amos", story,
                                        "Première version.")
                print(json.dumps({"edit": "new story", "seconds": round(new, 2)}))
                page.goto(f"{url}/admin/#/collections/stories/entries/un-hiver-a-amos")
                page.reload()
                summary = page.locator('[id^="summary-field-"]').first
                summary.fill("Seconde version.")
                again = publish_and_clock(page, url, "stories", "un-hiver-a-amos", story,
                                          "Seconde version.")
                print(json.dumps({"edit": "summary changed", "seconds": round(again, 2)}))
                browser.close()
        finally:
            serve.terminate()
            decap.terminate()
            serve.wait()
            decap.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
