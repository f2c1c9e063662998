"""Jinja globals: t() for UI strings, url() and the language switch's target, dates per language.

Also the {% cache %} tag (vitrine.fragment_cache) the theme renders its header and footer with.
"""

from __future__ import annotations

import datetime as dt
import re

import jinja2
from pelican import signals

from vitrine import routes
from vitrine.catalogue import clock as time_of_day
from vitrine.catalogue import theme_catalogue
from vitrine.fragment_cache import FragmentCache
from vitrine.safe_markdown import is_safe_url

_MISSING = object()


def _lang(ctx) -> str:
    return ctx.get("lang") or ctx.get("DEFAULT_LANG") or routes.DEFAULT_LANG


def alternates(content) -> list[dict]:
    """hreflang entries for a story or page: itself and each of its translations."""
    items = [content, *getattr(content, "translations", [])]
    return [{"lang": c.lang, "url": c.url} for c in sorted(items, key=lambda c: c.lang != "fr")]


def tel_href(phone: str) -> str:
    """Turn "819 555-0101 poste 12" into "tel:+18195550101;ext=12"."""
    main, _, extension = str(phone).partition("poste")
    digits = re.sub(r"\D", "", main)
    if len(digits) == 10:
        digits = "1" + digits
    ext = re.sub(r"\D", "", extension)
    return f"tel:+{digits}" + (f";ext={ext}" if ext else "")


def display_url(url: str) -> str:
    """Show a web address without its scheme and trailing slash."""
    return re.sub(r"^https?://(www\.)?", "", str(url)).rstrip("/")


def web_url(url: str) -> bool:
    """Accept only http(s) addresses for links taken from outside data."""
    return bool(url) and is_safe_url(url) and str(url).lower().startswith(("http://", "https://"))


def install(generator) -> None:
    """Add the catalogue, helpers and {% cache %} tag to a generator's Jinja environment."""
    catalogue = theme_catalogue(generator.settings["THEME"])
    siteurl = generator.settings.get("SITEURL", "")
    default = generator.settings.get("DEFAULT_LANG") or routes.DEFAULT_LANG
    strings = catalogue.strings
    paths: dict[tuple, str] = {}  # (lang, kind, args) -> path: each URL is computed once

    @jinja2.pass_context
    def t(ctx, key, lang=None, **values):
        lang = lang or ctx.get("lang") or default
        if not values:
            text = strings.get(lang, {}).get(key, _MISSING)
            if text is not _MISSING:
                return text
        return catalogue.get(lang, key, **values)

    def _path(lang, kind, args):
        found = paths.get((lang, kind, args))
        if found is None:
            found = paths[(lang, kind, args)] = getattr(routes, kind)(lang, *args)
        return found

    @jinja2.pass_context
    def path(ctx, kind, *args, lang=None):
        return _path(lang or ctx.get("lang") or default, kind, args)

    @jinja2.pass_context
    def url(ctx, kind, *args, lang=None):
        return f"{siteurl}/{_path(lang or ctx.get('lang') or default, kind, args)}"

    @jinja2.pass_context
    def other_language_url(ctx, translations):
        """The language switch's target: the page's translation, else the other home page."""
        lang = ctx.get("lang") or default
        found = _path(routes.other_lang(lang), "home", ())
        for alt in translations or []:
            if alt["lang"] != lang:
                found = alt["url"]
        return found

    @jinja2.pass_context
    def long_date(ctx, value, lang=None):
        return catalogue.long_date(lang or _lang(ctx), value)

    @jinja2.pass_context
    def clock(ctx, value, lang=None):
        """A time of day as the language writes it: 19 h 30, 7:30 p.m."""
        return time_of_day(value, lang or _lang(ctx))

    @jinja2.pass_context
    def events_url(ctx, what="", value="", lang=None, calendar=False):
        """The events list, or its list by audience, town or month, or the archive (or the
        calendar beside it)."""
        from vitrine.kinds.events.pages import calendar_url
        from vitrine.kinds.events.pages import url as events_path

        lang = lang or _lang(ctx)
        path = events_path(lang, what, value)
        return f"{siteurl}/{calendar_url(lang, path) if calendar else path}"

    @jinja2.pass_context
    def jobs_url(ctx, what="", value="", lang=None):
        """The list of open job offers, or its list by audience, town, type or sector."""
        from vitrine.kinds.jobs.pages import url as jobs_path

        return f"{siteurl}/{jobs_path(lang or _lang(ctx), what, value)}"

    @jinja2.pass_context
    def money(ctx, amount, lang=None):
        """An amount in dollars as the language writes it: 28,50 $ / $28.50; 45 000 $."""
        cents = 0 if float(amount).is_integer() else 2
        text = f"{amount:,.{cents}f}"
        if (lang or _lang(ctx)) == "fr":
            return text.replace(",", "\u00a0").replace(".", ",") + "\u00a0$"
        return f"${text}"

    @jinja2.pass_context
    def contacts_jsonld(ctx, contacts):
        """schema.org ContactPoints of the agency for these contacts (a script's JSON)."""
        from vitrine.jsonld import public_url, script_json
        from vitrine.kinds.contacts import contact_points

        directory = ctx.get("directory")
        mrcs = {m.slug: m.name for m in directory.territory.mrcs.values()} if directory else {}
        settings = generator.settings
        return script_json(contact_points(contacts, _lang(ctx), settings.get("AGENCY") or
                                          settings["SITENAME"], public_url(settings),
                                          settings.get("REGION") or "", mrcs))

    generator.env.add_extension(FragmentCache)
    generator.env.filters.update(tel_href=tel_href, display_url=display_url, is_safe_url=web_url)
    generator.env.globals.update(t=t, url=url, path=path, long_date=long_date, clock=clock,
                                 events_url=events_url, jobs_url=jobs_url, money=money,
                                 contacts_jsonld=contacts_jsonld,
                                 timedelta_day=dt.timedelta(days=1),
                                 alternates=alternates, other_language_url=other_language_url,
                                 AUDIENCES=routes.AUDIENCES, LANGUAGES=routes.LANGUAGES)


def register():
    """Install the helpers in every generator, templates need them everywhere."""
    signals.generator_init.connect(install)
