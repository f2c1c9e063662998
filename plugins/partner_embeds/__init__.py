"""Partner embeds: a territory's directory to frame, the partners page, per-territory data."""

from .partner_embeds import register

__all__ = ["register"]
