"""Security policies: CSP and referrer as meta in every page, all of them in _headers."""

from __future__ import annotations

from vitrine.audit.server import header_rules, headers_for, site_headers


def test_hosts_get_csp_referrer_and_permissions_policy_from_headers_file(basic_site):
    headers = dict(site_headers(basic_site.output))
    assert headers["Permissions-Policy"].startswith("geolocation=(self), camera=()")
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    csp = headers["Content-Security-Policy"]
    # frame-ancestors is set page by page (partners' embeds may be framed: tests/test_embeds.py)
    for url in ("/", "/en/study/", "/recherche/"):
        policies = [value for name, value in headers_for(header_rules(basic_site.output), url)
                    if name == "Content-Security-Policy"]
        assert policies == [csp, f"{csp}; frame-ancestors 'none'"], url
    assert "script-src 'self' 'wasm-unsafe-eval'" in csp  # Pagefind; never 'unsafe-inline'
    assert "unsafe-inline" not in csp


def test_every_page_carries_the_same_policy_as_a_meta_element(basic_site):
    header = dict(site_headers(basic_site.output))["Content-Security-Policy"]
    for url in ("/", "/en/study/", "/recits/un-ete-sur-le-lac-temiscamingue/", "/recherche/"):
        page = basic_site.html(url)
        meta = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
        # frame-ancestors is ignored in a meta element: only the headers carry it
        assert meta == header
        assert page.select_one('meta[name="referrer"]')["content"] == (
            "strict-origin-when-cross-origin")


def test_no_page_has_an_inline_script_or_event_handler(basic_site):
    for html in basic_site.output.rglob("*.html"):
        page = basic_site.html("/" + html.relative_to(basic_site.output).as_posix())
        inline = [s for s in page.select("script:not([src])")
                  if s.get("type") != "application/ld+json"]
        handlers = [(t.name, a) for t in page.find_all(True) for a in t.attrs
                    if a.lower().startswith("on")]
        assert (inline, handlers) == ([], []), html
