"""sitemap.xml with hreflang alternates for every page, and robots.txt pointing to it."""

from .sitemap_hreflang import register

__all__ = ["register"]
