"""A job offer as its pages show it: open until its last day, then closed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from vitrine import routes
from vitrine.kinds.items import Bilingual, in_lang
from vitrine.kinds.jobs.schema import STUDENT_TYPES
from vitrine.problems import key_path

CLOSING_SOON_DAYS = 7  # the build lists the offers closing within this many days


@dataclass
class Job(Bilingual):
    """One job offer: what its file says, with its town and category filled in."""

    kind: str
    id: str
    slug: str
    title: dict
    employer: dict
    town: str
    category: str
    employment_type: list
    description: dict
    date_posted: dt.date
    valid_through: dt.date
    apply: dict
    audiences: list
    address: str = ""
    hours: dict = field(default_factory=dict)
    salary: dict = field(default_factory=dict)
    remote: str = "no"
    timezone: str = "America/Toronto"  # the region's: an offer closes at the end of its day
    path: str = ""
    line: int | None = None

    def title_in(self, lang: str) -> str:
        """Its title in a language."""
        return self.text("title", lang)

    def apply_note(self, lang: str) -> str:
        """What to send, in a language, else in the other."""
        return in_lang(self.apply.get("note"), lang)

    def aware_posted(self) -> dt.datetime:
        """The morning it was posted, in the region's time zone (feeds want a moment)."""
        return dt.datetime.combine(self.date_posted, dt.time(), ZoneInfo(self.timezone))

    def is_past(self, today: dt.date) -> bool:
        """Whether it closed: its last day to apply was before today."""
        return self.valid_through < today

    def closes_in(self, today: dt.date) -> int:
        """Days left to apply (0: today is the last day)."""
        return (self.valid_through - today).days

    def names(self) -> dict[str, set[str]]:
        """The employer and town it names: their pages list it while it is open."""
        return {"businesses": {self.employer["business"]} if self.employer.get("business")
                else set(), "towns": {self.town}}

    def paragraphs(self, lang: str) -> list[str]:
        """Its description in a language, paragraph by paragraph."""
        return [p.strip() for p in self.text("description", lang).split("\n\n") if p.strip()]


def newest_first(job: Job, today: dt.date) -> tuple:
    """Sort key of open offers: the latest posted first, then by title."""
    return (-job.date_posted.toordinal(), job.title_in(routes.DEFAULT_LANG), job.slug)


def make_job(item, doc, parts, refs) -> tuple[Job | None, list]:
    """Turn a validated offer into a Job; check what needs several fields at once."""
    v = item.values
    problems = []

    def problem(name, message):
        problems.append(doc.problem(parts + (name,), key_path(parts + (name,)), message))

    employer = v["employer"]
    business = employer.get("business") or ""
    if not business and not employer.get("name"):
        problem("employer", "expected a business of the directory or a name, got neither")
    town = v.get("municipality") or (refs.business_towns or {}).get(business, "")
    if not town:
        problem("municipality", "missing; expected the town of the work (or an employer "
                                "of the directory, whose town it takes)")
    if not (v["apply"].get("url") or v["apply"].get("email")):
        problem("apply", "expected a web address (url) or an e-mail to apply, got neither")
    if v["valid_through"] < v["date_posted"]:
        problem("valid_through", f"expected a day on or after date_posted "
                                 f"({v['date_posted']}), got {v['valid_through']}")
    salary = v.get("salary") or {}
    if salary.get("max") is not None and salary["max"] < salary["min"]:
        problem("salary", f"expected max ({salary['max']:g}) at least min "
                          f"({salary['min']:g})")
    if not any(v["description"].values()):
        problem("description", "expected the position described in French or English, "
                                "got an empty text")
    from vitrine.kinds.jobs.pages import RESERVED

    if item.slug in RESERVED:
        problem("id", f'"{item.slug}" names a list of the jobs section; expected another id')
    if problems:
        return None, problems
    students = any(t in STUDENT_TYPES for t in v["employment_type"])
    audiences = v.get("audiences") or ["workers", *(["students"] if students else [])]
    return Job(
        kind=item.kind, id=item.id, slug=item.slug, title=v["title"], employer=employer,
        town=town, category=v.get("category") or refs.business_categories.get(business, ""),
        employment_type=v["employment_type"], description=v["description"],
        date_posted=v["date_posted"], valid_through=v["valid_through"], apply=v["apply"],
        audiences=audiences, address=v.get("address") or "", hours=v["hours"], salary=salary,
        remote=v["remote"], timezone=refs.timezone, path=item.path, line=item.line), []
