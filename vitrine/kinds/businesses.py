"""The directory as a kind of the registry: declared here, built by vitrine/directory/."""

from __future__ import annotations

from vitrine.directory import schema
from vitrine.kinds import Kind

KIND = Kind(
    name="businesses",
    files="data/sources",
    sections={"fr": "entreprises", "en": "businesses"},
    schema=lambda refs: schema.business_record(lambda: refs.categories, lambda: refs.towns),
    doc="One file per local source (`data/sources/<source>.yaml`) or a folder of one file per "
        "business; merged into one directory (see below).",
    templates={"item": "directory/business", "list": "directory/index"},
    list_key="businesses",
    links=("towns",),
    built_by_its_own_generator=True,
)
