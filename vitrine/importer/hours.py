"""Opening hours as partners write them, read into the schema's per-day hours, never invented.

Reads a mapping per day (French or English day names) or prose such as "Du lundi au vendredi
de 11 h à 22 h", "Lun-Ven 8h30-17h, Sam 9h-12h", "Mon-Fri 9am-5pm", "8h-12h et 13h-17h",
"fermé" / "closed". Anything it does not understand fails the whole text (or that day of a
mapping), so a half-read schedule is never published as if it were complete.
"""

from __future__ import annotations

import re

from vitrine.directory.normal import fold, plain_key

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES = {
    "mon": ("lundi", "lun", "lu", "monday", "mon"),
    "tue": ("mardi", "mar", "ma", "tuesday", "tues", "tue"),
    "wed": ("mercredi", "mer", "me", "wednesday", "wed"),
    "thu": ("jeudi", "jeu", "je", "thursday", "thurs", "thur", "thu"),
    "fri": ("vendredi", "ven", "ve", "friday", "fri"),
    "sat": ("samedi", "sam", "sa", "saturday", "sat"),
    "sun": ("dimanche", "dim", "di", "sunday", "sun"),
}
DAY_OF = {name: day for day, names in _DAY_NAMES.items() for name in names}
_GROUPS = {
    "tous les jours": DAYS, "7 jours sur 7": DAYS, "7 jours": DAYS, "7j/7": DAYS, "7/7": DAYS,
    "every day": DAYS, "everyday": DAYS, "daily": DAYS, "7 days a week": DAYS,
    "7 days": DAYS, "en semaine": DAYS[:5], "la semaine": DAYS[:5], "weekdays": DAYS[:5],
    "fin de semaine": DAYS[5:], "fins de semaine": DAYS[5:], "week-end": DAYS[5:],
    "weekend": DAYS[5:], "weekends": DAYS[5:],
}
_DAY = "(?:" + "|".join(f"{name}s?" if len(name) > 5 else name
                        for name in sorted(DAY_OF, key=len, reverse=True)) + r")\b\.?"
_TO = r"\s*(?:-|a|au|to|through|thru|jusqu'?(?:a|au))\s*"
_TIME = (r"(?:\d{1,2}\s*(?:h\s*(?:\d{2})?|:\d{2})\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm)"
         r"|midi|minuit|noon|midnight)")
_ALL_DAY = r"24\s*h(?:eures)?(?:\s*(?:/|sur)\s*24)?|24/7|24 hours"
_TOKENS = re.compile("|".join([
    rf"(?P<group>{'|'.join(re.escape(g) for g in sorted(_GROUPS, key=len, reverse=True))})",
    rf"(?P<dayrange>{_DAY}{_TO}{_DAY})",
    rf"(?P<day>{_DAY})",
    rf"(?P<allday>{_ALL_DAY})",
    rf"(?P<range>{_TIME}{_TO}{_TIME})",
    r"(?P<bare>\b\d{1,2}\s*-\s*\d{1,2}\b)",
    r"(?P<closed>\bfermee?s?\b|\bclosed\b)",
    r"(?P<stop>§)",
    r"(?P<filler>\b(?:de|du|des|le|les|l|from|ouvert|open|heures|hours|et|and)\b"
    r"|[,:&/+]|\s+)",
]))


_DAY_KEYS = {"jour", "jours", "day", "days", "jour semaine", "weekday", "dayofweek",
             "day of week"}
_OPEN_KEYS = {"ouverture", "open", "opens", "debut", "de", "from", "start", "heure ouverture",
              "ouvre", "opening"}
_CLOSE_KEYS = {"fermeture", "close", "closes", "fin", "a", "to", "end", "heure fermeture",
               "ferme a", "closing"}
_CLOSED_KEYS = {"ferme", "closed", "is closed", "fermee"}
_RANGE_KEYS = {"heures", "hours", "horaire", "plage", "plage horaire", "periode"}
_TRUE = {"true", "oui", "yes", "1", "vrai", "x"}


