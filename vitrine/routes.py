"""The site's URL scheme in both languages: one place that knows every path."""

from __future__ import annotations

AUDIENCES = ("investors", "students", "workers", "tourists")
LANGUAGES = ("fr", "en")
DEFAULT_LANG = "fr"

_PREFIX = {"fr": "", "en": "en/"}
_WINDOWS = {
    "fr": {"investors": "investir", "students": "etudier", "workers": "travailler",
           "tourists": "visiter"},
    "en": {"investors": "invest", "students": "study", "workers": "work", "tourists": "visit"},
}
_SECTIONS = {
    "fr": {"stories": "recits", "businesses": "entreprises", "categories": "entreprises/categories",
           "towns": "municipalites", "search": "recherche", "data": "donnees",
           "propose": "proposer", "embed": "integrer", "partners": "partenaires"},
    "en": {"stories": "stories", "businesses": "businesses", "categories": "businesses/categories",
           "towns": "towns", "search": "search", "data": "open-data", "propose": "propose",
           "embed": "embed", "partners": "partners"},
}


def add_section(name: str, paths: dict[str, str]) -> None:
    """Give a kind of data its section in every language (vitrine/kinds registers them)."""
    for lang in LANGUAGES:
        _SECTIONS[lang][name] = paths[lang]


def home(lang: str) -> str:
    """Return the home page URL (relative to the site root) for a language."""
    return _PREFIX[lang]


def window(lang: str, audience: str) -> str:
    """Return the URL of an audience's window."""
    return f"{_PREFIX[lang]}{_WINDOWS[lang][audience]}/"


def window_folder(lang: str, audience: str) -> str:
    """Return an audience's window folder in a language (etudier, study): other sections'
    lists by audience are named after it."""
    return _WINDOWS[lang][audience]


def section(lang: str, name: str, slug: str | None = None) -> str:
    """Return the URL of a section index, or of one item of it when a slug is given."""
    base = f"{_PREFIX[lang]}{_SECTIONS[lang][name]}/"
    return f"{base}{slug}/" if slug else base


PAGES = "page"  # the folder of a list's further pages: entreprises/page/2/


def list_page(url: str, number: int) -> str:
    """Return the URL of a list's page number; its first page is the list's own URL."""
    return url if number == 1 else f"{url}{PAGES}/{number}/"


def save_as(url: str) -> str:
    """Turn a directory-style URL into the file that serves it."""
    return f"{url}index.html" if url.endswith("/") or not url else url


def other_lang(lang: str) -> str:
    """Return the other language of the site."""
    return "en" if lang == "fr" else "fr"


def alternates(url_for_lang) -> list[dict]:
    """hreflang entries of a page that exists in every language: [{lang, url}, …]."""
    return [{"lang": lang, "url": url_for_lang(lang)} for lang in LANGUAGES]


def section_alternates(name: str, slug: str | None = None) -> list[dict]:
    """hreflang entries of a section page (or of one item of it) in every language."""
    return alternates(lambda lang: section(lang, name, slug))
