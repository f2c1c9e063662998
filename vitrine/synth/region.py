"""Write the data/ half of a synthetic region: territory, taxonomy, overlapping sources."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from unidecode import unidecode

from vitrine.synth import words

BOUNDS = {"south": 46.0, "west": -80.2, "north": 49.9, "east": -75.5}
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by dashes, as the data contracts ask for slugs."""
    return "-".join(re.findall(r"[a-z0-9]+", unidecode(text).lower()))


def _q(value: str) -> str:
    """Quote a string as a YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def territory(rng: random.Random) -> dict:
    """Towns grouped in MRCs, each with coordinates inside the region's bounds."""
    mrcs, towns = [], []
    for m, (mrc, names) in enumerate(words.MRCS):
        mrcs.append({"slug": slugify(mrc), "name": mrc})
        lat0, lon0 = 46.6 + 0.5 * m, -79.6 + 0.7 * m
        for n, name in enumerate(names):
            towns.append({"slug": slugify(name), "name": name, "mrc": slugify(mrc),
                          "lat": round(lat0 + rng.uniform(-0.2, 0.2), 4),
                          "lon": round(lon0 + rng.uniform(-0.3, 0.3), 4),
                          "weight": words.CENTRE_WEIGHT if n == 0 else words.VILLAGE_WEIGHT})
    return {"mrcs": mrcs, "municipalities": towns}


