"""Browser fixtures: the 'directory' fixture site built once, served on a free port
with the headers of its _headers file (vitrine.audit.server, as `vitrine audit` serves).

Registered once as a pytest plugin by tests/conftest.py (a conftest.py here would shadow
that one: both would import as `conftest`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from vitrine.audit.server import served
from vitrine.audit.tools import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def browser():
    """The system Chromium, one per test module (Playwright cannot download its own here).

    Module-scoped and stopped at the module's end: Playwright's sync API runs one event loop
    at a time, and other modules (tests/test_site_audit.py) start their own.
    """
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """Open pages in fresh contexts: open_page(java_script_enabled=False, viewport=...)."""
    contexts = []

    def open_(**context_options):
        contexts.append(browser.new_context(**context_options))
        return contexts[-1].new_page()

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    """A page in a new desktop browser context with JavaScript on."""
    return open_page()


def errors_of(page) -> list[str]:
    """Collect a page's console errors and uncaught exceptions into a list."""
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def build_apart(case: str, parent: Path, files: dict[str, str] | None = None,
                **settings) -> Path:
    """Build tests/sites/<case> with `vitrine build` in its own process; return its output.

    files ({"data/partners.yaml": text}) are written into the copy before it is built.
    Pelican logs each warning once per process: building a fixture site here would hide
    the warnings that other tests' builds of the same site must count.
    """
    root = parent / case
    shutil.copytree(ROOT / "tests" / "sites" / case, root)
    for name, text in (files or {}).items():
        (root / name).write_text(text, encoding="utf-8")
    lines = [f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())",
             f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]", f"THEME = {str(ROOT / 'theme')!r}",
             f"RESPONSIVE_IMAGES = {{'cache': {str(root / '.cache')!r}}}",
             *(f"{name} = {value!r}" for name, value in settings.items())]
    (root / "settings.py").write_text("\n".join(lines) + "\n")
    done = subprocess.run([sys.executable, "-m", "vitrine.cli", "build", "--root", str(root),
                           "--settings", str(root / "settings.py")], capture_output=True,
                          text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    return root / "output"


@pytest.fixture(scope="session")
def directory_site(tmp_path_factory):
    """The 'directory' fixture site built without map tiles (no network in tests)."""
    return build_apart("directory", tmp_path_factory.mktemp("browser"),
                       DIRECTORY_MAP={"tiles": ""})


@pytest.fixture(scope="session")
def directory_url(directory_site):
    """Base URL of the served 'directory' site."""
    with served(directory_site) as url:
        yield url


@pytest.fixture
def console_errors(page):
    """Console errors of the page fixture; tests assert it stays empty."""
    return errors_of(page)
