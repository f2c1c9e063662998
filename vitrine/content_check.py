"""Validate every Markdown file of content/ and what stories point to, all in one pass."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from vitrine import frontmatter
from vitrine.problems import Problem


@dataclass
class ContentReport:
    """Stories and pages read, and every problem found."""

    stories: list[dict] = field(default_factory=list)
    pages: int = 0
    problems: list[Problem] = field(default_factory=list)


def check_content(root: Path, towns: set[str] | None = None,
                  businesses: set[str] | None = None) -> ContentReport:
    """Read content/ under root; towns and businesses, when known, are checked too."""
    content = root / "content"
    report = ContentReport()
    keys = defaultdict(list)
    for file in sorted(content.rglob("*.md")):
        shown = file.relative_to(root).as_posix()
        record = frontmatter.record_for(file.relative_to(content).as_posix())
        is_story = record is frontmatter.STORY
        parsed = frontmatter.read(file.read_bytes(), shown, record)
        report.problems.extend(parsed.problems)
        if parsed.meta is None:
            continue
        meta = {**parsed.meta, "path": shown}
        if not is_story:
            report.pages += 1
            report.problems.extend(_references(meta, content, None, None, file))
            continue
        report.stories.append(meta)
        keys[(meta["key"], meta["lang"])].append(shown)
        report.problems.extend(_references(meta, content, towns, businesses, file))
    for (key, _lang), paths in keys.items():
        for path in paths[1:]:
            report.problems.append(Problem(path, _line(root / path, "key"), None, "key",
                                           f'"{key}" is already used by {paths[0]} in the same '
                                           f"language; expected one story per key and language"))
    return report


def _references(meta, content, towns, businesses, file) -> list[Problem]:
    out = []
    if meta.get("cover") and not (content / meta["cover"]).is_file():
        out.append(Problem(meta["path"], _line(file, "cover"), None, "cover",
                           f'expected an image under content/, got "{meta["cover"]}" '
                           "(file not found)"))
    for name, known, what in (("municipalities", towns, "a town of data/territory.yaml"),
                              ("businesses", businesses, "a business of the directory")):
        if known is None:
            continue
        for i, slug in enumerate(meta.get(name) or []):
            if slug not in known:
                out.append(Problem(meta["path"], _line(file, name), None, f"{name}[{i}]",
                                   f'expected {what}, got "{slug}"'))
    return out


def _line(file: Path, key: str) -> int | None:
    """Find the front matter line of a top-level key."""
    for number, line in enumerate(file.read_text(encoding="utf-8", errors="replace")
                                  .splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return None
