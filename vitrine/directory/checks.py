"""Checks for directory values: phone numbers, postal codes, opening hours, known slugs."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import phonenumbers

from vitrine import routes
from vitrine.problems import show
from vitrine.schema import Check, Field, Record, Text

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_EXTENSION = re.compile(r"\s*(?:poste|post|p\.|ext\.?|extension|x)\s*(\d+)\s*$", re.IGNORECASE)
HOURS = re.compile(r"^(?:closed|\d{2}:\d{2}-\d{2}:\d{2}(?:, ?\d{2}:\d{2}-\d{2}:\d{2})*)$")


_PLAIN = re.compile(r"^(?:\+?1[\s.-]?)?\(?([2-9]\d\d)\)?[\s.-]*([2-9]\d\d)[\s.-]*(\d{4})$")


@functools.lru_cache(maxsize=4096)
def _valid_exchange(area: str, exchange: str) -> bool:
    """Ask libphonenumber once per area code and exchange (they decide validity in NANP)."""
    number = phonenumbers.parse(f"{area}{exchange}0100", "CA")
    return phonenumbers.is_valid_number(number)


def format_phone(value: str) -> str | None:
    """Return a Québec-style "819 555-0101 poste 12", or None when it is no phone number."""
    text = str(value).strip()
    extension = ""
    match = _EXTENSION.search(text)
    if match:
        extension, text = match.group(1), text[:match.start()]
    plain = _PLAIN.match(text)
    if plain:  # the common case, without a full parse
        if not _valid_exchange(plain.group(1), plain.group(2)):
            return None
        out = f"{plain.group(1)} {plain.group(2)}-{plain.group(3)}"
        return f"{out} poste {extension}" if extension else out
    try:
        number = phonenumbers.parse(text, "CA")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number) or number.country_code != 1:
        return None
    digits = str(number.national_number)
    out = f"{digits[:3]} {digits[3:6]}-{digits[6:]}"
    extension = extension or (number.extension or "")
    return f"{out} poste {extension}" if extension else out


@dataclass
class Phone(Check):
    """A North American phone number, extension allowed; stored as "819 555-0101"."""

    expected: str = "a phone number"

    def __call__(self, value, parts, ctx):
        formatted = format_phone(value) if isinstance(value, (str, int)) else None
        if formatted is None:
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        return formatted


@dataclass
class PostalCode(Check):
    """A Canadian postal code, stored as "A1A 1A1"."""

    expected: str = "a Canadian postal code (A1A 1A1)"

    def __call__(self, value, parts, ctx):
        compact = re.sub(r"[\s-]", "", str(value)).upper() if isinstance(value, str) else ""
        if not re.fullmatch(r"[ABCEGHJ-NPRSTVXY]\d[A-Z]\d[A-Z]\d", compact):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        return f"{compact[:3]} {compact[3:]}"


@dataclass
class Hours(Check):
    """Opening hours of one day: "closed" or "08:00-12:00, 13:00-17:00"."""

    expected: str = 'opening hours ("08:00-17:00", "08:00-12:00, 13:00-17:00" or "closed")'

    def __call__(self, value, parts, ctx):
        if not isinstance(value, str) or not HOURS.match(value.strip()):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        return value.strip()


@dataclass
class KnownSlug(Check):
    """A slug that must exist in a reference file (taxonomy, territory)."""

    known: Callable[[], set[str]] = field(default_factory=lambda: set)
    expected: str = "a known slug"
    also: tuple[str, ...] = ()

    def __call__(self, value, parts, ctx):
        known = self.known()
        if value in self.also:
            return value
        if not isinstance(value, str) or value not in known:
            hint = difflib.get_close_matches(str(value), sorted(known), n=1)
            extra = f' (did you mean "{hint[0]}"?)' if hint else ""
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}{extra}")
        return value


@dataclass
class Localized(Record):
    """Texts per language (fr, en); a plain text is taken as the site's default language."""

    expected: str = "a mapping of fr and en texts, or a text"

    def __call__(self, value, parts, ctx):
        if isinstance(value, str):
            value = {routes.DEFAULT_LANG: value}
        return super().__call__(value, parts, ctx)


def localized_text(limit: int) -> Localized:
    """French and English texts of at most limit characters, or one text in the default
    language."""
    return Localized(fields=[Field("fr", Text(max_length=limit), default=""),
                             Field("en", Text(max_length=limit), default="")])


@dataclass
class BusinessSlug(Check):
    """A business of the directory (checked once the directory is merged)."""

    known: object = None
    expected: str = "a business of the directory (its slug)"

    def __call__(self, value, parts, ctx):
        names = self.known() if callable(self.known) else None
        if names is None:  # the build checks it when the directory is merged
            return Text(pattern=_SLUG, expected=self.expected)(value, parts, ctx)
        return KnownSlug(lambda: names, expected=self.expected)(value, parts, ctx)
