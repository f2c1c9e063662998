"""Content-Security-Policy, referrer and permissions policies for pages and hosts.

Pages carry the CSP and referrer policy as meta elements (any host); hosts that read a
Netlify-style `_headers` file (Netlify, Cloudflare Pages) also send them as headers, with
what only a header can say: frame-ancestors and the permissions policy. Other plugins add
the sources they need to the CSP_SOURCES setting ({directive: [source, …]}) when Pelican
starts; this plugin reads it once every plugin has spoken. A folder that needs another policy
(the web editor at /admin/) gets its own rule from CSP_PATH_POLICIES ({"/admin/*": {directive:
[source, …]}}): the base policy and those sources only, replacing the site's there.
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


def headers_file(sources: dict, path_policies: dict | None = None) -> str:
    """The _headers file: every path gets the CSP, referrer and permissions policies; a
    folder of CSP_PATH_POLICIES gets its own CSP instead of the site's."""
    lines = [
        "# Security headers for hosts that read _headers (Netlify, Cloudflare Pages).",
        "# Written by Vitrine's security_headers plugin: edit CSP_SOURCES, not this file.",
        "/*",
        f"  Content-Security-Policy: {render_csp(sources, HEADER_ONLY_CSP)}",
        f"  Referrer-Policy: {REFERRER_POLICY}",
        f"  Permissions-Policy: {PERMISSIONS_POLICY}",
        "  X-Content-Type-Options: nosniff"]
    for path, extra in (path_policies or {}).items():
        # "! name" detaches the header the /* rule gave (Cloudflare Pages' syntax): one
        # policy, not the intersection of two.
        lines += [path, "  ! Content-Security-Policy",
                  f"  Content-Security-Policy: {render_csp(extra, HEADER_ONLY_CSP)}"]
    return "\n".join([*lines, ""])


class SecurityHeadersGenerator(Generator):
    """Put the page CSP in the template context; write the _headers file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sources = self.settings.get("CSP_SOURCES") or {}
        self.path_policies = self.settings.get("CSP_PATH_POLICIES") or {}
        self.context["SECURITY_HEADERS_CSP"] = render_csp(self.sources)
        self.context["PATH_CSP"] = {path: render_csp(extra)
                                    for path, extra in self.path_policies.items()}
        self.context["REFERRER_POLICY"] = REFERRER_POLICY

    def generate_output(self, writer):
        """Write _headers at the root of the output."""
        path = Path(self.output_path) / HEADERS_FILE
        path.write_text(headers_file(self.sources, self.path_policies), encoding="utf-8")
        log.info("security_headers: wrote %s", path)


def get_generators(pelican):
    """Offer the security headers generator to Pelican."""
    return SecurityHeadersGenerator


def register():
    """Add the generator; it reads CSP_SOURCES after every plugin's start-up."""
    signals.get_generators.connect(get_generators)
