"""The _headers rules that let partners frame the embeds and nothing else.

A host reading _headers gives a path the headers of every rule it matches; a header set by
two rules gets both values, and two Content-Security-Policy values are two policies, both
enforced. So the embeds' folders must match no rule holding frame-ancestors 'none': each
other page of the output gets that directive by a rule of its own, made by listing the
output's folders along the way to the embeds (a handful of rules, whatever the site's size).
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)
NONE = {"frame-ancestors": ["'none'"]}
MAX_RULES = 100  # Cloudflare Pages reads no more rules than this (the `/*` rule counts)


def framing_rules(output: Path | None, frameable: dict[str, tuple[str, ...]]
                  ) -> list[tuple[str, dict]]:
    """Return (path pattern, extra CSP) rules: each frameable folder ("integrer/amos/") with
    'self' and its origins, every other page of output with frame-ancestors 'none'."""
    sections = {prefix.rstrip("/").rpartition("/")[0] for prefix in frameable}
    rules = [(f"/{prefix}*", {"frame-ancestors": ["'self'", *origins]})
             for prefix, origins in sorted(frameable.items())]
    guarded = _guarded(Path(output), "", sections) if output and output.is_dir() else ["/*"]
    if 1 + len(guarded) + len(rules) > MAX_RULES:  # one rule per section, every origin
        every = list(dict.fromkeys(o for _, origins in sorted(frameable.items())
                                   for o in origins))
        log.info("_headers: %d rules would be too many for Cloudflare Pages: every "
                 "partner's origin may frame every embed", 1 + len(guarded) + len(rules))
        rules = [(f"/{section}/*", {"frame-ancestors": ["'self'", *every]})
                 for section in sorted(sections)]
    return [*((pattern, NONE) for pattern in guarded), *rules]


def _guarded(folder: Path, rel: str, sections: set[str]) -> list[str]:
    """Patterns covering every page under folder except the frameable sections' folders."""
    patterns = [f"/{rel}"]  # the folder's own index page
    for entry in sorted(folder.iterdir()):
        name = f"{rel}{entry.name}"
        if entry.is_dir():
            if name in sections:
                continue
            if any(section.startswith(f"{name}/") for section in sections):
                patterns += _guarded(entry, f"{name}/", sections)
            else:
                patterns.append(f"/{name}/*")
        elif entry.suffix == ".html":
            patterns.append(f"/{name}")
    return patterns
