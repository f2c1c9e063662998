"""Stories: Markdown with YAML front matter, validated, grouped by audience and language."""

from .stories import register

__all__ = ["register"]
