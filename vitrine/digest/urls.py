"""The digests' URLs: /infolettre/<window>/ and /en/newsletter/<window>/, a month's issue
under it (/infolettre/travailler/2026-11/)."""

from __future__ import annotations

from vitrine import routes

SECTIONS = {"fr": "infolettre", "en": "newsletter"}
routes.add_section("digest", SECTIONS)  # its URLs are known wherever they are asked for


def page_url(lang: str, audience: str, month: str = "") -> str:
    """The URL of an audience's digest page (its latest issue), or of a month's issue."""
    folder = routes.window_folder(lang, audience)
    return routes.section(lang, "digest", f"{folder}/{month}" if month else folder)
