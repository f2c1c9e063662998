"""The directory as the small JSON that filters, "near me" and maps load in the browser."""

from __future__ import annotations

import json

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
        "businesses": [[b.slug, b.name, b.category, b.municipality, _coord(b.lat),
                        _coord(b.lon), _hours(b.hours), list(b.audiences)]
                       for b in directory.businesses],
    }


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
