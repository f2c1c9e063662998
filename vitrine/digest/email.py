"""Render a digest as an e-mail: HTML with its CSS inlined (css-inline), a plain-text part,
and a .eml of both (multipart/alternative) that any mail client or sending service takes."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path

import css_inline
import jinja2

from vitrine import routes
from vitrine.catalogue import Catalogue, clock
from vitrine.digest.select import Digest
from vitrine.digest.urls import page_url
from vitrine.kinds.events.pages import url as events_url
from vitrine.kinds.jobs.pages import url as jobs_url

# Mail clients drop <style> and never fetch a stylesheet: every rule goes into style="".
INLINER = css_inline.CSSInliner(keep_style_tags=False, keep_link_tags=False,
                                load_remote_stylesheets=False)


@dataclass
class Site:
    """What an e-mail names of the site: its public address, its names, its towns' and
    businesses' names, and its theme (templates and words)."""

    public_url: str
    name: str
    agency: str
    theme: Path
    towns: dict[str, str] = field(default_factory=dict)       # slug: name
    businesses: dict[str, str] = field(default_factory=dict)  # slug: name

    def absolute(self, url: str) -> str:
        """A site URL (relative to its root) as an absolute address."""
        return f"{self.public_url.rstrip('/')}/{url}"


@dataclass
class Email:
    """A digest ready to send: its subject, HTML (CSS inlined) and text."""

    lang: str
    subject: str
    html: str
    text: str


def render(digest: Digest, site: Site, catalogue: Catalogue) -> Email:
    """Render a digest's HTML and text from the theme's digest/email templates."""
    env = _environment(site.theme)
    lang = digest.lang

    def t(key, **values):
        return catalogue.get(lang, key, **values)

    values = {"digest": digest, "site": site, "lang": lang, "t": t,
              "audience_name": t(f"audiences.{digest.audience}"),
              "long_date": lambda value: catalogue.long_date(lang, value),
              "when": lambda event: when(event, digest.today, lang, catalogue),
              "employer": lambda job: site.businesses.get(job.employer.get("business") or "")
              or job.employer.get("name", ""),
              "path": lambda kind, *args: getattr(routes, kind)(lang, *args),
              "links": links(digest.audience, lang, site)}
    values["subject"] = t("digest.subject", audience=values["audience_name"],
                          date=catalogue.long_date(lang, digest.since))
    html = INLINER.inline(env.get_template("digest/email.html").render(values)).rstrip() + "\n"
    text = env.get_template("digest/email.txt").render(values)
    return Email(lang, values["subject"], html, text)


def when(event, today: dt.date, lang: str, catalogue: Catalogue) -> str:
    """An event's next date in words: "12 février 2027, 19 h" (a series: its next date)."""
    start = event.next_start(today)
    day = catalogue.long_date(lang, start)
    return f"{day}, {clock(start, lang)}" if isinstance(start, dt.datetime) else day


def links(audience: str, lang: str, site: Site) -> dict[str, str]:
    """Absolute addresses a digest links to: its window, its pages, its lists and feeds."""
    window = routes.window(lang, audience)
    return {"home": site.absolute(routes.home(lang)), "window": site.absolute(window),
            "digest": site.absolute(page_url(lang, audience)),
            "events": site.absolute(events_url(lang, "audience", audience)),
            "jobs": site.absolute(jobs_url(lang, "audience", audience)),
            "window_feed": site.absolute(f"{window}atom.xml")}


def message(email: Email, sender: str = "") -> EmailMessage:
    """The e-mail as a message: text first, then HTML (multipart/alternative)."""
    msg = EmailMessage()
    msg["Subject"] = email.subject
    if sender:
        name, address = parseaddr(sender)
        msg["From"] = Address(name, addr_spec=address)
    msg["Content-Language"] = email.lang
    msg.set_content(email.text, subtype="plain", charset="utf-8")
    msg.add_alternative(email.html, subtype="html", charset="utf-8")
    return msg


def write(email: Email, msg: EmailMessage, folder: Path, stem: str) -> list[Path]:
    """Write the .html, .txt and .eml of an e-mail into a folder; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, data in ((".html", email.html.encode("utf-8")),
                         (".txt", email.text.encode("utf-8")), (".eml", msg.as_bytes())):
        path = folder / f"{stem}{suffix}"
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        written.append(path)
    return written


def _environment(theme: Path) -> jinja2.Environment:
    """Jinja for the e-mail templates: HTML escaped, text as written."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(theme) / "templates")),
                              autoescape=jinja2.select_autoescape(["html"]),
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                              undefined=jinja2.StrictUndefined)
