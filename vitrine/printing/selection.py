"""Choose the businesses to print by town, MRC and category; name unknown slugs plainly."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from vitrine.directory.model import Business, Directory

_KINDS = (("town", "towns"), ("MRC", "mrcs"), ("category", "categories"))


class SelectionError(ValueError):
    """A selection names an unknown slug or matches no business; one line per problem."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class Selection:
    """Slugs to keep: any of the towns, any of the MRCs, any of the categories (all if empty)."""

    towns: tuple[str, ...] = ()
    mrcs: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    def label(self) -> str:
        """Name the selection for a file name: amos, abitibi-restaurant, or all."""
        return "-".join(self.towns + self.mrcs + self.categories) or "all"

    def describe(self) -> str:
        """Say the selection in words: town amos and category garage."""
        parts = [f"{kind} {', '.join(getattr(self, attr))}" for kind, attr in _KINDS
                 if getattr(self, attr)]
        return " and ".join(parts) or "the whole directory"


def _unknown(kind: str, slugs: tuple[str, ...], known) -> list[str]:
    lines = []
    for slug in slugs:
        if slug in known:
            continue
        close = difflib.get_close_matches(slug, sorted(known), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        lines.append(f"unknown {kind} '{slug}'{hint}")
    return lines


def select(directory: Directory, selection: Selection) -> list[Business]:
    """Return the selected businesses sorted by town then name; raise SelectionError."""
    territory, categories = directory.territory, directory.taxonomy.categories
    problems = (_unknown("town", selection.towns, territory.municipalities)
                + _unknown("MRC", selection.mrcs, territory.mrcs)
                + _unknown("category", selection.categories, categories))
    if problems:
        raise SelectionError(problems)

    def kept(b: Business) -> bool:
        town = territory.municipalities[b.municipality]
        return ((not selection.towns or b.municipality in selection.towns)
                and (not selection.mrcs or town.mrc in selection.mrcs)
                and (not selection.categories or b.category in selection.categories))

    chosen = [b for b in directory.businesses if kept(b)]
    if not chosen:
        raise SelectionError([f"no business matches {selection.describe()}"])
    return sorted(chosen, key=lambda b: (b.municipality, b.name.casefold(), b.slug))
