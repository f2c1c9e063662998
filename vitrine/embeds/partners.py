"""data/partners.yaml: the partners who embed the directory and the origins that may frame it.

```yaml
partners:
  - name: Ville d'Amos
    territory: amos                          # an MRC or a town of data/territory.yaml
    origins: [https://www.ville.amos.qc.ca]  # the sites whose pages may show the embed
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from vitrine.directory.checks import KnownSlug
from vitrine.problems import Problem, show
from vitrine.schema import INVALID, Check, Field, ListOf, Record, Text, validate
from vitrine.yamlfile import YamlError, load

FILE = "data/partners.yaml"
ORIGIN = re.compile(r"https?://[a-z0-9.-]+(?::[0-9]{1,5})?")


@dataclass(frozen=True)
class Partner:
    """A town, MRC or chamber that embeds its territory's directory on its own site."""

    name: str
    territory: str
    origins: tuple[str, ...]


class Origin(Check):
    """A web origin: scheme, host and optional port, nothing after."""

    expected = "a web origin such as https://www.ville.amos.qc.ca (no path)"

    def __call__(self, value, parts, ctx):
        if not isinstance(value, str) or not ORIGIN.fullmatch(value.strip().lower()):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        return value.strip().lower()


def partners_schema(territories: set[str]) -> Record:
    """Return the schema of data/partners.yaml, checking territories against the region's."""
    partner = Record(fields=[
        Field("name", Text(max_length=160), required=True, doc="The partner's name."),
        Field("territory", KnownSlug(lambda: territories, expected="an MRC or a town of "
                                     "data/territory.yaml"), required=True,
              doc="The territory it embeds: an MRC (and its towns) or a town."),
        Field("origins", ListOf(Origin(), min_items=1), required=True,
              doc="The origins of its sites, which may frame the embed."),
    ])
    return Record(fields=[Field("partners", ListOf(partner, single_ok=False), default=list,
                                doc="The partners, one entry each.")])


def load_partners(root: Path, territories: set[str]) -> tuple[list[Partner], list[Problem]]:
    """Read and check data/partners.yaml (none when absent); a bad entry is skipped."""
    path = Path(root) / FILE
    if not path.is_file():
        return [], []
    try:
        doc, problems = load(path, FILE)
    except YamlError as error:
        return [], [error.problem]
    if problems:
        return [], problems
    value, problems = validate(partners_schema(territories), doc)
    if value is INVALID:
        return [], problems
    partners = [Partner(p["name"], p["territory"], tuple(p["origins"]))
                for p in value["partners"] if p is not INVALID and p["origins"]]
    return partners, problems


def frame_origins(places, partners: list[Partner]) -> dict[str, tuple[str, ...]]:
    """The origins that may frame each territory's embed: its partners', and for a town
    also its MRC's partners'."""
    allowed = {}
    for place in places:
        origins = [o for p in partners for o in p.origins if p.territory == place.slug
                   or (place.kind == "town" and p.territory == place.mrc)]
        allowed[place.slug] = tuple(dict.fromkeys(origins))
    return allowed
