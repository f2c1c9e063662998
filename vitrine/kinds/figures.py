"""Key figures: a value, its label, its source and its date, in a band on the home page and
in each window. A figure older than its age gets a warning that never stops publishing."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from vitrine import routes
from vitrine.directory.checks import localized_text
from vitrine.directory.schema import AUDIENCE
from vitrine.kinds import Kind
from vitrine.kinds.items import Bilingual, in_lang
from vitrine.problems import show
from vitrine.schema import Boolean, Check, Field, Integer, ListOf, Number, Record, Url

log = logging.getLogger(__name__)
MAX_AGE_MONTHS = 36  # FIGURES["max_age_months"]: older figures are warned about
ADVISORY = {"advisory": True}  # a warning that does not fail a strict (publishing) build
_AS_OF = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass
class AsOf(Check):
    """The date a figure describes: a year (2024), a month (2024-10) or a day (2024-10-01)."""

    expected: str = "a year (2024), a month (2024-10) or a day (2024-10-01)"

    def __call__(self, value, parts, ctx):
        if isinstance(value, dt.date):
            return value.isoformat()
        found = _AS_OF.fullmatch(str(value).strip()) if isinstance(value, (str, int)) else None
        try:
            if found:
                dt.date(int(found.group(1)), int(found.group(2) or 1), int(found.group(3) or 1))
                return str(value).strip()
        except ValueError:
            pass
        return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")


def figure_record(refs) -> Record:
    """Return the schema of one key figure."""
    return Record(fields=[
        Field("value", Number(expected="a number (the figure, unformatted: 147500, 4.3)"),
              required=True, doc="The figure: 147500, 4.3."),
        Field("decimals", Integer(0, 3), default=0, doc="Decimals shown (rounded)."),
        Field("approximate", Boolean(), default=False, doc="Shown with ≈."),
        Field("unit", localized_text(40), default=dict, doc="Its unit: %, $, km, $/h."),
        Field("label", localized_text(160), required=True,
              doc="What it counts, FR/EN: Taux de chômage (2024)."),
        Field("audiences", ListOf(AUDIENCE, min_items=1), required=True,
              doc="Windows whose band shows it."),
        Field("home", Boolean(), default=False, doc="The home page's band shows it too."),
        Field("source", Record(fields=[
            Field("name", localized_text(200), required=True, doc="Who published it."),
            Field("url", Url(), doc="Where it is published.")]), required=True,
              doc="Its source, cited under it."),
        Field("date", AsOf(), required=True,
              doc="The period it describes: 2024, 2024-10 or 2024-10-01."),
        Field("max_age_months", Integer(1, 240),
              doc="Its own age limit (census figures: 72), instead of FIGURES' max_age_months."),
    ])


@dataclass
class Figure(Bilingual):
    """One key figure, as its band shows it."""

    kind: str
    id: str
    slug: str
    value: float
    label: dict
    audiences: list
    source: dict
    date: str
    decimals: int = 0
    approximate: bool = False
    unit: dict = field(default_factory=dict)
    home: bool = False
    max_age_months: int | None = None
    path: str = ""
    line: int | None = None

    def source_name(self, lang: str) -> str:
        """Its source's name in a language."""
        return in_lang(self.source["name"], lang)

    def shown(self, lang: str) -> tuple[str, str]:
        """Its value and unit as the language writes them: "≈ $950", "a month" in English;
        "≈ 950", "$ par mois" in French (147 500 / 147,500; 4,5 % / 4.5%)."""
        text = f"{self.value:,.{self.decimals}f}"
        if lang == "fr":
            text = text.replace(",", "\u202f").replace(".", ",")
        unit = self.text("unit", lang)
        if lang == "en" and unit.startswith("$"):
            text, unit = f"${text}", unit[1:].strip()
        space = "" if not unit or (lang == "en" and unit == "%") else "\u00a0"
        return ("≈\u00a0" if self.approximate else "") + text, space + unit

    @property
    def period(self) -> tuple[int, int | None, dt.date | None]:
        """The year it describes, with its month or its day when given."""
        year, month, day = (int(p) if p else None for p in _AS_OF.fullmatch(self.date).groups())
        return year, month, dt.date(year, month, day) if day else None

    @property
    def described_until(self) -> dt.date:
        """The last day of the period it describes."""
        year, month, day = self.period
        if day:
            return day
        if month:
            return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, 12, 31)

    def months_old(self, today: dt.date) -> int:
        """Whole months from the end of its period to today."""
        end = self.described_until
        return (today.year - end.year) * 12 + today.month - end.month - (today.day < end.day)


def make_figure(item, doc, parts, refs) -> tuple[Figure, list]:
    """Turn a validated figure into a Figure; warn when it is older than its age."""
    v = item.values
    figure = Figure(kind=item.kind, id=item.id, slug=item.slug, value=v["value"],
                    label=v["label"], audiences=v["audiences"], source=v["source"],
                    date=v["date"], decimals=v["decimals"], approximate=v["approximate"],
                    unit=v["unit"], home=v["home"], max_age_months=v.get("max_age_months"),
                    path=item.path, line=item.line)
    return figure, []


def warn_if_old(figures: list[Figure], today: dt.date, max_age_months: int) -> list[Figure]:
    """Log a warning for each figure older than its age; return them."""
    old = []
    for figure in figures:
        limit = figure.max_age_months or max_age_months
        age = figure.months_old(today)
        if age > limit:
            old.append(figure)
            log.warning("%s:%s: figures: \"%s\" describes %s, %d months ago; expected at "
                        "most %d months: update it from its source (%s)", figure.path,
                        figure.line or 1, figure.text("label", routes.DEFAULT_LANG),
                        figure.date, age, limit, figure.source_name(routes.DEFAULT_LANG),
                        extra=ADVISORY)
    return old


def review_figures(figures: list[Figure], today: dt.date, settings) -> None:
    """The build's warnings about figures: each one older than its age."""
    options = settings.get("FIGURES") or {}
    warn_if_old(figures, today, options.get("max_age_months", MAX_AGE_MONTHS))


def for_band(figures: list[Figure], audience: str, limit: int) -> list[Figure]:
    """The figures of a window's band (or the home page's), in the file's order."""
    if audience == "home":
        return [f for f in figures if f.home]
    return [f for f in figures if audience in f.audiences]


KIND = Kind(
    name="figures",
    files="data/figures.yaml",
    sections={},
    schema=figure_record,
    doc="`data/figures.yaml`: a list under `figures:` of key figures, each with its label, "
        "unit, source and date; a band on each window (and on the home page for those marked "
        "`home: true`) shows them, each citing its source and date. The build warns about a "
        "figure older than FIGURES' `max_age_months` (or its own `max_age_months`); the "
        "warning never stops publishing.",
    list_key="figures",
    searchable=False,
    make=make_figure,
    item_pages=False,
    window=for_band,
    review=review_figures,
)
