"""Whether two records are the same business, weighed as a careful steward would.

Each pair of candidate records gets its evidence (how alike the names are; whether phones,
NEQ, web site, e-mail, civic address and position agree or disagree) and a verdict:

* **same business** (score at least MATCH, 0.6), in one town (or when one town is still to
  classify) and with no strong disagreement, on one of: the same NEQ with compatible names;
  a shared phone and the same civic address with compatible names (a numbered company, or
  a trade name in parentheses, is compatible with any); the same name with one strong field
  agreeing (phone, NEQ, site, e-mail, address, or under 150 m apart); for records of two
  sources, the same name and nothing given against it. In two towns: the same name (not a
  trade name it carries) with the same phone or e-mail, from two sources (a move, a mailing
  address), merged and listed for the steward to check;
* **to review** (from REVIEW, 0.3, to MATCH) when a phone, NEQ or e-mail agrees without
  enough else (a shared phone under unrelated names; the same name and phone in two towns),
  or the same name in one town is kept apart by different phones;
* otherwise nothing.

Strong disagreements: different civic numbers or streets, different NEQs, over 2 km apart,
or phones that all differ when neither the address, the e-mail, the NEQ nor the site agrees.
"""

from __future__ import annotations

import functools
import math
import multiprocessing
import os
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from vitrine.directory.normal import (
    STOPWORDS,
    address_key,
    fold,
    name_forms,
    name_key,
    site_key,
    words,
)
from vitrine.directory.schema import TO_CLASSIFY

__all__ = ["MATCH", "REVIEW", "Blocking", "Keys", "candidate_pairs", "fold", "keys_of",
           "name_key", "score", "scored_pairs", "words"]

MATCH = 0.6   # at or above: the same business
REVIEW = 0.3  # between REVIEW and MATCH: listed for a person to review
SAME_NAME = 0.85       # names this alike are the same name (token sort and set ratios)
IDENTICAL_NAME = 0.95  # alike enough to merge on the name alone
COMPATIBLE_NAME = 0.6  # alike enough to be one business's names when phone and address agree

CHECK = "merged, to check:"  # a merge a steward should still see (listed for review too)

MAX_BLOCK = 60  # records sharing a block beyond this say nothing about each other
# From this many candidate pairs on, a forked helper scores half of them: 272,000 pairs at
# 50,000 businesses take 2.5 s on one core while the other has nothing to do; starting a
# process costs about 10 ms.
PAIRS_IN_TWO = 20_000


@dataclass(slots=True)
class Keys:
    """Everything the matcher compares, computed once per record."""

    name: str
    forms: tuple[str, ...]
    naming: int  # forms[:naming] name the business; the last may add a trade descriptor
    numbered: bool
    tokens: frozenset
    town: str
    town_words: frozenset
    civic: str
    street: str
    phones: tuple[str, ...]
    domain: str
    email: str
    neq: str
    postal: str
    lat: float | None
    lon: float | None
    source: str = ""


_NOT_DIGIT = re.compile(r"\D")


def _digits(phone: str) -> str:
    number = str(phone).split(" poste")[0]
    plain = number.replace(" ", "").replace("-", "")  # "819 555-0101", as stored
    return (plain if plain.isdigit() else _NOT_DIGIT.sub("", number))[-10:]


def keys_of(values: dict, source: str = "") -> Keys:
    """Compute the matching keys of one record's values."""
    forms, naming, numbered = name_forms(values["name"])
    address = values.get("address")
    civic, street = address_key(address) if address else ("", "")
    phone, more = values.get("phone"), values.get("other_phones")
    if more:
        phones = tuple(dict.fromkeys(d for d in map(_digits, [phone or "", *more])
                                     if len(d) == 10))
    else:
        digits = _digits(phone) if phone else ""
        phones = (digits,) if len(digits) == 10 else ()
    town, website = values["municipality"], values.get("website")
    postal = values.get("postal_code")
    # positional, in the order of the fields: 50,000 records are keyed per merge
    return Keys(forms[0] if forms else name_key(values["name"]), forms, naming, numbered,
                _tokens(forms[:naming]), town, _town_words(town), civic, street, phones,
                site_key(website) if website else "", (values.get("email") or "").lower(),
                values.get("neq") or "", postal.replace(" ", "") if postal else "",
                values.get("lat"), values.get("lon"), source)


