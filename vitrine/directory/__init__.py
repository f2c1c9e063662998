"""The unified business directory: load every source, validate, merge, report."""

from __future__ import annotations

from pathlib import Path

from vitrine.directory.loading import SourceReads, load_taxonomy, load_territory
from vitrine.directory.merge import merge
from vitrine.directory.model import Business, Directory
from vitrine.directory.overrides import load_overrides
from vitrine.gcpause import gc_paused

__all__ = ["Business", "Directory", "Loading", "load_directory"]


def load_directory(root: Path, source_cache=None) -> Directory:
    """Load data/ under root into a merged directory; bad records are skipped and reported.

    A SourceCache (vitrine.directory.source_cache) spares reading unchanged sources again.
    """
    return Loading(Path(root), source_cache).result()


class Loading:
    """A directory being loaded: its large sources read by workers while the caller goes on.

    result() waits for them and merges.
    """

    def __init__(self, root: Path, source_cache=None):
        self.root = root
        with gc_paused():
            self.territory, self.problems = load_territory(root)
            self.taxonomy, more = load_taxonomy(root)
            self.problems += more
            self.reads = SourceReads(root, self.taxonomy, self.territory,
                                     self.territory.bounds, source_cache)

    def result(self) -> Directory:
        """Wait for the sources, validate the overrides and merge."""
        with gc_paused(freeze=True):  # the directory lives as long as the caller's build
            sources, records, more, rejected = self.reads.collect()
            problems = self.problems + more
            overrides, more = load_overrides(self.root)
            problems += more + overrides.unknown_refs({r.ref for r in records})
            businesses, merged, near, held = merge(records, sources, overrides,
                                                   self.taxonomy.categories)
        return Directory(businesses, sources, self.taxonomy, self.territory, sorted(problems),
                         merged, near, rejected, held)
