"""Between builds, sources whose bytes did not change are not read again."""

from __future__ import annotations

import logging
import os
import time

import pytest
from conftest import copy_site

from vitrine.directory import load_directory
from vitrine.directory.cache import load_cached


@pytest.fixture
def site(tmp_path):
    return copy_site("directory", tmp_path)


def _stored(cache):
    return {p.name for p in (cache / "sources").glob("*.pickle")}


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_source_is_read_again_and_the_others_come_from_the_cache(site, tmp_path):
    cache = tmp_path / "cache"
    first = load_cached(site, cache)
    assert first == load_directory(site)
    before = _stored(cache)
    assert len(before) == 3  # two files and one folder
    _edit(site / "data/sources/ville-marie.yaml", "name: BOULANGERIE SAINT-JEAN INC.",
          "name: BOULANGERIE SAINT-JEAN LTÉE")
    again = load_cached(site, cache)
    assert again == load_directory(site)  # the same as reading every source
    assert again != first
    after = _stored(cache)
    assert len(after & before) == 2 and len(after) == 3  # the edited one replaced
    # problems found in a source read from the cache are still reported, with their lines
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems] != []


def test_new_categories_or_towns_read_every_source_again(site, tmp_path):
    cache = tmp_path / "cache"
    load_cached(site, cache)
    before = _stored(cache)
    _edit(site / "data/taxonomy.yaml", "categories:\n",
          "categories:\n  - {slug: cafe, fr: Café, en: Café, audiences: [tourists], "
          "schema_type: CafeOrCoffeeShop}\n")
    assert load_cached(site, cache) == load_directory(site)
    assert not _stored(cache) & before


def _marked_load(job):
    """Leave a mark in _MARKS["folder"], then load a source (runs in a forked worker)."""
    (_MARKS["folder"] / job[0].name).write_text(str(os.getpid()))
    return _MARKS["load"](job)


_MARKS: dict = {}


def test_large_sources_are_read_while_pelican_reads_the_stories(tmp_path, monkeypatch):
    # each source, read by a worker process, leaves a mark; the first story read waits for one
    from conftest import build_copy
    from stories.stories import FrontMatterReader

    from vitrine.directory import loading
    from vitrine.synth import write_synthetic_region

    root = tmp_path / "region"
    write_synthetic_region(root, 60, 4, sources=3, seed=5)
    monkeypatch.setitem(_MARKS, "folder", tmp_path / "marks")
    monkeypatch.setitem(_MARKS, "load", loading._load_entry)
    _MARKS["folder"].mkdir()
    read_story, seen = FrontMatterReader.read, []

    def read_after_a_mark(self, source_path):
        if not seen:
            seen.append(_wait_for(_MARKS["folder"]))
        return read_story(self, source_path)

    monkeypatch.setattr(loading, "PARALLEL_ABOVE", 0)  # read in workers however small
    monkeypatch.setattr(loading, "_load_entry", _marked_load)
    monkeypatch.setattr(FrontMatterReader, "read", read_after_a_mark)
    site = build_copy(root)
    assert site.result.ok and site.result.pages > 100
    assert seen == [True]  # a source was being read before the first story was


def test_an_edited_large_source_alone_is_read_in_a_worker(tmp_path, monkeypatch):
    # meanwhile the build loads the unchanged sources from the cache and reads the stories
    from conftest import build_copy

    from vitrine.directory import loading
    from vitrine.synth import write_synthetic_region

    root = tmp_path / "region"
    write_synthetic_region(root, 60, 4, sources=3, seed=5)
    assert build_copy(root).result.ok
    edited = sorted((root / "data" / "sources").glob("*.yaml"))[0]
    _edit(edited, '    name: "', '    name: "Autre ')
    monkeypatch.setitem(_MARKS, "folder", tmp_path / "marks")
    monkeypatch.setitem(_MARKS, "load", loading._load_entry)
    _MARKS["folder"].mkdir()
    monkeypatch.setattr(loading, "PARALLEL_ABOVE", 0)
    monkeypatch.setattr(loading, "_load_entry", _marked_load)
    site = build_copy(root)
    assert site.result.ok
    assert [p.name for p in _MARKS["folder"].iterdir()] == [edited.name]
    assert int((_MARKS["folder"] / edited.name).read_text()) != os.getpid()
    pages = (site.output / "entreprises").glob("*/index.html")
    assert any("Autre " in page.read_text() for page in pages)


def test_the_merged_directory_a_page_worker_keeps_spares_the_next_build_the_merge(tmp_path,
                                                                                 caplog):
    from conftest import build_copy

    root = copy_site("directory", tmp_path)
    with caplog.at_level(logging.INFO):
        assert build_copy(root, DIRECTORY={"workers": 2}).result.ok
        assert "directory: 3 source(s) read, 0 unchanged" in caplog.messages
        assert len(list((root / ".cache" / "directory").glob("*.pickle"))) == 1
        caplog.clear()
        assert build_copy(root, DIRECTORY={"workers": 2}).result.ok
    assert not [m for m in caplog.messages if "source(s) read" in m]  # not merged again


def _wait_for(folder, seconds=30.0):
    """True as soon as folder holds a file; False after seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(folder.iterdir()):
            return True
        time.sleep(0.05)
    return False


def test_a_build_freezes_its_merged_directory_for_the_collector_and_releases_it(tmp_path):
    """Collections skip the directory while the build runs; nothing stays frozen after it.

    vitrine serve --reload builds again and again in one process: frozen directories would
    never be collected.
    """
    import gc

    from conftest import build_copy
    from pelican import signals

    root = copy_site("directory", tmp_path)
    frozen = []

    def count(_generators):
        frozen.append(gc.get_freeze_count())

    signals.all_generators_finalized.connect(count)
    try:
        for _ in range(2):  # merged, then unpickled from .cache/
            assert build_copy(root).result.ok
            assert gc.get_freeze_count() == 0
    finally:
        signals.all_generators_finalized.disconnect(count)
    assert len(frozen) == 2 and min(frozen) > 1000
