"""Site search (Pagefind) pages and the directory's client data for filters and maps."""

from .search import register

__all__ = ["register"]
