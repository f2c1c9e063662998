"""Pay as job boards write it, read into the schema's {min, max, unit}, never invented.

Reads French and English amounts ("22,50 $/h", "45 000 $ - 55 000 $ par année", "De 52 000 à
60 000 $/an", "25-30$/h", "$45K–55K a year", "1 200 $ par semaine") and separate min, max and
unit columns. A text without an amount ("Selon expérience", "Competitive") gives no salary and
says why; so does an amount whose unit is neither written nor clear from its size.
"""

from __future__ import annotations

import re

from vitrine.directory.normal import fold

_SPACE = "[ \u00a0\u202f\u2009]"
# 45 000 | 45,000 | 45.000 | 22,50 | 22.50 | 45k | 45 K$
_AMOUNT = re.compile(rf"(?<![\d.,])(\d{{1,3}}(?:(?:{_SPACE}|[.,])\d{{3}})+(?:[.,]\d{{1,2}})?"
                     r"|\d+(?:[.,]\d{1,2})?)(?![\d])(\s*k\b)?", re.IGNORECASE)
_UNITS = (
    ("hour", r"/\s*h(?:r|eure|our)?s?\b|\bheures?\b|\bhours?\b|\bhourly\b|\bhoraires?\b|\bhr\b"
             r"|\bh\b"),
    ("week", r"/\s*sem\b|\bsemaines?\b|\bweeks?\b|\bweekly\b|\bhebdo(?:madaire)?\b|/\s*wk\b"),
    ("month", r"/\s*mois\b|\bmois\b|\bmonths?\b|\bmonthly\b|\bmensuel(?:le)?\b|/\s*mo\b"),
    ("year", r"/\s*an\b|\bans?\b|\bannee\b|\bannuel(?:le)?(?:ment)?\b|\byears?\b|\byearly\b"
             r"|\bannual(?:ly)?\b|\byr\b|\bper annum\b|/\s*a\b"),
)
# what may stand between the two ends of a range: "22 $ à 26 $", "$45,000 - $55,000"
_RANGE = re.compile(r"\s*\$?\s*(?:k\b)?\s*\$?\s*(?:/\s*[a-zé]{1,6}\.?\s*)?"
                    r"(?:-|–|—|à|a|to|et|and|au)\s*\$?\s*", re.IGNORECASE)
UNIT_WORDS = {unit: re.compile(pattern, re.IGNORECASE) for unit, pattern in _UNITS}
MAX_HOURLY = 200  # an amount of a row without its unit: up to this, by the hour
MIN_YEARLY = 15_000  # from this, by the year


def amount(text: str) -> float | None:
    """Read one amount in dollars: "45 000", "45,000", "22,50", "22.50", "45k"."""
    found = _AMOUNT.search(str(text))
    return _number(found) if found else None


def _number(found: re.Match) -> float:
    digits = re.sub(_SPACE, "", found.group(1))
    decimals = re.search(r"[.,](\d{1,2})$", digits)
    if decimals:
        digits = digits[:decimals.start()]
    value = float(re.sub(r"[.,]", "", digits) + (f".{decimals.group(1)}" if decimals else ""))
    return value * 1000 if found.group(2) else value


def unit_of(text: str) -> str | None:
    """The pay period a text names (hour, week, month, year), the first one written."""
    plain = fold(str(text)).lower().replace("’", "'")
    plain = re.sub(r"\bde l'|\bl'|\bpar\b|\bper\b|\ban?\b(?=\s+(?:year|week|month|hour))", " ",
                   plain)
    found = [(m.start(), unit) for unit, rule in UNIT_WORDS.items() for m in rule.finditer(plain)]
    return min(found)[1] if found else None


def parse_salary(text: str) -> tuple[dict | None, str]:
    """Return ({min, max?, unit}, how it was read) or (None, why not)."""
    plain = _without_hours(str(text).strip())
    found = [m for m in _AMOUNT.finditer(plain) if not _a_year(m, plain) and _number(m) > 0]
    if not found:
        return None, "no amount in it"
    first, second = found[0], found[1] if len(found) > 1 else None
    if second is not None and not _RANGE.fullmatch(plain[first.end():second.start()]):
        second = None  # "28,50 $/h + 2 $ de prime": one amount, then something else
    amounts = [_number(m) for m in (first, second) if m is not None]
    if (second or first).group(2) and amounts[0] < 1000:  # "45-55K": both in thousands
        amounts = [a * 1000 if a < 1000 else a for a in amounts]
    unit = unit_of(plain) or _guessed_unit(amounts)
    if unit is None:
        return None, "no pay period (hour, week, month, year) written or clear from the amount"
    if _starts_high(plain) and second is None:  # "jusqu'à 25 $/h": only the top is known
        return None, "only a maximum is given"
    low, high = min(amounts), max(amounts)
    return _whole({"min": low, **({"max": high} if high != low else {}), "unit": unit}), ""


def salary_of_columns(low: str, high: str, unit: str) -> tuple[dict | None, str]:
    """Read separate min, max and unit columns (the unit may be a word or absent)."""
    values = [amount(t) for t in (low, high)]
    if values[0] is None and values[1] is None:
        return None, "no amount in it"
    if values[0] is None:
        values = [values[1], None]
    chosen = unit_of(unit) if unit.strip() else None
    chosen = chosen or _word_unit(unit) or _guessed_unit([v for v in values if v])
    if chosen is None:
        return None, f'unknown pay period "{unit}"; expected hour, week, month or year'
    salary = {"min": values[0], **({"max": values[1]} if values[1] and values[1] != values[0]
                                   else {}), "unit": chosen}
    return _whole(salary), ""


def _word_unit(text: str) -> str | None:
    plain = fold(text).strip().lower()
    return {"hour": "hour", "hourly": "hour", "week": "week", "month": "month", "year": "year",
            "yearly": "year", "annual": "year", "h": "hour"}.get(plain)


def _without_hours(text: str) -> str:
    """Leave out hours worked ("40 h/semaine", "35 heures") that are no pay."""
    return re.sub(r"\b\d{1,2}(?:[.,]\d)?\s*(?:h|heures|hours|hrs)\s*(?:/|par|per|a)\s*"
                  r"(?:sem|semaine|week|wk)\w*", " ", text, flags=re.IGNORECASE)


def _a_year(found: re.Match, text: str) -> bool:
    """A year beside the pay ("Échelle 2026 : 22 $/h"), not an amount: four bare digits
    from 1990 to 2100 with no dollar sign next to them."""
    if not re.fullmatch(r"(?:199\d|20\d\d|2100)", found.group(1)) or found.group(2):
        return False
    return not re.match(r"\s*\$", text[found.end():]) and not text[:found.start()].rstrip() \
        .endswith("$")


def _starts_high(text: str) -> bool:
    return bool(re.match(r"\s*(?:jusqu|up to|max)", fold(text).lower()))


def _guessed_unit(amounts: list[float]) -> str | None:
    if all(a <= MAX_HOURLY for a in amounts):
        return "hour"
    if all(a >= MIN_YEARLY for a in amounts):
        return "year"
    return None


def _whole(salary: dict) -> dict:
    """Write 45000.0 as 45000 and 22.5 as 22.5."""
    return {k: int(v) if isinstance(v, float) and v.is_integer() else v
            for k, v in salary.items()}
