"""Give templates picture(path) and write the planned derivatives when the build ends."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from pelican import signals

from vitrine.images import Picture, plan, render

log = logging.getLogger(__name__)
_PLANNED: dict[str, tuple[Path, Picture]] = {}
DEFAULTS = {"widths": [480, 960, 1440], "quality": 80, "cache": ".cache/images"}


def _settings(settings) -> dict:
    options = {**DEFAULTS, **settings.get("RESPONSIVE_IMAGES", {})}
    unknown = set(options) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"responsive_images: Invalid 'RESPONSIVE_IMAGES' key: {sorted(unknown)}")
    return options


def reset(pelican) -> None:
    """Start each build with an empty plan."""
    _settings(pelican.settings)
    _PLANNED.clear()


def install(generator) -> None:
    """Add picture() to the templates of a generator."""
    settings = generator.settings
    options = _settings(settings)
    content = Path(settings["PATH"])
    prefix = f"{settings.get('SITEURL', '')}/images/derived"

    def picture(path):
        if not path:
            return None
        if path not in _PLANNED:
            planned = plan(content / path, prefix, options["widths"])
            if planned is None:
                log.warning("content/%s: expected a readable image (JPEG, PNG or WebP)", path)
                return None
            _PLANNED[path] = (content / path, planned)
        return _PLANNED[path][1]

    generator.env.globals["picture"] = picture


def write_all(pelican) -> None:
    """Write every derivative the templates asked for."""
    options = _settings(pelican.settings)
    output = Path(pelican.settings["OUTPUT_PATH"])
    siteurl = pelican.settings.get("SITEURL", "")
    cache = Path(options["cache"])
    for source, picture in _PLANNED.values():
        render(source, _strip(picture, siteurl), output, cache, options["quality"])
    log.info("responsive_images: %d pictures written", len(_PLANNED))


def _strip(picture: Picture, siteurl: str) -> Picture:
    """Map URLs back to output paths when SITEURL is absolute."""
    if not siteurl:
        return picture
    def local(variants):
        return tuple(replace(v, url=v.url[len(siteurl):]) for v in variants)

    return replace(picture, webp=local(picture.webp), jpeg=local(picture.jpeg))


def register():
    """Connect planning to template rendering and writing to the end of the build."""
    signals.initialized.connect(reset)  # checks settings once, clears the plan
    signals.generator_init.connect(install)  # templates call picture()
    signals.finalized.connect(write_all)  # files written once, after all pages
