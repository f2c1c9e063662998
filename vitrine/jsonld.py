"""schema.org JSON-LD for a business, safe to embed in a <script> element."""

from __future__ import annotations

import json

DAYS = {"mon": "Mo", "tue": "Tu", "wed": "We", "thu": "Th", "fri": "Fr", "sat": "Sa", "sun": "Su"}


def business_jsonld(business, category, town, url: str, lang: str) -> dict:
    """Describe a business as a schema.org LocalBusiness (or the category's subtype)."""
    data = {
        "@context": "https://schema.org",
        "@type": getattr(category, "schema_type", None) or "LocalBusiness",
        "name": business.name,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": business.address or None,
            "addressLocality": town.name if town else None,
            "postalCode": business.postal_code or None,
            "addressRegion": "QC",
            "addressCountry": "CA",
        },
    }
    description = (business.description or {}).get(lang)
    if description:
        data["description"] = description
    if business.lat is not None and business.lon is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": business.lat,
                       "longitude": business.lon}
    if business.phone:
        data["telephone"] = business.phone
    if business.email:
        data["email"] = business.email
    if business.website:
        data["sameAs"] = business.website
    hours = [f"{DAYS[d]} {h}" for d, h in (business.hours or {}).items()
             if d in DAYS and h and h[0].isdigit()]
    if hours:
        data["openingHours"] = hours
    data["address"] = {k: v for k, v in data["address"].items() if v is not None}
    return data


def public_url(settings) -> str:
    """Where the site is published: structured data names pages by absolute URLs."""
    return (settings.get("PUBLIC_URL") or settings.get("SITEURL") or "").rstrip("/")


def script_json(data: dict) -> str:
    """Serialise for an inline JSON block: no '<', '>' or '&' can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def story_jsonld(story, siteurl: str, publisher: str) -> dict:
    """Describe a story as a schema.org Article."""
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": story.title,
        "description": getattr(story, "summary", "") or "",
        "inLanguage": story.lang,
        "datePublished": story.date.date().isoformat(),
        "author": {"@type": "Organization" if str(story.author) == publisher else "Person",
                   "name": str(story.author)},
        "publisher": {"@type": "Organization", "name": publisher},
        "url": f"{siteurl}/{story.url}",
    }
    return data
