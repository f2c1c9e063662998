"""Problems found in input files, located by file, line, column and key path."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one value in one file."""

    path: str
    line: int | None
    col: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


def show(value: object, limit: int = 60) -> str:
    """Render a found value for an error message, quoted and shortened."""
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, (list, tuple)):
        text = json.dumps([v if isinstance(v, (str, int, float, bool)) else str(v) for v in value],
                          ensure_ascii=False)
    elif isinstance(value, dict):
        text = "a mapping"
    elif value is None:
        text = "nothing"
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 2] + "…" + text[-1]


def key_path(parts: tuple) -> str:
    """Format ('businesses', 12, 'phone') as businesses[12].phone."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Problems:
    """Collects every problem of a pass so they can be reported at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        """Record one problem."""
        self.items.append(problem)

    def extend(self, problems) -> None:
        """Record several problems."""
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self):
        return iter(sorted(self.items, key=lambda p: (p.path, p.line or 0, p.col or 0, p.key)))

    def __len__(self) -> int:
        return len(self.items)
