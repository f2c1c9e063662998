"""Unique, readable, stable slugs for merged businesses."""

from __future__ import annotations

import re

from unidecode import unidecode

from vitrine import routes

# Frozen: a published slug must not move when the matcher learns a new legal form.
LEGAL_FORMS = {"inc", "ltee", "ltd", "limitee", "enr", "senc", "sencrl", "corp", "llc", "ltee.",
               "incorporee", "cie", "enrg"}

# Folders of the businesses section that hold no business: its lists' further pages (page/2/)
# and the categories (entreprises/categories/). A business named "Catégories" would get the
# address of the list of categories: it takes its town's name, as if another had its name.
RESERVED = frozenset({routes.PAGES} | {
    routes.section(lang, "categories").removeprefix(routes.section(lang, "businesses")).strip("/")
    for lang in routes.LANGUAGES})


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by dashes, legal forms (inc, ltée…) left out."""
    words = re.findall(r"[a-z0-9]+", unidecode(text).lower())
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return "-".join(words)[:80].strip("-") or "entreprise"


def assign_slugs(businesses) -> None:
    """Give each business slugify(name), then name-town, then name-town-2… on collisions."""
    bases = {id(b): slugify(b.name) for b in businesses}
    businesses.sort(key=lambda b: (bases[id(b)], b.municipality,
                                   b.sources[0].source if b.sources else "",
                                   b.sources[0].record_id if b.sources else ""))
    counts: dict[str, int] = {}
    for base in bases.values():
        counts[base] = counts.get(base, 0) + 1
    taken: set[str] = set()
    for b in businesses:
        base = bases[id(b)]
        slug = base if counts[base] == 1 and base not in RESERVED else f"{base}-{b.municipality}"
        candidate, n = slug, 2
        while candidate in taken:
            candidate, n = f"{slug}-{n}", n + 1
        b.slug = candidate
        taken.add(candidate)
