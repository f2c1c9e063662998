"""Turn a job board's mapped rows into offers of the jobs schema, noting every repaired,
refused or held row.

A row without a title is refused; a row repeating an earlier one (same title, employer and
town, whatever its id) is imported once. A row whose offer could not be published as it is
(no known town, no type, no way to apply, a deadline before its posting date…) is held for
the steward: listed in the report with its reasons, not written. Each offer gets an id that
stays the same from one import to the next: the partner's, else one made from its title,
employer and town.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from vitrine.directory.normal import name_key
from vitrine.importer.convert import RowCells
from vitrine.importer.employers import Employers
from vitrine.importer.job_mapping import JobMapping
from vitrine.importer.job_row import OPEN_DAYS, Context, OfferRow, read_offer
from vitrine.importer.job_values import month_first
from vitrine.kinds.items import slugify

ORDER = ("id", "title", "employer", "municipality", "address", "category", "employment_type",
         "hours", "salary", "remote", "date_posted", "valid_through", "apply", "description",
         "audiences")


@dataclass
class RowResult:
    """What became of one row: published, held, refused or duplicate, with what was read."""

    label: str
    outcome: str
    values: dict
    assumed: tuple[str, ...] = ()  # fields the row did not give: the import's defaults


@dataclass
class JobConversion:
    """What an import made of a board's export: offers, every row's fate, report lines."""

    offers: list[dict] = field(default_factory=list)
    report: list[str] = field(default_factory=list)
    rows: list[RowResult] = field(default_factory=list)
    towns: dict[str, str] = field(default_factory=dict)  # unknown spelling: why

    def count(self, outcome: str) -> int:
        """How many rows ended so: published, held, refused or duplicate."""
        return sum(r.outcome == outcome for r in self.rows)


def convert_jobs(table, mapping: JobMapping, territory, categories, directory,
                 source: str = "", previous: list[dict] = (),
                 today: dt.date | None = None) -> JobConversion:
    """Convert every row of a board's export through its mapping (previous: the offers of
    the last import, whose posting day an undated offer keeps)."""
    context = Context(mapping, territory, categories,
                      Employers(directory.businesses if directory else []),
                      today or dt.date.today())
    dates = [c for name in ("date_posted", "valid_through")
             for c in _listed(mapping.columns.get(name))]
    context.month_first = month_first(row.get(c) or "" for row in table.rows for c in dates)
    before = {str(o.get("id")): o for o in previous if isinstance(o, dict)}
    out = JobConversion(report=list(getattr(table, "notes", [])))
    seen_ids: set[str] = set()
    seen: dict[tuple, str] = {}
    for row, label in zip(table.rows, table.labels, strict=True):
        offer = OfferRow(RowCells(row, label, mapping, out.report))
        outcome = _outcome(offer, context, seen, out.report)
        if outcome == "published":
            offer_id = _offer_id(offer, source, seen_ids)
            _undated(offer, before.get(offer_id))
            offer.values = {"id": offer_id, **{k: offer.values[k] for k in ORDER
                                               if k in offer.values}}
            out.offers.append(offer.values)
        out.rows.append(RowResult(label, outcome, offer.values, tuple(offer.assumed)))
    out.towns = context.unknown_towns
    return out


def _outcome(offer: OfferRow, context: Context, seen: dict, report: list[str]) -> str:
    """Read a row; say why it is refused, a duplicate or held, if it is."""
    label = offer.cells.label
    if not read_offer(offer, context):
        report.append(f"{label}: row refused (no title; an offer needs at least a title)")
        return "refused"
    same = _same_key(offer.values)
    if same in seen:
        report.append(f"{label}: a duplicate of {seen[same]} (same title, employer and town); "
                      "imported once")
        return "duplicate"
    seen[same] = label
    if offer.waits:
        report.append(f"{label}: held for review, not published ({'; '.join(offer.waits)})")
        return "held"
    return "published"


def _undated(offer: OfferRow, last: dict | None) -> None:
    """An offer without a posting day keeps the one of the last import (else today's); one
    without a deadline closes OPEN_DAYS after it. Both said in the report."""
    values, label = offer.values, offer.cells.label
    if "date_posted" in offer.assumed:
        if last and isinstance(last.get("date_posted"), dt.date):
            values["date_posted"] = last["date_posted"]
            if "valid_through" in offer.assumed:
                values["valid_through"] = last["date_posted"] + dt.timedelta(days=OPEN_DAYS)
        offer.cells.report.append(f"{label}: date_posted: none given; {values['date_posted']} "
                                  "written (first imported that day)")
    if "valid_through" in offer.assumed:
        offer.cells.report.append(f"{label}: valid_through: none given; {OPEN_DAYS} days after "
                                  f"posting ({values['valid_through']}) written")


def _same_key(values: dict) -> tuple:
    """What makes two rows one offer: the same title, employer and town."""
    employer = values.get("employer") or {}
    title = values["title"].get("fr") or values["title"].get("en")
    return (name_key(title), employer.get("business") or name_key(employer.get("name", "")),
            values.get("municipality") or "")


def _offer_id(offer: OfferRow, source: str, seen: set[str]) -> str:
    """The partner's id as a slug (prefixed with the source when it is only digits, so two
    boards' numbers never meet), or one made from the title, employer, town and source."""
    raw = offer.first("id")
    offer_id = slugify(raw)[:64].strip("-")
    if offer_id.replace("-", "").isdigit() and source:
        offer_id = f"{slugify(source)}-{offer_id}"
    if raw and offer_id != raw.strip().lower():
        offer.cells.note("id", raw, "repaired", offer_id)
    if not offer_id:
        key = "|".join([*_same_key(offer.values), source])
        title = offer.values["title"].get("fr") or offer.values["title"].get("en")
        offer_id = f"{slugify(title)[:48].strip('-') or 'offre'}-" \
                   f"{hashlib.sha1(key.encode()).hexdigest()[:8]}"
    unique, n = offer_id, 1
    while unique in seen:
        n += 1
        unique = f"{offer_id}-{n}"
    if unique != offer_id:
        offer.cells.note("id", offer_id, "already used above; renamed", unique)
    seen.add(unique)
    return unique


def changed_fields(old: dict, new: dict) -> list[str]:
    """The fields whose value differs between two versions of an offer."""
    return [k for k in ORDER if old.get(k) != new.get(k)]


def _listed(columns) -> list[str]:
    """A field's columns as a list (a mapping may give one or several)."""
    return columns if isinstance(columns, list) else [columns] if columns else []
