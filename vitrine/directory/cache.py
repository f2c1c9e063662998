"""Keep the merged directory between builds, keyed by the bytes of data/ and of the code.

When data/ changed, sources whose bytes did not change come from .cache/directory/sources/.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import shutil
from pathlib import Path

from vitrine.directory import Loading
from vitrine.directory.model import Directory
from vitrine.directory.source_cache import UNREADABLE, SourceCache, hash_files
from vitrine.gcpause import gc_paused
from vitrine.links import link_or_copy

__all__ = ["PACKAGE", "CachedLoading", "code_version", "data_key", "files_of", "hash_files",
           "load_cached"]

log = logging.getLogger(__name__)
PACKAGE = Path(__file__).resolve().parents[1]


@functools.cache
def code_version() -> str:
    """Hash the vitrine package's Python files: a changed merge rule invalidates caches.

    Once per process: the code that runs is the code imported at start.
    """
    digest = hashlib.sha256()
    hash_files(digest, PACKAGE, "*.py")
    hash_files(digest, PACKAGE / "directory" / "templates")  # the steward's report
    return digest.hexdigest()


def data_key(root: Path) -> str:
    """Hash every file under root/data and the code that reads them."""
    digest = hashlib.sha256(code_version().encode())
    hash_files(digest, Path(root) / "data")
    return digest.hexdigest()[:32]


def load_cached(root: Path, cache_dir: Path | None, key: str | None = None) -> Directory:
    """Return the merged directory of root, from cache_dir when data/ has not changed.

    key is data_key(root), when the caller already has it.
    """
    loading = CachedLoading(root, cache_dir, key)
    directory = loading.result()
    loading.keep(directory)
    return directory


class CachedLoading:
    """The merged directory of root: from cache_dir when data/ has not changed, else loaded.

    Started, the sources that changed are read in worker processes while the caller goes
    on (a build reads its stories meanwhile); result() returns the directory.
    """

    def __init__(self, root: Path, cache_dir: Path | None, key: str | None = None):
        self.root, self.cache_dir = Path(root), cache_dir
        self.path = None
        if cache_dir is not None:
            self.path = Path(cache_dir) / f"{key or data_key(self.root)}.pickle"
        self.loading = None
        if self.path is None or not self.path.is_file():
            self.loading = self._start()

    def _start(self) -> Loading:
        if self.cache_dir is None:
            return Loading(self.root)
        return Loading(self.root, SourceCache(Path(self.cache_dir) / "sources", code_version()))

    def result(self) -> Directory:
        """Return the directory: unpickled, or merged (keep() stores it for the next build)."""
        if self.loading is None:
            try:
                with self.path.open("rb") as cached, gc_paused(freeze=True):
                    return pickle.load(cached)
            except UNREADABLE as error:
                log.info("directory cache %s unreadable (%s); merging again", self.path, error)
                self.loading = self._start()
        return self.loading.result()

    def keep(self, directory: Directory) -> None:
        """Store a directory this loading merged for the next build (4 s at 50,000).

        A build does it in a page worker, beside the pages. Nothing to do when it came
        from the cache.
        """
        if self.loading is not None and self.path is not None:
            _keep(directory, self.path)


def _keep(directory: Directory, path: Path) -> None:
    """Write the merged directory to path, replacing the pickles and exports of older data."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob("*.pickle"):
        if old != path:
            old.unlink()
    for old in path.parent.glob("*.files"):  # what files_of() kept for older data
        if old.stem != path.stem:  # this data's: being made now, by another page worker
            shutil.rmtree(old, ignore_errors=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as out:
        pickle.dump(directory, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def files_of(cache_dir: Path | None, key: str | None, name: str, target: Path,
             write) -> list[Path]:
    """Put in target the files write(folder) makes from the merged directory of a data key.

    They are made once per key into cache_dir/<key>.files/<name>/ and hard-linked from there
    (replacing files of the same name): a story or template edit does not write the
    open-data exports of 50,000 businesses again. Returns the files put in target.
    """
    if cache_dir is None or key is None:
        return write(target)
    kept = Path(cache_dir) / f"{key}.files" / name
    if not kept.is_dir():
        fresh = kept.with_name(f"{name}.{os.getpid()}.tmp")
        shutil.rmtree(fresh, ignore_errors=True)
        write(fresh)
        try:
            os.replace(fresh, kept)
        except OSError:  # another build of the same data made it meanwhile: use theirs
            shutil.rmtree(fresh, ignore_errors=True)
            if not kept.is_dir():
                raise
    target.mkdir(parents=True, exist_ok=True)
    placed = []
    for file in sorted(kept.iterdir()):
        fresh = target / f".{file.name}.{os.getpid()}.tmp"
        link_or_copy(file, fresh)
        os.replace(fresh, target / file.name)
        placed.append(target / file.name)
    return placed
