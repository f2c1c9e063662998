"""The registry of data kinds: what each kind of data file is, declared once.

A kind says where its files live (`data/<kind>/`, one YAML file per item or a list per
file; or one file such as `data/contacts.yaml`), its schema, its URL sections in each
language, its templates, whether search reads its pages and which other kinds its items
name (their pages then link both ways). The
project loader (vitrine/project.py), `vitrine check`, the build (plugins/data_kinds), the
search index, the sitemap and `make docs` all read this registry. The directory is the
kind `businesses`, declared here too; its own pipeline (vitrine/directory/) builds it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from vitrine import routes
from vitrine.schema import Record

BUILT_IN = ("vitrine.kinds.businesses", "vitrine.kinds.events", "vitrine.kinds.jobs",
            "vitrine.kinds.contacts", "vitrine.kinds.figures")


@dataclass(frozen=True)
class Kind:
    """A kind of data: its files, schema, URLs, templates, search and links, in one place."""

    name: str                              # "events": data/events/, item.kind
    sections: dict[str, str]               # URL section per language: {"fr": "evenements", …}
    schema: Callable[[object], Record]     # one item's schema, given the project's References
    doc: str                               # one paragraph for docs/data.md
    templates: dict[str, str] = field(default_factory=lambda: {
        "item": "kinds/item", "list": "kinds/list"})
    list_key: str = "items"                # a file may hold several items under this key
    searchable: bool = True                # its item pages are indexed (data-pagefind-body)
    links: tuple[str, ...] = ()            # the kinds its items name: "businesses", "towns"
    make: Callable | None = None           # validated values -> the item pages show
    pages: Callable | None = None          # more pages and files than its items and list
    built_by_its_own_generator: bool = False  # the directory: vitrine/directory/, plugins/
    files: str = ""                        # its folder or its one file, when not data/<name>/
    item_pages: bool = True                # False: shown in windows and pages, none of its own
    order: Callable | None = None          # (item, today) -> sort key of the items shown
    window: Callable | None = None         # (items, audience or "home", limit) -> items shown
    shown: Callable | None = None          # (items naming a business or town) -> items shown
    review: Callable | None = None         # (items, today, settings): what the build reports

    @property
    def folder(self) -> str:
        """The folder of its files, relative to the project."""
        return self.files or f"data/{self.name}"


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add a kind (or replace one of that name); its URL sections join the site's routes."""
    _KINDS[kind.name] = kind
    if kind.sections:
        routes.add_section(kind.name, kind.sections)
    return kind


def load_kinds(modules: list[str] | tuple[str, ...] = ()) -> dict[str, Kind]:
    """The built-in kinds and those of the modules DATA_KINDS names (each defines KIND),
    registered."""
    found = {}
    for name in (*BUILT_IN, *modules):
        kind = importlib.import_module(name).KIND
        found[kind.name] = _KINDS[kind.name] if _KINDS.get(kind.name) == kind else register(kind)
    return found


def kinds() -> dict[str, Kind]:
    """The kinds registered so far."""
    return dict(_KINDS)
