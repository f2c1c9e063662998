"""Which pages of a built site to audit: one of each template, in each language."""

from __future__ import annotations

from pathlib import Path

from vitrine import routes
from vitrine.digest.urls import page_url as digest_url
from vitrine.kinds.events.pages import RESERVED
from vitrine.kinds.events.pages import url as events_url
from vitrine.kinds.jobs.pages import FOLDERS as JOB_FOLDERS
from vitrine.kinds.jobs.pages import RESERVED as JOB_LISTS
from vitrine.kinds.jobs.pages import url as jobs_url

_NOT_ITEMS = {"page", "categories", *RESERVED, *JOB_LISTS}
RICHEST_WINDOW = "workers"  # figures, stories, events, jobs, businesses and contacts


def _first_item(output: Path, section_url: str, closed: bool | None = None) -> str | None:
    """URL of the first item page (alphabetically) under a section, if any; closed picks a
    page marked noindex (a closed job offer) or one that is not."""
    folder = output / section_url
    if not folder.is_dir():
        return None
    items = sorted(p.name for p in folder.iterdir()
                   if p.name not in _NOT_ITEMS and (p / "index.html").is_file()
                   and (closed is None or closed == (b'content="noindex"' in (
                       p / "index.html").read_bytes())))
    return f"{section_url}{items[0]}/" if items else None


def template_pages(output: Path) -> list[str]:
    """One page per template and language that exists in output, as site URLs (/…/)."""
    urls = []
    for lang in routes.LANGUAGES:
        businesses = routes.section(lang, "businesses")
        candidates = [
            routes.home(lang), routes.window(lang, routes.AUDIENCES[0]),
            _first_item(output, routes.section(lang, "stories")), businesses,
            f"{businesses}page/2/", _first_item(output, businesses),
            routes.section(lang, "categories"),
            _first_item(output, routes.section(lang, "categories")),
            routes.section(lang, "towns"), _first_item(output, routes.section(lang, "towns")),
            routes.section(lang, "data"), routes.section(lang, "search"),
            routes.section(lang, "propose"),
            events_url(lang), _first_item(output, events_url(lang)),
            events_url(lang, "audience", routes.AUDIENCES[0]), events_url(lang, "archive"),
            routes.window(lang, RICHEST_WINDOW), jobs_url(lang),
            _first_item(output, jobs_url(lang), closed=False),
            _first_item(output, jobs_url(lang), closed=True),
            _first_item(output, f"{jobs_url(lang)}{JOB_FOLDERS[lang]['towns']}/"),
            digest_url(lang, RICHEST_WINDOW),
            _first_item(output, routes.section(lang, "embed")),
            routes.section(lang, "partners")]
        urls += [f"/{url}" for url in candidates
                 if url is not None and (output / url / "index.html").is_file()]
    return urls


def key_pages(output: Path) -> dict[str, str]:
    """The pages Lighthouse scores, by role: home, a window, a business, a story, search."""
    lang = routes.DEFAULT_LANG
    roles = {"home": routes.home(lang), "window": routes.window(lang, RICHEST_WINDOW),
             "business": _first_item(output, routes.section(lang, "businesses")),
             "story": _first_item(output, routes.section(lang, "stories")),
             "event": _first_item(output, events_url(lang)),
             "job": _first_item(output, jobs_url(lang), closed=False),
             "search": routes.section(lang, "search")}
    return {role: f"/{url}" for role, url in roles.items()
            if url is not None and (output / url / "index.html").is_file()}
