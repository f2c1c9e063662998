"""Vendor Leaflet into the output at build time: the site never loads it from a CDN."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from pelican import signals

log = logging.getLogger(__name__)
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
TARGET = "theme/vendor/leaflet"
# (path in node_modules, name in the output); images/ stays beside leaflet.css, whose
# rules find the marker icons relative to it.
FILES = (
    ("leaflet/dist/leaflet.js", "leaflet.js"),
    ("leaflet/dist/leaflet.css", "leaflet.css"),
    ("leaflet/dist/images", "images"),
    ("leaflet.markercluster/dist/leaflet.markercluster.js", "leaflet.markercluster.js"),
    ("leaflet.markercluster/dist/MarkerCluster.css", "MarkerCluster.css"),
    ("leaflet.markercluster/dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"),
)


def vendor(node_modules: Path, output: Path) -> list[str]:
    """Copy the map files into output; return the missing ones (nothing copied then)."""
    missing = [f"{node_modules}/{source}" for source, _ in FILES
               if not (node_modules / source).exists()]
    if missing:
        return missing
    target = output / TARGET
    target.mkdir(parents=True, exist_ok=True)
    for source, name in FILES:
        if (node_modules / source).is_dir():
            shutil.copytree(node_modules / source, target / name, dirs_exist_ok=True)
        else:
            shutil.copy2(node_modules / source, target / name)
    return []


def copy_assets(pelican) -> None:
    """Copy Leaflet after the site is written; a missing file fails the build."""
    node_modules = Path(pelican.settings.get("MAP_ASSETS_NODE_MODULES") or NODE_MODULES)
    missing = vendor(node_modules, Path(pelican.output_path))
    for path in missing:
        log.error("map_assets: %s is missing; run `npm ci` (`make html` does) to install "
                  "Leaflet", path)


def register():
    """Vendor the map library once Pelican has written the site."""
    signals.finalized.connect(copy_assets)
