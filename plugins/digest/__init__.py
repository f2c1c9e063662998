"""Each audience's newsletter digest as pages: its latest issue and the monthly archive."""

from .digest import register

__all__ = ["register"]
