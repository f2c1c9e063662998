"""Turn mapped rows into source records, noting every repaired, refused or unplaced value.

Nothing is dropped silently: a row with a name is always imported. A category or town that
cannot be placed makes it a record to review (`a-classer`, with the partner's value kept
under `review:`); only a row without a name is refused.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from vitrine import routes
from vitrine.directory.normal import fold
from vitrine.importer import normalize
from vitrine.importer.hours import parse_hours
from vitrine.importer.mapping import TO_CLASSIFY, Mapping, label_key
from vitrine.importer.places import Categories, Towns, town_key
from vitrine.text import plain_text

LANGS = {"fr": "fr", "francais": "fr", "french": "fr", "en": "en", "anglais": "en",
         "english": "en"}
JOINED = ("address", "name")  # an object at their path: its parts joined in order
LIMITS = {"name": 200, "address": 200, "description": 5000, "hours_note": 500}


@dataclass
class Conversion:
    """What an import made of an export: records, report lines, counts."""

    records: list[dict] = field(default_factory=list)
    report: list[str] = field(default_factory=list)
    rejected: int = 0
    to_review: int = 0


# Frozen: an id derived from a name must stay the same from one import to the next, whatever
# the matcher's normalisation becomes.
_ID_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes",
                     "mt": "mont", "cie": "compagnie", "av": "avenue", "ave": "avenue",
                     "boul": "boulevard", "bd": "boulevard", "blvd": "boulevard", "ch": "chemin",
                     "rte": "route", "n": "nord", "s": "sud", "e": "est", "o": "ouest"}
_ID_LEGAL_FORMS = {"inc", "ltee", "ltd", "limitee", "enr", "senc", "sencrl", "corp", "llc",
                   "incorporee", "cie", "enrg"}


def stable_id(name: str, town: str) -> str:
    """Derive an id from the normalised name and town, for sources without one."""
    words = [_ID_ABBREVIATIONS.get(w, w)
             for w in re.findall(r"[a-z0-9]+", fold(name).lower().replace("'", " "))]
    key = " ".join(w for w in words if w not in _ID_LEGAL_FORMS) + f"|{town}"
    return "k" + hashlib.sha1(key.encode()).hexdigest()[:10]


class RowCells:
    """One row of the export, read through the mapping, with its report lines."""

    def __init__(self, row: dict, label: str, mapping: Mapping, report: list[str]):
        self.row, self.label, self.mapping, self.report = row, label, mapping, report

    def column(self, field_name: str) -> str:
        value = self.mapping.columns.get(field_name, field_name)
        return ", ".join(value) if isinstance(value, list) else value

    def paths(self, field_name: str) -> list[str]:
        value = self.mapping.columns.get(field_name)
        return [] if value is None else value if isinstance(value, list) else [value]

    def texts(self, field_name: str) -> list[str]:
        """The non-empty values of the field's columns, in order; a path naming an object
        ({no: 2500, rue: …}) gives its values joined."""
        out = []
        for path in self.paths(field_name):
            text = str(self.row.get(path) or "").strip()
            if not text and field_name in JOINED:
                text = ", ".join(str(v).strip() for k, v in self.row.items()
                                 if k.startswith(path + ".") and str(v).strip())
            if text:
                out.append(text)
        return out

    def below(self, field_name: str) -> dict[str, str]:
        """Values nested under the field's path: horaire.lundi → {"lundi": …}, and the
        objects of a list one by one: heures[0].jour → {"[0].jour": …}."""
        out = {}
        for path in self.paths(field_name):
            out.update({k[len(path) + (k[len(path)] == "."):]: v for k, v in self.row.items()
                        if k.startswith((path + ".", path + "[")) and str(v).strip()})
        return out

    def note(self, field_name: str, raw, verdict: str, value=None, why: str = "") -> None:
        column = self.column(field_name)
        if value is None:
            line = f'rejected "{raw}" ({verdict})'
        else:
            line = f'{verdict} "{raw}" to "{value}"' + (f" ({why})" if why else "")
        self.report.append(f'{self.label}: column "{column}" -> {field_name}: {line}')

    def text(self, field_name: str, raw: str, out_field: str | None = None) -> str:
        """Clean a text value (mojibake, Unicode, spaces, HTML), reporting what changed."""
        value, notes = plain_text(raw)
        limit = LIMITS.get(out_field or field_name)
        if limit and len(value) > limit:
            value = value[:limit].rstrip()
            notes.append(f"cut to {limit} characters")
        if notes:
            self.note(field_name, shorten(raw), "repaired", shorten(value), ", ".join(notes))
        return value


def shorten(text: str, limit: int = 60) -> str:
    """A value on one line, cut to limit characters for a report."""
    text = str(text).replace("\n", " ")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def convert(table, mapping: Mapping, territory, categories) -> Conversion:
    """Convert every row of an export through its mapping."""
    towns, guesses = Towns(territory), Categories(categories)
    out = Conversion(report=list(getattr(table, "notes", [])))
    seen: set[str] = set()
    for row, label in zip(table.rows, table.labels, strict=True):
        cells = RowCells(row, label, mapping, out.report)
        record = _record(cells, mapping, territory, categories, towns, guesses)
        if record is None:
            out.report.append(f"{label}: row rejected (no name; a record needs at least a name)")
            out.rejected += 1
            continue
        record = {"id": _record_id(cells, record, seen), **record}
        if "review" in record:
            out.to_review += 1
            reasons = "; ".join(_why(k, v, mapping) for k, v in record["review"].items())
            out.report.append(f"{label}: imported to review ({reasons})")
        out.records.append(_ordered(record))
    return out


def _record(cells: RowCells, mapping, territory, categories, towns, guesses) -> dict | None:
    names = cells.texts("name")
    name = cells.text("name", names[0]) if names else ""
    if not name:
        return None
    record: dict = {"name": name}
    review: dict[str, str] = {}
    label = cells.text("category", cells.texts("category")[0]) if cells.texts("category") else ""
    slug = mapping.category_of(label) if label else None
    if slug is None and label:
        slug, how = guesses.guess(label)
        if slug and "check" not in how:
            cells.note("category", label, "guessed", slug,
                       f"like {how}; not in the mapping's table yet")
        else:
            slug = None
    if slug not in categories:
        review["category"] = label
        slug = TO_CLASSIFY
    record["category"] = slug
    raw_town = (cells.texts("municipality") or [""])[0]
    town, how = town_of_row(cells, raw_town, mapping, towns, territory)
    if town and how:
        cells.note("municipality", raw_town, "repaired", town, how)
    if not town:
        review["municipality"] = raw_town
    record["municipality"] = town or TO_CLASSIFY
    parts = [cells.text("address", t.replace("\n", ", ")) for t in cells.texts("address")]
    if parts:
        record["address"] = ", ".join(p for p in parts if p)[:LIMITS["address"]]
    _contacts(cells, record, territory)
    if record.get("address"):
        _split_address(cells, record, review, towns)
    _description(cells, record)
    _hours(cells, record)
    if review:
        record["review"] = review
    return record


def town_of_row(cells: RowCells, raw: str, mapping: Mapping, towns: Towns, territory):
    """The town of a row: the mapping's table for this partner first, then our spellings."""
    if not raw:
        return None, None
    chosen = mapping.town_of(raw)
    if chosen is not None:
        known = chosen in territory.municipalities
        return (chosen, "the mapping's municipalities table") if known else (None, None)
    return towns.match(cells.text("municipality", raw))


