"""Open data: every merged business with its provenance and licences, as JSON, CSV, GeoJSON."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from vitrine.directory.model import Business, Directory
from vitrine.jsontext import dumps_by_line

CSV_FIELDS = ("slug", "name", "category", "municipality", "mrc", "address", "postal_code",
              "lat", "lon", "phone", "email", "website", "neq", "description_fr",
              "description_en", "audiences", "sources", "licences")


def _licences(d: Directory, b: Business) -> list[str]:
    return sorted({d.sources[p.source].licence for p in b.sources if p.source in d.sources})


def business_data(d: Directory, b: Business) -> dict:
    """One business as open data, with the sources and record ids it came from."""
    town = d.territory.municipalities.get(b.municipality)
    return {
        "slug": b.slug, "name": b.name,
        "category": b.category if b.category in d.taxonomy.categories else "",
        "municipality": b.municipality, "mrc": town.mrc if town else None,
        "address": b.address, "postal_code": b.postal_code, "lat": b.lat, "lon": b.lon,
        "phone": b.phone, "other_phones": b.other_phones, "email": b.email,
        "other_emails": b.other_emails, "website": b.website, "neq": b.neq,
        "description": b.description, "audiences": b.audiences, "hours": b.hours,
        "tags": b.tags,
        "provenance": [{"source": p.source, "record_id": p.record_id} for p in b.sources],
        "licences": _licences(d, b),
    }


def _cell(value) -> object:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _sources(d: Directory) -> list[dict]:
    return [{"id": s.id, "name": s.name, "owner": s.owner, "licence": s.licence,
             "retrieved": s.retrieved.isoformat(), "url": s.url} for s in d.sources.values()]


def csv_text(rows: list[dict]) -> str:
    """The CSV export of open-data rows: one line per business, CSV_FIELDS in order."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**{k: _cell(row[k]) for k in CSV_FIELDS if k in row},
                         "description_fr": _cell(row["description"]["fr"]),
                         "description_en": _cell(row["description"]["en"]),
                         "audiences": " ".join(row["audiences"]),
                         "sources": " ".join(f"{p['source']}:{p['record_id']}"
                                             for p in row["provenance"]),
                         "licences": " ".join(row["licences"])})
    return buffer.getvalue()


def write_selection(d: Directory, rows: list[dict], folder: Path, stem: str) -> list[Path]:
    """Write <stem>.json and <stem>.csv of some businesses' rows (business_data), with the
    full export's fields: the region, every source, the businesses."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{stem}.json", folder / f"{stem}.csv"]
    _atomic_write(paths[0], dumps_by_line({"region": d.territory.region_name,
                                           "sources": _sources(d), "businesses": rows}))
    _atomic_write(paths[1], csv_text(rows))
    return paths


def write_exports(d: Directory, out_dir: Path) -> list[Path]:
    """Write entreprises.json, entreprises.csv and entreprises.geojson into out_dir."""
    rows = [business_data(d, b) for b in d.businesses]
    paths = [*write_selection(d, rows, out_dir, "entreprises"), out_dir / "entreprises.geojson"]
    features = []
    for row in rows:
        town = d.territory.municipalities.get(row["municipality"])
        lat, lon, precision = row["lat"], row["lon"], "address"
        if lat is None and town:
            lat, lon, precision = town.lat, town.lon, "municipality"
        if lat is None:
            continue
        properties = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        features.append({"type": "Feature", "geometry": {"type": "Point",
                                                        "coordinates": [lon, lat]},
                         "properties": {**properties, "precision": precision}})
    _atomic_write(paths[2], json.dumps({"type": "FeatureCollection", "features": features},
                                       ensure_ascii=False))
    return paths
