"""Names, addresses and web sites reduced to what identifies a business, for matching only.

Nothing here is published: pages show the names and addresses the sources wrote.
"""

from __future__ import annotations

import functools
import re

from unidecode import unidecode

from vitrine.text import repair_mojibake

ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes",
                 "mt": "mont", "cie": "compagnie", "resto": "restaurant", "av": "avenue",
                 "ave": "avenue", "boul": "boulevard", "bd": "boulevard", "blvd": "boulevard",
                 "ch": "chemin", "rte": "route", "n": "nord", "s": "sud", "e": "est",
                 "o": "ouest", "w": "ouest", "1er": "1", "1re": "1", "1ere": "1",
                 "mgr": "monseigneur", "cpe": "centre petite enfance"}
LEGAL_FORMS = {"inc", "ltee", "ltd", "limitee", "limited", "enr", "enrg", "senc", "sencrl",
               "snc", "corp", "llc", "incorporee", "incorporated", "sa", "sarl", "compagnie"}
STOPWORDS = {"le", "la", "les", "l", "de", "du", "des", "d", "et", "the", "and", "a", "au",
             "aux", "chez", "en", "of"}
STREET_WORDS = {"rue", "avenue", "boulevard", "chemin", "route", "rang", "place", "montee",
                "street", "road", "autoroute", "promenade", "terrasse", "impasse", "cote"}
UNIT_WORDS = {"local", "bureau", "suite", "app", "appartement", "unite", "unit", "cp", "case",
              "porte", "etage"}
# hosts where many businesses have pages: the page, not the host, names the business
SHARED_HOSTS = {"facebook.com", "m.facebook.com", "fb.com", "instagram.com", "linkedin.com",
                "twitter.com", "x.com", "youtube.com", "tiktok.com", "google.com",
                "sites.google.com", "linktr.ee", "pagesjaunes.ca", "yelp.ca", "yelp.com",
                "tripadvisor.ca", "tripadvisor.com"}

_LATIN = str.maketrans({c: unidecode(chr(c)) for c in range(0xC0, 0x180)})
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")  # S.E.N.C., s.a.: one word
_NUMBERED = re.compile(r"^\s*\d{3,4}[- ]?\d{3,4}\s+(?:qu[eé]bec|canada)\b", re.IGNORECASE)
_DOING_BUSINESS_AS = re.compile(r"\s*\b(?:f\.?\s?a\.?\s?s\.?\s?n\b\.?|faisant affaires? sous"
                                r"(?: le nom(?: de)?)?|d\.?b\.?a\b\.?|o/a)\s*", re.IGNORECASE)
_MAYBE_DBA = re.compile(r"[/.]|faisant|dba", re.IGNORECASE)  # cheap test before the split
_DESCRIPTOR = re.compile(r"\s+[-–—]\s+|\s*[–—/|]\s*")  # "X – électricité", "X / antirouille"
_PARENS = re.compile(r"\(([^()]*)\)")
_WORD = re.compile(r"[a-z0-9]+")
_ORDINAL = re.compile(r"^(\d+)(?:e|eme|ieme|re|er|st|nd|rd|th)$")  # 3e avenue, 1re rue
_SPELLED = {"premiere": "1", "premier": "1", "deuxieme": "2", "second": "2", "seconde": "2",
            "troisieme": "3", "quatrieme": "4", "cinquieme": "5", "sixieme": "6",
            "septieme": "7", "huitieme": "8", "neuvieme": "9", "dixieme": "10"}
_EXPANDED = {short: tuple(long.split()) for short, long in ABBREVIATIONS.items()}


def fold(text: str) -> str:
    """Strip accents: a C-speed table for Latin letters, unidecode for anything else."""
    folded = text.translate(_LATIN)
    return folded if folded.isascii() else unidecode(folded)


def plain_words(text) -> list[str]:
    """Lowercase ASCII words of a text, nothing expanded: what imports compare labels by."""
    return _WORD.findall(fold(str(text)).lower())


