"""Problems in the site's language: French phrase by phrase from a catalogue, else English."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from vitrine.problems import Problem

CATALOGUES = Path(__file__).parent / "translations"
# A found value as show() quotes it: a JSON string, its quotes escaped inside.
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


@cache
def _catalogue(lang: str) -> tuple[re.Pattern, dict[str, str], tuple[str, ...]] | None:
    """A language's phrases as one pattern (longest first), their table, the verbatim marks."""
    path = CATALOGUES / f"problems.{lang}.yaml"
    if not path.is_file():
        return None
    catalogue = yaml.safe_load(path.read_text(encoding="utf-8"))
    table = catalogue["phrases"]
    words = sorted(table, key=len, reverse=True)
    pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(w)}(?![\w-])" for w in words))
    return pattern, table, tuple(catalogue.get("verbatim_after") or ())


def translate(message: str, lang: str) -> str:
    """Say a problem's message in a language; values quoted in it are left as found."""
    catalogue = _catalogue(lang) if lang != "en" else None
    if catalogue is None:
        return message
    pattern, table, verbatim = catalogue
    for mark in verbatim:  # another tool's words after the mark: translate the mark only
        if message.startswith(mark):
            return table.get(mark, mark) + message[len(mark):]
    out, start = [], 0
    for quoted in QUOTED.finditer(message):
        out.append(pattern.sub(lambda m: table[m.group(0)], message[start:quoted.start()]))
        out.append(quoted.group(0))
        start = quoted.end()
    out.append(pattern.sub(lambda m: table[m.group(0)], message[start:]))
    return "".join(out)


def in_language(problem: Problem, lang: str) -> str:
    """A problem as `file:line: key: message`, its message in the language."""
    return str(Problem(problem.path, problem.line, problem.col, problem.key,
                       translate(problem.message, lang)))


def site_language(settings: dict) -> str:
    """The language problems are told in: the site's first language."""
    return settings.get("DEFAULT_LANG") or "en"
