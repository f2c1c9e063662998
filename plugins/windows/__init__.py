"""Home pages, the four audience windows in each language, and their Atom feeds."""

from .windows import register

__all__ = ["register"]
