"""Search indexing of a build: each language starts once its pages are written, and stops
with a failed build."""

from __future__ import annotations

import json
import re
import signal
from pathlib import Path

from conftest import build_copy, copy_site
from pelican import signals as pelican_signals

from vitrine import routes, search_index
from vitrine.search_index import indexed_pages


def _indexed_pages(site: Path, lang: str) -> dict[str, bytes]:
    """The pages of a language Pagefind indexes (they hold data-pagefind-body), with bytes."""
    pages = {}
    for pattern in indexed_pages(lang):
        for path in site.glob(pattern):
            data = path.read_bytes()
            if b"data-pagefind-body" in data:
                pages[path.relative_to(site).as_posix()] = data
    return pages


class _Recorder:
    """Wrap Pagefind's start and the build's signals to see what happened in which order."""

    def __init__(self, monkeypatch):
        self.events: list[tuple[str, str]] = []
        self.pages_seen: dict[str, dict[str, bytes]] = {}
        self.processes = []
        start_run, start_pagefind = search_index._Run.start, search_index._start

        def run_started(run):  # in the build's thread, as SearchIndexing.start asks for it
            self.events.append(("index", run.lang))
            start_run(run)

        def pagefind_started(binary, site, lang):  # in the run's thread, as Pagefind starts
            self.pages_seen[lang] = _indexed_pages(site, lang)
            self.processes.append(process := start_pagefind(binary, site, lang))
            return process

        monkeypatch.setattr(search_index._Run, "start", run_started)
        monkeypatch.setattr(search_index, "_start", pagefind_started)
        pelican_signals.finalized.connect(self.finalized)

    def finalized(self, _pelican) -> None:
        self.events.append(("pelican", "finalized"))

    def close(self) -> None:
        pelican_signals.finalized.disconnect(self.finalized)


def test_each_language_is_indexed_once_all_its_pages_are_written_before_the_build_ends(
        tmp_path, monkeypatch):
    recorder = _Recorder(monkeypatch)
    try:
        site = build_copy(copy_site("directory", tmp_path))
    finally:
        recorder.close()
    assert site.result.ok
    # both indexes started while Pelican was still writing (before its last signal) ...
    assert recorder.events == [("index", "fr"), ("index", "en"), ("pelican", "finalized")]
    for lang in routes.LANGUAGES:
        # ... and each found every page it indexes, whole, as the published site has it
        published = _indexed_pages(site.output, lang)
        assert recorder.pages_seen[lang] == published
        entry = json.loads((site.output / search_index.bundle(lang) / "pagefind-entry.json")
                           .read_text())
        assert entry["languages"][lang]["page_count"] == len(published) > 3


def test_every_page_marked_for_search_is_written_before_its_language_is_indexed(tmp_path):
    """Lists and a town's further pages follow both indexes: none of them may be searched."""
    events: list[tuple[str, str]] = []

    def page_written(path, **_context):
        events.append(("page", re.sub(r"^.*/\.output\.building-[^/]+/", "", str(path))))

    def language_written(lang):
        events.append(("indexed", lang))

    pelican_signals.content_written.connect(page_written)
    search_index.language_written.connect(language_written)
    try:  # a business a page: the directory's lists and towns run over several pages
        site = build_copy(copy_site("directory", tmp_path), DIRECTORY={"per_page": 1})
    finally:
        pelican_signals.content_written.disconnect(page_written)
        search_index.language_written.disconnect(language_written)
    assert site.result.ok
    written_before = {}
    for lang in routes.LANGUAGES:
        end = events.index(("indexed", lang))
        written_before[lang] = {path for kind, path in events[:end] if kind == "page"}
        assert set(_indexed_pages(site.output, lang)) <= written_before[lang]
    later = {path for kind, path in events if kind == "page"} - written_before["en"]
    assert f"{routes.section('fr', 'businesses')}page/2/index.html" in later
    assert any(path.startswith(routes.section("en", "towns")) and "/page/2/" in path
               for path in later)


def test_a_large_site_indexes_one_language_after_the_other(tmp_path, monkeypatch):
    monkeypatch.setattr(search_index, "TOGETHER_UP_TO", 0)  # every site is "large"
    running_at_start = []
    start_pagefind = search_index._start

    def pagefind_started(binary, site, lang):
        running_at_start.append(sum(p.poll() is None for p in started))
        started.append(process := start_pagefind(binary, site, lang))
        return process

    started = []
    monkeypatch.setattr(search_index, "_start", pagefind_started)
    site = build_copy(copy_site("directory", tmp_path))
    assert site.result.ok
    assert running_at_start == [0, 0]  # memory: at most one Pagefind at a time
    assert all((site.output / search_index.bundle(lang) / "pagefind-entry.json").is_file()
               for lang in routes.LANGUAGES)


def test_a_build_failing_after_indexing_started_stops_pagefind_and_publishes_nothing(
        tmp_path, monkeypatch, caplog):
    from search.search import SearchGenerator  # its pages are written after the directory

    def broken(self, writer):
        raise RuntimeError("template exploded")

    slow = tmp_path / "pagefind"  # a Pagefind that would run for a minute
    slow.write_text("#!/bin/sh\nexec sleep 60\n")
    slow.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(slow))
    monkeypatch.setattr(SearchGenerator, "generate_output", broken)
    recorder = _Recorder(monkeypatch)
    try:
        site = build_copy(copy_site("directory", tmp_path))
    finally:
        recorder.close()
    assert not site.result.ok
    assert ("index", "fr") in recorder.events  # indexing had started
    assert recorder.processes and all(p.poll() == -signal.SIGKILL for p in recorder.processes)
    assert not site.output.exists()
    assert not list(site.root.glob(".output.building-*"))
    assert "pagefind failed" not in caplog.text  # stopped, not reported as its own failure