def parse_hours(value) -> tuple[dict[str, str], str]:
    """Return (hours per day, text kept as a note because it could not be read).

    value is a text, or the values found under the hours' path: {"lundi": "9h-17h"},
    {"lundi.de": "6:45", "lundi.à": "18:00"} or a list of days {"[0].jour": "lundi",
    "[0].ouverture": "7:00", "[0].fermeture": "18:00"}.
    """
    if isinstance(value, dict):
        return _per_day(_days_of(value))
    text = str(value or "").strip()
    if not text:
        return {}, ""
    hours = _prose(text)
    return (hours, "") if hours else ({}, text)


def _days_of(found: dict[str, str]) -> dict[str, str]:
    """Group nested values into one text per day: "lundi": "6:45-18:00" or "fermé"."""
    groups: dict[str, dict[str, str]] = {}
    plain: dict[str, str] = {}
    for path, text in found.items():
        head, _, rest = path.partition(".")
        if rest:
            groups.setdefault(head, {})[plain_key(rest)] = str(text)
        elif not head.startswith("["):
            plain[head] = str(text)
    days: dict[str, list[str]] = {}
    for head, fields in groups.items():
        day = fields.get(next((k for k in fields if k in _DAY_KEYS), ""), "") \
            if head.startswith("[") else head
        said = _said(fields)
        if day and said:
            days.setdefault(day, []).append(said)
    if any(head.startswith("[") for head in groups):  # a list of days: the rest repeats it
        plain = {k: v for k, v in plain.items() if DAY_OF.get(plain_key(k))}
    return {**plain, **{day: " et ".join(parts) for day, parts in days.items()}}


def _said(fields: dict[str, str]) -> str:
    """What one day's object says: closed, or from its opening to its closing time."""
    if any(fields.get(k, "").strip().lower() in _TRUE for k in _CLOSED_KEYS):
        return "fermé"
    opens = next((fields[k] for k in fields if k in _OPEN_KEYS), "")
    closes = next((fields[k] for k in fields if k in _CLOSE_KEYS), "")
    said = next((fields[k] for k in fields if k in _RANGE_KEYS), "")  # "heures": "9h-17h"
    return f"{opens}-{closes}" if opens and closes else said


def _per_day(mapping: dict) -> tuple[dict[str, str], str]:
    hours, unread = {}, []
    for key, raw in mapping.items():
        day = DAY_OF.get(fold(str(key)).lower().strip(" ."))
        said = str(raw or "").strip()
        if not said:
            continue
        value = _day_value(said) if day else None
        ranged = {} if day else _prose(f"{key} {said}")  # "lundi au vendredi": "8h-17h"
        if ranged and not set(ranged) & set(hours):
            hours.update(ranged)
        elif value is None:
            unread.append(f"{key}: {said}")
        else:
            hours[day] = value
    return {day: hours[day] for day in DAYS if day in hours}, "; ".join(unread)


_CLOSED_DAY = {"non", "no", "off", "x", "-", "ferme", "closed", "aucun", "none"}
_PAIR = re.compile(r"^\s*(\d{1,2}[:h]\d{2})\s*;\s*(\d{1,2}[:h]\d{2})\s*$")


def _day_value(text: str) -> str | None:
    """Read the hours of one day: ranges, "closed", or None."""
    if fold(text).lower().strip(" .") in _CLOSED_DAY:  # "samedi: non" in a hand-kept file
        return "closed"
    pair = _PAIR.match(text)  # [9:30, 17:30]: a list of opening and closing times
    if pair:
        text = f"{pair.group(1)}-{pair.group(2)}"
    runs = _runs(_prepare(text))
    if runs is None or len(runs) != 1 or runs[0][0] != "times":
        return None
    return runs[0][1]


def _prose(text: str) -> dict[str, str]:
    """Read a whole schedule in prose; {} when any part is not understood."""
    runs = _runs(_prepare(text))
    if not runs:
        return {}
    hours: dict[str, str] = {}
    i = 0
    while i < len(runs):  # "days times" or "times days": pair each run with its neighbour
        pair = runs[i:i + 2]
        if len(pair) < 2 or {kind for kind, _ in pair} != {"days", "times"}:
            return {}
        days = next(value for kind, value in pair if kind == "days")
        times = next(value for kind, value in pair if kind == "times")
        if any(day in hours for day in days):  # a day given twice: an exception we don't read
            return {}
        for day in days:
            hours[day] = times
        i += 2
    return {day: hours[day] for day in DAYS if day in hours}


