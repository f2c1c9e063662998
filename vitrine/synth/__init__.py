"""Synthetic regions of any size, written deterministically from a seed (tests, benchmarks)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from vitrine.synth import content, region


@dataclass
class Synthetic:
    """What a synthetic region holds: its folder and its counts."""

    root: Path
    businesses: int
    records: int
    stories: int
    sources: int
    municipalities: int


def write_synthetic_region(out: Path, businesses: int, stories: int, sources: int = 4,
                           seed: int = 1) -> Synthetic:
    """Write content/ and data/ of a complete region under out (the same for the same seed)."""
    if sources < 1:
        raise ValueError("a region needs at least one source")
    out = Path(out)
    data, pages = out / "data", out / "content"
    data.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    terr = region.territory(rng)
    region.write_territory(data, terr)
    region.write_taxonomy(data)
    entities = region.businesses(rng, businesses, terr)
    per_source = region.write_sources(rng, data, entities, sources)
    region.write_overrides(data, per_source)
    covers = content.write_covers(pages, seed)
    content.write_windows(pages)
    content.write_stories(pages, stories, terr["municipalities"], covers, random.Random(seed + 1))
    return Synthetic(out, businesses, sum(len(s) for s in per_source), stories, sources,
                     len(terr["municipalities"]))
