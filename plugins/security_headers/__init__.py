"""Security headers: one Content-Security-Policy for the pages' meta and a host _headers file."""

from .security_headers import register

__all__ = ["register"]
