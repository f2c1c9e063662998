"""Problems as a Git host shows them on a merge request: GitHub annotations, GitLab Code Quality."""

from __future__ import annotations

import hashlib
import json

from vitrine.problem_language import translate
from vitrine.problems import Problem

FORMATS = ("text", "github", "gitlab")


def _escape_github(text: str, in_property: bool = False) -> str:
    """Escape a workflow command's data (and a property's , and :) as GitHub reads them."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def github(problems: list[Problem], lang: str) -> str:
    """One `::error` workflow command per problem: shown on the pull request's files."""
    lines = []
    for p in problems:
        where = f"file={_escape_github(p.path, True)}"
        if p.line is not None:
            where += f",line={p.line}" + (f",col={p.col}" if p.col is not None else "")
        title = _escape_github(p.key or "vitrine check", True)
        lines.append(f"::error {where},title={title}::"
                     f"{_escape_github(f'{p.key}: ' if p.key else '')}"
                     f"{_escape_github(translate(p.message, lang))}")
    return "\n".join(lines)


def gitlab(problems: list[Problem], lang: str) -> str:
    """A Code Quality report (JSON): shown in the merge request's widget and diff."""
    issues = []
    for p in problems:
        message = translate(p.message, lang)
        description = f"{p.key}: {message}" if p.key else message
        fingerprint = hashlib.sha1(f"{p.path}|{p.key}|{p.message}".encode()).hexdigest()
        issues.append({"description": description, "check_name": "vitrine-check",
                       "fingerprint": fingerprint, "severity": "major",
                       "location": {"path": p.path, "lines": {"begin": p.line or 1}}})
    return json.dumps(issues, ensure_ascii=False, indent=1)
