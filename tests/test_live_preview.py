"""A live preview applies edits of business records in place and stays equal to a clean build."""

from __future__ import annotations

import asyncio
import re
import shutil
import threading
import time
import urllib.request

import pytest
from conftest import ROOT, copy_site, output_files

from vitrine.audit.server import free_port
from vitrine.benchmarks.live_edit import editable_record
from vitrine.build import build
from vitrine.commands.serve import live_server
from vitrine.live import preview as live_preview
from vitrine.live.items import split_items
from vitrine.live.preview import LivePreview
from vitrine.synth import write_synthetic_region


@pytest.fixture
def preview(tmp_path):
    """A synthetic region of 150 businesses (3 sources), previewed once."""
    root = tmp_path / "site"
    write_synthetic_region(root, 150, 4, sources=3, seed=7)
    preview = LivePreview(root, root / "output", ROOT / "pelicanconf.py")
    assert preview.rebuild() == "built"
    preview.close()  # the records behind it read, as an editor's first save finds them
    yield preview
    preview.close()


def _quiet_business(preview, wanted: str = "name: ", merged: bool = True):
    """A business shown in no window or story, merged from several records (or made of
    one), whose first record's item matches wanted."""
    path, _header, items, at = editable_record(preview, re.compile(wanted), merged)
    return next(b for b in preview.kept.generator.directory.businesses
                if b.sources[0].path == path.relative_to(preview.root).as_posix()
                and b.sources[0].line == items[at][0])


def _edit_record(preview, business, old: str, new: str):
    """Replace text in the item of the business's first record in its source file."""
    place = business.sources[0]
    path = preview.root / place.path
    header, items = split_items(path.read_text(encoding="utf-8"))
    at = next(i for i, (line, _) in enumerate(items) if line == place.line)
    assert re.search(old, items[at][1])
    items[at] = (items[at][0], re.sub(old, new, items[at][1], count=1))
    path.write_text(header + "".join(text for _, text in items), encoding="utf-8")


def _clean_build(root, tmp_path):
    """The output of a clean full build of a copy of root."""
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "output", ".output*"))
    assert build(clean, clean / "output", ROOT / "pelicanconf.py", clean=True).ok
    return output_files(clean / "output")


def _assert_same_site(preview, tmp_path):
    preview.close()  # the open data written in the background is part of the site
    live, clean = output_files(preview.output), _clean_build(preview.root, tmp_path)
    assert sorted(live) == sorted(clean)
    assert [name for name in clean if live[name] != clean[name]] == []


PHONE = r'phone: "819 \d{3}-\d{4}"'
IN_PLACE = {  # (what is replaced, by what, what the page then shows, a merged business)
    "description": (r'description: \{fr: "', 'description: {fr: "Nouveau ! ', "Nouveau ! ",
                    True),
    "hours": (r'"08:00-17:00"', '"09:30-17:00"', "09:30-17:00", True),  # in the client data too
    "phone (no other record scores differently)": (PHONE, 'phone: "819 999-9999"',
                                                    "819 999-9999", False),
}


@pytest.mark.parametrize("edit", sorted(IN_PLACE))
def test_an_edit_of_a_record_is_applied_in_place_and_equals_a_clean_build(preview, tmp_path,
                                                                          edit):
    old, new, shown, merged = IN_PLACE[edit]
    business = _quiet_business(preview, old, merged)
    _edit_record(preview, business, old, new)
    assert preview.rebuild() == "in place"
    page = (preview.output / "entreprises" / business.slug / "index.html").read_text()
    assert shown in page
    _assert_same_site(preview, tmp_path)


def test_an_edit_made_while_the_last_one_is_written_leaves_both(preview, tmp_path):
    """The second edit stops the first's open-data writer, and writes what it had to."""
    business = _quiet_business(preview, r'description: \{fr: "[\s\S]*"08:00-17:00"')
    _edit_record(preview, business, r'"08:00-17:00"', '"09:30-17:00"')  # client data changes
    assert preview.rebuild() == "in place"
    _edit_record(preview, business, r'description: \{fr: "', 'description: {fr: "Nouveau ! ')
    assert preview.rebuild() == "in place"  # at once: the first writer is still at work
    _assert_same_site(preview, tmp_path)


def test_a_stopped_writer_leaves_its_client_data_to_the_next(preview, tmp_path, monkeypatch):
    """An edit of hours, then one of a description while the first's writer still runs."""
    asked = tmp_path / "asked"

    def slow_writer(kept, client):  # in the forked writer: say what it was asked, take time
        with asked.open("a") as out:
            out.write(f"{client}\n")
        time.sleep(30)

    monkeypatch.setattr(live_preview, "_write_data_files", slow_writer)
    business = _quiet_business(preview, r'description: \{fr: "[\s\S]*"08:00-17:00"')
    _edit_record(preview, business, r'"08:00-17:00"', '"09:30-17:00"')
    assert preview.rebuild() == "in place"
    _edit_record(preview, business, r'description: \{fr: "', 'description: {fr: "Nouveau ! ')
    while not asked.exists():
        time.sleep(0.05)
    assert preview.rebuild() == "in place"
    writer = preview.kept.writing
    while asked.read_text().count("\n") < 2:
        time.sleep(0.05)
    writer.terminate()
    assert asked.read_text().split() == ["True", "True"]


def test_records_read_after_an_edit_are_not_taken_for_those_built(preview, tmp_path):
    """A source saved while the records behind the preview are read (just after a build)."""
    business = _quiet_business(preview, r'phone: "819 \d{3}-\d{4}"', merged=False)
    _edit_record(preview, business, r'phone: "819 \d{3}-\d{4}"', 'phone: "819 999-9999"')
    preview.kept.records.load()  # as if the thread had read the files after the save
    assert preview.rebuild() == "built"
    _assert_same_site(preview, tmp_path)


