"""The self-hosted hook: a good push publishes, a broken push leaves the live site as it was."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SITES

PROJECT_FILES = ["Makefile", "pyproject.toml", "package.json", "package-lock.json",
                 "pelicanconf.py", "publishconf.py", "previewconf.py", "README.md", "theme",
                 "plugins", "vitrine"]


def git(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False,
                          env={"PATH": os.environ["PATH"], "HOME": str(cwd),
                               "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.org",
                               "GIT_COMMITTER_NAME": "Editor",
                               "GIT_COMMITTER_EMAIL": "e@example.org"})


@pytest.fixture
def server(tmp_path):
    """A bare repository with the hook installed, and an editor's clone of it."""
    if shutil.which("make") is None:
        pytest.fail("make is required to test the deployment hook")
    venv = Path(sys.prefix)
    digest = hashlib.sha1((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:12]
    if not (venv / f".installed-{digest}").exists():
        pytest.fail("run the tests with `make test`: the hook reuses this venv as installed")
    bare, work, live = tmp_path / "site.git", tmp_path / "work", tmp_path / "srv" / "live"
    git("init", "--bare", "-b", "main", str(bare), cwd=tmp_path)
    shutil.copy(ROOT / "deploy" / "post-receive", bare / "hooks" / "post-receive")
    git("config", "vitrine.live", str(live), cwd=bare)
    git("config", "vitrine.venv", str(venv), cwd=bare)
    work.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif source.exists():
            shutil.copy(source, work / name)
    shutil.copytree(SITES / "basic" / "content", work / "content")
    git("init", "-b", "main", cwd=work)
    git("remote", "add", "origin", str(bare), cwd=work)
    return work, live


def commit_and_push(work: Path, message: str) -> subprocess.CompletedProcess:
    git("add", "-A", cwd=work)
    git("commit", "-qm", message, cwd=work)
    return git("push", "origin", "main", cwd=work)


def test_good_push_publishes_and_broken_push_is_refused(server):
    work, live = server
    first = commit_and_push(work, "First stories")
    assert "vitrine: published" in first.stderr, first.stderr
    assert (live / "index.html").is_file()
    public = "https://vitrine.example.org"  # publishconf.py: the site's absolute address
    sitemap = (live / "sitemap.xml").read_text()
    assert f"<loc>{public}/recits/un-ete-sur-le-lac-temiscamingue/</loc>" in sitemap
    assert "<loc>/" not in sitemap
    assert f"Sitemap: {public}/sitemap.xml" in (live / "robots.txt").read_text()
    feed = (live / "visiter" / "atom.xml").read_text()
    assert f'href="{public}/recits/un-ete-sur-le-lac-temiscamingue/"' in feed
    story = live / "recits" / "un-ete-sur-le-lac-temiscamingue" / "index.html"
    published = story.read_text()
    target = live.resolve()

    bad = work / "content" / "stories" / "lac.fr.md"
    bad.write_text(bad.read_text().replace("[tourists, workers]", "studens"))
    second = commit_and_push(work, "Typo in audience")
    assert "BUILD FAILED" in second.stderr
    assert ('content/stories/lac.fr.md:3: audience: attendu l\'une des valeurs investors, '
            'students, workers, tourists; trouvé "studens"') in second.stderr  # a French site
    assert "the live site was NOT changed" in second.stderr
    assert live.resolve() == target
    assert story.read_text() == published

    bad.write_text(bad.read_text().replace("studens", "students")
                   .replace("Un été sur le lac", "Un bel été sur le lac"))
    third = commit_and_push(work, "Fix audience")
    assert "vitrine: published" in third.stderr
    assert live.resolve() != target
    assert (live / "recits" / "un-bel-ete-sur-le-lac-temiscamingue" / "index.html").is_file()


def test_a_branch_is_previewed_apart_and_removed_with_it(server):
    work, live = server
    assert "vitrine: published" in commit_and_push(work, "First stories").stderr
    published = live.resolve()
    git("checkout", "-qb", "cms/stories/Un-lac", cwd=work)
    story = work / "content" / "stories" / "lac.fr.md"
    story.write_text(story.read_text().replace("Un été sur le lac", "Un automne sur le lac"))
    git("commit", "-qam", "Draft: autumn", cwd=work)
    pushed = git("push", "origin", "cms/stories/Un-lac", cwd=work)
    assert "preview of cms/stories/Un-lac at /apercus/cms-stories-un-lac/" in pushed.stderr

    preview = live.parent / "live.apercus" / "cms-stories-un-lac"
    page = (preview / "recits" / "un-automne-sur-le-lac-temiscamingue" / "index.html").read_text()
    assert '<meta name="robots" content="noindex">' in page
    assert 'href="/apercus/cms-stories-un-lac/theme/css/main.css"' in page
    assert "Disallow: /" in (preview / "robots.txt").read_text()
    for html in preview.rglob("*.html"):  # every page hidden, every link inside the preview
        text = html.read_text()
        assert re.search(r'name="robots" content="noindex[",]', text), html
        outside = re.findall(r'(?:href|src|data-[a-z-]+)="(/(?!apercus/cms-stories-un-lac/)[^"]*)"',
                             text)
        assert not outside, (html, outside[:3])
    assert live.resolve() == published  # the live site is not the draft
    assert not (live / "recits" / "un-automne-sur-le-lac-temiscamingue").exists()

    removed = git("push", "origin", "--delete", "cms/stories/Un-lac", cwd=work)
    assert "vitrine: preview of cms/stories/Un-lac removed" in removed.stderr
    assert not preview.exists()
    assert not list((live.parent / "live.builds" / "apercus").iterdir())
