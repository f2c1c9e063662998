"""Old URLs keep working: redirect pages for renamed stories and listed moves."""

from .redirects import register

__all__ = ["register"]
