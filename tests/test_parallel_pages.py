"""Directory pages rendered by two worker processes are the same bytes as a serial render,
whether or not their folders were made beforehand."""

from __future__ import annotations

import os
import time

import pytest
from business_pages import business_pages, workers
from business_pages.workers import make_folders_aside
from conftest import build_copy, copy_site, output_files, twin_sites

SETTINGS = {"per_page": 48, "window_sample": 12}


def _build(root, workers):
    site = build_copy(root, DIRECTORY={**SETTINGS, "workers": workers})
    assert site.result.ok
    return output_files(site.output)


@pytest.mark.parametrize("kind", ["directory", "synth"])
def test_two_workers_write_the_same_site_as_one(tmp_path, kind):
    one, two = twin_sites(tmp_path, kind, ("one", "two"))
    serial, parallel = _build(one, 1), _build(two, 2)
    assert sorted(serial) == sorted(parallel)
    assert [p for p in serial if serial[p] != parallel[p]] == []
    assert any(p.endswith("index.html") and "entreprises/" in p for p in parallel)


def _folders_made_aside(monkeypatch) -> list:
    """Have the business folders made aside at any size; return the processes started."""
    started = []

    def recorded(*args):
        process = make_folders_aside(*args)
        started.append(process)
        return process

    monkeypatch.setattr(workers, "FOLDERS_ASIDE_FROM", 0)
    monkeypatch.setattr(business_pages, "make_folders_aside", recorded)
    return started


def test_business_folders_made_beforehand_give_the_same_site(tmp_path, monkeypatch):
    one, two = twin_sites(tmp_path, "synth", ("one", "two"))
    serial = _build(one, 1)
    started = _folders_made_aside(monkeypatch)
    parallel = _build(two, 2)
    assert [p.exitcode for p in started] == [0]  # it ran, and made its folders
    assert sorted(serial) == sorted(parallel)
    assert [p for p in serial if serial[p] != parallel[p]] == []
    empty = [f for f in (two / "output").rglob("*") if f.is_dir() and not any(f.iterdir())]
    assert empty == []


def test_a_build_failing_while_folders_are_made_leaves_no_folder_behind(
        tmp_path, monkeypatch):
    from pelican.generators import ArticlesGenerator  # writes the stories before the directory

    def broken(self, writer):
        raise RuntimeError("template exploded")

    def slow_mkdir(path, *args, real=os.mkdir, **kwargs):  # the folder maker is still going
        time.sleep(0.05)
        real(path, *args, **kwargs)

    started = _folders_made_aside(monkeypatch)
    monkeypatch.setattr(os, "mkdir", slow_mkdir)
    monkeypatch.setattr(ArticlesGenerator, "generate_output", broken)
    site = build_copy(copy_site("directory", tmp_path), DIRECTORY={**SETTINGS, "workers": 2})
    assert not site.result.ok
    assert len(started) == 1 and started[0] is not None
    started[0].join(30)
    assert started[0].exitcode == 0  # stopped at the first folder whose parent was gone
    assert not site.output.exists()
    assert sorted(p.name for p in site.root.iterdir() if p.name.startswith(".output")) == []


def test_a_language_s_lists_are_rendered_by_one_worker(tmp_path, monkeypatch):
    """Each business card is rendered once per language, not once by each worker."""
    root = twin_sites(tmp_path, "synth", ("one",))[0]
    log = tmp_path / "lists.log"
    list_page = business_pages.DirectoryGenerator._list_page

    def recorded(self, lang, template, section, slug, businesses, number, pages, values):
        with log.open("a") as out:  # written by the worker processes
            out.write(f"{os.getpid()} {lang} {template} {number}\n")
        return list_page(self, lang, template, section, slug, businesses, number, pages,
                         values)

    monkeypatch.setattr(business_pages.DirectoryGenerator, "_list_page", recorded)
    site = build_copy(root, DIRECTORY={**SETTINGS, "per_page": 4, "workers": 2})
    assert site.result.ok
    rendered = [line.split() for line in log.read_text().splitlines()]
    lists = [(pid, lang) for pid, lang, template, number in rendered
             if not (template == "directory/town" and number == "1")]  # searched pages
    assert len(lists) > 40 and os.getpid() not in {int(pid) for pid, _ in lists}
    assert {lang: len({pid for pid, lg in lists if lg == lang}) for lang in ("fr", "en")} == {
        "fr": 1, "en": 1}
