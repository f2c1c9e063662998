"""JSON for large files: one list item per line, through the C encoder (indent= is pure Python)."""

from __future__ import annotations

import json


def dumps_by_line(data: dict) -> str:
    """Serialise a mapping with each key, and each item of a list value, on its own line."""
    parts = []
    for key, value in data.items():
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value:
            items = ",\n".join(json.dumps(item, ensure_ascii=False) for item in value)
            parts.append(f"{name}: [\n{items}\n]")
        else:
            parts.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
