"""Share cards: 1200×630 images for link previews, drawn with Pillow and cached by content.

A card is described by a `Card` (its texts, colours and cover); its file name is a hash of
that description, of this module and of the fonts, so a card is drawn once and a changed
name makes exactly one new file. Flat cards are 8-colour PNG (about 12 KB), cards on a
cover photo are JPEG. Knows nothing of Pelican.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import multiprocessing
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

log = logging.getLogger(__name__)
WIDTH, HEIGHT = 1200, 630
MARGIN = 80
FONTS = Path(__file__).resolve().parent / "fonts"
BOLD, REGULAR = FONTS / "DejaVuSans-Bold.ttf", FONTS / "DejaVuSans.ttf"
LEVELS = 7  # shades from background to ink in a flat card (antialiasing); then the accent
EYEBROW_SIZES = range(34, 23, -2)
NICENESS = 5  # below the build, as the page workers


@dataclass(frozen=True)
class Card:
    """What one card shows: a small line on top, a title, a line under it, colours, a cover."""

    title: str
    subtitle: str = ""
    eyebrow: str = ""
    background: str = "#073a44"
    ink: str = "#ffffff"
    accent: str = "#ffbf47"
    cover: str = ""  # a photo's name (under content/), cropped to fill; empty: a flat card
    cover_digest: str = ""  # the photo's bytes: a new photo makes a new card
    # where the photo is on this machine: not in the file name, which two copies share
    cover_path: str = field(default="", repr=False, compare=False)

    @property
    def extension(self) -> str:
        """Return the file type: JPEG on a photo, PNG when flat."""
        return "jpg" if self.cover else "png"

    @property
    def alt(self) -> str:
        """Return the text the card shows, for og:image:alt."""
        return " — ".join(part for part in (self.title, self.subtitle) if part)


@functools.cache
def drawing_version() -> str:
    """Hash this module and the fonts: a new drawing makes new cards."""
    digest = hashlib.sha256()
    for font in (Path(__file__), BOLD, REGULAR):
        digest.update(font.read_bytes())
    return digest.hexdigest()


def file_name(card: Card) -> str:
    """Return the card's file name: a hash of what it shows and of how it is drawn."""
    digest = hashlib.sha256(f"{drawing_version()}\0{card!r}".encode()).hexdigest()[:20]
    return f"{digest}.{card.extension}"


def cover_digest(path: Path) -> str:
    """Hash a cover's bytes; empty when Pillow cannot read it (its card is then flat)."""
    try:
        with Image.open(path) as image:
            image.size  # noqa: B018 — the header is read: an image Pillow knows
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except (OSError, UnidentifiedImageError):
        return ""


def css_colours(css: str) -> dict[str, str]:
    """Read the `--name: #hex` custom properties of a stylesheet's first `:root` rule
    (not a dark scheme's, which may follow)."""
    root = re.search(r":root\s*{([^}]*)}", css)
    return dict(re.findall(r"--([\w-]+)\s*:\s*(#[0-9a-fA-F]{3,6})\b", root.group(1))) \
        if root else {}


@functools.cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def wrap(text: str, path: Path, sizes: range, width: int, lines: int):
    """Fit text in at most `lines` lines of `width` px, at the largest size that fits.

    Return (font, lines); at the smallest size, what does not fit ends with an ellipsis.
    """
    words = text.split()
    for size in sizes:
        font = _font(path, size)
        rows, row = [], ""
        for word in words:
            trial = f"{row} {word}" if row else word
            if row and font.getlength(trial) > width:
                rows.append(row)
                row = word
            else:
                row = trial
        if row:
            rows.append(row)
        if len(rows) <= lines and all(font.getlength(r) <= width for r in rows):
            return font, rows
    kept = rows[:lines] or [""]
    if len(rows) > lines:
        kept[-1] += "…"
    return font, [_clip(font, row, width) for row in kept]


def _clip(font: ImageFont.FreeTypeFont, row: str, width: int) -> str:
    """Cut a row that is too wide, ending it with an ellipsis."""
    if font.getlength(row) <= width:
        return row
    row = row.rstrip("…")
    while row and font.getlength(row + "…") > width:
        row = row[:-1]
    return row.rstrip() + "…"


def _layout(card: Card):
    """Place the texts: (font, lines, first baseline's top, line height) from top to bottom."""
    inner = WIDTH - 2 * MARGIN
    eyebrow = wrap(card.eyebrow, REGULAR, EYEBROW_SIZES, inner, 1) if card.eyebrow else None
    title = wrap(card.title, BOLD, range(84, 39, -4), inner, 3)
    subtitle = wrap(card.subtitle, REGULAR, range(42, 27, -2), inner, 2) \
        if card.subtitle else None
    blocks = []
    if eyebrow:
        blocks.append((*eyebrow, MARGIN, round(eyebrow[0].size * 1.3)))
    bottom = HEIGHT - MARGIN
    for font, rows in reversed([b for b in (title, subtitle) if b]):  # anchored at the bottom
        step = round(font.size * 1.2)
        bottom -= step * len(rows)
        blocks.append((font, rows, bottom, step))
        bottom -= 24
    return blocks


