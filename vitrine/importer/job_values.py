"""One rule per value of a job offer as boards write it: dates, remote work, how to apply,
audiences and descriptions with their paragraphs; each says what it repaired or refused."""

from __future__ import annotations

import datetime as dt
import html
import re

from vitrine.directory.normal import fold, plain_key, plain_words
from vitrine.importer import normalize
from vitrine.importer.convert import shorten
from vitrine.routes import AUDIENCES
from vitrine.text import plain_text

MONTHS = {
    1: ("janvier", "janv", "jan", "january"), 2: ("fevrier", "fevr", "fev", "february", "feb"),
    3: ("mars", "march", "mar"), 4: ("avril", "avr", "april", "apr"), 5: ("mai", "may"),
    6: ("juin", "june", "jun"), 7: ("juillet", "juil", "july", "jul"),
    8: ("aout", "august", "aug"), 9: ("septembre", "sept", "sep", "september"),
    10: ("octobre", "oct", "october"), 11: ("novembre", "nov", "november"),
    12: ("decembre", "dec", "december"),
}
MONTH_OF = {name: number for number, names in MONTHS.items() for name in names}
_MONTH = "(" + "|".join(sorted(MONTH_OF, key=len, reverse=True)) + r")\.?"
_DATES = (  # (pattern searched in the folded, lowercased text, order of its groups)
    (re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), "ymd"),
    (re.compile(r"(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)"), "ymd"),
    (re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)"), "dmy"),
    (re.compile(rf"(?<!\d)(\d{{1,2}})(?:er|re|e)?\s+(?:de\s+)?{_MONTH},?\s+(\d{{4}})\b"),
     "dby"),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"), "bdy"),
)
_EPOCH = re.compile(r"\d{10}|\d{13}")  # seconds or milliseconds since 1970, from an API
_SERIAL = re.compile(r"(?:4[0-9]|5[0-9])\d{3}(?:\.0+)?")  # Excel: 40000 is 2009, 59999 2064

_REMOTE = (  # the first rule found wins: a refusal, a possibility, full remote, on site
    ("no", r"^(?:non|no|false|0|aucun|none|n|nil|n a|na|s o|sans objet)$"
           r"|\bpas (?:de |en )?tele ?travail\b|\bno remote\b|\bnot remote\b"
           r"|\baucun tele ?travail\b"),
    ("hybrid", r"\bhybrid[e]?\b|\bpartiel\w*\b|\bpartial\w*\b|\bpossib\w*\b|\ben partie\b"
               r"|\bmixte\b|\boccasionnel\w*\b|\bjours? (?:par )?semaine\b"
               r"|\bdays? (?:a |per )?week\b|\bflexible\b|\bsome\b|\bparfois\b"),
    ("yes", r"^(?:oui|yes|true|1|o|y)$|\btele ?travail\b|\ba distance\b|\bremote\b"
            r"|\bwork from home\b|\bwfh\b|\bdistanciel\b|\btelecommute\b|\bteletravail\b"),
    ("no", r"\bsur place\b|\bpresentiel\b|\ben personne\b|\bon ?site\b|\bin person\b"
           r"|\bin office\b|\bau bureau\b|\bsur le terrain\b|\bsur les lieux\b"),
)
_AUDIENCE_WORDS = {
    "students": ("etudiant", "etudiants", "etudiante", "etudiantes", "student", "students",
                 "jeunes", "youth", "eleves", "stagiaires"),
    "workers": ("travailleur", "travailleurs", "travailleuses", "worker", "workers",
                "chercheurs", "emploi", "employes", "professionnels", "job seekers"),
    "investors": ("investisseur", "investisseurs", "investors", "investor", "entrepreneurs"),
    "tourists": ("touriste", "touristes", "tourist", "tourists", "visiteurs", "visitors"),
}
_AT_WORD = re.compile(r"\s*[\[(]\s*(?:at|arobase)\s*[\])]\s*", re.IGNORECASE)
_DOT_WORD = re.compile(r"\s*[\[(]\s*(?:dot|point)\s*[\])]\s*", re.IGNORECASE)
_UNSAFE = re.compile(r"(?:java|vb)script\s*:|\bdata\s*:\s*\w+/", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_BARE_SITE = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?", re.IGNORECASE)
_BLOCK = re.compile(r"<\s*/?\s*(?:p|div|ul|ol|h[1-6]|tr|table|section|article|blockquote)"
                    r"\b[^>]*>", re.IGNORECASE)
_ITEM = re.compile(r"\s*<\s*li\b[^>]*>", re.IGNORECASE)  # a list's items: "- " lines
_ITEM_END = re.compile(r"<\s*/\s*li\s*>\s*", re.IGNORECASE)
_BREAK = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)


