"""Read YAML safely and remember where every value came from.

Plain scalars follow the YAML 1.2 core schema (``no`` stays a string, ``09:00`` is not
sexagesimal, ``01234`` keeps its zero), duplicate keys are errors, and alias expansion is
bounded so a "billion laughs" file fails cleanly instead of eating the machine.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from vitrine.problems import Problem, key_path

MAX_NODES = 2_000_000
_PLAIN = "vitrine:plain"  # tag of untagged scalars: _scalar() resolves them, YAML 1.2 style


class _NoResolver(yaml.resolver.BaseResolver):
    """Skip PyYAML's per-scalar regex resolution (YAML 1.1): we resolve values ourselves."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            return _PLAIN
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else \
            self.DEFAULT_MAPPING_TAG


if getattr(yaml, "__with_libyaml__", False):
    from yaml.cyaml import CParser

    class _Loader(CParser, yaml.constructor.SafeConstructor, _NoResolver):
        """libyaml's C parser (same marks, much faster) with our resolver."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _NoResolver.__init__(self)
else:  # pragma: no cover - PyYAML built without libyaml
    class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                  yaml.composer.Composer, yaml.constructor.SafeConstructor, _NoResolver):
        """Pure-Python parser with our resolver."""

        def __init__(self, stream):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            _NoResolver.__init__(self)
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 100  # deeper nesting is never data; libyaml's composer crashes the process on it
_DEEP_INDENT = re.compile(rf"^[ ]{{{2 * MAX_DEPTH},}}", re.MULTILINE)

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Located:
    """A parsed document and the (line, column) of each key path in it."""

    path: str
    data: object
    marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def where(self, parts: tuple) -> tuple[int | None, int | None]:
        """Return the line and column of a key path, or of its nearest known parent."""
        parts = tuple(parts)
        while parts:
            if parts in self.marks:
                return self.marks[parts]
            parts = parts[:-1]
        return self.marks.get((), (None, None))

    def problem(self, parts: tuple, key: str, message: str) -> Problem:
        """Build a problem located at a key path of this document."""
        line, col = self.where(parts)
        return Problem(self.path, line, col, key, message)


class YamlError(Exception):
    """A file that cannot be read as YAML at all."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _scalar(node: yaml.ScalarNode):
    """Convert a scalar node by the YAML 1.2 core schema."""
    value = node.value
    if node.style or node.tag != _PLAIN:  # quoted, or an explicit tag such as !!str
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    if _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


class _Builder:
    """Turn a composed node graph into Python values, recording marks and duplicate keys."""

    def __init__(self, path: str, line_offset: int):
        self.path = path
        self.line_offset = line_offset
        self.marks: dict[tuple, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.count = 0

    def mark(self, node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def build(self, node, parts: tuple):
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlError(Problem(self.path, *self.mark(node), "",
                                    f"document expands to more than {MAX_NODES:,} values "
                                    "(recursive or exploding aliases?)"))
        self.marks.setdefault(parts, self.mark(node))
        if isinstance(node, yaml.MappingNode):
            out = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, parts + ("<key>",))
                if not isinstance(key, (str, int, float, bool, dt.date)) or key is None:
                    self.problems.append(Problem(self.path, *self.mark(key_node), "",
                                                 "mapping keys must be plain text"))
                    continue
                key = str(key) if not isinstance(key, str) else key
                if key in out:
                    line, col = self.mark(key_node)
                    first = self.marks.get(parts + (key,), (None, None))[0]
                    self.problems.append(Problem(
                        self.path, line, col, _join(parts, key),
                        f"duplicate key; first given on line {first}"))
                    continue
                self.marks[parts + (key,)] = self.mark(key_node)
                out[key] = self.build(value_node, parts + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, parts + (i,)) for i, item in enumerate(node.value)]
        return _scalar(node)


def _join(parts: tuple, key: str) -> str:
    return key_path(tuple(p for p in parts if p != "<key>") + (key,))


def decode(raw: bytes, path: str) -> str:
    """Decode UTF-8 (BOM allowed) or raise a located error."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(Problem(path, line, col, "",
                                f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}); "
                                "expected a file saved as UTF-8")) from None


def parse(text: str, path: str, line_offset: int = 0) -> tuple[Located, list[Problem]]:
    """Parse YAML text into a located document and the problems found in it."""
    if len(text) > MAX_BYTES:
        raise YamlError(Problem(path, None, None, "",
                                f"file is larger than {MAX_BYTES // 2**20} MB"))
    try:
        _check_depth(text, path, line_offset)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        col = mark.column + 1 if mark else None
        detail = exc.problem or "invalid YAML"
        if "\t" in text and "tab" not in detail and "found character" in detail:
            detail += " (tabs are not allowed for indentation)"
        elif "mapping values are not allowed" in detail:
            detail = 'unexpected ": " (a value holding ": " must be quoted: "like: this")'
        raise YamlError(Problem(path, line, col, "", f"invalid YAML: {detail}")) from None
    except yaml.YAMLError as exc:
        raise YamlError(Problem(path, None, None, "", f"invalid YAML: {exc}")) from None
    builder = _Builder(path, line_offset)
    data = builder.build(node, ()) if node is not None else None
    if node is None:
        builder.marks[()] = (1 + line_offset, 1)
    return Located(path, data, builder.marks), builder.problems


def _check_depth(text: str, path: str, line_offset: int) -> None:
    """Refuse nesting deeper than MAX_DEPTH before composing (events are read flat)."""
    if text.count("[") + text.count("{") < MAX_DEPTH and not _DEEP_INDENT.search(text):
        return  # cannot nest that deep: skip the second pass over the text
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise YamlError(Problem(path, mark.line + 1 + line_offset, mark.column + 1, "",
                                        f"nested more than {MAX_DEPTH} levels deep; expected "
                                        "data of a few levels"))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def load(file, display_path: str | None = None) -> tuple[Located, list[Problem]]:
    """Read and parse a YAML file; raise YamlError if it is not YAML at all."""
    file = Path(file)
    shown = display_path or str(file)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise YamlError(Problem(shown, None, None, "", f"cannot read file: {exc.strerror}")) \
            from None
    return parse(decode(raw, shown), shown)