@functools.lru_cache(maxsize=65536)
def _tokens(forms: tuple[str, ...]) -> frozenset:
    """The words of a name that can block: not little words, not one or two letters."""
    return frozenset(w for form in forms for w in form.split()
                     if w not in STOPWORDS and (len(w) > 2 or w.isdigit()))


@functools.lru_cache(maxsize=4096)
def _town_words(slug: str) -> frozenset:
    return frozenset(w for w in slug.split("-") if len(w) > 2 and w not in STOPWORDS)


def distance_m(a: Keys, b: Keys) -> float | None:
    """Distance between two records in metres, when both have coordinates."""
    if a.lat is None or b.lat is None:
        return None
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6_371_000 * math.hypot(x, y)


def name_similarity(a: Keys, b: Keys, cutoff: float = 0.0) -> tuple[float, bool]:
    """How alike two names are (0–1), and whether a trade name in one of them decided it.

    Below cutoff, the value is 0 (computed faster).
    """
    best, by_alias = 0.0, False
    for i, x in enumerate(a.forms):
        for j, y in enumerate(b.forms):
            value = _alike(x, y, cutoff)
            if value < IDENTICAL_NAME and (value or not cutoff):
                x, y = _unabbreviated(x, y)
                value = max(value, _alike(x, y, cutoff))
            if value < SAME_NAME and (value or not cutoff):
                # "Le Grenier de Palmarolle", in Palmarolle, is "Le Grenier"
                x, y = _without(x, a.town_words), _without(y, b.town_words)
                if x and y:
                    value = max(value, _alike(x, y, cutoff))
            if value > best:
                best = value
                by_alias = 0 < i < a.naming or 0 < j < b.naming
    return best, by_alias


def _without(form: str, town: frozenset) -> str:
    """A name without its town's words, when two words or more remain."""
    kept = [w for w in form.split() if w not in town]
    return " ".join(kept) if len(kept) > 1 else ""


def _alike(x: str, y: str, cutoff: float) -> float:
    # the mean of token_sort (order) and token_set (subsets) ratios; sort ≤ set, so the
    # mean reaches cutoff only if set does
    upper = fuzz.token_set_ratio(x, y, score_cutoff=cutoff * 100)
    return (fuzz.token_sort_ratio(x, y) + upper) / 200 if upper else 0.0


def _unabbreviated(x: str, y: str) -> tuple[str, str]:
    """Write a word one name cuts short ("physio", "coop") or gives by its initials ("cpa")
    as the other writes it ("physiotherapie", "comptable professionnel agree")."""
    xs, ys = x.split(), y.split()
    apart = [w for w in set(xs) ^ set(ys) if len(w) >= 4]  # words only one name has
    cut = {}
    if len({w[:4] for w in apart}) < len(apart):  # two of them begin alike
        cut = {w: v for w in apart for v in apart if len(v) > len(w) and v.startswith(w)}
    for short, other in ((xs, ys), (ys, xs)):
        for word in short:
            if 2 <= len(word) <= 5 and word not in other and not word.isdigit():
                run = _initials_of(word, other)
                if run:
                    cut[word] = run
    if not cut:
        return x, y
    return " ".join(cut.get(w, w) for w in xs), " ".join(cut.get(w, w) for w in ys)


def _initials_of(acronym: str, words: list[str]) -> str:
    """The run of words whose initials spell acronym ("cpa": "comptable professionnel agree")."""
    n = len(acronym)
    for start in range(len(words) - n + 1):
        run = words[start:start + n]
        if "".join(w[0] for w in run) == acronym and all(len(w) > 1 for w in run):
            return " ".join(run)
    return ""


def _streets_agree(a: str, b: str) -> bool:
    """One street written two ways ("jean jacques cossette", "j j cossette")?"""
    if not a or not b or a == b:
        return True
    x, y = ({w for w in s.split() if len(w) > 2 or w.isdigit()} for s in (a, b))
    return x <= y or y <= x or fuzz.ratio(a, b) >= 85


def evidence(a: Keys, b: Keys) -> tuple[list[str], list[str]]:
    """(agreeing, disagreeing) fields of two records."""
    agree, disagree = [], []
    if a.phones and b.phones:
        if _share(a.phones, b.phones):
            agree.append("phone")
        else:
            disagree.append("phones")
    for label, x, y in (("neq", a.neq, b.neq), ("website", a.domain, b.domain),
                        ("email", a.email, b.email)):
        if x and y:
            (agree if x == y else disagree).append(label)
    if a.civic and b.civic:
        same = a.civic == b.civic and _streets_agree(a.street, b.street)
        (agree if same else disagree).append("address")
    if a.postal and a.postal == b.postal:
        agree.append("postal code")
    if a.lat is not None and b.lat is not None:
        metres = distance_m(a, b)
        if metres < 150:
            agree.append("position")
        elif metres > 2000:
            disagree.append("position")
    return agree, disagree


