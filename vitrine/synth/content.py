"""Write the content/ half of a synthetic region: window intros, FR/EN stories and covers."""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path

from vitrine.routes import AUDIENCES
from vitrine.synth import words

COVERS = 6
WINDOW_TITLES = {
    "home": ("La région synthétique, grandeur nature", "The synthetic region, life size"),
    "investors": ("Investir dans la région", "Invest in the region"),
    "students": ("Étudier dans la région", "Study in the region"),
    "workers": ("Travailler dans la région", "Work in the region"),
    "tourists": ("Visiter la région", "Visit the region"),
}


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_covers(content: Path, seed: int) -> list[str]:
    """Write a handful of small distinct JPEG covers and return their paths under content/."""
    from PIL import Image, ImageDraw

    folder = content / "images" / "covers"
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for n in range(COVERS):
        sky = tuple(rng.randint(60, 200) for _ in range(3))
        land = tuple(rng.randint(20, 120) for _ in range(3))
        image = Image.new("RGB", (960, 540), sky)
        draw = ImageDraw.Draw(image)
        horizon = rng.randint(250, 380)
        draw.polygon([(0, horizon), (320, horizon - 60), (640, horizon + 20),
                      (960, horizon - 40), (960, 540), (0, 540)], fill=land)
        draw.ellipse((700, 60, 780, 140), fill=(250, 230, 160))
        name = f"synth-cover-{n + 1}.jpg"
        image.save(folder / name, quality=80)
        paths.append(f"images/covers/{name}")
    return paths


def write_windows(content: Path) -> None:
    """Write the intros of the home page and the four windows, in French and English."""
    folder = content / "windows"
    folder.mkdir(parents=True, exist_ok=True)
    for page, (fr, en) in WINDOW_TITLES.items():
        for lang, title, paragraphs in (("fr", fr, words.PARAGRAPHS_FR),
                                        ("en", en, words.PARAGRAPHS_EN)):
            text = (f"---\ntitle: {_q(title)}\nsummary: {_q(paragraphs[0])}\nlang: {lang}\n"
                    f"---\n{paragraphs[1]}\n\n{paragraphs[2]}\n")
            (folder / f"{page}.{lang}.md").write_text(text, encoding="utf-8")


def _body(rng: random.Random, paragraphs: list[str], subheads: tuple[str, str]) -> str:
    blocks = []
    for n in range(rng.randint(3, 8)):
        if n and n % 3 == 0:
            blocks.append(f"## {subheads[n % 2]} {n // 3}")
        picks = rng.sample(paragraphs, rng.randint(2, 4))
        blocks.append(" ".join(picks))
    return "\n\n".join(blocks) + "\n"


def write_stories(content: Path, stories: int, towns: list[dict], covers: list[str],
                  rng: random.Random) -> None:
    """Write `stories` stories, each in French and English (two files sharing a key)."""
    folder = content / "stories"
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime.date(2024, 1, 1)
    for n in range(stories):
        town = rng.choice(towns)
        theme_fr, theme_en = rng.choice(words.STORY_THEMES)
        key = f"recit-{n + 1:05d}"
        audiences = sorted(rng.sample(AUDIENCES, rng.randint(1, 2)), key=AUDIENCES.index)
        date = start + datetime.timedelta(days=n % 900)
        cover = rng.choice(covers)
        author = rng.choice(words.AUTHORS)
        body_seed = rng.random()
        for lang, theme, paragraphs, subheads in (
                ("fr", theme_fr, words.PARAGRAPHS_FR, ("Sur place", "En pratique")),
                ("en", theme_en, words.PARAGRAPHS_EN, ("On site", "In practice"))):
            title = f"{theme.format(town=town['name'])} ({n + 1})"
            summary = paragraphs[n % len(paragraphs)]
            alt = "Paysage de lac et de forêt" if lang == "fr" else "Lake and forest landscape"
            text = (f"---\ntitle: {_q(title)}\naudience: [{', '.join(audiences)}]\n"
                    f"lang: {lang}\nkey: {key}\nsummary: {_q(summary)}\ncover: {cover}\n"
                    f"cover_alt: {_q(alt)}\ndate: {date.isoformat()}\n"
                    f"author: {_q(author)}\nmunicipalities: [{town['slug']}]\n"
                    f"businesses: []\n---\n"
                    f"{_body(random.Random(body_seed), paragraphs, subheads)}")
            (folder / f"{key}.{lang}.md").write_text(text, encoding="utf-8")
