"""Join records of the same business into one, keeping provenance, conflicts and evidence."""

from __future__ import annotations

from vitrine.directory.checks import format_phone
from vitrine.directory.matching import MATCH, candidate_pairs, keys_of, name_key, scored_pairs
from vitrine.directory.model import Business, Conflict, Evidence, Provenance, Record, Source
from vitrine.directory.overrides import Overrides
from vitrine.directory.slugs import assign_slugs

CHOSEN_FIELDS = ("category", "address", "postal_code", "phone", "email", "website", "neq")


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

    def blocker(self, a: int, b: int) -> str | None:
        """Say why groups a and b may not be joined, or None."""
        if self.sources[a] & self.sources[b]:
            return "both groups hold a record of the same source"
        small, large = sorted((a, b), key=lambda g: len(self.members[g]))
        if any(self.cannot.get(m, set()) & self.members[large] for m in self.members[small]):
            return "an editor said these are different businesses"
        return None

    def union(self, i: int, j: int, force: bool = False) -> str | None:
        """Join the groups of i and j; return the reason when refused."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return None
        reason = None if force else self.blocker(a, b)
        if reason:
            return reason
        self.parent[b] = a
        self.members[a] |= self.members.pop(b)
        self.sources[a] |= self.sources.pop(b)
        return None

    def groups(self) -> list[list[int]]:
        return [sorted(m) for m in self.members.values()]


def merge(records: list[Record], sources: dict[str, Source], overrides: Overrides,
          categories: dict) -> tuple[list[Business], list[Evidence], list[Evidence]]:
    """Merge records into businesses; return them with merge evidence and near misses."""
    keys = [keys_of(r.values) for r in records]
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
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    for value, i, j, reasons in scored:
        evidence = Evidence(records[i].ref, records[j].ref, value, reasons)
        if value < MATCH:
            if groups.find(i) != groups.find(j):
                near.append(evidence)
            continue
        refused = groups.union(i, j)
        if refused:
            if groups.find(i) != groups.find(j):
                evidence.reasons.append(f"not merged: {refused}")
                near.append(evidence)
        else:
            merged.append(evidence)
    businesses = [build_group([records[i] for i in g], sources, overrides, categories)
                  for g in groups.groups()]
    assign_slugs(businesses)
    businesses.sort(key=lambda b: b.slug)
    return businesses, merged, near


def build_group(records: list[Record], sources: dict[str, Source], overrides: Overrides,
                categories: dict) -> Business:
    """Make one business (without its slug) from the records judged the same business."""
    return build(sorted(records, key=lambda r: _recency(r, sources)), overrides, categories)


def _recency(record: Record, sources: dict[str, Source]):
    source = sources.get(record.source)
    return (-(source.retrieved.toordinal() if source else 0), record.source, record.id)


def build(records: list[Record], overrides: Overrides, categories: dict) -> Business:
    """Make one business from its records, most recent source first."""
    first = records[0].values
    names = [r.values["name"] for r in records]
    # the richest spelling: not shouted in capitals, accents kept; then the newest source
    name = min(names, key=lambda n: (n.isupper(), len(n) - len(n.encode())))
    business = Business(slug="", name=name, category=first["category"],
                        municipality=first["municipality"], names=sorted(set(names)))
    for field in CHOSEN_FIELDS:
        _choose(business, field, records)
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
    overrides.apply(business, records)
    return business


def _normal(field: str, value) -> str:
    if field == "phone":
        return "".join(c for c in value if c.isdigit())
    if field == "website":
        return value.lower().split("://")[-1].removeprefix("www.").rstrip("/")
    if field == "address":
        return name_key(value)
    return str(value).strip().lower()


def _choose(business: Business, field: str, records: list[Record]) -> None:
    values: dict[str, tuple[object, list[str]]] = {}
    for record in records:
        value = record.values.get(field)
        if value:
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
