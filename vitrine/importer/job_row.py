"""Read one row of a job board's export into the values of an offer, field by field, noting
what was repaired, guessed or left out, and why the offer must wait for review if it must."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vitrine.importer import normalize
from vitrine.importer.convert import RowCells, shorten, town_of_row
from vitrine.importer.job_mapping import JobMapping, guess_types
from vitrine.importer.job_values import (
    apply_of,
    audiences_of,
    paragraphs,
    parse_date,
    remote_of,
)
from vitrine.importer.places import Categories, Towns
from vitrine.importer.salary import parse_salary, salary_of_columns

LIMITS = {"title": 200, "employer": 200, "address": 200, "hours": 200, "apply_note": 300,
          "description": 8000}
OPEN_DAYS = 30  # an offer without a deadline stays open this long after its posting


@dataclass
class Context:
    """What every row is compared with: the mapping, towns, categories, employers, today."""

    mapping: JobMapping
    territory: object
    categories: dict
    employers: object  # vitrine.importer.employers.Employers
    today: dt.date
    month_first: bool = False  # the export writes 11/20/2026
    towns: Towns = field(init=False)
    guesses: Categories = field(init=False)
    unknown_towns: dict[str, str] = field(default_factory=dict)  # spelling: why

    def __post_init__(self):
        self.towns, self.guesses = Towns(self.territory), Categories(self.categories)


class OfferRow:
    """One row read into an offer: its values, the defaults it took, why it must wait."""

    def __init__(self, cells: RowCells):
        self.cells = cells
        self.values: dict = {}
        self.waits: list[str] = []
        self.assumed: list[str] = []

    def first(self, name: str) -> str:
        """The field's first filled value as written."""
        return (self.cells.texts(name) or [""])[0]

    def text(self, name: str) -> str:
        """The field's value cleaned (mojibake, Unicode, spaces, HTML), cut to its limit."""
        raw = self.first(name)
        value = self.cells.text(name, raw) if raw else ""
        if len(value) > LIMITS.get(name, 10_000):
            value = value[:LIMITS[name]].rstrip()
            self.cells.note(name, raw, "cut", value, f"at most {LIMITS[name]} characters")
        return value

    def say(self, name: str, message: str) -> None:
        """Add a report line about one field (and its column, if the export has one)."""
        column = f'column "{self.cells.column(name)}" -> ' if self.cells.paths(name) else ""
        self.cells.report.append(f"{self.cells.label}: {column}{name}: {message}")

    def left_out(self, name: str, raw: str, why: str) -> None:
        """Report a value that is not published, and why."""
        self.say(name, f'left out "{shorten(raw)}" ({why})')


def read_offer(offer: OfferRow, context: Context) -> bool:
    """Fill the offer's values from its row; False when it has no title."""
    title, title_en = offer.text("title"), offer.text("title_en")
    if not (title or title_en):
        return False
    offer.values["title"] = {**({"fr": title} if title else {}),
                             **({"en": title_en} if title_en else {})}
    town = _municipality(offer, context)
    _employer(offer, context, town)
    address = offer.text("address")
    if address:
        offer.values["address"] = address
    _category(offer, context)
    _types(offer, context)
    hours = offer.text("hours")
    if hours:
        offer.values["hours"] = {"fr": hours}
    _salary(offer)
    _remote(offer)
    _dates(offer, context)
    _apply(offer)
    _description(offer)
    audiences, unknown = audiences_of(offer.first("audiences"))
    for part in unknown:
        offer.left_out("audiences", part, "not one of our audiences")
    if audiences:
        offer.values["audiences"] = audiences
    return True


def _municipality(offer: OfferRow, context: Context) -> str | None:
    """The row's town (the mapping's table, then our spellings; else the town at the end of
    its address); None when it names none."""
    raw = offer.first("municipality")
    if not raw:
        address = offer.first("address")
        town, how = context.towns.match(address.rpartition(",")[2]) if "," in address else \
            (None, None)
        if town and how and how.startswith(("close", "the beginning")):
            town = None  # a close spelling at the end of an address may be a street's name
        if town:
            offer.say("address", f'town "{town}" taken from the address')
            offer.values["municipality"] = town
        return town
    town, how = town_of_row(offer.cells, raw, context.mapping, context.towns, context.territory)
    if town and how:
        offer.cells.note("municipality", raw, "repaired", town, how)
    if town:
        offer.values["municipality"] = town
        return town
    why = how or f'the mapping says "{context.mapping.town_of(raw)}"'
    context.unknown_towns.setdefault(raw, why)
    offer.waits.append(f'municipality "{raw}": {why}')
    return None


def _employer(offer: OfferRow, context: Context, town: str | None) -> None:
    name = offer.text("employer")
    if not name:
        offer.waits.append("no employer")
        return
    slug, how = context.employers.match(name, town)
    given = "municipality" in offer.values or offer.first("municipality")
    if slug:
        offer.values["employer"] = {"business": slug}
        if not given:
            offer.values["municipality"] = context.employers.town[slug]
        return
    offer.values["employer"] = {"name": name}
    offer.say("employer", f'"{name}" kept as a name ({how}; to review)')
    url = offer.first("employer_url")
    if url:
        value, verdict = normalize.url(url)
        if value:
            offer.values["employer"]["url"] = value
        else:
            offer.left_out("employer_url", url, verdict)
    if not given:
        offer.waits.append("no municipality given, and the employer is not in the directory")