_POSTAL = re.compile(r"\b([ABCEGHJ-NPRSTVXY]\d[A-Z])\s?(\d[A-Z]\d)\b", re.IGNORECASE)
_PROVINCE = re.compile(r"[\s,]*(?:\(?(?:qu[ée]bec|qc|p\.?\s?q\.?)\)?|canada)[\s,]*$", re.IGNORECASE)


def _split_address(cells: RowCells, record: dict, review: dict, towns: Towns) -> None:
    """A whole address in one cell ("41, 6e Rue, Rouyn-Noranda (Québec) J9X 1Y8"): its
    postal code and town go to their fields when those are empty, and leave the address."""
    raw = address = record["address"]
    postal = _POSTAL.search(address)
    if postal:
        record.setdefault("postal_code", f"{postal.group(1)} {postal.group(2)}".upper())
        address = (address[:postal.start()] + address[postal.end():]).strip(" ,")
    province = _PROVINCE.search(address)
    address = _PROVINCE.sub("", address)
    head, _, last = address.rpartition(",")
    town, how = towns.match(last) if head and last.strip() else (None, None)
    if town and how not in (None, "the town named in it") and not how.startswith("another"):
        town = None  # a close spelling at the end of an address may be a street's name
    given = record["municipality"] != TO_CLASSIFY or review.get("municipality")
    if town and not given:
        record["municipality"] = town
        review.pop("municipality", None)
    elif not given and head and (postal or province):  # "…, Matagami (Québec) J0Y 2A0"
        review["municipality"] = last.strip()
    if head and (town and record["municipality"] == town or not given and (postal or province)):
        address = head.strip(" ,")
    if address != raw:
        record["address"] = address
        cells.note("address", raw, "repaired", address,
                   "its town and postal code kept in their own fields")


