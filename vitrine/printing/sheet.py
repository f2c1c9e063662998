"""Lay the stickers or posters of a selection out as one print-ready HTML page."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from vitrine.directory.model import Business, Directory
from vitrine.printing.qr import host, page_url, qr_svg

# One sticker a page at its trim size plus 3 mm bleed each side: print shops impose single-up
# artwork themselves on their vinyl stock and die-cut it, and ask for bleed, not a letter
# sheet to cut apart. A poster is one US letter page, as office printers take.
STICKER_MM = 100
BLEED_MM = 3


@dataclass(frozen=True)
class Item:
    """What one sticker or poster shows."""

    name: str
    town: str
    category_fr: str
    category_en: str
    url: str
    qr: Markup


def items(directory: Directory, businesses: list[Business], public_url: str) -> list[Item]:
    """Turn businesses into what their stickers show."""
    towns, categories = directory.territory.municipalities, directory.taxonomy.categories
    out = []
    for b in businesses:
        url = page_url(public_url, b.slug)
        category = categories.get(b.category)
        out.append(Item(b.name, towns[b.municipality].name,
                        category["fr"] if category else "", category["en"] if category else "",
                        url, qr_svg(url)))
    return out


def render(entries: list[Item], public_url: str, poster: bool = False, title: str = "") -> str:
    """Render the print-ready page; every business text is escaped by Jinja's autoescape."""
    env = Environment(loader=PackageLoader("vitrine.printing", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)
    return env.get_template("sheet.html").render(
        items=entries, host=host(public_url), poster=poster, title=title,
        sticker_mm=STICKER_MM, bleed_mm=BLEED_MM)
