"""The interface's words in each language, read from the theme's translation catalogue."""

from __future__ import annotations

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

    def missing(self) -> list[str]:
        """List keys present in one language and absent from another."""
        every = set().union(*(set(s) for s in self.strings.values())) if self.strings else set()
        return sorted(f"{lang}: {key}" for lang, s in self.strings.items()
                      for key in every - set(s))


_OF_THEME: dict[str, Catalogue] = {}


def theme_catalogue(theme: str) -> Catalogue:
    """The catalogue of a theme's translations/, read once per process."""
    if theme not in _OF_THEME:
        _OF_THEME[theme] = Catalogue.from_folder(Path(theme) / "translations")
    return _OF_THEME[theme]
