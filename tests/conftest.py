"""Shared fixtures: build tiny real sites from tests/sites/<case>/ and read their output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from vitrine.build import build
from vitrine.synth import write_synthetic_region

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "sites"
# Browser fixtures (Chromium, pages, the served directory site) for tests/browser/.
pytest_plugins = ["browser_fixtures"]


class Site:
    """A built fixture site: its project folder and output, with helpers to read pages."""

    def __init__(self, root: Path, output: Path, result):
        self.root, self.output, self.result = root, output, result

    def html(self, url: str) -> BeautifulSoup:
        """Parse the page served at a site URL such as /etudier/."""
        path = self.output / url.lstrip("/")
        if url.endswith("/"):
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def exists(self, url: str) -> bool:
        """Tell whether the output has a file for a URL."""
        path = self.output / url.lstrip("/")
        return (path / "index.html").is_file() if url.endswith("/") else path.is_file()


def empty_region(root: Path) -> Path:
    """A project folder with the demo region's territory and taxonomy and no source yet."""
    (root / "data" / "sources").mkdir(parents=True)
    for name in ("territory.yaml", "taxonomy.yaml"):
        shutil.copy(ROOT / "data" / name, root / "data" / name)
    return root


def copy_site(case: str, tmp_path: Path) -> Path:
    """Copy a fixture site to a temporary folder so tests may change it."""
    root = tmp_path / case
    shutil.copytree(SITES / case, root)
    return root


def twin_sites(tmp_path: Path, case: str, names: tuple[str, str], stories: int = 4,
               seed: int = 7) -> tuple[Path, Path]:
    """Two identical project folders to build two ways: fixture copies, or synthetic regions.

    case names a fixture under tests/sites/, or "synth" for 60 businesses from one seed.
    """
    if case != "synth":
        return tuple(copy_site(case, tmp_path / name) for name in names)
    roots = tuple(tmp_path / name for name in names)
    for root in roots:
        write_synthetic_region(root, 60, stories, sources=3, seed=seed)
    return roots


def build_copy(root: Path, **overrides) -> Site:
    """Build a project folder with the project's settings, theme and plugins."""
    output = root / "output"
    result = build(root, output, ROOT / "pelicanconf.py",
                   {"RESPONSIVE_IMAGES": {"cache": str(root / ".cache" / "images")},
                    **overrides})
    return Site(root, output, result)


@pytest.fixture(scope="module")
def basic_site(tmp_path_factory) -> Site:
    """The 'basic' fixture site, built once per module."""
    site = build_copy(copy_site("basic", tmp_path_factory.mktemp("sites")))
    assert site.result.ok
    return site


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Site:
    """The demo region (content/ and data/ of the project), built once, strictly."""
    root = tmp_path_factory.mktemp("demo")
    for name in ("content", "data"):
        shutil.copytree(ROOT / name, root / name)
    result = build(root, root / "output", ROOT / "pelicanconf.py",
                   {"RESPONSIVE_IMAGES": {"cache": str(ROOT / ".cache" / "images")}},
                   strict=True)
    assert result.ok
    return Site(root, root / "output", result)


def output_files(folder: Path, skip: tuple[str, ...] = ("pagefind",)) -> dict[str, bytes]:
    """Every file of a built site (path -> bytes), leaving out folders named in skip.

    Pagefind's filter and meta files differ between two runs on the same pages: its folders
    are left out.
    """
    files = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and not set(name.split("/")[:-1]) & set(skip):
            files[name] = path.read_bytes()
    return files
