"""Find a job offer's employer among the directory's businesses, by name, then by town.

Names are compared by their forms in vitrine/directory/normal.py (accents, case, legal forms,
trade names in parentheses, common abbreviations). When no form is equal, two readings are
tried, never a close spelling ("Garage Bouchard" is not "Garage Boucher"): a word cut short
with a dot ("Dép. Témis") as the beginning of the directory's word, and a professional title
after the name ("… Pionnier CPA") left out.
"""

from __future__ import annotations

import re

from vitrine.directory.normal import name_forms, name_key, words

TITLES = {"cpa", "ca", "cga", "cma", "ing", "avocat", "avocats", "notaire", "notaires",
          "arpenteur", "arpenteurs", "pharmacien", "pharmaciens", "dentiste", "md"}
_CUT = re.compile(r"(\w{2,})\.(?!\w)")  # "Dép." : a word cut short


class Employers:
    """The directory's businesses by every form of their names."""

    def __init__(self, businesses):
        self.by_form: dict[str, list] = {}
        self.town: dict[str, str] = {}
        for business in businesses:
            self.town[business.slug] = business.municipality
            for name in {business.name, *business.names}:
                for form in _forms(name):
                    found = self.by_form.setdefault(form, [])
                    if business not in found:
                        found.append(business)

    def match(self, name: str, town: str | None) -> tuple[str | None, str]:
        """Return (business slug, how) or (None, why not): one business of that name, or one
        of that name in the offer's town."""
        candidates = self._named(_forms(name))
        how = "its name"
        if not candidates:
            candidates, how = self._named(self._read_otherwise(name)), "its name, read whole"
        if not candidates:
            return None, "not in the directory"
        if len(candidates) == 1:
            return candidates[0].slug, how
        here = [b for b in candidates if town and b.municipality == town]
        if len(here) == 1:
            return here[0].slug, f"{how} and town"
        towns = ", ".join(sorted({b.municipality for b in candidates}))
        return None, f"{len(candidates)} businesses of the directory have this name ({towns}); " \
                     "the offer's town names none of them"

    def _named(self, forms) -> list:
        found = []
        for form in forms:
            found += [b for b in self.by_form.get(form, []) if b not in found]
        return found

    def _read_otherwise(self, name: str) -> list[str]:
        """Forms of the name with its professional title left out, or its cut words
        completed as one of the directory's forms does."""
        out = []
        given = list(words(name))
        while given and given[-1] in TITLES:
            given.pop()
        if given and len(given) < len(words(name)):
            out += _forms(" ".join(given))
        cut = {plain for plain in (" ".join(words(m)) for m in _CUT.findall(name))
               if len(plain) >= 2}
        if cut:
            key = name_key(name).split()
            for form in self.by_form:
                theirs = form.split()
                if len(theirs) == len(key) and all(
                        a == b or a in cut and b.startswith(a) for a, b in zip(key, theirs,
                                                                               strict=True)):
                    out.append(form)
        return out


def _forms(name: str) -> list[str]:
    """The forms a name is compared by: its core and trade names, and its plain key."""
    forms, naming, _ = name_forms(name)
    return list(dict.fromkeys([*forms[:naming], name_key(name)]))