def test_a_name_respelled_after_another_edit_shows_everywhere(preview, tmp_path):
    """An accent dropped from a name (same slug, same matching keys): every list shows it,
    though the first edit had the lists rendered, their cards with the old spelling."""
    business = _quiet_business(preview, r'name: "[^"\n]*é[\s\S]*description: \{fr: "',
                               merged=False)
    _edit_record(preview, business, r'description: \{fr: "', 'description: {fr: "Nouveau ! ')
    assert preview.rebuild() == "in place"
    _edit_record(preview, business, r'(name: "[^"\n]*?)é', r"\1e")
    assert preview.rebuild() == "in place"
    _assert_same_site(preview, tmp_path)


def _rename(preview, business):
    _edit_record(preview, business, r"name: \"", 'name: "Nouvelle ')


def _add_record(preview, business):
    path = preview.root / business.sources[0].path
    path.write_text(path.read_text(encoding="utf-8") + '  - id: "NEW-1"\n    name: "Café Neuf"\n'
                    '    category: "cafe"\n    municipality: "amos"\n', encoding="utf-8")


def _new_phone(preview, business):
    _edit_record(preview, business, PHONE, 'phone: "819 999-9999"')


def _unknown_category(preview, business):
    _edit_record(preview, business, r'category: "[^"]*"', 'category: "inconnue"')


def _extra_line(preview, business):
    _edit_record(preview, business, r'description: \{', 'tags: [nouveau]\n    description: {')


REBUILT = {  # (the edit, what the first record of the edited business must hold)
    "renamed (its slug and lists change)": (_rename, "name: "),
    "a record added": (_add_record, "name: "),
    "a merged record's phone changed (its scores change)": (_new_phone, PHONE),
    "a record made invalid": (_unknown_category, "category: "),
    "a line added (later records move)": (_extra_line, r"description: \{"),
}


@pytest.mark.parametrize("edit", sorted(REBUILT))
def test_an_edit_that_moves_what_pages_show_builds_the_preview_again(preview, tmp_path, edit):
    change, wanted = REBUILT[edit]
    change(preview, _quiet_business(preview, wanted))
    assert preview.rebuild() == "built"
    _assert_same_site(preview, tmp_path)


def test_undoing_an_edit_applied_in_place_brings_back_the_first_pages(preview, tmp_path):
    """The build after an edit in place reuses no page the edit rewrote."""
    business = _quiet_business(preview, r'description: \{fr: "')
    page = preview.output / "entreprises" / business.slug / "index.html"
    first = page.read_bytes()
    source = preview.root / business.sources[0].path
    original = source.read_bytes()
    _edit_record(preview, business, r'description: \{fr: "', 'description: {fr: "Nouveau ! ')
    assert preview.rebuild() == "in place"
    assert page.read_bytes() != first
    source.write_bytes(original)  # undone, with a story edited: a full preview build
    story = next((preview.root / "content").rglob("*.md"))
    story.write_text(story.read_text(encoding="utf-8") + "\nUne phrase de plus.\n",
                     encoding="utf-8")
    assert preview.rebuild() == "built"
    assert page.read_bytes() == first
    _assert_same_site(preview, tmp_path)


def test_a_source_file_is_cut_into_items_at_their_first_line():
    text = ('source: {name: S}\nbusinesses:\n  - id: "1"\n    name: A\n'
            '  # a comment stays with the item above\n  - id: "2"\n    name: B\n')
    header, items = split_items(text)
    assert header == "source: {name: S}\nbusinesses:\n"
    assert [line for line, _ in items] == [3, 6]
    assert header + "".join(item for _, item in items) == text
    assert split_items("source: {name: S}\nbusinesses: []\n") is None


def test_a_business_a_window_shows_is_respelled_in_place_window_included(tmp_path):
    """The directory fixture: every business is in a window; agence/ keeps a folder source
    of one file per business."""
    root = copy_site("directory", tmp_path)
    preview = LivePreview(root, root / "output", ROOT / "pelicanconf.py")
    assert preview.rebuild() == "built"
    preview.close()
    window = preview.output / "investir" / "index.html"
    assert "Génie Nord" in window.read_text(encoding="utf-8")
    record = root / "data/sources/agence/genie-nord.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace(
        "name: Génie Nord", "name: Genie Nord"), encoding="utf-8")  # same slug and keys
    assert preview.rebuild() == "in place"
    assert "Genie Nord" in window.read_text(encoding="utf-8")
    _assert_same_site(preview, tmp_path)


LIVE_SCRIPT = "/livereload.js?port="


def served_live(output, port: int):
    """Serve a built site as `vitrine serve --reload` does, in a thread; return its loop."""
    started = []

    def run():
        asyncio.set_event_loop(asyncio.new_event_loop())
        from tornado.ioloop import IOLoop
        started.append(IOLoop.current())
        live_server().serve(port=port, host="127.0.0.1", root=str(output))

    threading.Thread(target=run, daemon=True).start()
    for _ in range(300):  # until it answers
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).close()
            return started[0]
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the live server did not start")


def test_the_served_editor_page_gets_no_reload_script_and_the_sites_pages_do(basic_site):
    port = free_port()
    loop = served_live(basic_site.output, port)
    try:
        def page(path: str) -> str:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
                return r.read().decode("utf-8")

        assert LIVE_SCRIPT in page("/")
        assert LIVE_SCRIPT in page("/recherche/")
        editor = page("/admin/")
        assert "decap-cms.js" in editor and LIVE_SCRIPT not in editor
        assert LIVE_SCRIPT not in page("/admin/index.html")
    finally:
        loop.add_callback(loop.stop)
