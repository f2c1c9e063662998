"""schema.org JobPosting data for an offer's page: Google's required and recommended
properties."""

from __future__ import annotations

import datetime as dt
from html import escape
from zoneinfo import ZoneInfo

from vitrine import routes
from vitrine.kinds.jobs.schema import SALARY_UNITS, TYPES


def job_jsonld(job, lang: str, site: str, business, town) -> dict:
    """Describe an open offer as a schema.org JobPosting (absolute URLs from site)."""
    employer = {"@type": "Organization",
                "name": business.name if business else job.employer.get("name", "")}
    if business is not None:
        employer["sameAs"] = f"{site}/{routes.section(lang, 'businesses', business.slug)}"
    elif job.employer.get("url"):
        employer["sameAs"] = job.employer["url"]
    address = {"@type": "PostalAddress", "addressLocality": town.name if town else "",
               "addressRegion": "QC", "addressCountry": "CA"}
    street = job.address or (business.address if business and business.municipality == job.town
                             else "")
    if street:
        address["streetAddress"] = street
    if business is not None and not job.address and business.municipality == job.town \
            and business.postal_code:
        address["postalCode"] = business.postal_code
    last_moment = dt.datetime.combine(job.valid_through, dt.time(23, 59),
                                      ZoneInfo(job.timezone))
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": job.title_in(lang),
        "description": "".join(f"<p>{escape(p)}</p>" for p in job.paragraphs(lang)),
        "datePosted": job.date_posted.isoformat(),
        "validThrough": last_moment.isoformat(),
        "employmentType": list(dict.fromkeys(TYPES[t] for t in job.employment_type)),
        "hiringOrganization": employer,
        "jobLocation": {"@type": "Place", "address": address},
        "identifier": {"@type": "PropertyValue", "name": employer["name"], "value": job.id},
        "url": f"{site}/{routes.section(lang, 'jobs', job.slug)}",
    }
    if job.remote == "yes":
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "CA"}
    if job.salary:
        value = {"@type": "QuantitativeValue", "unitText": SALARY_UNITS[job.salary["unit"]]}
        if job.salary.get("max") is not None and job.salary["max"] != job.salary["min"]:
            value.update(minValue=job.salary["min"], maxValue=job.salary["max"])
        else:
            value["value"] = job.salary["min"]
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "CAD", "value": value}
    return data

