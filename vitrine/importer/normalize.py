"""One rule per kind of value: repair what can be repaired, refuse what cannot, say which."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from vitrine.directory.checks import format_phone
from vitrine.directory.matching import fold
from vitrine.safe_markdown import is_safe_url

Result = tuple[object, str | None]  # (value or None when refused, note or None)


def phone(text: str) -> Result:
    """Format as "819 555-0101 poste 12"; refuse what is no phone number."""
    value = format_phone(text)
    if value is None:
        return None, "not a phone number"
    return value, None if value == text.strip() else "repaired"


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


def email(text: str) -> Result:
    """Accept a plausible e-mail address, lowercased."""
    value = text.strip().lower().removeprefix("mailto:")
    if not re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}", value):
        return None, "not an e-mail address"
    return value, None if value == text.strip() else "repaired"


def postal_code(text: str) -> Result:
    """Write Canadian postal codes as A1A 1A1."""
    compact = re.sub(r"[\s-]", "", text).upper()
    if not re.fullmatch(r"[ABCEGHJ-NPRSTVXY]\d[A-Z]\d[A-Z]\d", compact):
        return None, "not a Canadian postal code"
    value = f"{compact[:3]} {compact[3:]}"
    return value, None if value == text.strip() else "repaired"


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


def _town_key(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", fold(text).lower())
    words = ["saint" if w == "st" else "sainte" if w == "ste" else w for w in words]
    while words[:2] in (["ville", "de"], ["ville", "d"], ["municipalite", "de"]):
        words = words[2:]
    return " ".join(words)


def town_index(territory) -> dict[str, str]:
    """Map every way of writing a town (name, slug, aliases) to its slug."""
    index = {}
    for town in territory.municipalities.values():
        for spelling in (town.name, town.slug, *town.aliases):
            index[_town_key(spelling)] = town.slug
    return index


def town(text: str, index: dict[str, str]) -> Result:
    """Match a town name despite accents, case, St-/Saint-, "Ville de …"."""
    slug = index.get(_town_key(text))
    if slug is None:
        return None, "not a municipality of data/territory.yaml"
    return slug, None


def category(text: str, table: dict[str, str], categories) -> Result:
    """Map a partner's category through the mapping's table, or by our own slug or label."""
    for key in (text, text.strip(), _town_key(text)):
        if key in table:
            return table[key], None
    for c in categories.values():
        if _town_key(text) in (_town_key(c.slug), _town_key(c.fr), _town_key(c.en)):
            return c.slug, None
    return None, "no category: add it to the mapping's categories table"


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in ("br", "p", "div", "li"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def plain_text(text: str) -> Result:
    """Strip HTML to its text (scripts and styles dropped)."""
    parser = _Text()
    parser.feed(text)
    parser.close()
    value = re.sub(r"\s+", " ", "".join(parser.parts)).strip()
    value = value.replace("<", "‹").replace(">", "›")  # stray brackets never read as tags
    return value, None if value == text.strip() else "HTML removed"
