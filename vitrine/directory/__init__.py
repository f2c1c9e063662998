"""The unified business directory: load every source, validate, merge, report."""

from __future__ import annotations

from pathlib import Path

from vitrine.directory.loading import load_sources, load_taxonomy, load_territory
from vitrine.directory.merge import merge
from vitrine.directory.model import Business, Directory
from vitrine.directory.overrides import load_overrides
from vitrine.gcpause import gc_paused

__all__ = ["Business", "Directory", "load_directory"]


def load_directory(root: Path, source_cache=None) -> Directory:
    """Load data/ under root into a merged directory; bad records are skipped and reported.

    A SourceCache (vitrine.directory.source_cache) spares reading unchanged sources again.
    """
    with gc_paused():
        return _load(Path(root), source_cache)


def _load(root: Path, source_cache) -> Directory:
    territory, problems = load_territory(root)
    taxonomy, more = load_taxonomy(root)
    problems += more
    sources, records, more, rejected = load_sources(root, taxonomy, territory, territory.bounds,
                                                    source_cache)
    problems += more
    overrides, more = load_overrides(root)
    problems += more + overrides.unknown_refs({r.ref for r in records})
    businesses, merged, near = merge(records, sources, overrides, taxonomy.categories)
    return Directory(businesses, sources, taxonomy, territory, sorted(problems), merged, near,
                     rejected)