def write_territory(data: Path, terr: dict) -> None:
    """Write data/territory.yaml."""
    lines = ["# Synthetic region written by vitrine synth.",
             "region: {name: Région synthétique, bounds: {south: 46.0, west: -80.2, "
             "north: 49.9, east: -75.5}}", "mrcs:"]
    lines += [f"  - {{slug: {m['slug']}, name: {_q(m['name'])}}}" for m in terr["mrcs"]]
    lines.append("municipalities:")
    for t in terr["municipalities"]:
        lines.append(f"  - {{slug: {t['slug']}, name: {_q(t['name'])}, mrc: {t['mrc']}, "
                     f"lat: {t['lat']}, lon: {t['lon']}}}")
    (data / "territory.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_taxonomy(data: Path) -> None:
    """Write data/taxonomy.yaml."""
    lines = ["categories:"]
    for slug, fr, en, audiences, schema_type, _ in words.CATEGORIES:
        lines.append(f"  - {{slug: {slug}, fr: {_q(fr)}, en: {_q(en)}, "
                     f"audiences: [{', '.join(audiences)}], schema_type: {schema_type}}}")
    (data / "taxonomy.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(words.SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _description(rng: random.Random) -> dict:
    picks = rng.sample(range(len(words.SENTENCES_FR)), rng.randint(1, 6))
    return {"fr": " ".join(words.SENTENCES_FR[i] for i in picks),
            "en": " ".join(words.SENTENCES_EN[i] for i in picks)}


def businesses(rng: random.Random, count: int, terr: dict) -> list[dict]:
    """The true businesses of the region, each complete (sources then drop and vary fields)."""
    towns = terr["municipalities"]
    weights = [t["weight"] for t in towns]
    out = []
    for n in range(count):
        cat = rng.choice(words.CATEGORIES)
        town = rng.choices(towns, weights)[0]
        core = rng.choice([_word(rng), rng.choice(words.FAMILY),
                           f"{rng.choice(words.FAMILY)} {rng.choice(words.PLACES)}",
                           f"{_word(rng)} {rng.choice(words.PLACES)}"])
        name = f"{rng.choice(cat[5])} {core}"
        site = slugify(name)
        entity = {"name": name, "category": cat[0], "municipality": town["slug"],
                  "address": f"{rng.randint(1, 2999)}, {rng.choice(words.STREETS)}",
                  "postal_code": f"J{rng.randint(0, 9)}{rng.choice('TVXYZ')} "
                                 f"{rng.randint(1, 9)}{rng.choice('ABCEGHJK')}{rng.randint(0, 9)}",
                  "lat": round(town["lat"] + rng.uniform(-0.03, 0.03), 5),
                  "lon": round(town["lon"] + rng.uniform(-0.03, 0.03), 5),
                  "phone": f"819 {rng.choice(words.EXCHANGES)}-{n % 10000:04d}",
                  "website": f"https://{site}-{n}.example" if rng.random() < 0.6 else "",
                  "email": f"info@{site}-{n}.example" if rng.random() < 0.4 else "",
                  "neq": f"{1140000000 + n}" if rng.random() < 0.5 else "",
                  "description": _description(rng),
                  "hours": ({d: "08:00-17:00" for d in DAYS[:5]} | {"sat": "10:00-16:00",
                                                                    "sun": "closed"}
                            if rng.random() < 0.5 else {}),
                  "tags": rng.sample(words.TAGS, rng.randint(0, 3))}
        out.append(entity)
    return out


def _messy(rng: random.Random, entity: dict) -> dict:
    """Another source's spelling of the same business: other case, accents, phone format."""
    entry = dict(entity)
    roll = rng.random()
    if roll < 0.2:
        entry["name"] = entry["name"].upper() + " INC."
    elif roll < 0.35:
        entry["name"] = unidecode(entry["name"])
    elif roll < 0.45:
        entry["name"] = entry["name"].replace("St-", "Saint-").replace("Ste-", "Sainte-")
    if rng.random() < 0.4:
        digits = entry["phone"].replace(" ", "").replace("-", "")
        entry["phone"] = f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    for optional in ("address", "website", "email", "hours", "lat", "tags"):
        if rng.random() < 0.2:
            entry.pop(optional, None)
    if "lat" not in entry:
        entry.pop("lon", None)  # coordinates come in pairs
    if rng.random() < 0.5:
        entry.pop("description", None)
    return entry


def _emit(record_id: str, entry: dict) -> list[str]:
    lines = [f"  - id: {_q(record_id)}"]
    for key, value in entry.items():
        if value in ("", [], {}, None):
            continue
        if key in ("lat", "lon"):
            lines.append(f"    {key}: {value}")
        elif key == "description":
            lines.append(f"    description: {{fr: {_q(value['fr'])}, en: {_q(value['en'])}}}")
        elif key == "hours":
            lines.append("    hours: {" + ", ".join(f"{d}: {_q(h)}" for d, h in value.items())
                         + "}")
        elif key == "tags":
            lines.append(f"    tags: [{', '.join(value)}]")
        else:
            lines.append(f"    {key}: {_q(value)}")
    return lines


def write_sources(rng: random.Random, data: Path, entities: list[dict],
                  sources: int) -> list[list[tuple[int, str]]]:
    """Write data/sources/*.yaml; each business in one source, some in two or more."""
    folder = data / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    per_source: list[list[tuple[int, str]]] = [[] for _ in range(sources)]
    lines: list[list[str]] = [[] for _ in range(sources)]
    for index, entity in enumerate(entities):
        first = rng.randrange(sources)
        chosen = {first} | {s for s in range(sources) if rng.random() < 0.12}
        for s in sorted(chosen):
            record_id = f"S{s + 1}-{len(per_source[s]) + 1:06d}"
            entry = entity if s == first else _messy(rng, entity)
            lines[s] += _emit(record_id, entry)
            per_source[s].append((index, record_id))
    for s in range(sources):
        head = [f"source: {{name: {_q(f'Répertoire synthétique {s + 1}')}, owner: "
                f"{_q(f'Partenaire {s + 1}')}, licence: CC-BY-4.0, retrieved: 2026-"
                f"{1 + s % 12:02d}-01, url: {_q(f'https://source-{s + 1}.example')}}}",
                "businesses:" if lines[s] else "businesses: []"]
        (folder / f"source-{s + 1}.yaml").write_text("\n".join(head + lines[s]) + "\n",
                                                     encoding="utf-8")
    return per_source


def write_overrides(data: Path, per_source: list[list[tuple[int, str]]]) -> None:
    """Write data/overrides.yaml: a same, a different and a prefer on real records."""
    refs: dict[int, list[str]] = {}
    for s, items in enumerate(per_source):
        for index, record_id in items:
            refs.setdefault(index, []).append(f"source-{s + 1}:{record_id}")
    lines = ["# Editors' decisions (synthetic)."]
    shared = [r for r in refs.values() if len(r) > 1]
    if shared:
        lines += ["same:", f"  - [{shared[0][0]}, {shared[0][1]}]"]
    singles = [r[0] for r in refs.values() if len(r) == 1]
    if len(singles) >= 2:
        lines += ["different:", f"  - [{singles[0]}, {singles[1]}]"]
    if refs:
        first = refs[min(refs)][0]
        lines += ["prefer:", f'  - {{record: {first}, field: phone, value: "819 762-0000"}}']
    (data / "overrides.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
