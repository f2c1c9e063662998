"""Open Graph share cards: a 1200×630 image per page, drawn at build time."""

from .share_cards import register

__all__ = ["register"]
