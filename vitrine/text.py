"""Text hygiene for imported and compared values: mojibake, Unicode, odd spaces, HTML."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # zero-width, soft hyphen
_ODD_SPACE = re.compile("[\u00a0\u2007\u202f]")
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")  # with no-break and narrow no-break spaces
# UTF-8 read as Windows-1252: "é" shows as "Ã©", "–" as "â€“", "œ" as "Å“"
_MOJIBAKE_HINT = re.compile("[ÃÂâÅÄ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|Ã ")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252 ("MÃ©canique" → "Mécanique"); other text unchanged."""
    if "Ã" not in text and "Â" not in text and "â" not in text and "Å" not in text \
            and "Ä" not in text or not _MOJIBAKE_HINT.search(text):
        return text  # ftfy is exact but slow; most values need nothing
    import ftfy  # 0.1 s to import: only for a text that looks mangled

    return ftfy.fix_encoding(text)


def clean(text: str) -> tuple[str, list[str]]:
    """Repair mojibake, normalise to NFC, turn odd spaces into one space; say what changed."""
    notes = []
    value = str(text)
    fixed = repair_mojibake(value)
    if fixed != value:
        notes.append("mojibake repaired")
        value = fixed
    composed = unicodedata.normalize("NFC", value)
    if composed != value:
        notes.append("Unicode composed (NFC)")
        value = composed
    if _INVISIBLE.search(value) or _ODD_SPACE.search(value):
        notes.append("invisible or no-break spaces cleaned")
    return _SPACES.sub(" ", _INVISIBLE.sub("", value)).strip(), notes


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in ("br", "p", "div", "li"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def plain_text(text: str) -> tuple[str, list[str]]:
    """Clean a text and strip HTML to its words (scripts and styles dropped)."""
    value, notes = clean(text)
    if "<" not in value and "&" not in value:
        return value, notes
    parser = _Text()
    parser.feed(value)
    parser.close()
    stripped = re.sub(r"\s+", " ", "".join(parser.parts)).strip()
    stripped = stripped.replace("<", "‹").replace(">", "›")  # stray brackets never read as tags
    if stripped != value:
        notes.append("HTML removed")
    return stripped, notes
