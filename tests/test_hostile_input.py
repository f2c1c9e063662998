"""Hostile and broken input: each case has a fixture and an expected outcome, never a crash."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from conftest import ROOT, build_copy, copy_site

from vitrine.cli import main
from vitrine.directory import load_directory

BAKERY = """  - id: "X1"
    name: Boulangerie Test
    category: boulangerie
    municipality: amos
"""


def add_record(site, extra: str) -> None:
    path = site / "data/sources/ville-marie.yaml"
    path.write_text(path.read_text() + BAKERY + extra)


@pytest.fixture
def site(tmp_path):
    return copy_site("directory", tmp_path)


@pytest.mark.parametrize(("extra", "expected"), [
    ('    address: "<b>12</b> rue"\n', "address: expected text without HTML"),
    ("    description: {fr: \"<img src=x onerror=alert(1)>\"}\n",
     "description.fr: expected text without HTML"),
    ('    tags: ["<script>x</script>"]\n', "tags[0]: expected text without HTML"),
    ("    website: \"data:text/html,<script>alert(1)</script>\"\n",
     "website: expected a web address (https://…), got an unsafe address (data:)"),
    ("    website: \" VBScript:msgbox(1)\"\n", "got an unsafe address (vbscript:)"),
    ("    lat: 45.5\n    lon: -73.6\n", "lat: expected coordinates inside the region"),
    ("    lat: 48.5\n", "lon: missing; lat and lon go together"),
    ("    phone: {number: 1}\n", "phone: expected a phone number, got a mapping"),
    (f"    description: {{fr: \"{'x' * 5_000_001}\"}}\n",
     "description.fr: expected text of at most 5,000 characters, got 5,000,001"),
])
def test_hostile_record_is_refused_with_its_location_and_the_rest_loads(site, extra, expected):
    add_record(site, extra)
    d = load_directory(site)
    messages = [str(p) for p in d.problems if p.path.endswith("ville-marie.yaml")]
    assert any(expected in m and "businesses[2]." in m for m in messages), messages
    assert "ville-marie:X1" in [ref for ref, _ in d.rejected]
    assert len(d.businesses) == 3  # everything else still there


@pytest.mark.parametrize(("text", "expected"), [
    (b"", "expected a mapping with source: and businesses:, got an empty file"),
    (b"just a sentence\n", "expected a mapping with source: and businesses:, got a str"),
    (b"source:\n\tname: x\n", "tabs are not allowed for indentation"),
    ("source: {name: Montr\xe9al}\n".encode("latin-1"), "invalid UTF-8 (byte 0xe9)"),
    (b"a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + b"".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n".encode()
        for p, c in zip("abcdef", "bcdefg", strict=True)), "expands to more than"),
    (b"source: {name: A, name: B}\nbusinesses: []\n", "source.name: duplicate key"),
    # libyaml's composer crashed the whole process (segmentation fault) on deep nesting
    (b"businesses: " + b"[" * 200_000 + b"]" * 200_000 + b"\n",
     "broken.yaml:1:112: nested more than 100 levels deep"),
    (b"source:\n" + b"".join(b" " * (i + 1) + b"a:\n" for i in range(400)),
     "nested more than 100 levels deep"),
])
def test_broken_source_file_is_one_located_problem_not_a_crash(site, text, expected):
    (site / "data/sources/broken.yaml").write_bytes(text)
    d = load_directory(site)
    assert any(p.path == "data/sources/broken.yaml" and expected in str(p) for p in d.problems), \
        [str(p) for p in d.problems]
    assert len(d.businesses) == 3


def test_html_in_story_front_matter_and_unsafe_slugs_are_refused(tmp_path, capsys):
    root = copy_site("basic", tmp_path)
    (root / "content/stories/bad.fr.md").write_text(
        "---\ntitle: <script>alert(1)</script>\naudience: workers\nlang: fr\nkey: bad\n"
        "slug: ../../etc\nsummary: ok\ndate: 2026-01-01\nauthor: <b>x</b>\n---\nText\n")
    assert main(["check", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert 'content/stories/bad.fr.md:2: title: expected text without HTML' in err
    assert 'content/stories/bad.fr.md:6: slug: expected a slug (lowercase-words-with-dashes), ' \
           'got "../../etc"' in err
    assert 'content/stories/bad.fr.md:9: author: expected text without HTML' in err


def test_markdown_cannot_embed_frames_handlers_or_script_urls(tmp_path):
    root = copy_site("basic", tmp_path)
    story = root / "content/stories/cegep.fr.md"
    story.write_text(story.read_text() + '\n<iframe src="https://evil.example"></iframe>\n\n'
                     '<img src=x onerror="alert(1)">\n\n![pic](javascript:alert(1))\n\n'
                     '[lien](JaVaScRiPt:alert(1)) [ok](https://uqat.ca)\n')
    site = build_copy(root)
    prose = site.html("/recits/etudier-au-cegep-a-rouyn-noranda/").select_one(".prose")
    assert prose.find("iframe") is None and prose.find("script") is None
    assert all("onerror" not in str(tag.attrs) for tag in prose.find_all(True))
    assert [a.get("href") for a in prose.find_all("a")] == [None, "https://uqat.ca"]
    assert all(img.get("src") is None for img in prose.find_all("img"))


def test_editors_embed_players_from_the_allow_list_as_links_and_nothing_else(tmp_path, caplog):
    root = copy_site("basic", tmp_path)
    story = root / "content/stories/cegep.fr.md"
    lines = story.read_text().count("\n")
    story.write_text(story.read_text() + '\n<iframe src="https://www.youtube-nocookie.com/embed/'
                     'abc123" title="Visite du cégep"></iframe>\n\n'
                     '<iframe src="https://evil.example/x"></iframe>\n')
    with caplog.at_level(logging.WARNING):
        site = build_copy(root)
    prose = site.html("/recits/etudier-au-cegep-a-rouyn-noranda/").select_one(".prose")
    assert prose.find("iframe") is None  # nothing loads from the provider before a click
    player = prose.select_one(".embed a")
    assert (player["href"], player.get_text()) == (
        "https://www.youtube-nocookie.com/embed/abc123", "Visite du cégep")
    assert '<iframe src="https://evil.example/x"></iframe>' in prose.get_text()
    assert (f"content/stories/cegep.fr.md:{lines + 4}: <iframe> from 'evil.example' is not on "
            "the embed allow-list (MARKDOWN_EMBED_HOSTS: player.vimeo.com, "
            "www.youtube-nocookie.com); it is shown as text") in caplog.messages


def test_a_story_s_footnotes_and_refused_embeds_stay_in_that_story(tmp_path, caplog):
    # the reader converts every story with one Markdown instance, reset between files
    root = copy_site("basic", tmp_path)
    for name in ("cegep.fr.md", "signes.fr.md"):
        story = root / "content/stories" / name
        story.write_text(story.read_text() + f"\nNote[^n].\n\n[^n]: Source de {name}.\n")
    story = root / "content/stories/cegep.fr.md"
    story.write_text(story.read_text() + '\n<iframe src="https://evil.example/x"></iframe>\n')
    with caplog.at_level(logging.WARNING):
        site = build_copy(root)
    urls = ("/recits/etudier-au-cegep-a-rouyn-noranda/", "/recits/qa-2-3-et-guillemets/",
            "/recits/un-ete-sur-le-lac-temiscamingue/")
    notes = {url: [li.get_text(" ", strip=True) for li in site.html(url).select(".footnote li")]
             for url in urls}
    assert [len(found) for found in notes.values()] == [1, 1, 0]
    assert "cegep.fr.md" in notes["/recits/etudier-au-cegep-a-rouyn-noranda/"][0]
    assert "signes.fr.md" in notes["/recits/qa-2-3-et-guillemets/"][0]
    assert [m.split(":")[0] for m in caplog.messages if "allow-list" in m] == [
        "content/stories/cegep.fr.md"]


def test_a_failed_build_never_leaves_a_half_written_site(tmp_path):
    root = copy_site("basic", tmp_path)
    assert build_copy(root).result.ok
    (root / "content/windows/home.fr.md").write_text("---\ntitle: [unclosed\n---\n")
    second = build_copy(root, DIRECTORY={"bogus": 1})  # a settings error stops this build
    assert not second.result.ok
    assert second.html("/").h1.get_text() == "home fr"  # the previous output, whole
    assert [p.name for p in root.iterdir() if p.name.startswith(".output")] == []


def test_the_build_command_reports_and_exits_with_the_build_s_status(tmp_path):
    """`vitrine build` as a process: its last lines are printed, its status is the build's."""
    root = copy_site("basic", tmp_path)
    command = [sys.executable, "-m", "vitrine.cli", "build", "--root", str(root),
               "--settings", str(ROOT / "pelicanconf.py"), "--strict"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    last = done.stdout.rstrip().splitlines()[-1]
    assert last.startswith("built ") and f"into {root / 'output'} in " in last
    (root / "content/windows/home.fr.md").write_text("---\ntitle: [unclosed\n---\n")
    failed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    assert failed.returncode == 1
    assert "content/windows/home.fr.md:3: YAML invalide :" in failed.stderr
    assert failed.stderr.rstrip().splitlines()[-1].startswith("ERROR: build failed: ")
    assert "built " not in failed.stdout
