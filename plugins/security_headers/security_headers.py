"""Content-Security-Policy, referrer and permissions policies for pages and hosts.

Pages carry the CSP and referrer policy as meta elements (any host); hosts that read a
Netlify-style `_headers` file (Netlify, Cloudflare Pages) also send them as headers, with
what only a header can say: frame-ancestors and the permissions policy. Other plugins add
the sources they need to the CSP_SOURCES setting ({directive: [source, …]}) when Pelican
starts; this plugin reads it once every plugin has spoken.

Pages other plugins let partners frame are named in the context's FRAMEABLE
({"integrer/amos/": (origin, …)}). Netlify and Cloudflare Pages give a path the headers of
every rule it matches, joining the values of a header set twice: two Content-Security-Policy
values are two policies, both enforced, so a frame-able page must match no rule holding
frame-ancestors 'none'. `/*` therefore carries the CSP without frame-ancestors (and
X-Frame-Options: DENY, which browsers ignore where a frame-ancestors directive applies);
frame-ancestors 'none' goes on every other page by rules of their own
(vitrine.embeds.headers), made from the pages the build announces (content_written), so the
file does not depend on what an output folder held before.

A folder that needs another policy (the web editor at /admin/) gets its own rule from
CSP_PATH_POLICIES ({"/admin/*": {directive: [source, …]}}): the base policy, those sources and
frame-ancestors 'none', replacing the site's there ("! Content-Security-Policy" detaches the
header `/*` gave, Cloudflare Pages' syntax); no framing rule of the site's covers it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from vitrine.embeds.headers import framing_rules

log = logging.getLogger(__name__)
_BUILD: dict = {"pages": set(), "generator": None}  # this build's HTML pages, its generator
HEADERS_FILE = "_headers"
BASE_CSP = {"default-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'self'"],
            "form-action": ["'self'"]}
REFERRER_POLICY = "strict-origin-when-cross-origin"
# "Near me" asks for the visitor's location on this site only; nothing else is allowed.
PERMISSIONS_POLICY = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()"
NOT_FRAMED = {"frame-ancestors": ["'none'"]}  # a header's directive: a meta CSP ignores it


def render_csp(*extras: dict) -> str:
    """Join the base policy and extra sources into one Content-Security-Policy value."""
    policy = {directive: list(values) for directive, values in BASE_CSP.items()}
    for extra in extras:
        for directive, values in extra.items():
            policy.setdefault(directive, [])
            policy[directive] += [v for v in values if v not in policy[directive]]
    return "; ".join(f"{directive} {' '.join(values)}" for directive, values in policy.items())


def headers_file(sources: dict, pages: tuple[str, ...] = (), frameable: dict | None = None,
                 path_policies: dict | None = None) -> str:
    """The _headers file: every path gets the CSP, referrer and permissions policies; every
    page of pages (paths in the site) but the frameable ones frame-ancestors 'none'; a folder
    of path_policies its own CSP instead of the site's."""
    path_policies = path_policies or {}
    own = tuple(path.rstrip("*").lstrip("/") for path in path_policies)
    pages = tuple(page for page in pages if not page.startswith(own))
    lines = [
        "# Security headers for hosts that read _headers (Netlify, Cloudflare Pages).",
        "# Written by Vitrine's security_headers plugin: edit CSP_SOURCES, not this file.",
        "/*",
        f"  Content-Security-Policy: {render_csp(sources)}",
        f"  Referrer-Policy: {REFERRER_POLICY}",
        f"  Permissions-Policy: {PERMISSIONS_POLICY}",
        "  X-Content-Type-Options: nosniff",
        "  X-Frame-Options: DENY"]
    for pattern, ancestors in framing_rules(pages, frameable or {}):
        lines += [pattern, f"  Content-Security-Policy: {render_csp(sources, ancestors)}"]
    for path, extra in path_policies.items():
        lines += [path, "  ! Content-Security-Policy",
                  f"  Content-Security-Policy: {render_csp(extra, NOT_FRAMED)}"]
    return "\n".join([*lines, ""])


class SecurityHeadersGenerator(Generator):
    """Put the page CSP in the template context; the _headers file is written at the end."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sources = self.settings.get("CSP_SOURCES") or {}
        self.path_policies = self.settings.get("CSP_PATH_POLICIES") or {}
        self.context["SECURITY_HEADERS_CSP"] = render_csp(self.sources)
        self.context["PATH_CSP"] = {path: render_csp(extra)
                                    for path, extra in self.path_policies.items()}
        self.context["REFERRER_POLICY"] = REFERRER_POLICY
        _BUILD["generator"] = self


def start(pelican) -> None:
    """Start each build with no page recorded."""
    _BUILD["pages"].clear()
    _BUILD["generator"] = None


def record(path, **_context) -> None:
    """Remember an HTML page the build wrote, whichever generator wrote it."""
    if str(path).endswith(".html"):
        _BUILD["pages"].add(str(path))


def write(pelican) -> None:
    """Write _headers at the root of the output, once every page is written."""
    generator = _BUILD["generator"]
    if generator is None:
        return
    output = Path(os.path.abspath(generator.output_path))
    written = (Path(os.path.abspath(page)) for page in _BUILD["pages"])
    pages = tuple(sorted(page.relative_to(output).as_posix() for page in written
                         if page.is_relative_to(output)))
    path = output / HEADERS_FILE
    path.write_text(headers_file(generator.sources, pages, generator.context.get("FRAMEABLE"),
                                 generator.path_policies), encoding="utf-8")
    log.info("security_headers: wrote %s", path)


def get_generators(pelican):
    """Offer the security headers generator to Pelican."""
    return SecurityHeadersGenerator


def register():
    """Add the generator (it reads CSP_SOURCES after every plugin's start-up); write
    _headers when every page is written, as they are announced."""
    signals.initialized.connect(start)  # one build, one list of pages
    signals.get_generators.connect(get_generators)
    signals.content_written.connect(record)  # every page, whichever generator wrote it
    signals.finalized.connect(write)  # after all pages exist
