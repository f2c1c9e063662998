"""A small declarative schema: typed fields with docs, every error collected in one pass.

Each kind of value is a ``Check``; ``Record`` holds named ``Field``s. ``validate`` walks a
located YAML document and returns the cleaned value plus every problem, each with the file,
line, column and key path (``businesses[12].phone``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from vitrine.problems import Problem, key_path, show
from vitrine.yamlfile import Located

INVALID = object()
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:", "file:")
# Shared with the JSON Schema export (vitrine/directory/json_schema.py): ECMAScript-safe too.
HTML_TAG = r"<\s*/?\s*[a-zA-Z!][^>]*>"
WEB_URL = r"""https?://[^\s<>"']+\.[^\s<>"']+"""
EMAIL = r"""[^@\s<>"]+@[^@\s<>"]+\.[A-Za-z]{2,}"""


class Context:
    """Where validation is: the document and the problems found so far."""

    def __init__(self, doc: Located):
        self.doc = doc
        self.problems: list[Problem] = []

    def fail(self, parts: tuple, message: str) -> object:
        """Record a problem at a key path and return INVALID."""
        self.problems.append(self.doc.problem(parts, key_path(parts), message))
        return INVALID


class Check:
    """One kind of value; subclasses clean a value or report why it is wrong."""

    expected = "a value"

    def __call__(self, value, parts: tuple, ctx: Context):
        return value

    def describe(self) -> str:
        """Say in words what this check accepts (used in docs)."""
        return self.expected


@dataclass
class Text(Check):
    """Plain text on one or more lines; HTML is refused where ``html`` is False."""

    max_length: int = 10_000
    pattern: str | None = None
    expected: str = "text"
    html: bool = False

    def __call__(self, value, parts, ctx):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        value = value.strip()
        if len(value) > self.max_length:
            return ctx.fail(parts, f"expected {self.expected} of at most {self.max_length:,} "
                                   f"characters, got {len(value):,}")
        if not self.html and re.search(HTML_TAG, value):
            return ctx.fail(parts, f"expected {self.expected} without HTML, got {show(value)}")
        if self.pattern and not re.fullmatch(self.pattern, value):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        return value


@dataclass
class Choice(Check):
    """One value among a fixed or data-driven set."""

    choices: Callable[[], list[str]] | list[str] = field(default_factory=list)
    expected: str = ""

    def options(self) -> list[str]:
        return self.choices() if callable(self.choices) else list(self.choices)

    def __call__(self, value, parts, ctx):
        options = self.options()
        if value not in options:
            return ctx.fail(parts, f"expected one of {', '.join(options)}; got {show(value)}")
        return value

    def describe(self) -> str:
        return self.expected or "one of " + ", ".join(self.options())


@dataclass
class Integer(Check):
    """A whole number within bounds."""

    minimum: int | None = None
    maximum: int | None = None
    expected: str = "a whole number"

    def __call__(self, value, parts, ctx):
        if isinstance(value, bool) or not isinstance(value, int):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        if (self.minimum is not None and value < self.minimum) or \
                (self.maximum is not None and value > self.maximum):
            return ctx.fail(parts, f"expected {self.expected} between {self.minimum} and "
                                   f"{self.maximum}, got {value}")
        return value


@dataclass
class Number(Check):
    """A decimal number within bounds."""

    minimum: float | None = None
    maximum: float | None = None
    expected: str = "a number"

    def __call__(self, value, parts, ctx):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        if (self.minimum is not None and value < self.minimum) or \
                (self.maximum is not None and value > self.maximum):
            return ctx.fail(parts, f"expected {self.expected} between {self.minimum} and "
                                   f"{self.maximum}, got {value}")
        return float(value)


@dataclass
class Boolean(Check):
    """true or false."""

    expected: str = "true or false"

    def __call__(self, value, parts, ctx):
        if not isinstance(value, bool):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        return value


@dataclass
class Date(Check):
    """A calendar date written YYYY-MM-DD."""

    expected: str = "a date (YYYY-MM-DD)"

    def __call__(self, value, parts, ctx):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")


