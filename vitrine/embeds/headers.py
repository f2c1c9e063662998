"""The _headers rules that let partners frame the embeds and nothing else.

A host reading _headers gives a path the headers of every rule it matches; a header set by
two rules gets both values, and two Content-Security-Policy values are two policies, both
enforced. So the embeds' folders must match no rule holding frame-ancestors 'none': each
other page of the site gets that directive by a rule of its own, the pages of a folder off
the way to the embeds by one rule for the folder (a handful of rules, whatever the size).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

log = logging.getLogger(__name__)
NONE = {"frame-ancestors": ["'none'"]}
MAX_RULES = 100  # Cloudflare Pages reads no more rules than this (the `/*` rule counts)


def framing_rules(pages: Iterable[str], frameable: dict[str, tuple[str, ...]]
                  ) -> list[tuple[str, dict]]:
    """Return (path pattern, extra CSP) rules: every page of pages (paths of HTML files in
    the site) but the frameable folders' ("integrer/amos/") with frame-ancestors 'none',
    each frameable folder with 'self' and its origins."""
    sections = {prefix.rstrip("/").rpartition("/")[0] for prefix in frameable}
    rules = [(f"/{prefix}*", {"frame-ancestors": ["'self'", *origins]})
             for prefix, origins in sorted(frameable.items())]
    guarded = sorted({pattern for page in pages for pattern in _covering(page, sections)})
    if 1 + len(guarded) + len(rules) > MAX_RULES:  # one rule per section, every origin
        every = list(dict.fromkeys(o for _, origins in sorted(frameable.items())
                                   for o in origins))
        log.info("_headers: %d rules would be too many for Cloudflare Pages: every "
                 "partner's origin may frame every embed", 1 + len(guarded) + len(rules))
        rules = [(f"/{section}/*", {"frame-ancestors": ["'self'", *every]})
                 for section in sorted(sections)]
    return [*((pattern, NONE) for pattern in guarded), *rules]


def _covering(page: str, sections: set[str]) -> list[str]:
    """The patterns that cover a page: its top folder off the way to the sections (with
    `*`), or the page itself (and its folder's URL for an index.html); none in a section."""
    parts = page.split("/")
    for depth in range(1, len(parts)):
        folder = "/".join(parts[:depth])
        if folder in sections:
            return []
        if not any(section.startswith(f"{folder}/") for section in sections):
            return [f"/{folder}/*"]
    folder = "/".join(f"{part}/" for part in parts[:-1])
    return [f"/{folder}{parts[-1]}", *([f"/{folder}"] if parts[-1] == "index.html" else [])]
