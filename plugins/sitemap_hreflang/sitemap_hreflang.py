"""Record every written page with its translations; write sitemap.xml and robots.txt at the end."""

from __future__ import annotations

import logging
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from pelican import signals

log = logging.getLogger(__name__)
_PAGES: dict[str, list[dict]] = {}


def reset(pelican) -> None:
    """Start each build with no page recorded."""
    _PAGES.clear()


def record(path, context) -> None:
    """Remember an HTML page's URL and its hreflang alternates (not a noindex page's: a
    closed job offer, a past event)."""
    if not str(path).endswith(".html") or context.get("noindex"):
        return
    url = context.get("page_url")
    if url is None:
        content = context.get("article") or context.get("page")
        if content is None:
            return
        url = content.url
        items = [content, *getattr(content, "translations", [])]
        alternates = [{"lang": c.lang, "url": c.url} for c in items]
    else:
        alternates = context.get("translations") or []
    _PAGES[url] = alternates


def write(pelican) -> None:
    """Write sitemap.xml and robots.txt into the output folder."""
    siteurl = pelican.settings.get("SITEURL", "")
    output = Path(pelican.settings["OUTPUT_PATH"])
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for url in sorted(_PAGES):
        lines.append(f"<url><loc>{escape(f'{siteurl}/{url}')}</loc>")
        for alt in _PAGES[url]:
            href = quoteattr(siteurl + "/" + alt["url"])
            lines.append(f'<xhtml:link rel="alternate" hreflang={quoteattr(alt["lang"])} '
                         f"href={href}/>")
        lines.append("</url>")
    lines.append("</urlset>")
    (output / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if pelican.settings.get("PREVIEW"):  # a draft: nothing to index, no sitemap to announce
        robots = "User-agent: *\nDisallow: /\n"
    else:
        robots = "User-agent: *\nAllow: /\n"
        if siteurl.startswith("http"):  # robots.txt wants an absolute sitemap URL
            robots += f"\nSitemap: {siteurl}/sitemap.xml\n"
    (output / "robots.txt").write_text(robots, encoding="utf-8")
    log.info("sitemap: %d pages", len(_PAGES))


def register():
    """Collect pages as they are written and write the sitemap once at the end."""
    signals.initialized.connect(reset)  # one build, one sitemap
    signals.content_written.connect(record)  # every page, whichever generator wrote it
    signals.finalized.connect(write)  # after all pages exist
