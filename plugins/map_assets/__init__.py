"""Copy Leaflet and its marker clustering from node_modules into the built site."""

from .map_assets import register

__all__ = ["register"]
