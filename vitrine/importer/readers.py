"""Read a partner's export into rows of text, each labelled with where it came from."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 200 * 2**20  # a region's export is a few MB; this is no export
_FRENCH = "éèêàâçôîûùëïœÉÈÊÀÂÇÔÎÛ’«»"
_ODD = "¶Ú╚╔═║┤┐└┴┬├─┼ãõ¤¦¨¬¯´¸"


@dataclass
class Table:
    """Rows of an export: column names, one dict per row, and each row's label."""

    columns: list[str]
    rows: list[dict[str, str]]
    labels: list[str]
    encoding: str = ""
    notes: list[str] = field(default_factory=list)


class ReadError(Exception):
    """An export that cannot be read at all."""


def read_table(path: Path) -> Table:
    """Read CSV/TSV (any common encoding and delimiter), .xlsx, JSON or YAML."""
    from vitrine.importer.structured import read_json, read_yaml

    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path)
    if suffix == ".json":
        return read_json(path)
    if suffix in (".yaml", ".yml"):
        return read_yaml(path)
    return _csv(path)


def read_bytes(path: Path) -> bytes:
    """Read an export's bytes, refusing what is too large or not text."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReadError(f"{path.name}: {size / 2**20:,.0f} MB; expected an export of at most "
                        f"{MAX_BYTES // 2**20} MB")
    raw = path.read_bytes()
    head = raw[:8192]
    if head.startswith(b"PK\x03\x04"):
        raise ReadError(f"{path.name}: a zip or Excel file; expected text (save an Excel "
                        "workbook as .xlsx and import that file)")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"{path.name}: binary data; expected a text export (CSV, JSON, YAML)")
    return raw


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # What Windows and Mac software in Québec write. Each decodes any bytes; the one that
    # reads as French (é, è, à, ç… rather than ¶, Ú, ╚) wins, Windows-1252 on a tie.
    found = {}
    for encoding in ("cp1252", "mac_roman", "cp850"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        found[encoding] = (sum(map(text.count, _FRENCH)) - 5 * sum(map(text.count, _ODD)), text)
    encoding = max(found, key=lambda e: found[e][0])  # dicts keep order: cp1252 first
    return found[encoding][1], encoding  # Mac Roman decodes any bytes: found is never empty


def _csv(path: Path) -> Table:
    text, encoding = _decode(read_bytes(path))
    first, _, rest = text.partition("\n")
    delimiter = None
    if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:
        delimiter, text = first.strip()[4], rest  # Excel's "sep=;" line
    sample = text[:20_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=delimiter or ",;\t|")
    except csv.Error:  # long quoted cells defeat the sniffer: the header's delimiter, then
        dialect = type("Found", (csv.excel,), {"delimiter": delimiter or _delimiter(text)})
    csv.field_size_limit(10 * 2**20)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader, None)
        notes = []
        while header is not None and sum(1 for h in header if h.strip()) == 1:
            notes.append(f"{path.name}:{reader.line_num}: left out (a title line, not the "
                         f"header: {[h for h in header if h.strip()][0][:60]!r})")
            header = next(reader, None)  # "Liste des membres au 2026-10-01;;;;"
        if not header or not any(h.strip() for h in header):
            raise ReadError(f"{path.name}: empty file; expected a header row")
        columns = _unique([h.strip() or f"column {i + 1}" for i, h in enumerate(header)])
        rows, labels = [], []
        start = reader.line_num + 1
        for values in reader:
            if any(v.strip() for v in values):
                rows.append({c: (values[i] if i < len(values) else "")
                             for i, c in enumerate(columns)})
                labels.append(f"{path.name}:{start}")
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ReadError(f"{path.name}:{reader.line_num}: not CSV ({exc})") from None
    return Table(columns, rows, labels, encoding, notes)


def _delimiter(text: str) -> str:
    """The delimiter the header line uses most (a title line above it uses none)."""
    for line in text.split("\n", 5)[:5]:
        counts = {d: line.count(d) for d in ",;\t|"}
        if any(counts.values()):
            return max(counts, key=counts.get)
    return ","


def _unique(names: list[str]) -> list[str]:
    """Make repeated header names distinct: "Téléphone", "Téléphone (2)"."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def _xlsx(path: Path) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ReadError(f"{path.name}: not an Excel workbook ({exc})") from None
    sheet = book.worksheets[0]
    lines = sheet.iter_rows()
    header = next(lines, None)
    if not header:
        raise ReadError(f"{path.name}: empty sheet; expected a header row")
    columns = _unique([str(h.value).strip() if h.value is not None else f"column {i + 1}"
                       for i, h in enumerate(header)])
    rows, labels = [], []
    for number, cells in enumerate(lines, start=2):
        values = [_cell_text(c) for c in cells]
        if any(values):
            rows.append(dict(zip(columns, values, strict=False)))
            labels.append(f"{path.name}:{number}")
    book.close()
    return Table(columns, rows, labels, "xlsx")


def _cell_text(cell) -> str:
    """A cell as the partner sees it: 8195550101 not 8195550101.0, 1.18E+09 as shown."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, float):
        if "E+" in (getattr(cell, "number_format", "") or "").upper():
            return f"{value:.5E}"  # a number the spreadsheet showed rounded: keep it so
        if value.is_integer():
            return str(int(value))
    return str(value)
