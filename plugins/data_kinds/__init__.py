"""The kinds of data of the registry (vitrine/kinds/): their pages, lists and links."""

from .data_kinds import register

__all__ = ["register"]