def plain_key(text) -> str:
    """A label as imports compare it: its plain words joined by spaces."""
    return " ".join(plain_words(text))


@functools.lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """Lowercase ASCII words with common abbreviations expanded (cached: sources repeat)."""
    text = repair_mojibake(str(text))
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    out: list[str] = []
    for w in _WORD.findall(fold(text).lower()):
        if w in _EXPANDED:
            out += _EXPANDED[w]
        else:
            out.append(w)
    return tuple(out)


def name_key(name: str) -> str:
    """Return a business name reduced to its words, without legal forms (stable: record ids
    derived from it must not move)."""
    return " ".join(w for w in words(name) if w not in LEGAL_FORMS)


@functools.lru_cache(maxsize=65536)
def name_forms(name: str) -> tuple[tuple[str, ...], int, bool]:
    """The ways a name may be compared, how many of them name the business, and whether it
    is a numbered company.

    First its core, then trade names it carries, then the whole name with its descriptor:
    "9187-4521 Québec inc. (Resto Le Prospecteur)" gives "9187 4521 quebec" and "restaurant
    prospecteur" (2 naming it; numbered); "Garage Lafond / antirouille" gives "garage lafond",
    then "garage lafond antirouille" (1 naming it). Legal forms and little words are left out,
    plurals made singular.
    """
    text = repair_mojibake(str(name))
    aliases = []
    if "(" in text:
        aliases = [m.strip() for m in _PARENS.findall(text)]
        text = _PARENS.sub(" ", text)
    if _MAYBE_DBA.search(text):
        parts = _DOING_BUSINESS_AS.split(text, maxsplit=1)
        if len(parts) == 2:
            text, aliases = parts[0], [parts[1], *aliases]
    head = _DESCRIPTOR.split(text.strip(), maxsplit=1)[0]
    numbered = head[:1].isdigit() and bool(_NUMBERED.match(head))
    core = _core(head)
    forms = [core] if core else []
    for alias in aliases:  # a trade name of two words or more (not "(mets préparés)"), or any
        form = _core(alias)  # beside a numbered company
        if form and form not in forms and (numbered or alias[:1].isupper()
                                           and len(form.split()) > 1):
            forms.append(form)
    naming = len(forms)
    whole = _core(text) if text.strip() != head else ""
    if whole and whole not in forms:
        forms.append(whole)
    return tuple(forms), naming, numbered


def _core(text: str) -> str:
    return " ".join(w[:-1] if len(w) > 3 and w[-1] == "s" and w[-2] != "s" else w  # plurals
                    for w in words(text) if w not in LEGAL_FORMS and w not in STOPWORDS)


@functools.lru_cache(maxsize=65536)
def address_key(address: str) -> tuple[str, str]:
    """(civic number, street) of an address: "342, route 111 Ouest" → ("342", "111 ouest")."""
    tokens = list(words(address))
    kept, skip = [], False
    for token in tokens:
        if skip:
            skip = False
            continue
        if token in UNIT_WORDS:
            skip = True  # "local 200", "C.P. 123": not where the business is
            continue
        kept.append(_ORDINAL.sub(r"\1", token) if token[0].isdigit() and not token.isdigit()
                    else _SPELLED.get(token, token))
    civic = next((t for t in kept if t.isdigit()), "")
    if not civic:
        return "", ""
    after = kept[kept.index(civic) + 1:]
    street = " ".join(t for t in after if t not in STREET_WORDS and t not in STOPWORDS)
    return civic, street


def site_key(url: str) -> str:
    """A web site's host (without www.), or host and page on a site many businesses share."""
    rest = (url or "").strip().lower()
    scheme = rest.find("://")
    host, _, path = rest[scheme + 3 if scheme >= 0 else 0:].partition("/")
    host = host.removeprefix("www.")
    if host in SHARED_HOSTS:
        page = path.split("/")[0].split("?")[0]
        return f"{host}/{page}" if page else ""
    return host