def _prepare(text: str) -> str:
    text = fold(text).lower().replace("’", "'")
    text = re.sub(r"[–—]", "-", text)
    text = re.sub(r"\b([ap])\.\s*m\.?", r"\1m", text)
    text = re.sub(rf"({_DAY})\.", r"\1", text)  # "lun." and "ven.": abbreviations, not ends
    return re.sub(r"[;\n|.]+(?!\d)", " § ", text)  # clauses: a run of days ends at one


def _runs(text: str) -> list[tuple[str, object]] | None:
    """Cut text into alternating runs of days and of times; None if something is unread."""
    runs: list[list] = []
    position = 0
    for match in _TOKENS.finditer(text):
        if match.start() != position and text[position:match.start()].strip():
            return None
        position = match.end()
        kind = match.lastgroup
        if kind == "filler":
            continue
        if kind == "stop":
            runs.append(["stop", []])
            continue
        if kind in ("group", "dayrange", "day"):
            value, run_kind = _days(kind, match.group()), "days"
        else:
            value, run_kind = _times(kind, match.group()), "times"
            if value is None:
                return None
        if runs and runs[-1][0] == run_kind and "closed" not in value + runs[-1][1]:
            runs[-1][1] += value
        else:
            runs.append([run_kind, list(value)])
    if text[position:].strip():
        return None
    out = []
    for kind, values in runs:
        if kind == "stop":
            continue
        if kind == "days":
            out.append(("days", [d for d in DAYS if d in values]))
        else:
            if "closed" in values and len(values) > 1:
                return None
            out.append(("times", "closed" if values == ["closed"] else ", ".join(values)))
    return out


def _days(kind: str, text: str) -> list[str]:
    if kind == "group":
        return list(_GROUPS[text])
    names = [_day_name(n) for n in re.findall(_DAY, text)]
    first, last = (DAY_OF[n] for n in (names[0], names[-1]))
    if kind == "day":
        return [first]
    a, b = DAYS.index(first), DAYS.index(last)
    return [DAYS[(a + k) % 7] for k in range((b - a) % 7 + 1)]


def _day_name(found: str) -> str:
    name = found.rstrip(".").strip()
    return name if name in DAY_OF else name[:-1]  # "samedis"


def _times(kind: str, text: str) -> list[str] | None:
    if kind == "closed":
        return ["closed"]
    if kind == "allday":
        return ["00:00-24:00"]
    if kind == "bare":
        start, end = (int(n) for n in re.findall(r"\d+", text))
        return _range((start, 0, ""), (end, 0, ""))
    times = re.findall(_TIME, text)
    return _range(_clock(times[0]), _clock(times[-1]))


def _clock(text: str) -> tuple[int, int, str]:
    words = {"midi": (12, 0, "pm"), "noon": (12, 0, "pm"), "minuit": (24, 0, ""),
             "midnight": (24, 0, "")}
    if text.strip() in words:
        return words[text.strip()]
    hour, minute = (re.findall(r"\d+", text) + ["0"])[:2]
    meridian = "am" if "am" in text else "pm" if "pm" in text else ""
    return int(hour), int(minute), meridian


def _range(start: tuple[int, int, str], end: tuple[int, int, str]) -> list[str] | None:
    (h1, m1), (h2, m2) = (_24h(*start), _24h(*end))
    if (h2, m2) <= (h1, m1) and not end[2] and h2 + 12 <= 24:  # "9-5", "11 h à 2": afternoon
        h2 += 12
    if not (0 <= h1 < 24 and 0 < h2 <= 24 and m1 < 60 and m2 < 60) or (h2, m2) <= (h1, m1) \
            or (h2 == 24 and m2):
        return None
    return [f"{h1:02d}:{m1:02d}-{h2:02d}:{m2:02d}"]


def _24h(hour: int, minute: int, meridian: str) -> tuple[int, int]:
    if meridian == "am" and hour == 12:
        return 0, minute
    if meridian == "pm" and hour < 12:
        return hour + 12, minute
    return hour, minute
