"""Turn mapped rows into source records, noting every repaired or refused value."""

from __future__ import annotations

import hashlib

from vitrine.directory.matching import name_key
from vitrine.importer import normalize

SIMPLE = {"phone": normalize.phone, "website": normalize.url, "email": normalize.email,
          "postal_code": normalize.postal_code}


def stable_id(record: dict) -> str:
    """Derive an id from the normalised name and town, for sources without one."""
    key = f"{name_key(record['name'])}|{record['municipality']}"
    return "k" + hashlib.sha1(key.encode()).hexdigest()[:10]


def convert(table, mapping, territory, categories) -> tuple[list[dict], list[str], int]:
    """Return (records, report lines, rejected row count)."""
    towns = normalize.town_index(territory)
    records, report, rejected, seen = [], [], 0, set()
    for row, label in zip(table.rows, table.labels, strict=True):
        def cell(field, row=row):
            column = mapping.columns.get(field)
            return (row.get(column) or "").strip() if column else ""

        def note(field, raw, verdict, value=None, label=label):
            column = mapping.columns.get(field, field)
            if value is None:
                report.append(f'{label}: column "{column}" -> {field}: rejected "{raw}" '
                              f"({verdict})")
            else:
                report.append(f'{label}: column "{column}" -> {field}: {verdict} "{raw}" '
                              f'to "{value}"')

        record: dict = {}
        name = normalize.plain_text(cell("name"))[0]
        town, why = normalize.town(cell("municipality"), towns)
        slug, why_category = normalize.category(cell("category"), mapping.categories,
                                                categories)
        problems = [(f, r, w) for f, r, w in (("name", cell("name"), None if name else "missing"),
                                              ("municipality", cell("municipality"), why),
                                              ("category", cell("category"), why_category))
                    if w or not r]
        if problems:
            for field, raw, verdict in problems:
                note(field, raw, verdict or "missing")
            report.append(f"{label}: row rejected (name, municipality and category are "
                          "required)")
            rejected += 1
            continue
        record.update(name=name, category=slug, municipality=town)
        if cell("address"):
            record["address"] = normalize.plain_text(cell("address"))[0]
        for field, rule in SIMPLE.items():
            raw = cell(field)
            if raw:
                value, verdict = rule(raw)
                if verdict:
                    note(field, raw, verdict, value)
                if value is not None:
                    record[field] = value
        if cell("lat") and cell("lon"):
            lat, lon, verdict = normalize.coordinates(cell("lat"), cell("lon"), territory.bounds)
            if verdict:
                note("lat", f"{cell('lat')}, {cell('lon')}", verdict,
                     None if lat is None else f"{lat}, {lon}")
            if lat is not None:
                record.update(lat=lat, lon=lon)
        if cell("neq"):
            record["neq"] = "".join(c for c in cell("neq") if c.isdigit())
        description = {}
        for lang in ("fr", "en"):
            raw = cell(f"description_{lang}")
            if raw:
                value, verdict = normalize.plain_text(raw)
                if verdict:
                    note(f"description_{lang}", raw[:40], verdict, value[:40])
                description[lang] = value[:5000]
        if description:
            record["description"] = description
        record_id = cell("id") or stable_id(record)
        if record_id in seen:
            report.append(f'{label}: row rejected (id "{record_id}" already used above)')
            rejected += 1
            continue
        seen.add(record_id)
        records.append({"id": record_id, **record})
    return records, report, rejected


def diff(old: list[dict], new: list[dict]) -> dict[str, list[str]]:
    """Compare a source's records before and after an import, by id."""
    before = {str(r.get("id")): r for r in old if isinstance(r, dict)}
    after = {r["id"]: r for r in new}
    return {"added": sorted(set(after) - set(before)),
            "removed": sorted(set(before) - set(after)),
            "changed": sorted(i for i in set(after) & set(before) if after[i] != before[i])}
