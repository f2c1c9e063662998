"""The directory as the small JSON that filters, "near me" and maps load in the browser."""

from __future__ import annotations

import json
import os
from pathlib import Path

from vitrine import routes
from vitrine.directory.schema import TO_CLASSIFY

FILE = "index.json"  # beside the business pages of each language
FIELDS = ("slug", "name", "category", "town", "lat", "lon", "hours", "audiences")


def client_data(directory, lang: str, businesses_url: str, timezone: str) -> dict:
    """Return only what the browser needs to filter, sort by distance and map businesses."""
    categories = directory.taxonomy.categories
    towns = directory.territory.municipalities
    used_categories = {b.category for b in directory.businesses}
    used_towns = {b.municipality for b in directory.businesses}
    return {
        "base": businesses_url,
        "timezone": timezone,
        "categories": {slug: c[lang] for slug, c in
                       sorted(categories.items(), key=lambda kv: kv[1][lang].casefold())
                       if slug in used_categories},
        "towns": {slug: {"name": t.name, "lat": t.lat, "lon": t.lon} for slug, t in
                  sorted(towns.items(), key=lambda kv: kv[1].name.casefold())
                  if slug in used_towns},
        "fields": list(FIELDS),
        "businesses": [client_row(b) for b in directory.businesses],
    }


def client_row(b) -> list:
    """A business as the browser gets it: the values of FIELDS, in order."""
    category = "" if b.category == TO_CLASSIFY else b.category  # no category list holds it
    return [b.slug, b.name, category, b.municipality, _coord(b.lat), _coord(b.lon),
            _hours(b.hours), list(b.audiences)]


def _coord(value):
    """Round a coordinate to about 1 m: smaller file, no false precision."""
    return None if value is None else round(float(value), 5)


def _hours(hours: dict | None) -> dict | None:
    """Keep the days with known hours; None when none is known."""
    known = {day: value for day, value in (hours or {}).items() if value}
    return known or None


def dumps(data: dict) -> str:
    """Serialise compactly: this file travels to phones."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_client_data(directory, output: Path, lang: str, settings) -> Path:
    """Write a language's client data into a built site (atomically: a preview updates it live)."""
    folder = routes.section(lang, "businesses")
    path = Path(output) / folder / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    data = client_data(directory, lang, f"{settings.get('SITEURL', '')}/{folder}",
                       settings.get("TIMEZONE", "UTC"))
    fresh = path.with_name(f".{FILE}.tmp")  # one name: a writer stopped midway leaves no other
    fresh.write_text(dumps(data), encoding="utf-8")
    os.replace(fresh, path)
    return path
