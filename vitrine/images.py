"""Responsive image derivatives: several widths, WebP plus a JPEG fallback, cached by content."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Variant:
    """One derivative file: where it goes under the output and its width."""

    url: str
    width: int
    format: str


@dataclass(frozen=True)
class Picture:
    """What a template needs to write <picture>: sources, fallback, intrinsic size."""

    webp: tuple[Variant, ...]
    jpeg: tuple[Variant, ...]
    width: int
    height: int

    @property
    def fallback(self) -> Variant:
        """Return the JPEG a browser without WebP support shows."""
        return self.jpeg[min(1, len(self.jpeg) - 1)]

    def srcset(self, fmt: str) -> str:
        """Return the srcset attribute for one format."""
        return ", ".join(f"{v.url} {v.width}w" for v in getattr(self, fmt))


def plan(source: Path, url_prefix: str, widths: list[int]) -> Picture | None:
    """Decide the derivatives of an image without writing them; None if unreadable."""
    try:
        with Image.open(source) as img:
            width, height = img.size
    except (OSError, UnidentifiedImageError):
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
    sizes = sorted({w for w in widths if w < width} | {min(width, max(widths))})
    stem = f"{url_prefix}/{source.stem}-{digest}"
    webp = tuple(Variant(f"{stem}-{w}.webp", w, "webp") for w in sizes)
    jpeg = tuple(Variant(f"{stem}-{w}.jpg", w, "jpeg") for w in sizes)
    top = sizes[-1]
    return Picture(webp, jpeg, top, round(height * top / width))


def render(source: Path, picture: Picture, output: Path, cache: Path, quality: int) -> None:
    """Write every variant of a planned picture, reusing cached files of the same content."""
    with Image.open(source) as original:
        image = original.convert("RGB")
        for variant in picture.webp + picture.jpeg:
            name = variant.url.rsplit("/", 1)[-1]
            cached = cache / name
            if not cached.exists():
                height = round(image.height * variant.width / image.width)
                resized = image.resize((variant.width, height), Image.Resampling.LANCZOS)
                cache.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_suffix(cached.suffix + ".tmp")
                options = {"quality": quality, "method": 5} if variant.format == "webp" else \
                    {"quality": quality, "optimize": True, "progressive": True}
                resized.save(tmp, variant.format.upper(), **options)
                os.replace(tmp, cached)
            target = output / variant.url.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, target)
