"""Vitrine's own settings (pelicanconf.py, publishconf.py), declared and checked at start-up.

Pelican's settings are Pelican's; these are checked like the data: every problem at once,
as `pelicanconf.py:12: DIRECTORY.per_page: expected a whole number between 1 and 1000, got 0`.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from vitrine.directory.checks import localized_text
from vitrine.problems import Problem, show
from vitrine.schema import (
    Check,
    Choice,
    Date,
    Email,
    Field,
    Integer,
    ListOf,
    Record,
    Text,
    Url,
    validate,
)
from vitrine.yamlfile import Located


@dataclass
class Flag(Check):
    """True or False."""

    expected: str = "True or False"

    def __call__(self, value, parts, ctx):
        if not isinstance(value, bool):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        return value


@dataclass
class TimeZone(Check):
    """An IANA time zone: America/Toronto."""

    expected: str = "a time zone (America/Toronto)"

    def __call__(self, value, parts, ctx):
        try:
            ZoneInfo(str(value))
        except (ZoneInfoNotFoundError, ValueError):
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)}")
        return value


@dataclass
class Module(Check):
    """A Python module to import (a kind of data: it defines KIND)."""

    expected: str = "an importable module defining KIND"

    def __call__(self, value, parts, ctx):
        try:
            module = importlib.import_module(str(value))
        except ImportError as exc:
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)} ({exc})")
        if getattr(module, "KIND", None) is None:
            return ctx.fail(parts, f"expected {self.expected}, got {show(value)} (no KIND)")
        return value


def _maybe(check: Check) -> Check:
    """The check, or None (a setting left empty)."""
    @dataclass
    class Optional(Check):
        expected: str = f"{check.describe()} or None"

        def __call__(self, value, parts, ctx):
            return None if value is None else check(value, parts, ctx)
    return Optional()


SETTINGS = Record(extra_ok=True, fields=[
    Field("SITENAME", Text(max_length=120), required=True, doc="The site's name."),
    Field("SITE_TAGLINE", localized_text(200),
          default=dict, doc="Its tagline, in French and English."),
    Field("AGENCY", Text(max_length=200), doc="The agency publishing it (structured data)."),
    Field("REGION", Text(max_length=120), doc="The region's name."),
    Field("PUBLIC_URL", _maybe(Url()), doc="Where it is published: canonical, hreflang and "
                                           "structured data's absolute URLs."),
    Field("TIMEZONE", TimeZone(), default="America/Toronto",
          doc="The region's time zone: opening hours, events."),
    Field("DEFAULT_LANG", Choice(["fr", "en"]), default="fr", doc="The site's first language."),
    Field("GIT_EDIT_URL", Text(pattern=r".*\{path\}.*", expected="an address holding {path} "
                               "(and {line})"), doc="A record's line on the Git host."),
    Field("DEMO_SITE", Flag(), default=False, doc="Show the demo notice in the footer."),
    Field("PREVIEW", Flag(), default=False, doc="A draft's preview: every page noindex, "
                                                "robots.txt refuses all (previewconf.py)."),
    Field("STORY_PAGE_CACHE", Flag(), default=True, doc="Reuse unchanged story pages."),
    Field("DIRECTORY", Record(fields=[
        Field("per_page", Integer(1, 1000), doc="Businesses per list page."),
        Field("window_sample", Integer(0, 1000), doc="Businesses shown in each window."),
        Field("report_dir", Text(), doc="Folder of the steward's report."),
        Field("edit_url", Text(), doc="Overrides GIT_EDIT_URL for records."),
        Field("workers", _maybe(Integer(1, 64)), doc="Processes rendering the pages.")]),
          default=dict, doc="The directory's pages."),
    Field("RESPONSIVE_IMAGES", Record(fields=[
        Field("widths", ListOf(Integer(16, 8000), single_ok=False, min_items=1),
              doc="Widths made of each image."),
        Field("quality", Integer(1, 100), doc="JPEG and WebP quality."),
        Field("cache", Text(), doc="Where derivatives are kept.")]), default=dict,
          doc="Image derivatives."),
    Field("SHARE_CARDS", Record(fields=[
        Field("enabled", Flag(), doc="Draw a share card for every page (og:image); off: the "
                                     "pages keep their other Open Graph tags."),
        Field("cache", Text(), doc="Where drawn cards are kept, under the project "
                                   "(default .cache/share-cards)."),
        Field("quality", Integer(1, 100), doc="JPEG quality of the cards on a cover photo."),
        Field("workers", _maybe(Integer(1, 64)), doc="Processes drawing the cards.")]),
          default=dict, doc="Share cards: the 1200×630 images of link previews."),
    Field("EVENTS", Record(fields=[
        Field("today", _maybe(Date()), doc="The day past and upcoming (events, job offers) "
                                           "are counted from (tests, previews); the build's "
                                           "day otherwise."),
        Field("in_window", Integer(0, 100), doc="Upcoming events and open job offers shown in "
                                                "each window."),
        Field("on_page", Integer(0, 100), doc="Upcoming events and open job offers on a "
                                              "business or town page.")]),
          default=dict, doc="Events and the other dated kinds (job offers)."),
    Field("FIGURES", Record(fields=[
        Field("max_age_months", Integer(1, 240), doc="Age from which a key figure is warned "
                                                     "about (default 36 months).")]),
          default=dict, doc="Key figures (data/figures.yaml)."),
    Field("PROPOSE", Record(fields=[
        Field("issue_url", Text(max_length=2000, pattern=r"""https://[^\s<>"']*\{body\}[^\s<>"']*""",
                                expected="an https:// address holding {body} (and {title})"),
              doc="A new issue on the agency's forge, pre-filled: {title} and {body} are "
                  "replaced, URL-encoded."),
        Field("email", Email(), doc="The directory steward's address, for e-mailed proposals."),
        Field("folder", Text(pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*", expected="a folder source's "
                             "name"), doc="The agency's one-file-per-business source "
                                          "(data/sources/<folder>/): where a proposal goes.")]),
          default=dict, doc="The public form /proposer/ (/en/propose/); none: no form."),
    Field("CMS", Record(fields=[
        Field("backend", Choice(["gitlab", "github", "gitea", "git-gateway"]), required=True,
              doc="Where the web editor (/admin/) commits: the Git host's API."),
        Field("repo", Text(pattern=r"[\w.-]+(?:/[\w.-]+)+", expected="a repository "
                           "(group/project)"), doc="The repository, group/project."),
        Field("branch", Text(pattern=r"[\w./-]+", expected="a branch name"), default="main",
              doc="The branch the editor publishes to."),
        Field("api_root", Url(), doc="The Git host's API, for a self-hosted GitLab or Gitea."),
        Field("base_url", Url(), doc="Where editors log in (the Git host, or an OAuth proxy)."),
        Field("app_id", Text(max_length=200), doc="The GitLab OAuth application's id."),
        Field("auth_type", Choice(["pkce", "implicit"]), doc="GitLab's login flow (pkce)."),
        Field("businesses", Text(pattern=r"data/sources/[a-z0-9-]+", expected="a source folder "
                                 "(data/sources/<source>)"), default="data/sources/agence-vitrine",
              doc="The agency's source folder, one file per business, that the editor edits."),
        Field("local_backend", Flag(), default=False,
              doc="Edit this checkout through decap-server (make cms sets it)."),
        Field("local_port", Integer(1, 65535), default=8081, doc="decap-server's port."),
        Field("locale", Choice(["fr", "en"]), doc="The editor's language (default: the "
                                                  "site's first language).")]),
          default=dict, doc="The web editor at /admin/ (Decap CMS); none: no /admin/."),
    Field("DATA_KINDS", ListOf(Module(), single_ok=False), default=list,
          doc="More kinds of data (modules defining KIND), besides the built-in ones."),
])


def check_settings(settings: dict, path: Path | None) -> list[Problem]:
    """Every problem of Vitrine's settings, each at its line of the settings file."""
    shown = path.name if path else "settings"
    marks = {(): (None, None)}
    if path is not None and path.is_file():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found = re.match(r"^([A-Z][A-Z0-9_]*)\s*=", line)
            if found:
                marks[(found.group(1),)] = (number, None)
    return validate(SETTINGS, Located(shown, settings, marks))[1]
