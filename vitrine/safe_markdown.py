"""Markdown for editors: raw HTML is shown as text, links and images never run script."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

_UNSAFE = re.compile(r"^\s*(?:javascript|data|vbscript|file):", re.IGNORECASE)


def is_safe_url(url: str) -> bool:
    """Tell whether a URL is free of script-carrying schemes (control characters ignored)."""
    return not _UNSAFE.match(re.sub(r"[\x00-\x1f\x7f]", "", url or ""))


class _DropUnsafeUrls(Treeprocessor):
    """Remove href/src attributes that carry script; keep the visible text."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_safe_url(value):
                    del element.attrib[attribute]
            for attribute in [a for a in element.attrib if a.lower().startswith("on")]:
                del element.attrib[attribute]


class SafeMarkdown(Extension):
    """Escape raw HTML blocks and inline tags; strip unsafe URLs and event handlers."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Markdown's API name)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeUrls(md), "vitrine_drop_unsafe_urls", 0)
