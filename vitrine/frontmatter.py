"""Front matter of editors' Markdown: split, parse, and validate against a declared schema."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vitrine.problems import Problem
from vitrine.routes import AUDIENCES, LANGUAGES
from vitrine.schema import INVALID, Choice, Date, Field, ListOf, Record, Text, validate
from vitrine.yamlfile import YamlError, decode, parse

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")

COVER = Field("cover", Text(pattern=r"images/[A-Za-z0-9_./-]+\.(?:jpe?g|png|webp)",
                            expected="an image path under content/ (images/….jpg)"),
              doc="Cover image, under content/images/; resized automatically.")
COVER_ALT = Field("cover_alt", Text(max_length=300), doc="What the cover shows, for screen "
                                                            "readers.")

STORY = Record(expected="front matter (a mapping)", fields=[
    Field("title", Text(max_length=200), required=True, doc="Headline of the story."),
    Field("audience", ListOf(Choice(list(AUDIENCES)), min_items=1), required=True,
          doc="Audience window(s) the story appears in: one name or a list."),
    Field("lang", Choice(list(LANGUAGES)), required=True, doc="Language of this file."),
    Field("key", Text(pattern=SLUG, expected="a translation key (lowercase-words-with-dashes)"),
          doc="Same value in a story and its translation; links them (default: the file's "
              "name without .fr.md or .en.md: etudier-ici.fr.md and etudier-ici.en.md)."),
    Field("slug", Text(pattern=SLUG, expected="a slug (lowercase-words-with-dashes)"),
          doc="Last part of the URL; made from the title when absent."),
    Field("summary", Text(max_length=400), required=True,
          doc="One or two sentences for cards, feeds and search engines."),
    COVER,
    COVER_ALT,
    Field("date", Date(), required=True, doc="Publication date."),
    Field("author", Text(max_length=120),
          doc="Who wrote it (default: the agency, the AGENCY setting)."),
    Field("municipalities", ListOf(Text(pattern=SLUG, expected="a town slug")), default=list,
          doc="Towns the story mentions (slugs from data/territory.yaml)."),
    Field("businesses", ListOf(Text(pattern=SLUG, expected="a business slug")), default=list,
          doc="Businesses the story mentions (slugs of the directory)."),
    Field("redirect_from", ListOf(Text(pattern=SLUG, expected="an old slug")), default=list,
          doc="Old slugs of this story: their URLs redirect here."),
])

PAGE = Record(expected="front matter (a mapping)", fields=[
    Field("title", Text(max_length=200), required=True, doc="Heading of the page."),
    Field("lang", Choice(list(LANGUAGES)), required=True, doc="Language of this file."),
    Field("summary", Text(max_length=400), required=True, doc="Meta description."),
    Field("key", Text(pattern=SLUG, expected="a translation key"), doc="Links translations."),
    Field("slug", Text(pattern=SLUG, expected="a slug"), doc="Last part of the URL."),
])


WINDOW = Record(expected="front matter (a mapping)", fields=[
    *PAGE.fields,
    Field("promise", Text(max_length=240), doc="The window's promise, one sentence under "
                                               "its title (default: its summary)."),
    COVER,
    COVER_ALT,
])


def record_for(path: str) -> Record:
    """The schema of a Markdown file's front matter, by its folder: a story, a window's
    introduction (content/windows/) or a page."""
    folders = f"/{path}".split("/")[:-1]
    return STORY if "stories" in folders else WINDOW if "windows" in folders else PAGE


@dataclass
class Parsed:
    """A Markdown file's validated metadata, its body, and where the body starts."""

    meta: dict | None
    body: str
    body_line: int
    problems: list[Problem]


def split(text: str, path: str) -> tuple[str | None, str, int]:
    """Split text into (front matter, body, first body line); front matter None if absent."""
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0]) or lines[0].startswith("..."):
        return None, text, 1
    for i, line in enumerate(lines[1:], start=1):
        if _FENCE.match(line):
            return "".join(lines[1:i]), "".join(lines[i + 1:]), i + 2
    return None, text, 1


def read(raw: bytes, path: str, record: Record = STORY) -> Parsed:
    """Parse and validate one Markdown file's front matter; never raise on bad input."""
    try:
        text = decode(raw, path)
    except YamlError as exc:
        return Parsed(None, "", 1, [exc.problem])
    if not text.strip():  # a translation not written yet: the web editor saves it empty
        return Parsed(None, "", 1, [])
    head, body, body_line = split(text, path)
    if head is None:
        return Parsed(None, body, body_line, [Problem(
            path, 1, None, "", "expected front matter between two --- lines at the top")])
    try:
        doc, problems = parse(head, path, line_offset=1)
    except YamlError as exc:
        return Parsed(None, body, body_line, [_no_col(exc.problem)])
    meta, more = validate(record, doc)
    problems = [_no_col(p) for p in problems + more]
    if record is STORY and meta is not INVALID and not problems and not meta.get("key"):
        meta["key"], problems = _key_of(path)
    return Parsed(None if meta is INVALID or problems else meta, body, body_line, problems)


def _key_of(path: str) -> tuple[str | None, list[Problem]]:
    """A story's translation key by default: its file's name before .fr.md or .en.md."""
    key = path.rsplit("/", 1)[-1].split(".")[0]
    if re.fullmatch(SLUG, key):
        return key, []
    return None, [Problem(path, 1, None, "key", f'missing, and the file\'s name "{key}" is no '
                          "translation key; expected key: lowercase-words-with-dashes, or a "
                          "file named so")]


def _no_col(problem: Problem) -> Problem:
    """Drop the column: front matter errors read best as file:line."""
    return Problem(problem.path, problem.line, None, problem.key, problem.message)
