"""Keep the merged directory between builds, keyed by the bytes of data/ and of the code."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
from pathlib import Path

from vitrine.directory import load_directory
from vitrine.directory.model import Directory

log = logging.getLogger(__name__)
PACKAGE = Path(__file__).resolve().parents[1]
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
               TypeError, ValueError)


def hash_files(digest, folder: Path, pattern: str = "*") -> None:
    """Feed every file under folder (names and bytes, in a fixed order) to a hash."""
    for file in sorted(p for p in Path(folder).rglob(pattern) if p.is_file()):
        digest.update(file.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())


@functools.cache
def code_version() -> str:
    """Hash the vitrine package's Python files: a changed merge rule invalidates caches.

    Once per process: the code that runs is the code imported at start.
    """
    digest = hashlib.sha256()
    hash_files(digest, PACKAGE, "*.py")
    return digest.hexdigest()


def data_key(root: Path) -> str:
    """Hash every file under root/data and the code that reads them."""
    digest = hashlib.sha256(code_version().encode())
    hash_files(digest, Path(root) / "data")
    return digest.hexdigest()[:32]


def load_cached(root: Path, cache_dir: Path | None) -> Directory:
    """Return the merged directory of root, from cache_dir when data/ has not changed."""
    if cache_dir is None:
        return load_directory(root)
    path = Path(cache_dir) / f"{data_key(root)}.pickle"
    if path.is_file():
        try:
            with path.open("rb") as cached:
                return pickle.load(cached)
        except _UNREADABLE as error:
            log.info("directory cache %s unreadable (%s); merging again", path, error)
    directory = load_directory(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob("*.pickle"):
        old.unlink()
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as out:
        pickle.dump(directory, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    return directory