def _contacts(cells: RowCells, record: dict, territory) -> None:
    """Phones, e-mails, site, postal code, NEQ and position: repaired, refused, reported."""
    for field_name, parse in (("phone", lambda t: normalize.phones(t, territory.area_code)),
                              ("email", normalize.emails)):
        raw = "\n".join(cells.texts(field_name))
        if not raw:
            continue
        values, notes = parse(raw)
        for note in notes:
            cells.report.append(f'{cells.label}: column "{cells.column(field_name)}" -> '
                                f"{field_name}: {note}")
        if values:
            record[field_name] = values[0]
            if len(values) > 1:
                record[f"other_{field_name}s"] = values[1:]
    for field_name, rule in (("website", normalize.url), ("postal_code", normalize.postal_code),
                             ("neq", normalize.neq)):
        texts = cells.texts(field_name)
        if texts:
            value, verdict = rule(texts[0])
            if verdict:
                cells.note(field_name, texts[0], verdict, value)
            if value is not None:
                record[field_name] = value
    lat, lon = cells.texts("lat"), cells.texts("lon")
    if lat and lon:
        y, x, verdict = normalize.coordinates(lat[0], lon[0], territory.bounds)
        if verdict:
            cells.note("lat", f"{lat[0]}, {lon[0]}", verdict, None if y is None else f"{y}, {x}")
        if y is not None:
            record.update(lat=y, lon=x)


def _description(cells: RowCells, record: dict) -> None:
    """FR/EN texts; a plain text where FR/EN is expected is in the site's default language."""
    description = {}
    nested = {LANGS.get(label_key(k)): v for k, v in cells.below("description").items()}
    for lang, raw in nested.items():
        if lang:
            description[lang] = raw
    for raw in cells.texts("description")[:1]:
        description.setdefault(routes.DEFAULT_LANG, raw)
    for lang in ("fr", "en"):
        for raw in cells.texts(f"description_{lang}")[:1]:
            description[lang] = raw
    cleaned = {lang: cells.text("description", raw) for lang, raw in sorted(description.items())}
    if any(cleaned.values()):
        record["description"] = {k: v for k, v in cleaned.items() if v}


def _hours(cells: RowCells, record: dict) -> None:
    per_day = cells.below("hours")
    said = per_day or "; ".join(cells.texts("hours"))
    if not said:
        return
    hours, unread = parse_hours(per_day or said)
    if hours:
        record["hours"] = hours
    if unread:
        note = cells.text("hours", unread, "hours_note")
        record["hours_note"] = note
        cells.report.append(f'{cells.label}: column "{cells.column("hours")}" -> hours: kept as '
                            f'a note "{shorten(note)}" (not read as opening hours)')


def _record_id(cells: RowCells, record: dict, seen: set[str]) -> str:
    """The partner's id made safe for a reference (no space, / or :), or a derived one."""
    raw = (cells.texts("id") or [""])[0]
    town = record["municipality"]
    if town == TO_CLASSIFY:
        town = town_key(record.get("review", {}).get("municipality", ""))
    record_id = re.sub(r"[\s/:]+", "-", raw).strip("-")[:64] or stable_id(record["name"], town)
    if raw and record_id != raw:
        cells.note("id", raw, "repaired", record_id)
    unique, n = record_id, 1
    while unique in seen:
        n += 1
        unique = f"{record_id}-{n}"
    if unique != record_id:
        cells.note("id", record_id, "already used above; renamed", unique)
    seen.add(unique)
    return unique


def _why(field_name: str, value: str, mapping: Mapping) -> str:
    if field_name == "municipality":
        return f'municipality "{value}" is not one of data/territory.yaml' if value else \
            "no municipality given"
    if not value:
        return "no category given"
    chosen = mapping.category_of(value)
    if chosen and chosen != TO_CLASSIFY:
        return f'category "{value}": the mapping says "{chosen}", not a category of ' \
               "data/taxonomy.yaml"
    return f'category "{value}" to classify'


ORDER = ("id", "name", "category", "municipality", "address", "postal_code", "lat", "lon",
         "phone", "other_phones", "email", "other_emails", "website", "neq", "description",
         "hours", "hours_note", "review")


def _ordered(record: dict) -> dict:
    return {k: record[k] for k in ORDER if k in record}


def diff(old: list[dict], new: list[dict]) -> dict[str, list[str]]:
    """Compare a source's records before and after an import, by id."""
    before = {str(r.get("id")): r for r in old if isinstance(r, dict)}
    after = {r["id"]: r for r in new}
    return {"added": sorted(set(after) - set(before)),
            "removed": sorted(set(before) - set(after)),
            "changed": sorted(i for i in set(after) & set(before) if after[i] != before[i])}


def changed_fields(old: dict, new: dict) -> list[str]:
    """The fields whose value differs between two versions of a record."""
    return [k for k in ORDER if old.get(k) != new.get(k)]


def print_changes(old: list[dict], new: list[dict], changes: dict, name_of,
                  fields_of=changed_fields) -> None:
    """Say what this export changed since the last import, item by item (its name, or the
    fields that changed)."""
    before = {str(r.get("id")): r for r in old if isinstance(r, dict)}
    after = {r["id"]: r for r in new}
    for item_id in changes["added"]:
        print(f"added {item_id}: {name_of(after[item_id])}")
    for item_id in changes["changed"]:
        print(f"changed {item_id}: {', '.join(fields_of(before[item_id], after[item_id]))}")
    for item_id in changes["removed"]:
        print(f"removed {item_id}: {name_of(before[item_id])}")
