"""The absolute page URL of a business, and its QR code as inline SVG (segno)."""

from __future__ import annotations

from urllib.parse import urlsplit

import segno
from markupsafe import Markup

from vitrine import routes


def page_url(public_url: str, slug: str) -> str:
    """Return the business's French page URL on the published site."""
    return f"{public_url.rstrip('/')}/{routes.section('fr', 'businesses', slug)}"


def host(public_url: str) -> str:
    """Return the host people read on a sticker: vitrine.example.org."""
    return urlsplit(public_url).netloc or public_url


def qr_svg(url: str) -> Markup:
    """Encode url as a QR code: error correction Q, the 4-module quiet zone, sized by CSS."""
    # Q survives a scratched or rain-spotted window sticker; boost_error off keeps it Q, not
    # a surprise H with more modules. omitsize leaves only the viewBox so CSS sets the size in mm.
    code = segno.make_qr(url, error="q", boost_error=False)
    svg = code.svg_inline(border=4, dark="#000", light="#fff", omitsize=True)
    return Markup(svg)  # segno's own markup: the URL is encoded as modules, not text
