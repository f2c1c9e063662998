"""The job offers' pages: one per open offer and language, a "this offer has closed" page at
the URL of each expired one, and the lists of open offers by audience, town, type and sector
(plain links: no JavaScript needed)."""

from __future__ import annotations

import logging
from collections import defaultdict

from vitrine import routes
from vitrine.jsonld import public_url, script_json
from vitrine.kinds.feed import job_entries, write_list_feed
from vitrine.kinds.jobs.jsonld import job_jsonld
from vitrine.kinds.jobs.model import CLOSING_SOON_DAYS, newest_first
from vitrine.kinds.jobs.schema import TYPES

log = logging.getLogger(__name__)
SECTIONS = {"fr": "emplois", "en": "jobs"}
routes.add_section("jobs", SECTIONS)  # its URLs are known wherever they are asked for
FOLDERS = {"fr": {"audience": "public", "towns": "municipalites", "types": "types",
                  "categories": "secteurs"},
           "en": {"audience": "audience", "towns": "towns", "types": "types",
                  "categories": "sectors"}}
RESERVED = frozenset(v for names in FOLDERS.values() for v in names.values())
SIMILAR = 4  # open offers a closed offer's page points to


def url(lang: str, what: str = "", value: str = "") -> str:
    """The URL of the list of open offers, or of its list by audience, town, type or sector."""
    base = routes.section(lang, "jobs")
    if what == "audience":
        value = routes.window_folder(lang, value)
    return f"{base}{FOLDERS[lang][what]}/{value}/" if what else base


def write_pages(gen, writer, jobs) -> None:
    """Write every open offer's pages, the closed pages of expired ones and the lists."""
    today = gen.context["today"]
    site = public_url(gen.settings)
    open_jobs = sorted((j for j in jobs if not j.is_past(today)),
                       key=lambda j: newest_first(j, today))
    closed = [j for j in jobs if j.is_past(today)]
    businesses = gen.context.get("businesses_by_slug", {})
    towns = gen.context.get("towns_by_slug", {})
    lists = _lists(open_jobs, towns)
    for lang in routes.LANGUAGES:
        for job in open_jobs:
            page_url = routes.section(lang, "jobs", job.slug)
            business = businesses.get(job.employer.get("business") or "")
            writer.write_file(
                routes.save_as(page_url), gen.get_template("jobs/job"), gen.context,
                lang=lang, page_url=page_url, job=job, town=towns.get(job.town),
                employer_business=business, employer=business.name if business else
                job.employer.get("name", ""),
                translations=routes.section_alternates("jobs", job.slug),
                jsonld=script_json(job_jsonld(job, lang, site, business, towns.get(job.town))))
        for job in closed:
            page_url = routes.section(lang, "jobs", job.slug)
            writer.write_file(
                routes.save_as(page_url), gen.get_template("jobs/closed"), gen.context,
                lang=lang, page_url=page_url, job=job, town=towns.get(job.town), noindex=True,
                similar=similar(job, open_jobs), translations=routes.section_alternates(
                    "jobs", job.slug))
        for what, value, shown in lists:
            page_url = url(lang, what, value)
            feed = write_list_feed(gen, writer, page_url, job_entries(shown, lang), lang,
                                   "jobs.title") if what in ("", "audience") else None
            writer.write_file(
                routes.save_as(page_url), gen.get_template("jobs/index"), gen.context,
                lang=lang, page_url=page_url, jobs=shown, filter=(what, value), lists=lists,
                feed_url=feed,
                translations=routes.alternates(lambda lg, w=what, v=value: url(lg, w, v)))


def report_closing(jobs, today) -> None:
    """Tell the build's log which open offers close within CLOSING_SOON_DAYS days."""
    soon = sorted((j for j in jobs if 0 <= j.closes_in(today) <= CLOSING_SOON_DAYS),
                  key=lambda j: (j.valid_through, j.slug))
    for job in soon:
        days = job.closes_in(today)
        log.info("%s:%s: job offer \"%s\" closes %s (%s)", job.path, job.line or 1,
                 job.title_in(routes.DEFAULT_LANG), job.valid_through.isoformat(),
                 "today" if days == 0 else f"in {days} day{'s' if days > 1 else ''}")
    if soon:
        log.info("%d job offer(s) close within %d days", len(soon), CLOSING_SOON_DAYS)


def similar(job, open_jobs) -> list:
    """Open offers like a closed one: same sector or town first, the newest first."""
    alike = sorted(open_jobs, key=lambda j: (j.category != job.category, j.town != job.town))
    return [j for j in alike if j.category == job.category or j.town == job.town][:SIMILAR]


def _lists(open_jobs, towns) -> list[tuple[str, str, list]]:
    """(what, value, offers) of every list: all, per audience, town, type and sector."""
    by = defaultdict(lambda: defaultdict(list))
    for job in open_jobs:
        for audience in job.audiences:
            by["audience"][audience].append(job)
        if job.town in towns:
            by["towns"][job.town].append(job)
        for kind in job.employment_type:
            by["types"][kind].append(job)
        if job.category:
            by["categories"][job.category].append(job)
    lists = [("", "", open_jobs)]
    lists += [("audience", a, by["audience"][a]) for a in routes.AUDIENCES if by["audience"][a]]
    lists += [("towns", slug, found) for slug, found in
              sorted(by["towns"].items(), key=lambda kv: towns[kv[0]].name)]
    lists += [("types", kind, by["types"][kind]) for kind in TYPES if by["types"][kind]]
    return lists + [("categories", slug, found) for slug, found in sorted(by["categories"].items())]
