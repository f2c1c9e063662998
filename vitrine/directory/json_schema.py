"""The business record's JSON Schema, generated from the one declared schema (schema.py).

It describes one file of a folder source (data/sources/<source>/<slug>.yaml): its id is the
file's name, and the importer's fields (review) and `a-classer` are left out, so the category
and town enums are exactly data/taxonomy.yaml and data/territory.yaml. The public form of
/proposer/ validates against it in the browser (theme/static/js/propose.js), with the subset
of keywords used here: type, enum, maxLength, pattern, not (a pattern), minimum, maximum,
properties, required, additionalProperties, items, minItems.
"""

from __future__ import annotations

import functools
import json

from vitrine.directory import checks
from vitrine.directory.schema import business_record
from vitrine.schema import (
    EMAIL,
    HTML_TAG,
    UNSAFE_SCHEMES,
    WEB_URL,
    Check,
    Choice,
    Date,
    Email,
    Integer,
    ListOf,
    Number,
    Record,
    Text,
    Url,
)

SCHEMA_FILE = "schema/entreprise.json"  # under the open data's folder: /donnees/schema/…
LEFT_OUT = ("id", "review")  # the file's name; the importer's notes to the steward
DIALECT = "https://json-schema.org/draft/2020-12/schema"
# ECMAScript patterns carry no flags: the extension words in both cases, as people write them
_EXTENSION = r"(?:\s*(?:[Pp]oste|[Pp]\.|[Ee]xt\.?|[Ee]xtension|[Xx])\s*\d+)?"
PHONE = r"(?:\+?1[\s.-]?)?\(?[2-9]\d\d\)?[\s.-]*[2-9]\d\d[\s.-]*\d{4}" + _EXTENSION
POSTAL_CODE = r"[ABCEGHJ-NPRSTVXYabceghj-nprstvxy]\d[A-Za-z][\s-]?\d[A-Za-z]\d"


def _anchored(pattern: str) -> str:
    """JSON Schema patterns search; our checks match the whole value."""
    return f"^(?:{pattern})$"


def _any_case(word: str) -> str:
    """A word in any case, control characters and spaces allowed between its letters
    (browsers ignore them in a URL's scheme, as Url does)."""
    return r"[\x00-\x20]*".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c
                                for c in word)


UNSAFE_URL = r"^[\x00-\x20]*(?:" + "|".join(_any_case(s) for s in UNSAFE_SCHEMES) + ")"


@functools.singledispatch
def to_json_schema(check: Check) -> dict:
    """Return the JSON Schema of a check (any text, for a check without a rule of its own)."""
    return {"type": "string"}


@to_json_schema.register
def _(check: Text) -> dict:
    out = {"type": "string", "maxLength": check.max_length}
    if check.pattern:
        out["pattern"] = _anchored(check.pattern)
    if not check.html:
        out["not"] = {"title": "html", "pattern": HTML_TAG}
    return out


@to_json_schema.register
def _(check: Choice) -> dict:
    return {"type": "string", "enum": check.options()}


@to_json_schema.register
def _(check: checks.KnownSlug) -> dict:
    return {"type": "string", "enum": sorted(check.known())}  # not `also`: a-classer


@to_json_schema.register
def _(check: Integer) -> dict:
    return {"type": "integer", **_bounds(check)}


@to_json_schema.register
def _(check: Number) -> dict:
    return {"type": "number", **_bounds(check)}


def _bounds(check) -> dict:
    return {k: v for k, v in (("minimum", check.minimum), ("maximum", check.maximum))
            if v is not None}


@to_json_schema.register
def _(check: Date) -> dict:
    return {"type": "string", "pattern": _anchored(r"\d{4}-\d{2}-\d{2}")}


@to_json_schema.register
def _(check: Url) -> dict:
    return {"type": "string", "maxLength": 2000,
            "not": {"title": "unsafe-url", "pattern": UNSAFE_URL},
            "pattern": _anchored(WEB_URL)}


@to_json_schema.register
def _(check: Email) -> dict:
    return {"type": "string", "maxLength": 254, "pattern": _anchored(EMAIL)}


@to_json_schema.register
def _(check: checks.Phone) -> dict:
    return {"type": "string", "maxLength": 40, "pattern": _anchored(PHONE)}


@to_json_schema.register
def _(check: checks.PostalCode) -> dict:
    return {"type": "string", "maxLength": 7, "pattern": _anchored(POSTAL_CODE)}


@to_json_schema.register
def _(check: checks.Hours) -> dict:
    return {"type": "string", "maxLength": 100, "pattern": checks.HOURS.pattern}


@to_json_schema.register
def _(check: ListOf) -> dict:
    out = {"type": "array", "items": to_json_schema(check.item)}
    if check.min_items:
        out["minItems"] = check.min_items
    return out


@to_json_schema.register
def _(check: Record) -> dict:
    out = {"type": "object", "properties": {}}
    required = []
    for field in check.fields:
        prop = to_json_schema(field.check)
        if field.doc:
            prop = {"description": field.doc, **prop}
        out["properties"][field.name] = prop
        if field.required:
            required.append(field.name)
    if required:
        out["required"] = required
    if not check.extra_ok:
        out["additionalProperties"] = False
    return out


def business_json_schema(categories, towns, url: str = "") -> dict:
    """Return the JSON Schema of one business file, with the known categories and towns."""
    record = business_record(lambda: set(categories), lambda: set(towns))
    record = Record(fields=[f for f in record.fields if f.name not in LEFT_OUT])
    out = {"$schema": DIALECT, **({"$id": url} if url else {}),
           "title": "Business record (one file of data/sources/<source>/)",
           "description": "Generated by Vitrine from its declared business schema; the file's "
                          "name is the record's id. Patterns are ECMAScript regular "
                          "expressions; the build's own checks have the last word.",
           **to_json_schema(record)}
    out["properties"]["category"]["description"] = "Category slug of data/taxonomy.yaml."
    out["properties"]["municipality"]["description"] = "Town slug of data/territory.yaml."
    return out


def dumps(schema: dict) -> str:
    """Serialise a schema readably and byte-stable from build to build."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
