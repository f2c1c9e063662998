"""Read a partner's export into rows of text, each labelled with where it came from."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes


@dataclass
class Table:
    """Rows of an export: column names, one dict per row, and each row's label."""

    columns: list[str]
    rows: list[dict[str, str]]
    labels: list[str]
    encoding: str = ""


class ReadError(Exception):
    """An export that cannot be read at all."""


def read_table(path: Path) -> Table:
    """Read CSV/TSV (any common encoding and delimiter), .xlsx or JSON."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path)
    if suffix == ".json":
        return _json(path)
    return _csv(path)


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # what Windows and Mac software in Québec write; open detection guesses exotic pages
        best = from_bytes(raw, cp_isolation=["cp1252", "latin_1", "mac_roman", "utf_16",
                                             "cp850"]).best()
        encoding = best.encoding if best else "cp1252"
        if encoding in ("latin_1", "iso8859_1"):
            encoding = "cp1252"  # Windows software's superset of Latin-1 (’, œ, …)
        return raw.decode(encoding, errors="replace"), encoding


def _csv(path: Path) -> Table:
    text, encoding = _decode(path.read_bytes())
    sample = text[:20_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = next(reader, None)
    if not header:
        raise ReadError(f"{path.name}: empty file; expected a header row")
    columns = [h.strip() for h in header]
    rows, labels = [], []
    start = reader.line_num + 1
    for values in reader:
        if any(v.strip() for v in values):
            rows.append({c: (values[i] if i < len(values) else "") for i, c in enumerate(columns)})
            labels.append(f"{path.name}:{start}")
        start = reader.line_num + 1
    return Table(columns, rows, labels, encoding)


def _xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    sheet = book.worksheets[0]
    lines = sheet.iter_rows(values_only=True)
    header = next(lines, None)
    if not header:
        raise ReadError(f"{path.name}: empty sheet; expected a header row")
    columns = [str(h).strip() if h is not None else f"column {i + 1}"
               for i, h in enumerate(header)]
    rows, labels = [], []
    for number, values in enumerate(lines, start=2):
        if values and any(v not in (None, "") for v in values):
            rows.append({c: ("" if v is None else str(v)) for c, v in zip(columns, values,
                                                                           strict=False)})
            labels.append(f"{path.name}:{number}")
    book.close()
    return Table(columns, rows, labels, "xlsx")


def _flatten(value, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(_flatten(item, f"{prefix}{key}."))
    elif isinstance(value, list):
        out[prefix[:-1]] = "; ".join(str(v) for v in value if not isinstance(v, (dict, list)))
    elif value is not None:
        out[prefix[:-1]] = str(value)
    return out


def _json(path: Path) -> Table:
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReadError(f"{path.name}: not JSON ({exc})") from None
    records, where = data, "$"
    if isinstance(data, dict):
        where, records = next(((k, v) for k, v in data.items() if isinstance(v, list)),
                              ("$", []))
        where = f"$.{where}"
    if not isinstance(records, list):
        raise ReadError(f"{path.name}: expected a list of records")
    rows, labels, columns = [], [], []
    for i, record in enumerate(records):
        if isinstance(record, dict):
            flat = _flatten(record)
            rows.append(flat)
            labels.append(f"{path.name}:{where}[{i}]")
            columns += [c for c in flat if c not in columns]
    return Table(columns, rows, labels, "json")
