"""Markdown for editors: raw HTML is shown as text, links and images never run script."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

_IFRAME_LINE = re.compile(r"^\s*<iframe\b[^>]*>\s*</iframe>\s*$", re.IGNORECASE)
DEFAULT_EMBED_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com")
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


class _Attributes(HTMLParser):
    """Collect the attributes of the first start tag in a snippet."""

    def __init__(self):
        super().__init__()
        self.tag, self.attrs = None, {}

    def handle_starttag(self, tag, attrs):
        if self.tag is None:
            self.tag, self.attrs = tag, {name: value or "" for name, value in attrs}


def embed_card(line: str, hosts: frozenset[str]) -> tuple[str | None, str | None]:
    """(card HTML, None) for an allowed iframe line; (None, problem) for a refused one.

    An allowed embed becomes a link to the player, never a frame: nothing loads from the
    provider until the visitor follows it. Lines that are not an iframe give (None, None).
    """
    if not _IFRAME_LINE.match(line):
        return None, None
    parser = _Attributes()
    parser.feed(line)
    src = parser.attrs.get("src", "")
    host = (urlsplit(src).hostname or "") if is_safe_url(src) else ""
    if urlsplit(src).scheme != "https" or host not in hosts:
        allowed = ", ".join(sorted(hosts)) or "none"
        return None, (f"<iframe> from {host or src!r} is not on the embed allow-list "
                      f"(MARKDOWN_EMBED_HOSTS: {allowed}); it is shown as text")
    title = parser.attrs.get("title", "").strip() or host
    return (f'<p class="embed"><a href="{escape(src)}" rel="noopener noreferrer">'
            f'{escape(title)}</a> <span class="embed-host">({escape(host)})</span></p>'), None


class _Embeds(Preprocessor):
    """Turn allow-listed <iframe> lines into player links; note the refused ones."""

    def __init__(self, md, hosts: frozenset[str]):
        super().__init__(md)
        self.hosts = hosts

    def run(self, lines: list[str]) -> list[str]:
        self.md.refused_embeds = []
        out = []
        for number, line in enumerate(lines, start=1):
            card, problem = embed_card(line, self.hosts)
            if problem:
                self.md.refused_embeds.append((number, problem))
            out.append(self.md.htmlStash.store(card) if card else line)
        return out


class EmbedAllowList(Extension):
    """Editors may embed players from listed hosts, as links; every other frame is text."""

    def __init__(self, hosts=(), **kwargs):
        self.hosts = frozenset(host.lower() for host in hosts)
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Markdown's API name)
        # 20: after normalize_whitespace (30) and fenced code (25), so code blocks stay code
        md.preprocessors.register(_Embeds(md, self.hosts), "vitrine_embeds", 20)
