"""The interface's words in each language, read from the theme's translation catalogue."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from vitrine.problems import Problem
from vitrine.yamlfile import YamlError, load

log = logging.getLogger(__name__)


def _flatten(tree: dict, prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = value
    return out


class Catalogue:
    """UI strings per language, looked up by dotted key."""

    def __init__(self, strings: dict[str, dict[str, object]]):
        self.strings = strings

    @classmethod
    def from_folder(cls, folder: Path) -> Catalogue:
        """Load every <lang>.yaml of a folder; raise YamlError on unreadable files."""
        strings = {}
        for file in sorted(Path(folder).glob("*.yaml")):
            doc, problems = load(file)
            if problems or not isinstance(doc.data, dict):
                first = problems[0] if problems else Problem(str(file), 1, None, "",
                                                             "expected a mapping of strings")
                raise YamlError(first)
            strings[file.stem] = _flatten(doc.data)
        return cls(strings)

    def get(self, lang: str, key: str, **values) -> object:
        """Return one string (formatted with values) or the key itself if missing."""
        try:
            text = self.strings[lang][key]
        except KeyError:
            log.error("ui string %r missing for language %r", key, lang)
            return key
        return text.format(**values) if values and isinstance(text, str) else text

    def long_date(self, lang: str, value: dt.date) -> str:
        """A date as the language writes it: 1er décembre 2026, December 1, 2026."""
        if isinstance(value, dt.datetime):
            value = value.date()
        month = self.get(lang, "months")[value.month - 1]
        day = self.get(lang, "first_day") if value.day == 1 else value.day
        return self.get(lang, "date_pattern").format(day=day, month=month, year=value.year)

    def missing(self) -> list[str]:
        """List keys present in one language and absent from another."""
        every = set().union(*(set(s) for s in self.strings.values())) if self.strings else set()
        return sorted(f"{lang}: {key}" for lang, s in self.strings.items()
                      for key in every - set(s))


def clock(value: dt.time | dt.datetime, lang: str) -> str:
    """A time of day as the language writes it: 19 h 30, 7:30 p.m."""
    if lang == "fr":
        return f"{value.hour} h" + (f" {value.minute:02d}" if value.minute else "")
    hour = value.hour % 12 or 12
    suffix = "a.m." if value.hour < 12 else "p.m."
    return f"{hour}:{value.minute:02d} {suffix}" if value.minute else f"{hour} {suffix}"


_OF_THEME: dict[str, Catalogue] = {}


def theme_catalogue(theme: str) -> Catalogue:
    """The catalogue of a theme's translations/, read once per process."""
    if theme not in _OF_THEME:
        _OF_THEME[theme] = Catalogue.from_folder(Path(theme) / "translations")
    return _OF_THEME[theme]
