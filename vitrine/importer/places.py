"""Place a partner's town and category labels in our territory and taxonomy, or say why not.

Towns: accents, case, apostrophes, hyphens and dots ignored (`Val-dOr`, `VAL D'OR`),
abbreviations expanded (`St`, `Ste`, `N.-D.`, `Mt`), "Ville de …" and a province dropped, a
part before a comma or in parentheses tried alone, the aliases of data/territory.yaml (former
municipalities merged into today's), then a close spelling: at least FUZZY_TOWN % alike
(rapidfuzz) to one town only, reported as repaired.

Categories: a partner label is compared with each category's slug, French and English labels
and the `aliases` of data/taxonomy.yaml, whole and by its most specific part ("Commerce de
détail – Quincaillerie" → "Quincaillerie"), word by word with close forms ("Restauration" →
"restaurant").
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from vitrine.directory.normal import plain_words

FUZZY_TOWN = 85  # rapidfuzz ratio, on names of 5 letters or more, to one town only
FUZZY_WORD = 85  # two words of a category label are the same word from here (plurals, forms)
_TOWN_WORDS = {"st": "saint", "ste": "sainte", "sts": "saints", "mt": "mont", "nd": "notre dame"}
_TOWN_PREFIXES = ("ville de", "ville d", "municipalite de", "municipalite d", "paroisse de",
                  "canton de", "village de", "cite de", "secteur", "city of", "town of")
_PROVINCE = {"qc", "que", "quebec", "pq", "canada"}
_GENERIC = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "and", "the", "of", "en",
            "au", "aux", "a", "services", "service", "commerce", "commerces", "detail",
            "vente", "autres", "autre", "other", "general", "generaux", "secteur"}


def town_key(text: str, strip: bool = True) -> str:
    """A town name reduced for comparison: "N.-D.-du-Nord" and "Notre Dame du Nord" alike
    ("Ville de …" left out unless strip is False)."""
    joined = " ".join(_TOWN_WORDS.get(w, w) for w in plain_words(text))
    joined = re.sub(r"\bn d\b", "notre dame", joined)
    for prefix in _TOWN_PREFIXES if strip else ():
        if joined.startswith(prefix + " "):
            joined = joined[len(prefix) + 1:]
            break
    words = joined.split()
    while len(words) > 1 and words[-1] in _PROVINCE:
        words.pop()
    return "".join(words)


class Towns:
    """Every way of writing the region's towns, and the close spellings of them."""

    def __init__(self, territory):
        self.index: dict[str, str] = {}
        self.aliases: set[str] = set()
        self.words: dict[str, tuple[str, ...]] = {}  # slug: the words of its name
        for town in territory.municipalities.values():
            for spelling in (town.name, town.slug, *town.aliases, *_turned(town.name)):
                self.index.setdefault(town_key(spelling, strip=False), town.slug)
                self.index.setdefault(town_key(spelling), town.slug)
            self.aliases.update(town_key(a) for a in town.aliases)
            self.words[town.slug] = tuple(_TOWN_WORDS.get(w, w) for w in plain_words(town.name))
        self.aliases -= {town_key(t.name) for t in territory.municipalities.values()}
        self.mrcs = {town_key(m.name) for m in territory.mrcs.values()}
        self.keys = list(self.index)
        self.matched: dict[str, tuple[str | None, str | None]] = {}

    def match(self, text: str) -> tuple[str | None, str | None]:
        """Return (slug, note): note says how a spelling was repaired, or why none fits
        (once per spelling: an export writes its few towns on every row)."""
        if text not in self.matched:
            self.matched[text] = self._match(text)
        return self.matched[text]

    def _match(self, text: str) -> tuple[str | None, str | None]:
        if not text.strip():
            return None, "no municipality given"
        parts = [text, *re.split(r"[,(/)]", text)]
        for part in parts:
            key = town_key(part, strip=False)
            slug = self.index.get(key) or self.index.get(town_key(part))
            if slug and (key in self.aliases or town_key(part) in self.aliases):
                return slug, "another name or a former municipality, in data/territory.yaml"
            if slug:
                return slug, None if part is text else "the town named in it"
        if town_key(text) in self.mrcs:
            return None, "an MRC, not a municipality"
        for part in parts:
            found = self._close(part)
            if found:
                return found
        return None, "not a municipality of data/territory.yaml"

    def _close(self, part: str) -> tuple[str, str] | None:
        """A close spelling, or the first words of exactly one town's name ("Latulipe")."""
        key = town_key(part)
        if len(key) < 5:
            return None
        found = process.extract(key, self.keys, scorer=fuzz.ratio, limit=3,
                                score_cutoff=FUZZY_TOWN)
        slugs = {self.index[k] for k, _, _ in found}
        if len(slugs) == 1:
            return self.index[found[0][0]], f"close spelling ({found[0][1]:.0f} %)"
        given = tuple(_TOWN_WORDS.get(w, w) for w in plain_words(part))
        starting = [slug for slug, name in self.words.items()
                    if len(name) > len(given) and name[:len(given)] == given]
        if len(starting) == 1 and max(map(len, given), default=0) >= 5:
            return starting[0], "the beginning of one town's name"
        return None


def _same_word(a: str, b: str) -> bool:
    """Two forms of one word: close ("restaurants"), or one cut short ("physio")."""
    short, long = sorted((a, b), key=len)
    return fuzz.ratio(a, b) >= FUZZY_WORD or len(short) >= 5 and long.startswith(short)


def _turned(name: str) -> list[str]:
    """ "Senneterre (paroisse)" is also written "Paroisse de Senneterre"."""
    found = re.fullmatch(r"(.+?)\s*\((\w+)\)", name)
    return [f"{found.group(2)} de {found.group(1)}"] if found else []


class Categories:
    """Guess our category for a partner's label."""

    def __init__(self, categories: dict):
        self.choices: list[tuple[list[str], str]] = []
        for c in categories.values():
            names = {c.slug.replace("-", " "), c.fr, c.en, *getattr(c, "aliases", ())}
            for name in list(names):
                names.update(p for p in re.split(r"\s+(?:et|and)\s+|,", name) if p.strip())
            for name in names:
                significant = [w for w in plain_words(name) if w not in _GENERIC]
                if significant:
                    self.choices.append((significant, c.slug))

    def guess(self, label: str) -> tuple[str | None, str]:
        """Return (slug or None, how it was found or why not)."""
        if not label.strip():
            return None, "no category given"
        parts = [p for p in re.split(r"\s[-–—]\s|[–—:/>|]", label) if p.strip()]
        for part in reversed(parts) if len(parts) > 1 else parts:  # most specific part first
            found = self._best(part)
            if found:
                return found
        if len(parts) > 1:
            found = self._best(label)
            if found:
                return found
        return None, "no close category"

    def _best(self, text: str) -> tuple[str, str] | None:
        words = [w for w in plain_words(text) if w not in _GENERIC]
        if not words:
            return None
        scored: dict[str, float] = {}
        for significant, slug in self.choices:
            # every word of our name is in the label (or the reverse), in a close form
            inside = all(any(_same_word(w, x) for x in words) for w in significant)
            covers = all(any(_same_word(w, x) for x in significant) for w in words)
            if inside or covers:
                weight = len(significant) + (2 if inside and covers else 0)
                scored[slug] = max(scored.get(slug, 0), weight)
        if not scored:
            return None
        ranked = sorted(scored.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return ranked[0][0], f'"{text.strip()}", also like {ranked[1][0]}: check'
        return ranked[0][0], f'"{text.strip()}"'
