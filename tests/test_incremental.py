"""A rebuild that reuses .cache/ writes the same site, byte for byte, as a clean build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, build_copy, copy_site, output_files

from vitrine.build import build

SOURCE = "data/sources/chambre-commerce.yaml"


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = {
    "one business edited": lambda root: _replace(
        root / SOURCE, "name: Boulangerie St-Jean\n", "name: Boulangerie St-Jean du Lac\n"),
    "one story edited": lambda root: _replace(
        root / "content/stories/lac.fr.md", "summary: Canot, plages",
        "summary: Canot, baignade, plages"),
    "one story's text edited": lambda root: _replace(
        root / "content/stories/lac.fr.md", "\nAu camping.", "\nAu camping du lac."),
    "one story's translation renamed": lambda root: _replace(
        root / "content/stories/lac.en.md", "title: A summer on Lake Timiskaming",
        "title: A Summer on Lake Timiskaming"),  # same slug
    "one town renamed": lambda root: _replace(
        root / "data/territory.yaml", "name: Ville-Marie,", "name: Ville-Marie-sur-le-Lac,"),
    "one template edited": lambda root: _replace(
        root / "theme/templates/directory/business.html", '<h1 id="biz-title">',
        '<h1 class="name" id="biz-title">'),
    "one business removed": lambda root: _replace(
        root / "data/sources/ville-marie.yaml", '  - id: "43"\n    name: Boulangerie St-Jean\n'
        "    category: boulangerie\n    address: 300, 1re Avenue Ouest\n"
        "    municipality: amos\n    phone: 819-555-0300\n", ""),
}


def _append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


EDITS["one business added"] = lambda root: _append(  # at the end: no other record moves
    root / SOURCE, '  - id: "CC-4"\n    name: Quincaillerie Boréale\n'
    "    category: ingenierie\n    municipality: amos\n")

EDITS["one record added to a listed business"] = lambda root: _append(  # same total
    root / SOURCE, '  - id: "CC-4"\n    name: GÉNIE NORD INC.\n    category: ingenierie\n'
    '    municipality: amos\n    phone: "819 555-0400"\n')


def _build(root):
    site = build_copy(root, THEME=str(root / "theme"))
    assert site.result.ok
    return site


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_rebuild_after_an_edit_equals_a_clean_build(tmp_path, edit):
    root = copy_site("directory", tmp_path)
    shutil.copytree(ROOT / "theme", root / "theme")
    before = output_files(_build(root).output)
    EDITS[edit](root)
    rebuilt = output_files(_build(root).output)
    clean_root = tmp_path / "clean"
    shutil.copytree(root, clean_root, ignore=shutil.ignore_patterns(".cache", "output", ".output*"))
    clean = output_files(_build(clean_root).output)
    assert sorted(rebuilt) == sorted(clean)
    assert [name for name in clean if rebuilt[name] != clean[name]] == []
    assert rebuilt != before  # the edit shows in the rebuilt site


def _counted_right(site) -> bool:
    """The page count a build reports is the number of HTML files in its output."""
    return site.result.pages == len(list(site.output.rglob("*.html"))) > 20


def test_a_rebuild_links_the_story_pages_it_did_not_need_to_render(tmp_path):
    root = copy_site("directory", tmp_path)
    story = "recits/un-ete-sur-le-lac-temiscamingue/index.html"
    other = "recits/etudier-au-cegep-a-rouyn-noranda/index.html"
    site = build_copy(root)
    assert _counted_right(site)
    first = site.output
    inodes = {name: (first / name).stat().st_ino for name in (story, other)}
    EDITS["one story's text edited"](root)
    site = build_copy(root)
    assert _counted_right(site)  # linked pages count too
    rebuilt = site.output
    assert (rebuilt / other).stat().st_ino == inodes[other]  # the same file, linked
    assert (rebuilt / story).stat().st_ino != inodes[story]
    assert "Au camping du lac." in (rebuilt / story).read_text()


def test_a_story_edit_links_the_open_data_and_report_made_for_the_same_data(tmp_path):
    root = copy_site("directory", tmp_path)
    files = ("output/donnees/entreprises.csv", "reports/steward/steward-report.json")
    build_copy(root)
    inodes = [(root / name).stat().st_ino for name in files]
    EDITS["one story's text edited"](root)
    build_copy(root)
    assert [(root / name).stat().st_ino for name in files] == inodes  # linked, not written
    EDITS["one business edited"](root)
    build_copy(root)
    assert "Boulangerie St-Jean du Lac" in (root / files[0]).read_text()
    assert "Boulangerie St-Jean du Lac" in (root / files[1]).read_text()


def test_a_business_added_to_a_source_leaves_the_pages_of_its_other_businesses_alone(
        tmp_path):
    root = copy_site("directory", tmp_path)
    page = "entreprises/boulangerie-st-jean-ville-marie/index.html"  # listed by that source too
    site = build_copy(root)
    inode = (site.output / page).stat().st_ino
    EDITS["one business added"](root)
    site = build_copy(root)
    assert site.exists("/entreprises/quincaillerie-boreale/")
    assert (site.output / page).stat().st_ino == inode  # linked, not rendered again


def test_a_removed_business_loses_its_pages(tmp_path):
    root = copy_site("directory", tmp_path)
    shutil.copytree(ROOT / "theme", root / "theme")
    assert _build(root).exists("/entreprises/boulangerie-st-jean-amos/")
    EDITS["one business removed"](root)
    site = _build(root)
    assert not site.exists("/entreprises/boulangerie-st-jean-amos/")
    assert not site.exists("/en/businesses/boulangerie-st-jean-amos/")
    assert "boulangerie-st-jean-amos" not in (site.output / "sitemap.xml").read_text()


def test_a_clean_build_ignores_the_cache(tmp_path):
    root = copy_site("directory", tmp_path)
    shutil.copytree(ROOT / "theme", root / "theme")
    first = output_files(_build(root).output)
    assert (root / ".cache" / "directory").is_dir()
    result = build(root, root / "output", ROOT / "pelicanconf.py",
                   {"THEME": str(root / "theme")}, clean=True)
    assert result.ok
    assert output_files(root / "output") == first


def _bundle_files(output):
    """Every file of both languages' search bundles (path -> (inode, bytes))."""
    return {p.relative_to(output).as_posix(): (p.stat().st_ino, p.read_bytes())
            for name in ("pagefind", "en/pagefind") for p in (output / name).rglob("*")
            if p.is_file()}


