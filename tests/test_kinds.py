"""A kind of data added through the registry alone (tests/toy_kind.py, named in DATA_KINDS)
gets validation, pages in both languages, search, the sitemap and its docs."""

from __future__ import annotations

import pytest
from conftest import ROOT, build_copy, copy_site

from vitrine.cli import main
from vitrine.directory.docs import render
from vitrine.search_index import indexed_pages

GOOD = "title: {fr: Sentier du lac, en: Lake trail}\nlength_km: 4.5\nmunicipality: amos\n" \
       "description: {fr: Une boucle en forêt., en: A loop through the forest.}\n"
BAD = "title: Sentier perdu\nlength_km: loin\nmunicipality: atlantis\n"


@pytest.fixture
def project(tmp_path):
    root = copy_site("directory", tmp_path)
    (root / "data/trails").mkdir()
    (root / "data/trails/sentier-du-lac.yaml").write_text(GOOD, encoding="utf-8")
    (root / "pelicanconf.py").write_text(
        f"from pathlib import Path\nexec(Path({str(ROOT / 'pelicanconf.py')!r}).read_text())\n"
        "DATA_KINDS = ['toy_kind']\n",
        encoding="utf-8")
    return root


def test_a_kind_of_the_registry_gets_pages_search_and_sitemap(project):
    site = build_copy(project, DATA_KINDS=["toy_kind"])
    assert site.result.ok
    page = site.html("/sentiers/sentier-du-lac/")
    assert page.h1.get_text() == "Sentier du lac"
    assert site.html("/en/trails/sentier-du-lac/").h1.get_text() == "Lake trail"
    assert page.select_one("main").has_attr("data-pagefind-body")
    assert [a.get_text() for a in site.html("/en/trails/").select("main li a")] == ["Lake trail"]
    assert "sentiers/*/index.html" in indexed_pages("fr")
    sitemap = (site.output / "sitemap.xml").read_text()
    assert "/sentiers/sentier-du-lac/</loc>" in sitemap
    assert 'hreflang="en" href="/en/trails/sentier-du-lac/"' in sitemap


def test_a_kind_of_the_registry_is_validated_by_check_and_the_build(project, capsys):
    (project / "data/trails/sentier-perdu.yaml").write_text(BAD, encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    # A French site: our grammar is French, a kind's own words as its author wrote them.
    assert 'data/trails/sentier-perdu.yaml:2:1: length_km: attendu a length in km, trouvé ' \
        '"loin"' in err
    assert 'data/trails/sentier-perdu.yaml:3:1: municipality: attendu une municipalité de ' \
        'data/territory.yaml, trouvé "atlantis"' in err
    site = build_copy(project, DATA_KINDS=["toy_kind"])
    assert site.result.warnings >= 2 and not site.exists("/sentiers/sentier-perdu/")


def test_a_kind_of_the_registry_is_documented_by_make_docs():
    docs = render(("toy_kind",))
    assert "## data/trails/\n\nOne file per hiking trail." in docs
    assert "| `length_km` | yes | a length in km | Length. |" in docs
    assert "## data/trails/" not in (ROOT / "docs/data.md").read_text()  # not a demo kind


def test_a_region_without_events_publishes_no_events_section(tmp_path):
    site = build_copy(copy_site("directory", tmp_path))  # no data/events/
    assert site.result.ok
    assert not (site.output / "evenements").exists()
    window = site.html("/etudier/")
    assert not window.select("#events-title")
    assert not window.select('a[href^="/evenements/"]')  # no menu entry either
