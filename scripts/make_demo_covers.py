"""Draw the demo stories' cover images: stylised boreal landscapes, one per story key.

Run from the project root: .venv/bin/python scripts/make_demo_covers.py
Deterministic (seeded per key); writes content/images/covers/<key>.jpg. No downloads.
"""

from __future__ import annotations

import logging
import random
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

log = logging.getLogger("make_demo_covers")
ROOT = Path(__file__).resolve().parent.parent
SIZE = (1600, 900)
PALETTES = {  # sky top, sky bottom, far hills, near hills, water tint
    "investors": ((24, 44, 78), (236, 146, 92), (92, 84, 110), (38, 40, 58), (60, 70, 100)),
    "students": ((70, 120, 190), (245, 214, 160), (96, 130, 120), (40, 70, 60), (80, 120, 150)),
    "workers": ((120, 170, 210), (240, 230, 200), (110, 150, 110), (46, 80, 52), (90, 140, 160)),
    "tourists": ((40, 30, 90), (250, 160, 100), (120, 80, 110), (40, 32, 52), (90, 70, 120)),
}
WINTER = ((14, 24, 52), (60, 90, 130), (180, 196, 214), (120, 140, 160), (200, 214, 228))


def gradient(draw: ImageDraw.ImageDraw, top, bottom, height: int) -> None:
    """Fill the sky from top colour to bottom colour."""
    for y in range(height):
        t = y / max(1, height - 1)
        draw.line([(0, y), (SIZE[0], y)], fill=tuple(round(a + (b - a) * t)
                                                     for a, b in zip(top, bottom, strict=True)))


def ridge(rng: random.Random, base: int, amplitude: int) -> list[tuple[int, int]]:
    """A hill line across the image, closed at the bottom."""
    points, x = [(0, SIZE[1])], 0
    y = base
    while x <= SIZE[0]:
        y = max(base - amplitude, min(base + amplitude, y + rng.randint(-35, 35)))
        points.append((x, y))
        x += rng.randint(60, 140)
    points += [(SIZE[0], y), (SIZE[0], SIZE[1])]
    return points


def spruce(draw: ImageDraw.ImageDraw, x: int, ground: int, height: int, colour) -> None:
    """A black spruce: a narrow stack of triangles."""
    for i in range(6):
        width = height * (0.28 - i * 0.035)
        top = ground - height * (i + 1) / 6 - height * 0.12
        draw.polygon([(x - width / 2, ground - height * i / 6), (x + width / 2,
                      ground - height * i / 6), (x, top)], fill=colour)


def headframe(draw: ImageDraw.ImageDraw, x: int, ground: int, colour) -> None:
    """A mine headframe silhouette."""
    draw.polygon([(x - 60, ground), (x - 20, ground - 260), (x + 20, ground - 260),
                  (x + 60, ground)], fill=colour)
    draw.rectangle([x - 45, ground - 300, x + 45, ground - 250], fill=colour)
    draw.ellipse([x - 22, ground - 330, x + 22, ground - 286], outline=colour, width=8)


def building(draw: ImageDraw.ImageDraw, x: int, ground: int, colour, window) -> None:
    """A campus or town building with lit windows."""
    draw.rectangle([x, ground - 170, x + 380, ground], fill=colour)
    for row in range(3):
        for col in range(8):
            draw.rectangle([x + 20 + col * 45, ground - 150 + row * 48,
                            x + 45 + col * 45, ground - 122 + row * 48], fill=window)


def draw_cover(key: str, audience: str, winter: bool, feature: str) -> Image.Image:
    """One cover: sky, optional aurora, hills, lake with reflection, spruces, a feature."""
    rng = random.Random(key)
    sky_top, sky_bottom, far, near, water = WINTER if winter else PALETTES[audience]
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    horizon = 560
    gradient(draw, sky_top, sky_bottom, horizon)
    if winter or audience == "tourists":
        glow = Image.new("RGB", SIZE, (0, 0, 0))
        g = ImageDraw.Draw(glow)
        for i in range(5):
            y = 120 + i * 30 + rng.randint(-20, 20)
            g.arc([-200, y, SIZE[0] + 200, y + 500], 190, 350,
                  fill=(40, 200, 120) if winter else (250, 200, 120), width=26)
        image = Image.blend(image, glow.filter(ImageFilter.GaussianBlur(30)), 0.35)
        draw = ImageDraw.Draw(image)
    else:
        sx = rng.randint(300, 1300)
        draw.ellipse([sx - 70, 380, sx + 70, 520], fill=(255, 236, 190))
    draw.polygon(ridge(rng, 470, 60), fill=far)
    draw.polygon(ridge(rng, 530, 40), fill=near)
    draw.rectangle([0, horizon, SIZE[0], SIZE[1]], fill=water)
    reflection = image.crop((0, horizon - 200, SIZE[0], horizon)).transpose(
        Image.Transpose.FLIP_TOP_BOTTOM).filter(ImageFilter.GaussianBlur(6))
    image.paste(Image.blend(reflection, Image.new("RGB", reflection.size, water), 0.45),
                (0, horizon))
    draw = ImageDraw.Draw(image)
    for y in range(horizon + 8, SIZE[1], 14):
        draw.line([(rng.randint(0, 800), y), (rng.randint(800, 1600), y)],
                  fill=tuple(min(255, c + 25) for c in water), width=1)
    shore = (20, 28, 26) if not winter else (230, 236, 242)
    draw.polygon([(0, 900), (0, 640), (420, 690), (560, 900)], fill=shore)
    tree = (14, 22, 20)
    if feature == "headframe":
        headframe(draw, 1180, 560, (24, 22, 30))
    elif feature == "building":
        building(draw, 1000, 565, (34, 38, 48), (250, 214, 140))
    for _ in range(14):
        x = rng.randint(0, 420)
        spruce(draw, x, 700 + (x // 10), rng.randint(160, 300), tree)
    for _ in range(22):
        x = rng.randint(0, SIZE[0])
        spruce(draw, x, 545, rng.randint(30, 70), near if not winter else (60, 80, 90))
    return image


def main() -> None:
    """Draw a cover for every story that names one."""
    stories = ROOT / "content" / "stories"
    out = ROOT / "content" / "images" / "covers"
    out.mkdir(parents=True, exist_ok=True)
    done = set()
    for story in sorted(stories.glob("*.fr.md")):
        text = story.read_text(encoding="utf-8")
        cover = re.search(r"^cover: images/covers/([a-z0-9-]+)\.jpg$", text, re.M)
        audience = re.search(r"^audience: \[?([a-z]+)", text, re.M)
        if not cover or cover.group(1) in done:
            continue
        key = cover.group(1)
        alt = re.search(r"^cover_alt: (.*)$", text, re.M).group(1).lower()
        feature = "headframe" if "chevalement" in alt else \
            "building" if ("bâtiment" in alt or "cinéma" in alt or "immeubles" in alt) else ""
        winter = any(w in alt for w in ("gel", "neig", "aurore"))
        image = draw_cover(key, audience.group(1), winter, feature)
        image.save(out / f"{key}.jpg", "JPEG", quality=82, progressive=True, optimize=True)
        done.add(key)
        log.info("%s.jpg", key)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    main()
