"""A source file cut into the items of its businesses, and one item read on its own."""

from __future__ import annotations

import re
from pathlib import Path

from vitrine.directory.loading import read_record
from vitrine.live import NotInPlace
from vitrine.yamlfile import YamlError, parse

_BUSINESSES = re.compile(r"^businesses:[ \t]*\r?\n", re.M)
_FIRST_ITEM = re.compile(r"^( *)- ", re.M)


def split_items(text: str) -> tuple[str, list[tuple[int, str]]] | None:
    """Cut a source file into its header and its businesses' items (first line, text).

    None when the file has no block list under a top-level businesses: key.
    """
    start = _BUSINESSES.search(text)
    first = start and _FIRST_ITEM.search(text, start.end())
    if not first:
        return None
    item = re.compile(rf"^{first.group(1)}- ", re.M)
    starts = [m.start() for m in item.finditer(text, first.start())]
    line = text.count("\n", 0, starts[0]) + 1
    items = []
    for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
        chunk = text[begin:end]
        items.append((line, chunk))
        line += chunk.count("\n")
    return text[:starts[0]], items


def item_record(path: str, line: int, text: str, check, bounds):
    """The record of one item of a source file, as reading the whole file gives it.

    NotInPlace if the item is not one valid business (the build reports why).
    """
    try:
        doc, problems = parse("businesses:\n" + text, path, line_offset=line - 2)
    except YamlError as error:
        raise NotInPlace(str(error.problem)) from None
    items = doc.data.get("businesses") if isinstance(doc.data, dict) else None
    if not problems and list(doc.data) == ["businesses"] and isinstance(items, list) \
            and len(items) == 1:
        record, problems = read_record(doc, items[0], ("businesses", 0), check, bounds,
                                       Path(path).stem)
        if not problems:
            return record
    raise NotInPlace(f"{path}:{line}: the record has a problem the build will report")
