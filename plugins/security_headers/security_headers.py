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
frame-ancestors 'none' goes on every other page of the output by rules of their own
(vitrine.embeds.headers).
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from vitrine.embeds.headers import framing_rules

log = logging.getLogger(__name__)
HEADERS_FILE = "_headers"
BASE_CSP = {"default-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'self'"],
            "form-action": ["'self'"]}
REFERRER_POLICY = "strict-origin-when-cross-origin"
# "Near me" asks for the visitor's location on this site only; nothing else is allowed.
PERMISSIONS_POLICY = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()"


def render_csp(*extras: dict) -> str:
    """Join the base policy and extra sources into one Content-Security-Policy value."""
    policy = {directive: list(values) for directive, values in BASE_CSP.items()}
    for extra in extras:
        for directive, values in extra.items():
            policy.setdefault(directive, [])
            policy[directive] += [v for v in values if v not in policy[directive]]
    return "; ".join(f"{directive} {' '.join(values)}" for directive, values in policy.items())


def headers_file(sources: dict, output: Path | None = None,
                 frameable: dict | None = None) -> str:
    """The _headers file: every path gets the CSP, referrer and permissions policies; every
    page of output but the frameable ones frame-ancestors 'none'."""
    lines = [
        "# Security headers for hosts that read _headers (Netlify, Cloudflare Pages).",
        "# Written by Vitrine's security_headers plugin: edit CSP_SOURCES, not this file.",
        "/*",
        f"  Content-Security-Policy: {render_csp(sources)}",
        f"  Referrer-Policy: {REFERRER_POLICY}",
        f"  Permissions-Policy: {PERMISSIONS_POLICY}",
        "  X-Content-Type-Options: nosniff",
        "  X-Frame-Options: DENY"]
    for pattern, ancestors in framing_rules(output, frameable or {}):
        lines += [pattern, f"  Content-Security-Policy: {render_csp(sources, ancestors)}"]
    return "\n".join([*lines, ""])


class SecurityHeadersGenerator(Generator):
    """Put the page CSP in the template context; write the _headers file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sources = self.settings.get("CSP_SOURCES") or {}
        self.context["SECURITY_HEADERS_CSP"] = render_csp(self.sources)
        self.context["REFERRER_POLICY"] = REFERRER_POLICY

    def generate_output(self, writer):
        """Write _headers at the root of the output."""
        path = Path(self.output_path) / HEADERS_FILE
        path.write_text(headers_file(self.sources, Path(self.output_path),
                                     self.context.get("FRAMEABLE")), encoding="utf-8")
        log.info("security_headers: wrote %s", path)


def get_generators(pelican):
    """Offer the security headers generator to Pelican."""
    return SecurityHeadersGenerator


def register():
    """Add the generator; it reads CSP_SOURCES after every plugin's start-up."""
    signals.get_generators.connect(get_generators)