def _write_text(draw: ImageDraw.ImageDraw, blocks, fills) -> None:
    for (font, rows, top, step), fill in zip(blocks, fills, strict=True):
        for number, row in enumerate(rows):
            draw.text((MARGIN, top + number * step), row, font=font, fill=fill)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    return tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))


@functools.lru_cache(maxsize=64)
def _flat_base(eyebrow: str) -> Image.Image:
    """The parts many flat cards share: the accent bar and the line on top."""
    canvas = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(canvas)
    if eyebrow:
        font, rows = wrap(eyebrow, REGULAR, EYEBROW_SIZES, WIDTH - 2 * MARGIN, 1)
        draw.text((MARGIN, MARGIN), rows[0], font=font, fill=LEVELS - 2)
    draw.rectangle((0, 0, 23, HEIGHT), fill=LEVELS)  # the accent bar
    return canvas


def draw_flat(card: Card) -> Image.Image:
    """Draw a card of two colours and an accent as an 8-colour palette image.

    Its pixels are palette indices: 0 the background, LEVELS - 1 the ink and the shades
    between them the text's antialiased edges (drawn straight at LEVELS - 1), LEVELS the
    accent; no quantization is needed.
    """
    canvas = _flat_base(card.eyebrow).copy()
    blocks = _layout(card)[1 if card.eyebrow else 0:]
    _write_text(ImageDraw.Draw(canvas), blocks, [LEVELS - 1] * len(blocks))
    image = Image.frombuffer("P", canvas.size, canvas.tobytes(), "raw", "P", 0, 1)
    image.putpalette(palette(card))
    return image


def palette(card: Card) -> list[int]:
    """Return a flat card's palette: shades from background to ink, then the accent."""
    background, ink = _rgb(card.background), _rgb(card.ink)
    colours = []
    for level in range(LEVELS):
        share = level / (LEVELS - 1)
        colours += [round(b + (i - b) * share) for b, i in zip(background, ink, strict=True)]
    return colours + list(_rgb(card.accent))


@functools.lru_cache(maxsize=8)
def _backdrop(path: str, digest: str) -> Image.Image:
    """Crop a cover to the card and darken its lower part for the text (once per cover)."""
    with Image.open(path) as original:
        original.draft("RGB", (WIDTH, HEIGHT))  # a JPEG is decoded at a fraction of its size
        photo = ImageOps.fit(original.convert("RGB"), (WIDTH, HEIGHT),
                             Image.Resampling.BICUBIC)
    shade = Image.linear_gradient("L").resize((WIDTH, HEIGHT)).point(
        lambda v: 70 + v * 130 // 255)  # 27 % dark on top to 78 % at the bottom
    return Image.composite(Image.new("RGB", photo.size, 0), photo, shade)


def draw_photo(card: Card) -> Image.Image:
    """Draw a card's texts on its cover."""
    image = _backdrop(card.cover_path, card.cover_digest).copy()
    draw = ImageDraw.Draw(image)
    blocks = _layout(card)
    _write_text(draw, blocks, [card.ink] * len(blocks))
    draw.rectangle((0, 0, 23, HEIGHT), fill=card.accent)
    return image


def draw(card: Card) -> Image.Image:
    """Draw a card: on its cover when it has one, flat otherwise."""
    return draw_photo(card) if card.cover else draw_flat(card)


def save(card: Card, folder: Path, quality: int = 70) -> Path:
    """Draw a card into folder under its file name (atomically); return its path."""
    path = folder / file_name(card)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    image = draw(card)
    if card.cover:
        image.save(tmp, "JPEG", quality=quality, optimize=True, progressive=True)
    else:
        # 4 bits a pixel (8 colours); level 3 is as fast as a hand-tuned encoder, a file 2 KB
        # larger than level 9, which takes 15 times as long.
        image.save(tmp, "PNG", bits=4, compress_level=3)
    os.replace(tmp, path)
    return path


def missing_cards(cards: list[Card], folder: Path) -> list[Card]:
    """Return the cards whose file is not in folder yet, once each, a cover's cards together."""
    present = set(os.listdir(folder)) if folder.is_dir() else set()
    missing = list({file_name(c): c for c in cards if file_name(c) not in present}.values())
    missing.sort(key=lambda c: c.cover)  # one cover's cards together: its backdrop is reused
    return missing


def make_missing(cards: list[Card], folder: Path, workers: int = 1, quality: int = 70) -> int:
    """Draw the cards whose file is not in folder yet, on `workers` processes; return how many."""
    folder.mkdir(parents=True, exist_ok=True)
    missing = missing_cards(cards, folder)
    if workers > 1 and len(missing) > 20 and "fork" in multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(
                workers, initializer=os.nice, initargs=(NICENESS,)) as pool:
            chunk = max(1, len(missing) // (workers * 8))
            pool.starmap(save, [(c, folder, quality) for c in missing], chunksize=chunk)
    else:
        for card in missing:
            save(card, folder, quality)
    return len(missing)


def default_workers() -> int:
    """Two processes when two cores are usable, as the directory's page workers."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else os.cpu_count() or 1
    return min(2, usable)
