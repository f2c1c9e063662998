"""Keep each source's validated records between builds, one file per source, keyed by its bytes."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from pathlib import Path

log = logging.getLogger(__name__)
UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
              TypeError, ValueError)


def hash_files(digest, folder: Path, pattern: str = "*") -> None:
    """Feed every file under folder (names and bytes, in a fixed order) to a hash."""
    for file in sorted(p for p in Path(folder).rglob(pattern) if p.is_file()):
        digest.update(file.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())


class SourceCache:
    """Loaded sources on disk: a source file or folder whose bytes did not change is not read again.

    The key also covers the code (version) and what validation checks records against
    (categories, towns, bounds): changing those reloads every source.
    """

    def __init__(self, folder: Path, version: str):
        self.folder = Path(folder)
        self.version = version
        self.used: set[str] = set()

    def key(self, entry: Path, context: str) -> str:
        """Hash of a source file or folder, its name, the checks' context and the code."""
        digest = hashlib.sha256(f"{self.version}\0{context}\0{entry.name}\0".encode())
        if entry.is_dir():
            hash_files(digest, entry)
        else:
            digest.update(entry.read_bytes())
        key = digest.hexdigest()[:32]
        self.used.add(key)
        return key

    def has(self, key: str) -> bool:
        """Whether a loaded source is stored under key (get may still find it unreadable)."""
        return (self.folder / f"{key}.pickle").is_file()

    def get(self, key: str):
        """The loaded source stored under key, or None."""
        path = self.folder / f"{key}.pickle"
        if not path.is_file():
            return None
        try:
            with path.open("rb") as cached:
                return pickle.load(cached)
        except UNREADABLE as error:
            log.info("source cache %s unreadable (%s); reading the source again", path, error)
            return None

    def put(self, key: str, loaded) -> None:
        """Store a loaded source under key (written aside, then renamed)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{key}.pickle"
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as out:
            pickle.dump(loaded, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def forget_unused(self) -> None:
        """Delete stored sources no key of this load asked for (edited or removed sources)."""
        for path in self.folder.glob("*.pickle") if self.folder.is_dir() else []:
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