def _preview(root):
    """Build with --preview: the previous search index is reused when there is one."""
    return build(root, root / "output", ROOT / "pelicanconf.py",
                 {"RESPONSIVE_IMAGES": {"cache": str(root / ".cache" / "images")}},
                 preview=True)


def test_a_preview_keeps_the_search_index_and_a_build_indexes_again(tmp_path):
    root = copy_site("directory", tmp_path)
    first = _bundle_files(build_copy(root).output)
    EDITS["one business edited"](root)
    assert _preview(root).ok
    pages = (root / "output/entreprises").glob("*/index.html")
    assert any("<h1 id=\"biz-title\">Boulangerie St-Jean du Lac</h1>" in p.read_text()
               for p in pages)
    assert _bundle_files(root / "output") == first  # the same files, linked, not re-indexed
    indexed = _bundle_files(build_copy(root).output)
    assert {path: data for path, (_, data) in indexed.items()} != {
        path: data for path, (_, data) in first.items()}


def test_a_preview_without_a_previous_index_indexes(tmp_path):
    root = copy_site("directory", tmp_path)
    assert _preview(root).ok
    assert _bundle_files(root / "output").keys() >= {"pagefind/pagefind-entry.json",
                                                    "en/pagefind/pagefind-entry.json"}


def test_a_build_whose_plugins_did_not_load_leaves_no_stories_for_the_next(tmp_path):
    root = copy_site("windows", tmp_path)
    elsewhere = tmp_path / "pelicanconf.py"  # its plugins/ and theme/ are looked for beside it
    shutil.copy(ROOT / "pelicanconf.py", elsewhere)
    broken = subprocess.run([sys.executable, "-m", "vitrine.cli", "build", "--root", str(root),
                             "--settings", str(elsewhere)], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert broken.returncode == 1 and "Cannot load plugin" in broken.stderr
    site = build_copy(root, EVENTS={"today": "2026-12-02"})
    assert site.result.ok and site.result.warnings == 0
    town = site.html("/municipalites/ville-marie/")  # the story names it in a YAML list
    assert town.select_one('a[href="/recits/un-ete-sur-le-lac-temiscamingue/"]')


def test_town_pages_showing_contacts_are_reused_by_the_next_build_of_another_process(
        tmp_path):
    root = copy_site("windows", tmp_path)
    settings = tmp_path / "fixed_day.py"  # the project's settings, on the fixture's day
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                        "from pelicanconf import *  # noqa\n"
                        f"THEME = {str(ROOT / 'theme')!r}\n"
                        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                        "EVENTS = {'today': '2026-12-02'}\n", encoding="utf-8")
    page = root / "output" / "municipalites" / "amos" / "index.html"  # shows its MRC's people
    inodes = []
    for seed in ("1", "2"):  # each process orders sets its own way
        done = subprocess.run([sys.executable, "-m", "vitrine.cli", "build", "--root",
                               str(root), "--settings", str(settings)], capture_output=True,
                              text=True, cwd=ROOT, check=False,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        assert "Marc Gagnon" in page.read_text(encoding="utf-8")
        inodes.append(page.stat().st_ino)
    assert inodes[0] == inodes[1]  # linked from the first build, not rendered again
