"""Normalised keys of a record and the score that two records are the same business."""

from __future__ import annotations

import functools
import math
import multiprocessing
import os
import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from unidecode import unidecode

ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes",
                 "mt": "mont", "cie": "compagnie", "av": "avenue", "ave": "avenue",
                 "boul": "boulevard", "bd": "boulevard", "blvd": "boulevard", "ch": "chemin",
                 "rte": "route", "n": "nord", "s": "sud", "e": "est", "o": "ouest"}
LEGAL_FORMS = {"inc", "ltee", "ltd", "limitee", "enr", "senc", "sencrl", "corp", "llc", "ltee.",
               "incorporee", "cie", "enrg"}
STOPWORDS = {"le", "la", "les", "l", "de", "du", "des", "d", "et", "the", "and", "a", "au",
             "aux", "chez", "en", "of"}
STREET_WORDS = {"rue", "avenue", "boulevard", "chemin", "route", "rang", "place", "montee"}
MATCH = 0.6   # at or above: the same business
REVIEW = 0.3  # between REVIEW and MATCH: listed for a person to review


_LATIN = str.maketrans({c: unidecode(chr(c)) for c in range(0xC0, 0x180)})

MAX_BLOCK = 60  # records sharing a block beyond this say nothing about each other
# From this many candidate pairs on, a forked helper scores half of them: 272,000 pairs at
# 50,000 businesses take 2.5 s on one core while the other has nothing to do; starting a
# process costs about 10 ms.
PAIRS_IN_TWO = 20_000


def fold(text: str) -> str:
    """Strip accents: a C-speed table for Latin letters, unidecode for anything else."""
    folded = text.translate(_LATIN)
    return folded if folded.isascii() else unidecode(folded)


@functools.lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """Lowercase ASCII words with common abbreviations expanded (cached: sources repeat)."""
    plain = fold(str(text)).lower().replace("'", " ")
    return tuple(ABBREVIATIONS.get(w, w) for w in re.findall(r"[a-z0-9]+", plain))


def name_key(name: str) -> str:
    """Return a business name reduced to what identifies it."""
    kept = [w for w in words(name) if w not in LEGAL_FORMS]
    return " ".join(kept)


@dataclass
class Keys:
    """Everything the matcher compares, computed once per record."""

    name: str
    tokens: frozenset
    town: str
    civic: str
    street: str
    phone: str
    domain: str
    email: str
    neq: str
    postal: str
    lat: float | None
    lon: float | None


def keys_of(values: dict) -> Keys:
    """Compute the matching keys of one record's values."""
    name = name_key(values["name"])
    address = words(values.get("address") or "")
    civic = next((w for w in address if w.isdigit()), "")
    street = " ".join(w for w in address if not w.isdigit() and w not in STREET_WORDS
                      and w not in STOPWORDS)
    website = (values.get("website") or "").lower()
    domain = re.sub(r"^https?://(www\.)?", "", website).split("/")[0]
    return Keys(
        name=name,
        tokens=frozenset(w for w in name.split() if w not in STOPWORDS
                         and (len(w) > 2 or w.isdigit())),
        town=values["municipality"], civic=civic, street=street,
        phone=re.sub(r"\D", "", (values.get("phone") or "").split("poste")[0])[-10:],
        domain=domain, email=(values.get("email") or "").lower(),
        neq=values.get("neq") or "", postal=(values.get("postal_code") or "").replace(" ", ""),
        lat=values.get("lat"), lon=values.get("lon"))


def distance_m(a: Keys, b: Keys) -> float | None:
    """Distance between two records in metres, when both have coordinates."""
    if a.lat is None or b.lat is None:
        return None
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6_371_000 * math.hypot(x, y)


