"""The business directory's pages: index, businesses, categories, towns, open data."""

from .business_pages import register

__all__ = ["register"]
