"""Read a kind's files: one item per file, or a list per file; validate; every problem at once."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from unidecode import unidecode

from vitrine import routes
from vitrine.kinds import Kind
from vitrine.problems import Problem, key_path
from vitrine.schema import INVALID, Context
from vitrine.yamlfile import Located, YamlError, load

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class References:
    """What items may name, and what checking them needs: the project's known slugs."""

    towns: set[str] = field(default_factory=set)
    categories: set[str] = field(default_factory=set)
    business_towns: dict[str, str] | None = None  # slug: town, once the directory is merged
    business_categories: dict[str, str] = field(default_factory=dict)  # slug: category
    town_mrcs: dict[str, str] = field(default_factory=dict)  # town slug: its MRC's slug
    content: Path | None = None         # content/, where images live
    timezone: str = "America/Toronto"
    today: object = None                # the build's date in the region (events)

    @classmethod
    def of(cls, directory, content: Path, timezone: str | None, today=None) -> References:
        """What a project's items may name: its merged directory's towns, categories and
        businesses (none without a directory)."""
        if directory is None:
            return cls(business_towns={}, content=content,
                       timezone=timezone or "America/Toronto", today=today)
        return cls(towns=set(directory.territory.municipalities),
                   categories=set(directory.taxonomy.categories),
                   business_towns={b.slug: b.municipality for b in directory.businesses},
                   business_categories={b.slug: b.category for b in directory.businesses},
                   town_mrcs={t.slug: t.mrc for t in directory.territory.municipalities.values()},
                   content=content, timezone=timezone or "America/Toronto", today=today)

    @property
    def mrcs(self) -> set[str]:
        """The MRCs of the territory."""
        return set(self.town_mrcs.values())

    @property
    def businesses(self) -> set[str] | None:
        """The directory's business slugs, or None before it is merged."""
        return None if self.business_towns is None else set(self.business_towns)


@dataclass
class Item:
    """One item of a kind, as its file gives it (validated), and where it came from."""

    kind: str
    id: str
    slug: str
    values: dict
    path: str
    line: int | None

    def text(self, name: str, lang: str) -> str:
        """A field in a language: its own, else the other language's, else a plain text."""
        value = self.values.get(name)
        if isinstance(value, dict):
            return value.get(lang) or value.get(routes.other_lang(lang)) or ""
        return "" if value is None else str(value)

    def title(self, lang: str) -> str:
        """The item's title (or name) in a language."""
        return self.text("title", lang) or self.text("name", lang) or self.id


def in_lang(texts: dict | None, lang: str) -> str:
    """A text of a {fr, en} mapping in a language, else in the other language."""
    texts = texts or {}
    return texts.get(lang) or texts.get(routes.other_lang(lang)) or ""


class Bilingual:
    """Items whose text fields are {fr, en} mappings."""

    def text(self, name: str, lang: str) -> str:
        """A text field in a language, else in the other language."""
        return in_lang(getattr(self, name), lang)


def chronological(when) -> tuple:
    """A date or a date and time as a key that sorts both together (a day before its hours)."""
    return (when.date(), when.time()) if isinstance(when, dt.datetime) else (when, dt.time())


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by dashes."""
    return "-".join(re.findall(r"[a-z0-9]+", unidecode(str(text)).lower()))[:80].strip("-")


def read_kind(root: Path, kind: Kind, refs: References) -> tuple[list, list[Problem]]:
    """Read, validate and make every item of a kind; return the items and every problem."""
    items, problems, seen = [], [], {}
    for file in kind_files(root, kind):
        shown = file.relative_to(root).as_posix()
        try:
            doc, more = load(file, shown)
        except YamlError as exc:
            problems.append(exc.problem)
            continue
        problems += more
        for parts, value, default_id in _entries(doc, kind, file):
            item, found = _item(doc, parts, value, default_id, kind, refs)
            problems += found
            if item is None:
                continue
            if item.slug in seen:
                problems.append(doc.problem(parts, _where(parts, "id"),
                                            f'"{item.slug}" is already used by {seen[item.slug]}; '
                                            "expected one item per id"))
                continue
            seen[item.slug] = f"{shown}:{item.line}"
            items.append(item)
    return items, problems


def kind_files(root: Path, kind: Kind) -> list[Path]:
    """A kind's files: its one file, or the YAML files of its folder (not an importer's
    `*.mapping.yaml`)."""
    path = root / kind.folder
    if path.suffix in (".yaml", ".yml"):
        return [path] if path.is_file() else []
    return sorted(f for f in path.glob("*.y*ml") if not f.name.endswith(".mapping.yaml")) \
        if path.is_dir() else []


def _entries(doc: Located, kind: Kind, file: Path) -> list[tuple[tuple, object, str]]:
    """The items of a file, each with its default id: the file itself (named by the file),
    or its list's entries, with the file's other keys as their defaults (an organiser's list
    of events; each entry's id then comes from its title unless it gives one)."""
    data = doc.data
    if isinstance(data, dict) and isinstance(data.get(kind.list_key), list):
        shared = {k: v for k, v in data.items() if k not in (kind.list_key, "id")}
        return [((kind.list_key, i), {**shared, **entry} if isinstance(entry, dict) else entry,
                 "") for i, entry in enumerate(data[kind.list_key])]
    return [((), data, file.stem)]


def _item(doc: Located, parts: tuple, value, default_id: str, kind: Kind, refs: References):
    """Validate one item; make what its pages show. (None, problems) when it is bad."""
    ctx = Context(doc)
    given = value.pop("id", None) if isinstance(value, dict) else None
    cleaned = kind.schema(refs)(value, parts, ctx)
    if cleaned is INVALID or ctx.problems:
        return None, ctx.problems
    title = cleaned.get("title") or cleaned.get("name") or ""
    title = title.get(routes.DEFAULT_LANG) or next(iter(title.values()), "") \
        if isinstance(title, dict) else title
    item_id = str(given or default_id or slugify(title))
    if not SLUG.fullmatch(item_id):
        return None, [doc.problem(parts + ("id",), _where(parts, "id"),
                                  f'expected an id of lowercase-words-with-dashes, got '
                                  f'"{item_id}"')]
    item = Item(kind.name, item_id, item_id, cleaned, doc.path, doc.where(parts)[0])
    return (item, []) if kind.make is None else kind.make(item, doc, parts, refs)


def _where(parts: tuple, name: str) -> str:
    return key_path(parts + (name,))
