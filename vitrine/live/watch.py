"""Which files of a project changed between two looks at it."""

from __future__ import annotations

import os
from pathlib import Path

WATCHED = ("content", "theme", "data", "plugins", "vitrine", "pelicanconf.py")


def stamps(root: Path, names: tuple[str, ...] = WATCHED) -> dict[str, tuple[int, int]]:
    """The modification time and size of every file under names, by its path under root."""
    found = {}
    for name in names:
        top = root / name
        if top.is_file():
            found[name] = _stamp(top)
        for folder, subfolders, files in os.walk(top):
            subfolders[:] = [s for s in subfolders if not s.startswith(".") and s != "__pycache__"]
            under = Path(folder).relative_to(root).as_posix()
            for file in files:
                found[f"{under}/{file}"] = _stamp(Path(folder, file))
    return found


def changed(before: dict, after: dict) -> list[str]:
    """The paths added, removed or modified from one look to the other."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:  # deleted while the folder was walked: changed all the same
        return -1, -1
    return stat.st_mtime_ns, stat.st_size