def score(a: Keys, b: Keys) -> tuple[float, list[str]]:
    """Score two records: name similarity plus agreeing and disagreeing evidence."""
    if a.town != b.town:
        return 0.0, ["different towns"]
    strong = (a.phone and a.phone == b.phone) or (a.neq and a.neq == b.neq) or \
        (a.domain and a.domain == b.domain) or (a.email and a.email == b.email)
    upper = fuzz.token_set_ratio(a.name, b.name, score_cutoff=0 if strong else 55)
    if not upper:  # names this far apart cannot reach REVIEW without a shared phone, site…
        return 0.0, ["different names"]
    similarity = (fuzz.token_sort_ratio(a.name, b.name) + upper) / 200
    total = (similarity - 0.6) * 1.5
    reasons = [f"name {similarity:.2f}"]
    for label, x, y, weight in (("phone", a.phone, b.phone, 0.35), ("neq", a.neq, b.neq, 0.25),
                                ("website", a.domain, b.domain, 0.2),
                                ("email", a.email, b.email, 0.2),
                                ("postal code", a.postal, b.postal, 0.1)):
        if x and y and x == y:
            total += weight
            reasons.append(f"same {label}")
    if a.phone and b.phone and a.phone != b.phone:
        total -= 0.15
        reasons.append("different phones")
    if a.civic and b.civic:
        if a.civic == b.civic and fuzz.ratio(a.street, b.street) >= 80:
            total += 0.3
            reasons.append("same address")
        else:
            total -= 0.6
            reasons.append("different addresses")
    metres = distance_m(a, b)
    if metres is not None:
        if metres < 150:
            total += 0.2
            reasons.append(f"{metres:.0f} m apart")
        elif metres > 2000:
            total -= 0.5
            reasons.append(f"{metres / 1000:.1f} km apart")
    return round(total, 3), reasons


def candidate_pairs(keys: list[Keys], max_block: int = MAX_BLOCK) -> set[tuple[int, int]]:
    """Pairs worth scoring: same town and a shared rare name word, phone, NEQ, site, e-mail
    or civic address.

    Each record blocks on its two rarest name words: generic ones ("restaurant") would pair
    every restaurant of a town. Blocks larger than max_block say nothing and are skipped.
    """
    pairs = set()
    for members in Blocking(keys).blocks.values():
        if 1 < len(members) <= max_block:
            for x, i in enumerate(members):
                for j in members[x + 1:]:
                    pairs.add((i, j))
    return pairs


class Blocking:
    """The blocks of candidate_pairs: records sharing a town and a rare word, phone, site…"""

    def __init__(self, keys: list[Keys]):
        self.frequency: dict[str, int] = {}
        for k in keys:
            for w in k.tokens:
                self.frequency[w] = self.frequency.get(w, 0) + 1
        self.common = 20 + len(keys) // 200  # a word in more names than this is generic
        self.blocks: dict[tuple, list[int]] = {}
        for i, k in enumerate(keys):
            for block in self.blocks_of(k):
                self.blocks.setdefault(block, []).append(i)

    def blocks_of(self, k: Keys) -> list[tuple]:
        """The blocks a record with keys k is in (the word frequencies are the records')."""
        ranked = sorted(k.tokens, key=lambda w: (self.frequency[w], w))
        rare = ranked[:1] + [w for w in ranked[1:2] if self.frequency[w] <= self.common]
        address = f"{k.civic} {k.street.split(' ')[0]}" if k.civic and k.street else ""
        own = [("t", w) for w in rare] + [(label, v) for label, v in
                                          (("p", k.phone), ("n", k.neq), ("d", k.domain),
                                           ("e", k.email), ("a", address)) if v]
        if not k.tokens:
            own.append(("name", k.name))
        return [(k.town, kind, value) for kind, value in own]


def scored_pairs(keys: list[Keys], pairs) -> list[tuple[float, int, int, list[str]]]:
    """(score, i, j, reasons) of the pairs scoring at least REVIEW, in no particular order.

    Many pairs are scored half in a forked process (it inherits the keys), half here.
    """
    pairs = list(pairs)
    if len(pairs) < PAIRS_IN_TWO or (os.cpu_count() or 1) < 2 \
            or "fork" not in multiprocessing.get_all_start_methods():
        return _scored(keys, pairs)
    half = len(pairs) // 2
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    helper = context.Process(target=_send_scored, args=(keys, pairs[half:], sending),
                             daemon=True)
    try:
        helper.start()
    except OSError:  # no process to be had (memory, limits): every pair is scored here
        receiving.close()
        return _scored(keys, pairs)
    finally:
        sending.close()
    mine = _scored(keys, pairs[:half])
    try:
        theirs = receiving.recv()
    except EOFError:  # the helper died before sending: its half is scored here
        theirs = _scored(keys, pairs[half:])
    finally:
        receiving.close()
        helper.join()
    return mine + theirs


def _scored(keys: list[Keys], pairs) -> list[tuple[float, int, int, list[str]]]:
    """Score pairs in this process; keep those at or above REVIEW."""
    found = []
    for i, j in pairs:
        value, reasons = score(keys[i], keys[j])
        if value >= REVIEW:
            found.append((value, i, j, reasons))
    return found


def _send_scored(keys: list[Keys], pairs, sending) -> None:
    """In the helper process: score pairs and send back those worth keeping."""
    sending.send(_scored(keys, pairs))
    sending.close()
