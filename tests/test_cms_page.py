"""The web editor's page at /admin/: vendored, its own policy, never indexed nor searched."""

from __future__ import annotations

import logging

import yaml
from conftest import build_copy, copy_site

from vitrine.audit.server import site_headers
from vitrine.search_index import indexed_pages

MISSING = "cms: {path}/decap-cms/dist/decap-cms.js is missing; run `npm ci` (`make html` does) " \
          "to install Decap CMS: /admin/ is not written"


def test_the_editor_is_written_with_its_bundle_and_generated_config(basic_site):
    page = basic_site.html("/admin/")
    assert page.title.string == "Éditeur du site · Vitrine Abitibi-Témiscamingue"
    assert page.select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
    assert [s["src"] for s in page.select("script")] == ["/admin/decap-cms.js"]
    assert page.select_one('link[rel="cms-config-url"]')["href"] == "/admin/config.yml"
    assert basic_site.exists("/admin/decap-cms.js")
    assert not list((basic_site.output / "admin").glob("*.map"))  # no source maps
    config = yaml.safe_load((basic_site.output / "admin/config.yml").read_text("utf-8"))
    assert [c["name"] for c in config["collections"]] == [
        "stories", "windows", "events", "jobs", "contacts", "figures", "businesses"]
    assert config["backend"] == {"name": "gitlab", "branch": "main", "repo": "agence/vitrine"}


def test_the_editor_has_its_own_policy_and_every_other_page_keeps_the_sites(basic_site):
    editor = dict(site_headers(basic_site.output, "/admin/"))["Content-Security-Policy"]
    site = dict(site_headers(basic_site.output, "/recherche/"))["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'" in editor
    assert "style-src 'self' 'unsafe-inline'" in editor
    assert "connect-src 'self' blob: https://gitlab.com" in editor
    assert "frame-ancestors 'none'" in editor and "object-src 'none'" in editor
    assert "unsafe" not in site.replace("'wasm-unsafe-eval'", "")
    meta = basic_site.html("/admin/").select_one('meta[http-equiv="Content-Security-Policy"]')
    assert meta["content"] == editor.removesuffix("; frame-ancestors 'none'")
    home = basic_site.html("/").select_one('meta[http-equiv="Content-Security-Policy"]')
    assert home["content"] == site.removesuffix("; frame-ancestors 'none'")


def test_the_editor_is_in_no_sitemap_and_no_search_index(basic_site):
    assert "admin" not in (basic_site.output / "sitemap.xml").read_text("utf-8")
    assert (basic_site.output / "robots.txt").read_text("utf-8") == "User-agent: *\nAllow: /\n"
    assert not [p for lang in ("fr", "en") for p in indexed_pages(lang) if "admin" in p]
    assert basic_site.html("/admin/").select("[data-pagefind-body]") == []


def test_without_decap_the_build_says_so_and_goes_on(tmp_path, caplog, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    empty = tmp_path / "node_modules"
    with caplog.at_level(logging.WARNING):
        site = build_copy(copy_site("basic", tmp_path), CMS_NODE_MODULES=str(empty))
    assert site.result.ok and site.exists("/")
    assert not site.exists("/admin/")
    assert [r.levelname for r in caplog.records if r.msg.startswith("cms:")] == ["WARNING"]
    assert MISSING.format(path=empty) in caplog.text


def test_without_decap_in_ci_the_build_fails(tmp_path, caplog, monkeypatch):
    monkeypatch.setenv("CI", "true")
    empty = tmp_path / "node_modules"
    site = build_copy(copy_site("basic", tmp_path), CMS_NODE_MODULES=str(empty))
    assert not site.result.ok
    assert [r.levelname for r in caplog.records if r.msg.startswith("cms:")] == ["ERROR"]