def parse_date(text: str, month_first: bool = False) -> dt.date | None:
    """A day as boards write it, alone or in a sentence: ISO (with or without a time),
    dd/mm/yyyy (mm/dd/yyyy when month_first), yyyy/mm/dd, "20 novembre 2026", "1er déc. 2026",
    "Nov 20, 2026", a Unix time; None when it is none of these."""
    plain = fold(str(text)).strip().lower()
    if _EPOCH.fullmatch(plain):
        return dt.datetime.fromtimestamp(int(plain[:10]), dt.UTC).date()
    if _SERIAL.fullmatch(plain):  # a spreadsheet's day number, saved as text
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(float(plain)))
    for pattern, order in _DATES:
        found = pattern.search(plain)
        if not found:
            continue
        parts = dict(zip(order.replace("b", "m"), found.groups(), strict=True))
        month = int(parts["m"]) if parts["m"].isdigit() else MONTH_OF[parts["m"]]
        day = int(parts["d"])
        if order == "dmy" and (month > 12 >= day or month_first and day <= 12):
            day, month = month, day
        try:
            return dt.date(int(parts["y"]), month, day)
        except ValueError:
            return None
    return None


def month_first(texts) -> bool:
    """Whether an export writes its numeric dates month first (11/20/2026): what its
    unambiguous ones say; day first (Québec's way) otherwise."""
    days_first = months_first = 0
    for text in texts:
        found = re.match(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}\b", str(text))
        if found:
            days_first += int(found.group(1)) > 12
            months_first += int(found.group(2)) > 12
    return months_first > days_first


def remote_of(text: str) -> str | None:
    """no, hybrid or yes for a remote-work cell; None when it says none of them."""
    plain = plain_key(text)
    for value, rule in _REMOTE:
        if re.search(rule, plain):
            return value
    return None


def audiences_of(text: str) -> tuple[list[str], list[str]]:
    """Our audiences named in a cell, and the parts that name none."""
    found, unknown = [], []
    for part in re.split(r"[,;/|+\n]|\bet\b|\band\b", str(text)):
        words = set(plain_words(part))
        if not words:
            continue
        named = [a for a in AUDIENCES if a in words or words & set(_AUDIENCE_WORDS[a])]
        if not named:
            unknown.append(part.strip())
        found += [a for a in named if a not in found]
    return found, unknown


def apply_of(text: str) -> tuple[dict, list[str]]:
    """A web address and an e-mail from a cell holding either, a mailto: link or a sentence
    ("Envoyez votre CV à rh@x.ca"); with notes on what was refused."""
    value, _ = plain_text(str(text))
    out: dict = {}
    notes: list[str] = []
    if _UNSAFE.search(value):
        notes.append(f'rejected "{shorten(value)}" (unsafe address)')
        return out, notes
    value = _AT_WORD.sub("@", _DOT_WORD.sub(".", value))  # rh [at] x [dot] ca
    emails, _ = normalize.emails(" ".join(re.findall(r"mailto:\s*([^\s?]+)", value, re.I))
                                 or _URL.sub(" ", value))
    if emails:
        out["email"] = emails[0]
    rest = re.sub(r"mailto:\s*\S+", " ", value, flags=re.IGNORECASE)
    links = [u.rstrip(".,;:!?)»") for u in _URL.findall(rest)]
    if not links and not emails and " " not in rest.strip() and _BARE_SITE.fullmatch(
            rest.strip()):
        links = [rest.strip()]
    for link in links[:1]:
        url, verdict = normalize.url(link)
        if url:
            out["url"] = url
        else:
            notes.append(f'rejected "{shorten(link)}" ({verdict})')
    if not out and value and not notes:
        notes.append(f'rejected "{shorten(value)}" (neither a web address nor an e-mail)')
    return out, notes


def paragraphs(text: str) -> tuple[str, list[str]]:
    """Clean a long text (mojibake, NFC, spaces, HTML tags and entities), keeping its
    paragraphs as blank lines and its lines as lines."""
    value = str(text).replace("\r\n", "\n").replace("\r", "\n")
    notes = []
    if "&lt;" in value and "<" not in value:  # HTML written escaped: &lt;p&gt;
        value = html.unescape(value)
    if re.search(r"<\s*/?\s*[a-zA-Z]", value):
        value = _ITEM.sub("\n- ", _ITEM_END.sub("", value))
        value = _BREAK.sub("\n", _BLOCK.sub("\n\n", value))
        notes.append("HTML removed")
    kept = []
    for block in re.split(r"\n\s*\n", value):
        lines = []
        for line in block.split("\n"):
            cleaned, more = plain_text(line)
            notes += [n for n in more if n not in notes]
            if cleaned:
                lines.append(cleaned)
        if lines:
            kept.append("\n".join(lines))
    return "\n\n".join(kept), notes