@dataclass
class Url(Check):
    """An http(s) address; script-carrying schemes are refused."""

    expected: str = "a web address (https://…)"

    def __call__(self, value, parts, ctx):
        if not isinstance(value, str):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
        if cleaned.startswith(UNSAFE_SCHEMES):
            return ctx.fail(parts, f"expected {self.expected}, got an unsafe address "
                                   f"({cleaned.split(':')[0]}:)")
        if not re.fullmatch(WEB_URL, value.strip()):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        return value.strip()


@dataclass
class Email(Check):
    """An e-mail address."""

    expected: str = "an e-mail address"

    def __call__(self, value, parts, ctx):
        if not isinstance(value, str) or not re.fullmatch(EMAIL, value.strip()):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        return value.strip()


@dataclass
class ListOf(Check):
    """A list of items of one kind; a single item is accepted as a list of one."""

    item: Check = field(default_factory=Text)
    single_ok: bool = True
    min_items: int = 0

    def __call__(self, value, parts, ctx):
        if not isinstance(value, list):
            if self.single_ok and value is not None and not isinstance(value, dict):
                value = [value]
                cleaned = [self.item(value[0], parts, ctx)]
                return [] if cleaned[0] is INVALID else cleaned
            return ctx.fail(parts, f"expected a list of {self.item.describe()}, "
                                   f"got {show(value)}")
        if len(value) < self.min_items:
            return ctx.fail(parts, f"expected at least {self.min_items} of "
                                   f"{self.item.describe()}, got {len(value)}")
        out = [self.item(v, parts + (i,), ctx) for i, v in enumerate(value)]
        return [v for v in out if v is not INVALID]

    def describe(self) -> str:
        return f"a list of {self.item.describe()}"


@dataclass
class Field:
    """A named entry of a record, with its check and its documentation."""

    name: str
    check: Check
    required: bool = False
    doc: str = ""
    default: object = None


@dataclass
class Record(Check):
    """A mapping with declared fields; unknown keys are reported with a suggestion."""

    fields: list[Field] = field(default_factory=list)
    expected: str = "a mapping"
    extra_ok: bool = False

    def __call__(self, value, parts, ctx):
        if not isinstance(value, dict):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        known = {f.name: f for f in self.fields}
        out = {}
        ok = True
        for key in value:
            if key not in known and not self.extra_ok:
                hint = difflib.get_close_matches(key, list(known), n=1)
                extra = f' (did you mean "{hint[0]}"?)' if hint else ""
                ctx.fail(parts + (key,), f"unknown key{extra}; expected one of "
                                         f"{', '.join(known)}")
        for f in self.fields:
            if f.name not in value or value[f.name] is None:
                if f.required:
                    ctx.fail(parts + (f.name,), f"missing; expected {f.check.describe()}")
                    ok = False
                out[f.name] = f.default() if callable(f.default) else f.default
                continue
            cleaned = f.check(value[f.name], parts + (f.name,), ctx)
            if cleaned is INVALID:
                if f.required:
                    ok = False
                cleaned = f.default() if callable(f.default) else f.default
            out[f.name] = cleaned
        return out if ok else INVALID


def validate(check: Check, doc: Located) -> tuple[object, list[Problem]]:
    """Validate a located document and return (cleaned value or INVALID, problems)."""
    ctx = Context(doc)
    value = check(doc.data, (), ctx)
    return value, ctx.problems


def document(record: Record, heading_level: int = 3) -> str:
    """Render a record's fields as a Markdown table for the docs."""
    lines = ["| field | required | accepts | meaning |", "|---|---|---|---|"]

    def rows(fields, prefix):
        for f in fields:
            lines.append(f"| `{prefix}{f.name}` | {'yes' if f.required else 'no'} | "
                         f"{f.check.describe()} | {f.doc} |")
            nested = getattr(f.check, "fields", None)
            if nested and any(n.doc for n in nested):  # a mapping whose keys are documented
                rows(nested, f"{prefix}{f.name}.")
    rows(record.fields, "")
    return "\n".join(lines)