def _category(offer: OfferRow, context: Context) -> None:
    label = offer.text("category")
    if not label:
        return
    slug = context.mapping.category_of(label)
    if slug is None:
        slug, how = context.guesses.guess(label)
        if slug and "check" not in how:
            offer.cells.note("category", label, "guessed", slug,
                             f"like {how}; not in the mapping's table yet")
        else:
            slug = None
    if slug in context.categories:
        offer.values["category"] = slug
    else:
        offer.left_out("category", label, "no category of data/taxonomy.yaml; the "
                                          "employer's, if any, is shown")


def _types(offer: OfferRow, context: Context) -> None:
    """The types of the mapping's table for the row's label, else guessed from it; from the
    title and schedule when the row gives no label."""
    label = offer.text("employment_type")
    types = context.mapping.types_of(label) if label else None
    if types is None and label:
        types, how = guess_types(label)
        if types:
            offer.cells.note("employment_type", label, "guessed", ", ".join(types),
                             f"like {how}; not in the mapping's table yet")
    if not label:
        said = " ; ".join(offer.first(n) for n in ("title", "hours"))
        types, how = guess_types(said)
        if types:
            offer.say("employment_type", f"none given; {', '.join(types)} read in the title or "
                                         f"schedule (like {how})")
    if types:
        offer.values["employment_type"] = list(types)
    else:
        offer.waits.append(f'employment type "{label}" to review' if label
                           else "no employment type given")


def _salary(offer: OfferRow) -> None:
    low, high, unit = (offer.first(n) for n in ("salary_min", "salary_max", "salary_unit"))
    text = offer.first("salary")
    if low or high:
        salary, why = salary_of_columns(low, high, unit or text)
        name, raw = "salary_min", f"{low} - {high} {unit}".strip(" -")
    elif text:
        salary, why = parse_salary(text)
        name, raw = "salary", text
    else:
        return
    if salary:
        offer.values["salary"] = salary
    else:
        offer.left_out(name, raw, f"{why}; no salary published")


def _remote(offer: OfferRow) -> None:
    raw = offer.first("remote")
    value = remote_of(raw) if raw else None
    if value:
        offer.values["remote"] = value
    elif raw:
        offer.left_out("remote", raw, "neither on site, hybrid nor remote; on site is shown")


def _dates(offer: OfferRow, context: Context) -> None:
    """The posting day (else the import's) and the last day to apply (else OPEN_DAYS
    later); an offer whose deadline comes before its posting waits."""
    days, today = {}, context.today
    for name in ("date_posted", "valid_through"):
        raw = offer.first(name)
        days[name] = parse_date(raw, context.month_first) if raw else None
        if raw and days[name] is None:
            offer.left_out(name, raw, "not a date; expected YYYY-MM-DD, DD/MM/YYYY or "
                                      "20 novembre 2026")
    posted, until = days["date_posted"], days["valid_through"]
    if posted is None:
        posted = today
        offer.assumed.append("date_posted")
    if until is None:
        until = posted + dt.timedelta(days=OPEN_DAYS)
        offer.assumed.append("valid_through")
    if until < posted:
        offer.waits.append(f"its deadline {until} is before its posting date {posted}")
    offer.values.update(date_posted=posted, valid_through=until)


def _apply(offer: OfferRow) -> None:
    """A web address and an e-mail from whichever columns give them; a sentence kept as
    the note ("Envoyez votre CV à …", "Postulez en ligne : …")."""
    found: dict = {}
    for name in ("apply_url", "apply_email", "apply_note"):
        raw = offer.first(name)
        if not raw:
            continue
        values, notes = apply_of(raw)
        for note in notes if name != "apply_note" or values else ():
            offer.say(name, note)
        for key, value in values.items():
            found.setdefault(key, value)
        said = offer.cells.text(name, raw)
        if len(said.split()) > 2 and "note" not in found and not any("unsafe" in n
                                                                      for n in notes):
            found["note"] = {"fr": said[:LIMITS["apply_note"]].rstrip()}
    if found.keys() & {"url", "email"}:
        offer.values["apply"] = {k: found[k] for k in ("url", "email", "note") if k in found}
    else:
        offer.waits.append("no web address or e-mail to apply" + (
            f' (says "{shorten(found["note"]["fr"])}")' if found else ""))


def _description(offer: OfferRow) -> None:
    description = {}
    for name, lang in (("description", "fr"), ("description_en", "en")):
        raw = offer.first(name)
        if not raw:
            continue
        value, notes = paragraphs(raw)
        if len(value) > LIMITS["description"]:
            value = value[:LIMITS["description"]].rstrip()
            notes.append(f"cut to {LIMITS['description']} characters")
        if notes:
            offer.cells.note(name, shorten(raw), "repaired", shorten(value), ", ".join(notes))
        if value:
            description[lang] = value
    if description:
        offer.values["description"] = description
    else:
        offer.waits.append("no description")
