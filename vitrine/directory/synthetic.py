"""Synthetic, labelled sources: known true businesses written by several sources, messily.

Used by the benchmark: it knows which records are the same business, so merge quality can be
measured (pairwise precision and recall), and it scales to any number of records.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from unidecode import unidecode

PREFIXES = {"restaurant": ["Restaurant", "Bistro", "Chez"], "cafe": ["Café", "Brûlerie"],
            "boulangerie": ["Boulangerie", "Pâtisserie"], "epicerie": ["Dépanneur", "Marché"],
            "hebergement": ["Auberge", "Motel", "Gîte"], "garage": ["Garage", "Mécanique"],
            "services-miniers": ["Forage", "Services miniers"], "quincaillerie": ["Quincaillerie"],
            "genie-conseil": ["Génie-conseil", "Ingénierie"], "sante": ["Clinique", "Pharmacie"]}
SYLLABLES = ["ba", "lé", "ro", "ché", "tan", "mou", "ri", "ga", "pel", "vo", "dar", "lu", "ne",
             "sau", "tré", "gon", "bel", "cas", "mar", "tin", "vil", "lon", "po", "rê"]
SAINT = ["St-Jean", "Ste-Anne", "St-Pierre", "Ste-Marie"]


@dataclass
class Labelled:
    """A synthetic project folder and the true business behind each record reference."""

    root: Path
    truth: dict[str, int]
    records: int
    businesses: int


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _entities(rng: random.Random, count: int, towns: list[str], weights: list[int]) -> list[dict]:
    out = []
    for n in range(count):
        kind = rng.choice(list(PREFIXES))
        town = rng.choices(towns, weights)[0]
        core = rng.choice(SAINT) if rng.random() < 0.05 else f"{_word(rng)}"
        if rng.random() < 0.4:
            core += f" {_word(rng)}"
        name = f"{rng.choice(PREFIXES[kind])} {core}"
        site = unidecode(name).lower().replace(" ", "-")
        entity = {"name": name, "category": kind, "municipality": town,
                  "address": f"{rng.randint(1, 2999)}, rue {_word(rng)}",
                  "phone": f"819 {200 + n // 10000:03d}-{n % 10000:04d}",
                  "website": f"https://{site}-{n}.example" if rng.random() < 0.6 else "",
                  "neq": f"{1140000000 + n}" if rng.random() < 0.5 else "",
                  "email": f"info@{site}-{n}.example" if rng.random() < 0.4 else ""}
        roll = rng.random()
        if out and roll < 0.03:  # a branch of the previous business: same name, elsewhere
            entity.update(name=out[-1]["name"], website=out[-1]["website"], neq=out[-1]["neq"])
        elif out and roll < 0.06:  # same name in another town
            entity["name"] = out[-1]["name"]
        out.append(entity)
    return out


def _messy(rng: random.Random, entity: dict) -> dict:
    entry = {k: v for k, v in entity.items() if v}
    roll = rng.random()
    if roll < 0.2:
        entry["name"] = entry["name"].upper() + " INC."
    elif roll < 0.4:
        entry["name"] = unidecode(entry["name"])
    elif roll < 0.5:
        entry["name"] = entry["name"].replace("St-", "Saint-").replace("Ste-", "Sainte-")
    elif roll < 0.55:
        entry["name"] += " enr."
    if "phone" in entry and rng.random() < 0.4:
        digits = entry["phone"].replace(" ", "").replace("-", "")
        entry["phone"] = f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    if rng.random() < 0.1:
        entry["phone"] = f"819 999-{rng.randint(0, 9999):04d}"
    for optional in ("address", "website", "email"):
        if optional in entry and rng.random() < 0.15:
            del entry[optional]
    if "address" in entry and rng.random() < 0.3:
        entry["address"] = entry["address"].replace(", rue", " rue")
    return entry


def write_region(root: Path, template: Path, records: int, sources: int = 5,
                 seed: int = 7) -> Labelled:
    """Write data/ under root with about `records` records over `sources` sources."""
    rng = random.Random(seed)
    data = root / "data" / "sources"
    data.mkdir(parents=True, exist_ok=True)
    for name in ("territory.yaml", "taxonomy.yaml"):
        shutil.copy(template / "data" / name, root / "data" / name)
    territory = yaml.safe_load((template / "data" / "territory.yaml").read_text())
    towns = [m["slug"] for m in territory["municipalities"]]
    weights = [30 if t in ("rouyn-noranda", "val-d-or") else 10 if t in ("amos", "la-sarre")
               else 2 for t in towns]
    entities = _entities(rng, round(records / 1.6), towns, weights)
    per_source: list[list[tuple[int, dict]]] = [[] for _ in range(sources)]
    for index, entity in enumerate(entities):
        first = rng.randrange(sources)
        chosen = {first} | {s for s in range(sources) if rng.random() < 0.15}
        for s in sorted(chosen):
            per_source[s].append((index, entity))
    truth, total = {}, 0
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for s, items in enumerate(per_source):
        source_id = f"source-{s + 1}"
        entries = []
        for n, (index, entity) in enumerate(items):
            record_id = f"R{n + 1}"
            entry = entity if s == 0 else _messy(rng, entity)
            entries.append({"id": record_id, **{k: v for k, v in entry.items() if v}})
            truth[f"{source_id}:{record_id}"] = index
        meta = {"name": f"Source {s + 1}", "owner": "Synthetic", "licence": "CC0-1.0",
                "retrieved": f"2026-0{s + 1}-01"}
        (data / f"{source_id}.yaml").write_text(
            yaml.dump({"source": meta, "businesses": entries}, Dumper=dumper,
                      allow_unicode=True, sort_keys=False), encoding="utf-8")
        total += len(entries)
    return Labelled(root, truth, total, len(entities))
