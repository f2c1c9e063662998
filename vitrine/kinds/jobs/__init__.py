"""Job offers: a kind of the registry, open until their last day to apply, listed by
audience, town, type and sector; an expired offer's URL says it has closed."""

from __future__ import annotations

from vitrine.kinds import Kind
from vitrine.kinds.jobs.model import make_job, newest_first
from vitrine.kinds.jobs.pages import FOLDERS, SECTIONS, report_closing, url, write_pages
from vitrine.kinds.jobs.schema import job_record

__all__ = ["FOLDERS", "KIND", "url"]

KIND = Kind(
    name="jobs",
    sections=SECTIONS,
    schema=job_record,
    doc="One file per offer (its name is the offer's id), or a list under `jobs:` (an "
        "employer's or a job board's: the file's other keys are every offer's defaults; each "
        "offer's id is its `id:` or comes from its title). The day after `valid_through`, "
        "the offer leaves every list, feed, search and the sitemap; its URL then says it "
        "has closed and points to current offers. `vitrine import --kind jobs` writes a job "
        "board's export here.",
    templates={"item": "jobs/job", "list": "jobs/index"},
    list_key="jobs",
    links=("businesses", "towns"),
    make=make_job,
    pages=write_pages,
    order=newest_first,
    review=lambda jobs, today, settings: report_closing(jobs, today),
)