def _share(x: tuple, y: tuple) -> bool:
    return any(value in y for value in x)


STRONG = frozenset({"phone", "neq", "website", "email", "address", "position"})
REVIEW_ON = frozenset({"phone", "neq", "email"})  # alone, these make a pair worth a look


def score(a: Keys, b: Keys) -> tuple[float, list[str]]:
    """Score two records: at least MATCH when the same business, at least REVIEW to review;
    the reasons say why (empty below REVIEW)."""
    unknown_town = TO_CLASSIFY in (a.town, b.town)
    other_town = a.town != b.town and not unknown_town
    if other_town and not _share(a.phones, b.phones) and not (a.email and a.email == b.email):
        return 0.0, []
    agree, disagree = evidence(a, b)
    strong = [f for f in agree if f in STRONG]
    # with no strong field agreeing, only a name this alike can make a verdict
    name, by_alias = name_similarity(a, b, 0.0 if strong or unknown_town else SAME_NAME)
    verdict, kind = _verdict(a, b, name, by_alias, agree, disagree, strong, other_town,
                             unknown_town)
    if kind is None:
        return 0.0, []
    reasons = [f"name {name:.2f}" + (" (trade name)" if by_alias else ""),
               *[f"same {f}" for f in agree], *[f"different {f}" for f in disagree], verdict]
    base = MATCH if kind == "merge" else REVIEW
    return round(base + min(0.05 * len(strong) + 0.1 * name, MATCH - REVIEW - 0.01), 3), \
        reasons


def _verdict(a: Keys, b: Keys, name: float, by_alias: bool, agree: list[str],
             disagree: list[str], strong: list[str], other_town: bool,
             unknown_town: bool) -> tuple[str, str | None]:
    """(why, "merge" or "review" or None): the decision rule of the module's docstring."""
    if other_town:
        shared = [f for f in ("phone", "email") if f in agree]
        if shared and name >= IDENTICAL_NAME and not by_alias and a.source != b.source \
                and not {"neq", "website"} & set(disagree):
            return f"{CHECK} same name and {shared[0]} in two towns", "merge"
        if shared and name >= SAME_NAME:
            return f"to review: same name and {shared[0]} in two towns", "review"
        return "", None
    compatible = name >= COMPATIBLE_NAME or a.numbered != b.numbered
    vetoes = [f for f in disagree if f in ("address", "neq", "position")]
    if "phones" in disagree and not {"address", "email", "neq", "website"} & set(agree):
        vetoes.append("phones")
    if not vetoes:
        if "neq" in agree and compatible:
            return "same NEQ", "merge"
        if "phone" in agree and "address" in agree and compatible:
            return "same phone and address", "merge"
        if name >= SAME_NAME and strong:
            return f"same name and {strong[0]}", "merge"
        if name >= IDENTICAL_NAME and not by_alias and not unknown_town \
                and a.source != b.source and not disagree:
            return "same name, nothing against", "merge"
    if REVIEW_ON & set(agree) or name >= SAME_NAME and not {"address", "position"} & set(vetoes):
        return ("kept apart: different " + ", ".join(vetoes) if vetoes else "to review"), \
            "review"
    return "", None


def candidate_pairs(keys: list[Keys], max_block: int = MAX_BLOCK) -> set[tuple[int, int]]:
    """Pairs worth scoring: same town and a shared rare name word or civic address, or (in any
    town) a shared phone, NEQ, web site or e-mail.

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
    """The blocks of candidate_pairs: records sharing a town and a rare word, a phone, a site…"""

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
        town = [("t", w) for w in rare] + ([("a", address)] if address else [])
        if not k.tokens:
            town.append(("name", k.name))
        anywhere = [(label, v) for label, v in (("n", k.neq), ("d", k.domain), ("e", k.email))
                    if v] + [("p", p) for p in k.phones]
        return [(k.town, kind, value) for kind, value in town] + \
            [("*", kind, value) for kind, value in anywhere]


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
