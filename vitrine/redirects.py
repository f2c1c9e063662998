"""data/redirects.yaml: old site paths mapped to new ones, validated."""

from __future__ import annotations

import re
from pathlib import Path

from vitrine.problems import Problem
from vitrine.yamlfile import YamlError, load

_PATH = re.compile(r"^/(?:[a-z0-9-]+/)*$")


def load_redirects(root: Path) -> tuple[dict[str, str], list[Problem]]:
    """Read data/redirects.yaml ({"/old/path/": "/new/path/"}); missing file means none."""
    file = root / "data" / "redirects.yaml"
    if not file.exists():
        return {}, []
    shown = file.relative_to(root).as_posix()
    try:
        doc, problems = load(file, shown)
    except YamlError as exc:
        return {}, [exc.problem]
    if doc.data is None:
        return {}, problems
    if not isinstance(doc.data, dict):
        return {}, problems + [doc.problem((), "", "expected a mapping of old path: new path")]
    moves = {}
    for old, new in doc.data.items():
        for value in (old, new):
            if not isinstance(value, str) or not _PATH.match(value):
                problems.append(doc.problem((old,), str(old),
                                            f'expected site paths like "/recits/old-slug/", '
                                            f'got "{value}"'))
                break
        else:
            moves[old.lstrip("/")] = new.lstrip("/")
    return moves, problems
