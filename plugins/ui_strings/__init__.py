"""Give templates the translation catalogue and the site's URL helpers."""

from .ui_strings import register

__all__ = ["register"]
