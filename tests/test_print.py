"""vitrine print: selections, errors, the PDF's pages, QR codes that scan, escaped names."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
import zxingcpp
from conftest import ROOT
from PIL import Image
from playwright.sync_api import sync_playwright

from vitrine.cli import main
from vitrine.directory import load_directory
from vitrine.printing import pdf as pdf_module
from vitrine.printing.qr import page_url
from vitrine.printing.selection import Selection, SelectionError, select
from vitrine.printing.sheet import Item, render

PUBLIC_URL = "https://vitrine.example.org"  # the demo's pelicanconf.py
PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@pytest.fixture(scope="module")
def directory():
    return load_directory(ROOT)


def pages(pdf: Path) -> int:
    """Count the page objects of a PDF written by Chromium (Skia writes them uncompressed)."""
    return len(PAGE.findall(pdf.read_bytes()))


def run_print(*args: str) -> int:
    return main(["print", "--root", str(ROOT), *args])


@pytest.mark.parametrize(("selection", "keep"), [
    (Selection(towns=("amos",)), lambda b, town: b.municipality == "amos"),
    (Selection(mrcs=("abitibi",)), lambda b, town: town.mrc == "abitibi"),
    (Selection(categories=("restaurant",)), lambda b, town: b.category == "restaurant"),
    (Selection(mrcs=("abitibi",), categories=("boulangerie",)),
     lambda b, town: town.mrc == "abitibi" and b.category == "boulangerie"),
])
def test_a_selection_holds_exactly_the_directory_s_businesses_of_it(directory, selection, keep):
    towns = directory.territory.municipalities
    expected = {b.slug for b in directory.businesses if keep(b, towns[b.municipality])}
    assert expected
    assert {b.slug for b in select(directory, selection)} == expected


def test_unknown_slugs_are_named_with_a_close_match(directory):
    with pytest.raises(SelectionError) as caught:
        select(directory, Selection(towns=("amoss",), mrcs=("abitibbi",),
                                    categories=("restaurants", "zzz")))
    assert caught.value.lines == ["unknown town 'amoss'; did you mean 'amos'?",
                                  "unknown MRC 'abitibbi'; did you mean 'abitibi'?",
                                  "unknown category 'restaurants'; did you mean 'restaurant'?",
                                  "unknown category 'zzz'"]


def test_the_command_exits_1_on_an_unknown_slug_and_writes_nothing(tmp_path, caplog):
    out = tmp_path / "x.pdf"
    with caplog.at_level(logging.ERROR):
        assert run_print("--town", "amoss", "--out", str(out)) == 1
    assert [r.getMessage() for r in caplog.records] == [
        "unknown town 'amoss'; did you mean 'amos'?"]
    assert not out.exists() and not out.with_suffix(".html").exists()


def test_an_empty_selection_says_so_and_exits_1(directory, tmp_path, caplog):
    in_amos = {b.category for b in directory.businesses if b.municipality == "amos"}
    absent = sorted(set(directory.taxonomy.categories) - in_amos)[0]
    with caplog.at_level(logging.ERROR):
        assert run_print("--town", "amos", "--category", absent,
                         "--out", str(tmp_path / "x.pdf")) == 1
    assert [r.getMessage() for r in caplog.records] == [
        f"no business matches town amos and category {absent}"]


def test_stickers_are_one_106_mm_page_each_with_the_html_beside(directory, tmp_path, capsys):
    out = tmp_path / "restaurants.pdf"
    assert run_print("--category", "restaurant", "--out", str(out)) == 0
    count = sum(b.category == "restaurant" for b in directory.businesses)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert pages(out) == count
    # 100 mm + 3 mm bleed each side = 300.5 pt, which Chromium rounds to 300
    assert set(re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)) == {b"0 0 300 300"}
    assert out.with_suffix(".html").is_file()
    assert f"{count} stickers of category restaurant: {out}" in capsys.readouterr().out


def test_posters_are_us_letter_and_the_default_name_says_the_selection(directory, tmp_path,
                                                                       monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_print("--poster", "--mrc", "abitibi", "--category", "boulangerie") == 0
    out = tmp_path / "posters-abitibi-boulangerie.pdf"
    assert pages(out) == len(select(directory, Selection(mrcs=("abitibi",),
                                                         categories=("boulangerie",))))
    assert set(re.findall(rb"/MediaBox\s*\[([^\]]*)\]", out.read_bytes())) == {b"0 0 612 792"}
    assert "Boulangerie · <span lang=\"en\">Bakery</span>" in out.with_suffix(".html").read_text()


def test_a_missing_chromium_is_one_line_and_exit_2(tmp_path, caplog, monkeypatch):
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf_module, "FALLBACK", tmp_path / "no-chromium")
    with caplog.at_level(logging.ERROR):
        assert run_print("--town", "amos", "--out", str(tmp_path / "x.pdf")) == 2
    assert [r.getMessage() for r in caplog.records] == [
        "Chromium not found (looked for chromium, chromium-browser, google-chrome): "
        "install it, e.g. `apt-get install chromium`"]


def test_every_qr_code_scans_to_its_business_s_page(directory, tmp_path):
    out = tmp_path / "stickers.pdf"
    assert run_print("--category", "restaurant", "--out", str(out)) == 0
    expected = {page_url(PUBLIC_URL, b.slug) for b in directory.businesses
                if b.category == "restaurant"}
    shot = tmp_path / "sheet.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1700, "height": 900})
        page.goto(out.with_suffix(".html").as_uri())
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    found = [code.text for code in zxingcpp.read_barcodes(Image.open(shot))
             if code.format == zxingcpp.BarcodeFormat.QRCode]
    assert sorted(found) == sorted(expected)
    assert all(url.startswith("https://vitrine.example.org/entreprises/") for url in found)


def test_names_from_sources_are_escaped(tmp_path):
    root = tmp_path / "tiny"
    (root / "data" / "sources").mkdir(parents=True)
    (root / "content").mkdir()
    for name in ("territory.yaml", "taxonomy.yaml"):
        shutil.copy(ROOT / "data" / name, root / "data" / name)
    (root / "pelicanconf.py").write_text('PUBLIC_URL = "https://print.example.net/"\n')
    # The loader refuses a name with a whole tag; this one passes it and still needs escaping.
    hostile = 'Chez "Léo" & fils <script src=//evil.example/x.js'
    (root / "data" / "sources" / "tiny.yaml").write_text(
        "source: {name: Tiny, owner: Tiny, licence: CC-BY-4.0, retrieved: '2026-08-30'}\n"
        f"businesses:\n- {{id: T1, name: '{hostile}', category: cafe, municipality: amos}}\n",
        encoding="utf-8")
    out = tmp_path / "tiny.pdf"
    assert main(["print", "--root", str(root), "--town", "amos", "--out", str(out)]) == 0
    html = out.with_suffix(".html").read_text(encoding="utf-8")
    assert "<script" not in html
    assert "Chez &#34;Léo&#34; &amp; fils &lt;script src=//evil.example/x.js" in html
    assert "Trouvez-nous sur <strong>print.example.net</strong>" in html
    assert pages(out) == 1


def test_a_whole_tag_in_a_name_is_escaped_too():
    item = Item("<script>alert(1)</script>", "Amos", "Café", "Coffee shop",
                "https://x.example/entreprises/a/", "")
    html = render([item], "https://x.example")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
