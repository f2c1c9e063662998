"""Write the web editor (Decap CMS) at /admin/: its page, its vendored bundle, its config."""

from .cms import register

__all__ = ["register"]
