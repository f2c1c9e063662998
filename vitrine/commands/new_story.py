"""vitrine new-story: write a story skeleton that passes vitrine check."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from vitrine import frontmatter
from vitrine.routes import AUDIENCES, LANGUAGES

TEMPLATE = """---
title: {title}
audience: {audience}
lang: {lang}
key: {key}
summary: {summary}
# cover: images/covers/{key}.jpg
# cover_alt: {cover_alt}
date: {date}
author: {author}
municipalities: []
---
{intro}

## {heading}

{body}
"""
HINTS = {
    "fr": {"summary": "Une ou deux phrases qui donnent envie de lire.",
           "cover_alt": "Ce que montre l'image", "intro": "Premier paragraphe du récit.",
           "heading": "Un intertitre", "body": "Le reste du récit, en Markdown."},
    "en": {"summary": "One or two sentences that make people want to read on.",
           "cover_alt": "What the image shows", "intro": "First paragraph of the story.",
           "heading": "A subheading", "body": "The rest of the story, in Markdown."},
}


def add_arguments(parser) -> None:
    """Declare the options of vitrine new-story."""
    parser.add_argument("--audience", required=True, help=f"one of {', '.join(AUDIENCES)}")
    parser.add_argument("--title", required=True, help="the story's headline")
    parser.add_argument("--lang", default="fr", choices=LANGUAGES, help="language (default fr)")
    parser.add_argument("--author", default="Équipe éditoriale", help="author shown on the page")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")


def run(args) -> int:
    """Write content/stories/<key>.<lang>.md and print its path."""
    audience = [a.strip() for a in args.audience.split(",") if a.strip()]
    wrong = [a for a in audience if a not in AUDIENCES]
    if wrong or not audience:
        print(f'audience: expected one of {", ".join(AUDIENCES)}; got "{args.audience}"',
              file=sys.stderr)
        return 1
    key = slugify(args.title, DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])[:80].strip("-")
    if not key:
        print(f'title: expected words to make a URL from; got "{args.title}"', file=sys.stderr)
        return 1
    path = args.root / "content" / "stories" / f"{key}.{args.lang}.md"
    if path.exists():
        print(f"{path.relative_to(args.root)}: already exists; choose another title",
              file=sys.stderr)
        return 1
    text = TEMPLATE.format(
        title=_quote(args.title), audience=audience[0] if len(audience) == 1 else
        f"[{', '.join(audience)}]", lang=args.lang, key=key, date=dt.date.today().isoformat(),
        author=_quote(args.author), **HINTS[args.lang])
    parsed = frontmatter.read(text.encode(), str(path))
    if parsed.problems:  # a title that YAML cannot hold as written; never write a broken file
        print("\n".join(map(str, parsed.problems)), file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(path.relative_to(args.root))
    return 0


def _quote(text: str) -> str:
    """Quote a value for YAML front matter."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
