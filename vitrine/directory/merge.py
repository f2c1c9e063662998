"""Join records of the same business into one, keeping provenance, conflicts and evidence."""

from __future__ import annotations

import re

from vitrine.directory.checks import format_phone
from vitrine.directory.matching import CHECK, MATCH, candidate_pairs, keys_of, scored_pairs
from vitrine.directory.model import Business, Conflict, Evidence, Provenance, Record, Source
from vitrine.directory.normal import name_forms, name_key
from vitrine.directory.overrides import Overrides
from vitrine.directory.schema import TO_CLASSIFY
from vitrine.directory.slugs import assign_slugs
from vitrine.text import repair_mojibake

CHOSEN_FIELDS = ("municipality", "category", "address", "postal_code", "phone", "email",
                 "website", "neq")


class Groups:
    """Union-find over records that refuses unions two sources or an editor forbid."""

    def __init__(self, records: list[Record], cannot: dict[int, set[int]]):
        self.parent = list(range(len(records)))
        self.members = {i: {i} for i in range(len(records))}
        self.sources = {i: {r.source} for i, r in enumerate(records)}
        self.cannot = cannot

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def blocker(self, a: int, b: int, one_source: bool = False) -> str | None:
        """Say why groups a and b may not be joined, or None.

        Two records of one source join only when judged the same themselves (one_source),
        never through a third record: a chamber listing two branches keeps them apart.
        """
        if self.sources[a] & self.sources[b] and not one_source:
            return "both groups hold a record of the same source"
        small, large = sorted((a, b), key=lambda g: len(self.members[g]))
        if any(self.cannot.get(m, set()) & self.members[large] for m in self.members[small]):
            return "an editor said these are different businesses"
        return None

    def union(self, i: int, j: int, force: bool = False, one_source: bool = False) -> str | None:
        """Join the groups of i and j; return the reason when refused."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return None
        reason = None if force else self.blocker(a, b, one_source)
        if reason:
            return reason
        self.parent[b] = a
        self.members[a] |= self.members.pop(b)
        self.sources[a] |= self.sources.pop(b)
        return None

    def groups(self) -> list[list[int]]:
        return [sorted(m) for m in self.members.values()]


def merge(records: list[Record], sources: dict[str, Source], overrides: Overrides,
          categories: dict) -> tuple[list[Business], list[Evidence], list[Evidence],
                                     list[Business]]:
    """Merge records into businesses; return them with merge evidence, near misses, and the
    businesses held back for review (no town of the territory yet)."""
    keys = [keys_of(r.values, r.source) for r in records]
    index = {r.ref: i for i, r in enumerate(records)}
    groups = Groups(records, overrides.cannot_link(index))
    merged, near = [], []
    for refs in overrides.same:
        members = [index[r] for r in refs if r in index]
        for other in members[1:]:
            groups.union(members[0], other, force=True)
            merged.append(Evidence(records[members[0]].ref, records[other].ref, 1.0,
                                   ["editor: same business"]))
    scored = scored_pairs(keys, candidate_pairs(keys))
    # one source's duplicates first: each pair judged the same on its own evidence
    scored.sort(key=lambda s: (records[s[1]].source != records[s[2]].source, -s[0], s[1], s[2]))
    for value, i, j, reasons in scored:
        evidence = Evidence(records[i].ref, records[j].ref, value, reasons)
        if value < MATCH:
            if groups.find(i) != groups.find(j):
                near.append(evidence)
            continue
        refused = groups.union(i, j, one_source=records[i].source == records[j].source)
        if refused:
            if groups.find(i) != groups.find(j):
                evidence.reasons.append(f"not merged: {refused}")
                near.append(evidence)
        else:
            merged.append(evidence)
            if evidence.reasons[-1].startswith(CHECK):
                near.append(evidence)
    near.sort(key=lambda e: (-e.score, e.a, e.b))
    built = [build_group([records[i] for i in g], sources, overrides, categories)
             for g in groups.groups()]
    businesses = [b for b in built if b.municipality != TO_CLASSIFY]
    held = sorted((b for b in built if b.municipality == TO_CLASSIFY), key=lambda b: b.name)
    assign_slugs(businesses)
    businesses.sort(key=lambda b: b.slug)
    return businesses, merged, near, held


def build_group(records: list[Record], sources: dict[str, Source], overrides: Overrides,
                categories: dict) -> Business:
    """Make one business (without its slug) from the records judged the same business."""
    return build(sorted(records, key=lambda r: _recency(r, sources)), overrides, categories)


def _recency(record: Record, sources: dict[str, Source]):
    source = sources.get(record.source)
    return (-(source.retrieved.toordinal() if source else 0), record.source, record.id)


def build(records: list[Record], overrides: Overrides, categories: dict) -> Business:
    """Make one business from its records, most recent source first."""
    names = [r.values["name"] for r in records]
    # the name people know (not a numbered company's), readable (no mojibake), the richest
    # spelling (not shouted in capitals, accents kept); then the newest source's
    name = names[0] if len(names) == 1 else min(names, key=lambda n: (
        name_forms(n)[2], repair_mojibake(n) != n, n.isupper(), len(n) - len(n.encode())))
    town = next((r.values["municipality"] for r in records
                 if r.values["municipality"] != TO_CLASSIFY), TO_CLASSIFY)
    business = Business(slug="", name=name, category=TO_CLASSIFY, municipality=town,
                        names=sorted(set(names)))
    if len(records) == 1:  # most businesses: their one record's values, nothing to weigh
        values = records[0].values
        for field in CHOSEN_FIELDS:
            if values.get(field) and values[field] != TO_CLASSIFY:
                setattr(business, field, values[field])
        business.other_phones = list(values.get("other_phones") or [])
        business.other_emails = list(values.get("other_emails") or [])
    else:
        for field in CHOSEN_FIELDS:
            _choose(business, field, records)
        business.other_phones = _others(records, "phone", business.phone)
        business.other_emails = _others(records, "email", business.email)
    overrides.apply(business, records)  # before what follows from the category and town
    business.hours_note = next((r.values.get("hours_note") for r in records
                                if r.values.get("hours_note")), "")
    business.review = _review(business, records)
    located = next((r.values for r in records if r.values.get("lat") is not None), None)
    if located:
        business.lat, business.lon = located["lat"], located["lon"]
    for lang in ("fr", "en"):
        business.description[lang] = next((r.values["description"].get(lang) for r in records
                                           if (r.values.get("description") or {}).get(lang)),
                                          "")
    business.hours = next((r.values["hours"] for r in records if r.values.get("hours")), {})
    business.tags = sorted({t for r in records for t in r.values.get("tags") or []})
    audiences = {a for r in records for a in r.values.get("audiences") or []}
    category = categories.get(business.category)
    if not audiences and category:
        audiences = set(category.audiences)
    business.audiences = [a for a in ("investors", "students", "workers", "tourists")
                          if a in audiences]
    business.sources = [Provenance(r.source, r.id, r.path, r.line) for r in records]
    return business


def _others(records: list[Record], field: str, chosen: str) -> list[str]:
    """Every other phone (or e-mail) the records give, main or additional, once each."""
    seen = {_normal(field, chosen)} if chosen else set()
    out = []
    for record in records:
        for value in [record.values.get(field), *(record.values.get(f"other_{field}s") or [])]:
            if value and _normal(field, value) not in seen:
                seen.add(_normal(field, value))
                out.append(value)
    return out


def _review(business: Business, records: list[Record]) -> list[str]:
    """Why a business waits for a steward: a category or town no record could place."""
    if TO_CLASSIFY not in (business.category, business.municipality):
        return []
    reasons = []
    for field, unplaced in (("category", "category"), ("municipality", "municipality")):
        if getattr(business, field) != TO_CLASSIFY:
            continue
        said = sorted({str((r.values.get("review") or {}).get(unplaced, "")) for r in records})
        shown = ", ".join(f'"{s}"' for s in said if s) or "none given"
        reasons.append(f"{field} to classify (the source gave {shown})")
    return reasons


_NOT_DIGIT = re.compile(r"\D")


def _normal(field: str, value) -> str:
    if field == "phone":
        return _NOT_DIGIT.sub("", value)
    if field == "website":
        return value.lower().split("://")[-1].removeprefix("www.").rstrip("/")
    if field == "address":
        return name_key(value)
    return str(value).strip().lower()


def _choose(business: Business, field: str, records: list[Record]) -> None:
    values: dict[str, tuple[object, list[str]]] = {}
    for record in records:
        value = record.values.get(field)
        if value and value != TO_CLASSIFY:
            norm = _normal(field, value)
            values.setdefault(norm, (value, []))[1].append(record.source)
    if not values:
        return
    chosen = next(iter(values.values()))[0]
    setattr(business, field, chosen)
    if len(values) > 1:
        business.conflicts.append(Conflict(field, list(values.values()), chosen))


def prefer_value(field: str, value: str) -> str:
    """Normalise an editor's preferred value like the source data is."""
    return (format_phone(value) or value) if field == "phone" else value
