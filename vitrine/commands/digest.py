"""vitrine digest: what is new for an audience since a day, as an HTML e-mail (CSS inlined),
its plain text and a ready-to-send .eml, in French and English."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from vitrine import routes
from vitrine.catalogue import theme_catalogue
from vitrine.digest import Story, select
from vitrine.digest.email import Site, message, render, write
from vitrine.project import load_project

log = logging.getLogger(__name__)


def add_arguments(parser) -> None:
    """Declare the options of vitrine digest."""
    parser.add_argument("--audience", required=True, choices=routes.AUDIENCES,
                        help="the audience whose news it tells")
    parser.add_argument("--since", required=True, type=dt.date.fromisoformat,
                        metavar="YYYY-MM-DD",
                        help="stories and job offers published on or after this day")
    parser.add_argument("--lang", choices=routes.LANGUAGES, action="append", default=None,
                        help="fr or en (default: both, one e-mail each)")
    parser.add_argument("--out", type=Path, default=Path("digests"), metavar="DIR",
                        help="folder of the .html, .txt and .eml (default: ./digests)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        metavar="YYYY-MM-DD",
                        help="the day it is sent (default: today in TIMEZONE, or "
                             "EVENTS['today'] when the settings fix it)")
    parser.add_argument("--from", dest="sender", default="", metavar='"NAME <ADDRESS>"',
                        help="the .eml's sender (default: none; the mailing service sets it)")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project folder holding content/, data/ and pelicanconf.py "
                             "(default: here)")
    parser.add_argument("--settings", type=Path, default=None, metavar="FILE",
                        help="Pelican settings file (default: ROOT/pelicanconf.py)")


def run(args) -> int:
    """Load the project, select, render and write each language's e-mail."""
    root = args.root.resolve()
    project = load_project(root, args.settings.resolve() if args.settings else None)
    if project.problems:
        for problem in project.problems:
            log.warning("%s", problem)
    settings = project.settings
    if not settings.get("PUBLIC_URL"):
        log.error("PUBLIC_URL is not set in %s: a digest's links must be absolute",
                  args.settings or root / "pelicanconf.py")
        return 1
    today = args.today or today_of(settings)
    if args.since > today:
        log.error("--since: expected a day on or before today (%s), got %s", today, args.since)
        return 1
    site = site_of(settings, project.directory)
    stories = stories_of(project.content.stories, settings)
    events, jobs = project.items.get("events", []), project.items.get("jobs", [])
    catalogue = theme_catalogue(settings["THEME"])
    for lang in args.lang or routes.LANGUAGES:
        digest = select(args.audience, lang, args.since, today, stories, events, jobs)
        email = render(digest, site, catalogue)
        stem = f"digest-{args.audience}-{args.since.isoformat()}.{lang}"
        paths = write(email, message(email, args.sender), args.out, stem)
        print(f"{lang}: {len(digest.stories) + len(digest.other_lang_stories)} stories, "
              f"{len(digest.events)} events, {len(digest.jobs)} job offers: "
              f"{', '.join(str(p) for p in paths)}", file=sys.stdout)
    return 0


def today_of(settings: dict) -> dt.date:
    """The day in the region, as a build counts it (EVENTS["today"] fixes it)."""
    fixed = (settings.get("EVENTS") or {}).get("today")
    if fixed:
        return dt.date.fromisoformat(str(fixed))
    return dt.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "America/Toronto")).date()


def site_of(settings: dict, directory) -> Site:
    """What the e-mail names of the site, from its settings and directory."""
    return Site(settings["PUBLIC_URL"], settings["SITENAME"],
                settings.get("AGENCY") or settings["SITENAME"], Path(settings["THEME"]),
                {slug: t.name for slug, t in directory.territory.municipalities.items()}
                if directory else {},
                {b.slug: b.name for b in directory.businesses} if directory else {})


def stories_of(metas: list[dict], settings: dict) -> list[Story]:
    """Stories as checked front matter gives them, at the URLs Pelican gives them."""
    from pelican.utils import slugify

    default = settings.get("DEFAULT_LANG") or routes.DEFAULT_LANG
    out = []
    for meta in metas:
        slug = meta.get("slug") or slugify(
            meta["title"], regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
            preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=settings.get("SLUGIFY_USE_UNICODE", False))
        pattern = settings["ARTICLE_URL" if meta["lang"] == default else "ARTICLE_LANG_URL"]
        out.append(Story(meta["title"], meta["summary"], meta["date"],
                         pattern.format(slug=slug, lang=meta["lang"]), meta["lang"],
                         tuple(meta["audience"]), meta["key"]))
    return out
