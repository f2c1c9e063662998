"""What the directory is made of: sources, records, and merged businesses with provenance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vitrine.problems import Problem


@dataclass(frozen=True)
class Category:
    """A directory category with its labels and the audiences it serves."""

    slug: str
    fr: str
    en: str
    audiences: tuple[str, ...]
    schema_type: str = "LocalBusiness"
    aliases: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass
class Taxonomy:
    """Every category, by slug."""

    categories: dict[str, Category] = field(default_factory=dict)


@dataclass(frozen=True)
class Mrc:
    """A regional county municipality."""

    slug: str
    name: str


@dataclass(frozen=True)
class Municipality:
    """A town of the region, with its MRC and coordinates."""

    slug: str
    name: str
    mrc: str
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()


@dataclass
class Territory:
    """The region: its name, bounds, MRCs and municipalities."""

    region_name: str = ""
    bounds: dict = field(default_factory=dict)
    area_code: str = ""
    mrcs: dict[str, Mrc] = field(default_factory=dict)
    municipalities: dict[str, Municipality] = field(default_factory=dict)


@dataclass
class Source:
    """One local source: who sends it, under which licence, and how many records it holds."""

    id: str
    name: str
    owner: str
    licence: str
    retrieved: dt.date
    url: str | None
    path: str
    # out of repr, which page keys hash (vitrine/page_cache.py): a source gaining a record
    # must not re-render every business page naming it. The open-data page, the one page
    # showing the counts, has them in its own values.
    record_count: int = field(default=0, repr=False)


@dataclass
class Record:
    """One validated business entry of one source."""

    source: str
    id: str
    path: str
    line: int | None
    values: dict

    @property
    def ref(self) -> str:
        """Return the reference editors use in overrides: source:id."""
        return f"{self.source}:{self.id}"


@dataclass(frozen=True)
class Provenance:
    """Where a merged business's data came from: a source, a record id, a file and line."""

    source: str
    record_id: str
    path: str
    line: int | None


@dataclass
class Conflict:
    """A field on which contributing sources disagree, and the value that was kept."""

    field: str
    values: list[tuple[object, list[str]]]
    chosen: object


@dataclass
class Business:
    """A business of the unified directory, merged from one or more records."""

    slug: str
    name: str
    category: str
    municipality: str
    address: str = ""
    postal_code: str = ""
    lat: float | None = None
    lon: float | None = None
    phone: str = ""
    email: str = ""
    website: str = ""
    neq: str = ""
    description: dict = field(default_factory=lambda: {"fr": "", "en": ""})
    audiences: list[str] = field(default_factory=list)
    hours: dict = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    sources: list[Provenance] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    other_phones: list[str] = field(default_factory=list)
    other_emails: list[str] = field(default_factory=list)
    hours_note: str = ""
    review: list[str] = field(default_factory=list)  # why a steward must still classify it


@dataclass
class Evidence:
    """Why two records were (or almost were) judged the same business."""

    a: str
    b: str
    score: float
    reasons: list[str]


@dataclass
class Directory:
    """The unified directory and everything a steward needs to review it."""

    businesses: list[Business] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    taxonomy: Taxonomy = field(default_factory=Taxonomy)
    territory: Territory = field(default_factory=Territory)
    problems: list[Problem] = field(default_factory=list)
    merged: list[Evidence] = field(default_factory=list)
    near_misses: list[Evidence] = field(default_factory=list)
    rejected: list[tuple[str, list[Problem]]] = field(default_factory=list)
    held: list[Business] = field(default_factory=list)  # no town yet: not published
