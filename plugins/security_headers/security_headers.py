"""Content-Security-Policy, referrer and permissions policies for pages and hosts.

Pages carry the CSP and referrer policy as meta elements (any host); hosts that read a
Netlify-style `_headers` file (Netlify, Cloudflare Pages) also send them as headers, with
what only a header can say: frame-ancestors and the permissions policy. Other plugins add
the sources they need to the CSP_SOURCES setting ({directive: [source, …]}) when Pelican
starts; this plugin reads it once every plugin has spoken.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

log = logging.getLogger(__name__)
HEADERS_FILE = "_headers"
BASE_CSP = {"default-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'self'"],
            "form-action": ["'self'"]}
HEADER_ONLY_CSP = {"frame-ancestors": ["'none'"]}  # ignored when set in a meta element
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


def headers_file(sources: dict) -> str:
    """The _headers file: every path gets the CSP, referrer and permissions policies."""
    return "\n".join([
        "# Security headers for hosts that read _headers (Netlify, Cloudflare Pages).",
        "# Written by Vitrine's security_headers plugin: edit CSP_SOURCES, not this file.",
        "/*",
        f"  Content-Security-Policy: {render_csp(sources, HEADER_ONLY_CSP)}",
        f"  Referrer-Policy: {REFERRER_POLICY}",
        f"  Permissions-Policy: {PERMISSIONS_POLICY}",
        "  X-Content-Type-Options: nosniff", ""])


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
        path.write_text(headers_file(self.sources), encoding="utf-8")
        log.info("security_headers: wrote %s", path)


def get_generators(pelican):
    """Offer the security headers generator to Pelican."""
    return SecurityHeadersGenerator


def register():
    """Add the generator; it reads CSP_SOURCES after every plugin's start-up."""
    signals.get_generators.connect(get_generators)
