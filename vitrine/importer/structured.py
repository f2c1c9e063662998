"""Read nested exports (JSON, hand-kept YAML) into rows of text keyed by paths (adresse.ville).

The records are the largest list of objects, or mapping of objects keyed by record id (the
key is then the column "(key)"), found in the first levels of the file; a metadata block
beside them is left out. Scalars keep the text they were written with: YAML is read by the
1.2 core schema, so `no` stays "no", `08:30` stays "08:30" and `0819` keeps its zero.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import yaml

from vitrine.importer.readers import ReadError, Table, read_bytes
from vitrine.yamlfile import MAX_DEPTH, YamlError, _check_depth, _Loader

KEY = "(key)"  # the column holding a record's key when records are a mapping keyed by id
_NULL = {"", "~", "null", "Null", "NULL"}


def read_json(path: Path) -> Table:
    """Read a JSON export."""
    raw = read_bytes(path)
    try:
        # numbers keep the text they were written with: 1.1777E+09 is no NEQ, 0819 no 819
        data = json.loads(raw.decode("utf-8-sig"), parse_float=str, parse_int=str)
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path.name}: not UTF-8 text (byte {exc.start}); expected JSON") \
            from None
    except json.JSONDecodeError as exc:
        raise ReadError(f"{path.name}:{exc.lineno}:{exc.colno}: not JSON ({exc.msg})") from None
    except RecursionError:
        raise ReadError(f"{path.name}: nested more than {MAX_DEPTH} levels deep; expected "
                        "records of a few levels") from None
    _check_nesting(data, path.name)
    return _table(path, data, lambda where: None, "json")


def read_yaml(path: Path) -> Table:
    """Read a YAML export (comments and a metadata block are ignored)."""
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadError(f"{path.name}:{line}: not UTF-8 text; expected YAML saved as UTF-8") \
            from None
    try:
        _check_depth(text, path.name, 0)
        node = yaml.compose(text, Loader=_Loader)
    except YamlError as exc:
        raise ReadError(str(exc.problem)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}" if mark else ""
        raise ReadError(f"{path.name}{where}: not YAML ({exc.problem or exc})") from None
    except yaml.YAMLError as exc:
        raise ReadError(f"{path.name}: not YAML ({exc})") from None
    lines: dict[str, int] = {}
    data = _plain(node, "$", lines, [0]) if node is not None else None
    return _table(path, data, lines.get, "yaml")


def _plain(node, where: str, lines: dict, count: list) -> object:
    """Turn YAML nodes into dicts, lists and text, noting each mapping's line (no recursion
    deeper than the checked depth)."""
    count[0] += 1
    if count[0] > 2_000_000:
        raise ReadError(f"{where}: more than 2,000,000 values (recursive aliases?)")
    if isinstance(node, yaml.MappingNode):
        lines[where] = node.start_mark.line + 1
        out = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(len(out))
            out[name] = _plain(value, f"{where}.{name}", lines, count)
            lines[f"{where}.{name}"] = key.start_mark.line + 1  # a record keyed by id: its key
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, f"{where}[{i}]", lines, count) for i, item in enumerate(node.value)]
    if not node.style and node.value in _NULL:
        return None
    return node.value


def _check_nesting(data, name: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, walking without recursion."""
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ReadError(f"{name}: nested more than {MAX_DEPTH} levels deep; expected "
                            "records of a few levels")
        children = value.values() if isinstance(value, dict) else \
            value if isinstance(value, list) else ()
        stack.extend((child, depth + 1) for child in children)


def _table(path: Path, data, line_of, encoding: str) -> Table:
    where, members, keyed = _records(data)
    if not members:
        found = "nothing" if data is None else f"a {type(data).__name__}" \
            if not isinstance(data, (dict, list)) else "no list or mapping of records"
        raise ReadError(f"{path.name}: expected a list of records, or a mapping of records "
                        f"keyed by id; found {found}")
    kept, skipped = _alike(members) if keyed else (members, [])
    rows, labels, columns = [], [], []
    for key, record in kept:
        spot = f"{where}.{key}" if keyed else f"{where}[{key}]"
        flat = _flatten(record)
        if keyed:
            flat = {KEY: str(key), **flat}
        rows.append(flat)
        line = line_of(spot)
        labels.append(f"{path.name}:{line}" if line else f"{path.name}:{spot}")
        columns += [c for c in flat if c not in columns and "[" not in c]
    table = Table(columns, rows, labels, encoding)
    table.notes = [f"{path.name}: {where}.{key}: left out (not a record like the others)"
                   for key, _ in skipped]
    return table


def _records(data) -> tuple[str, list[tuple[object, dict]], bool]:
    """Find the records: the largest list of objects, or mapping of alike objects keyed by
    id, in the first levels (a list wins a tie, then the shallower)."""
    best: tuple[int, int, int, str, list, bool] = (0, 0, 0, "$", [], False)
    stack = [(data, "$", 0)]
    while stack:
        value, where, depth = stack.pop()
        if isinstance(value, list):
            members = [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]
            size, keyed = len(members), False
        elif isinstance(value, dict):
            members = [(k, v) for k, v in value.items() if isinstance(v, dict)]
            alike = _alike(members)[0]
            size, keyed = (len(alike) if len(alike) > 1 else 0), True
        else:
            continue
        if (size, not keyed, -depth) > best[:3]:
            best = (size, not keyed, -depth, where, members, keyed)
        if size:
            continue  # a list inside a record (its hours, its phones) holds no records
        if depth < 3:
            children = value.items() if isinstance(value, dict) else enumerate(value)
            stack.extend((v, f"{where}.{k}" if isinstance(value, dict) else f"{where}[{k}]",
                          depth + 1) for k, v in children if isinstance(v, (dict, list)))
    return best[3], best[4], best[5]


def _alike(members: list[tuple[object, dict]]) -> tuple[list, list]:
    """Split records from the odd block beside them (metadata sharing none of their keys)."""
    counts = Counter(k for _, record in members for k in record)
    common = {k for k, n in counts.items() if n * 2 > len(members)}
    kept = [(k, r) for k, r in members if set(r) & common]
    return kept, [(k, r) for k, r in members if not set(r) & common]


def _flatten(record: dict) -> dict[str, str]:
    """Paths of a record's values; a list's values under one path, joined by "; ", and the
    objects of a list also one by one (heures[0].jour), for opening hours given as a list."""
    out: dict[str, str] = {}
    stack = [(record, "")]
    while stack:
        value, prefix = stack.pop()
        if isinstance(value, dict):
            stack.extend((v, f"{prefix}{k}.") for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((v, prefix) for v in reversed(value))
            stack.extend((v, f"{prefix[:-1]}[{i}].") for i, v in reversed(list(enumerate(value)))
                         if isinstance(v, dict))
        elif value is not None and str(value).strip():
            key = prefix[:-1]
            text = _text(value)
            out[key] = f"{out[key]}; {text}" if key in out else text
    return out


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
