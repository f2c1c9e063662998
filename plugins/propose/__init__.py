"""The public form to propose a business or a correction, and the business JSON Schema."""

from .propose import register

__all__ = ["register"]
