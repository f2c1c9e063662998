"""One rule per kind of value: repair what can be repaired, refuse what cannot, say which."""

from __future__ import annotations

import re

from vitrine.directory.checks import format_phone
from vitrine.safe_markdown import is_safe_url

Result = tuple[object, str | None]  # (value or None when refused, note or None)

# "819 555-0101 / 819 555-0102 (cell.)", "a@x.ca; b@y.ca": one value per part
_SEPARATORS = re.compile(r"\s*(?:[/;|\n]|,(?!\s*(?:poste|post|ext|x\b|#))|\bou\b|\bor\b|\bet\b)\s*",
                         re.IGNORECASE)
_EXTENSION = re.compile(r"(?:poste|post|p\.|ext\.?|extension|x|#)\s*(\d{1,6})\s*$", re.IGNORECASE)
_FAX = re.compile(r"\b(?:fax|t[ée]l[ée]c(?:opieur)?)\b", re.IGNORECASE)
_FAX_FIRST = re.compile(r"(?=\b(?:fax|t[ée]l[ée]c(?:opieur)?)\b\.?\s*:?\s*[\d(+])",
                        re.IGNORECASE)
_EMAIL = re.compile(r"[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.IGNORECASE)


def phones(text: str, area_code: str = "") -> tuple[list[str], list[str]]:
    """Every phone number of a cell, first one first; with notes on what was repaired or left."""
    numbers, notes = [], []
    if not re.search(r"\d", text):  # "N/D", "voir site web": one value, refused whole
        return [], [f'rejected "{text.strip()}" (not a phone number)']
    text = _FAX_FIRST.sub("\n", text)  # "Tél. : 819 … Fax : 819 …": the fax apart
    for part in _SEPARATORS.split(text):
        if not part.strip():
            continue
        if _FAX.search(part):
            notes.append(f'left out "{part.strip()}" (a fax number)')
            continue
        extension = _EXTENSION.search(part)
        number = part[:extension.start()] if extension else part
        digits = re.sub(r"\D", "", re.sub(r"\([^)]*[a-zA-Z][^)]*\)", "", number))
        completed = len(digits) == 7 and area_code
        formatted = format_phone(area_code + digits if completed else digits) \
            if len(digits) in (7, 10, 11) else None
        if formatted is None:
            notes.append(f'rejected "{part.strip()}" (not a phone number)')
            continue
        if extension:
            formatted += f" poste {extension.group(1)}"
        if formatted in numbers:
            continue
        said = part.strip()
        if completed:
            notes.append(f'area code {area_code} added to "{said}" ("{formatted}")')
        elif numbers:
            notes.append(f'another number kept "{said}" as "{formatted}"')
        elif formatted != said:
            notes.append(f'repaired "{said}" to "{formatted}"')
        numbers.append(formatted)
    return numbers, notes


def emails(text: str) -> tuple[list[str], list[str]]:
    """Every e-mail address of a cell, lowercased; with notes on parts that are no address."""
    found, notes = [], []
    for part in _SEPARATORS.split(re.sub(r"mailto:", "", text, flags=re.IGNORECASE)):
        if not part.strip():
            continue
        addresses = _EMAIL.findall(part)
        if not addresses:
            notes.append(f'rejected "{part.strip()}" (not an e-mail address)')
        for address in (a.lower() for a in addresses):
            if address not in found:
                if found:
                    notes.append(f'another address kept "{address}"')
                elif address != part.strip():
                    notes.append(f'repaired "{part.strip()}" to "{address}"')
                found.append(address)
    return found, notes


def url(text: str) -> Result:
    """Give addresses a scheme; refuse script-carrying ones."""
    value = text.strip()
    if not is_safe_url(value) or re.match(r"^\s*[a-z]+script:", value, re.I):
        return None, "unsafe address"
    if not re.match(r"^https?://", value, re.I):
        if re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I) and not value.lower().startswith("www."):
            return None, "not a web address"
        value = "https://" + value
    if not re.fullmatch(r"https?://[^\s<>\"']+\.[^\s<>\"']+", value):
        return None, "not a web address"
    return value, None if value == text.strip() else "repaired"


def postal_code(text: str) -> Result:
    """Write Canadian postal codes as A1A 1A1."""
    compact = re.sub(r"[\s-]", "", text).upper()
    if not re.fullmatch(r"[ABCEGHJ-NPRSTVXY]\d[A-Z]\d[A-Z]\d", compact):
        return None, "not a Canadian postal code"
    value = f"{compact[:3]} {compact[3:]}"
    return value, None if value == text.strip() else "repaired"


def neq(text: str) -> Result:
    """Keep a Québec enterprise number of 10 digits; never turn a damaged one into digits."""
    value = text.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?\s*[eE]\s*[+-]?\d+", value):
        return None, "damaged by a spreadsheet (scientific notation); ask the partner for its 10 " \
                     "digits"
    digits = re.sub(r"[\s.-]", "", value)
    if not digits.isdigit() or len(digits) != 10:
        return None, "not a Québec enterprise number (10 digits)"
    return digits, None if digits == value else "repaired"


def coordinates(lat_text: str, lon_text: str, bounds: dict) -> tuple[object, object, str | None]:
    """Accept comma decimals, detect swapped latitude/longitude, refuse out-of-region points."""
    try:
        lat, lon = (float(t.strip().replace(",", ".")) for t in (lat_text, lon_text))
    except ValueError:
        return None, None, "not a number"

    def inside(a, b):
        return bounds["south"] <= a <= bounds["north"] and bounds["west"] <= b <= bounds["east"]

    if inside(lat, lon):
        return lat, lon, None if "," not in lat_text + lon_text else "repaired"
    if inside(lon, lat):
        return lon, lat, "latitude and longitude were swapped"
    return None, None, "outside the region"
