"""The declared schema of a job offer, documented field by field."""

from __future__ import annotations

from dataclasses import dataclass

from vitrine.directory.checks import BusinessSlug, KnownSlug, localized_text
from vitrine.directory.schema import AUDIENCE
from vitrine.schema import Choice, Date, Email, Field, ListOf, Number, Record, Text, Url

# our employment types, and Google's JobPosting employmentType for each
TYPES = {"full-time": "FULL_TIME", "part-time": "PART_TIME", "contract": "CONTRACTOR",
         "temporary": "TEMPORARY", "internship": "INTERN", "summer": "TEMPORARY",
         "seasonal": "TEMPORARY", "volunteer": "VOLUNTEER"}
STUDENT_TYPES = ("internship", "summer")  # offers of these types reach the students' window
SALARY_UNITS = {"hour": "HOUR", "week": "WEEK", "month": "MONTH", "year": "YEAR"}
REMOTE = ("no", "hybrid", "yes")


@dataclass
class Remote(Choice):
    """no, hybrid or yes; false and true too, as YAML 1.1 tools (the web editor) write them."""

    def __call__(self, value, parts, ctx):
        if isinstance(value, bool):
            value = "yes" if value else "no"
        return super().__call__(value, parts, ctx)


def job_record(refs) -> Record:
    """Return the job offer schema, checking towns, categories and employers."""
    return Record(fields=[
        Field("title", localized_text(200), required=True, doc="Title of the position, FR/EN."),
        Field("employer", Record(fields=[
            Field("business", BusinessSlug(lambda: refs.businesses),
                  doc="A business of the directory: its page lists the offer."),
            Field("name", Text(max_length=200), doc="Name, when not in the directory."),
            Field("url", Url(), doc="Its site, when not in the directory.")]), required=True,
              doc="Who hires: a business of the directory, or a name."),
        Field("municipality", KnownSlug(lambda: refs.towns, expected="a municipality of "
                                        "data/territory.yaml"),
              doc="Where the work is (default: the employer's town)."),
        Field("address", Text(max_length=200), doc="Street address, when not the employer's."),
        Field("category", KnownSlug(lambda: refs.categories, expected="a category of "
                                    "data/taxonomy.yaml"),
              doc="Sector, for the lists by category (default: the employer's category)."),
        Field("employment_type", ListOf(Choice(list(TYPES)), min_items=1), required=True,
              doc="full-time, part-time, contract, temporary, internship, summer, seasonal "
                  "or volunteer (one or several)."),
        Field("hours", localized_text(200), default=dict,
              doc="Schedule in words: 35 h par semaine, de jour."),
        Field("salary", Record(fields=[
            Field("min", Number(0, 1_000_000, expected="an amount in dollars"), required=True,
                  doc="Lowest (or only) amount, in dollars."),
            Field("max", Number(0, 1_000_000, expected="an amount in dollars"),
                  doc="Highest amount."),
            Field("unit", Choice(list(SALARY_UNITS)), required=True,
                  doc="hour, week, month or year.")]), doc="Pay range, in Canadian dollars."),
        Field("remote", Remote(list(REMOTE)), default="no",
              doc="no (on site), hybrid, or yes (fully remote, from Canada)."),
        Field("date_posted", Date(), required=True, doc="Day it was posted (YYYY-MM-DD)."),
        Field("valid_through", Date(), required=True,
              doc="Last day to apply: the day after, the offer is taken down."),
        Field("apply", Record(fields=[
            Field("url", Url(), doc="Where to apply online."),
            Field("email", Email(), doc="Where to send a CV."),
            Field("note", localized_text(300), default=dict,
                  doc="What to send, a reference number, …")]), required=True,
              doc="How to apply: a web address, an e-mail, or both."),
        Field("description", localized_text(8000), required=True,
              doc="The position, tasks, requirements; blank lines separate paragraphs."),
        Field("audiences", ListOf(AUDIENCE, min_items=1),
              doc="Windows that list it (default: workers; students too for internships "
                  "and summer jobs)."),
    ])
