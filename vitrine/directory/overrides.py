"""An editor's decisions in data/overrides.yaml: same, different, preferred values."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vitrine.directory import schema
from vitrine.directory.model import Business, Record
from vitrine.problems import Problem
from vitrine.schema import INVALID, validate
from vitrine.yamlfile import Located, YamlError, load

PREFERABLE = ("name", "category", "address", "postal_code", "phone", "email", "website", "neq",
              "lat", "lon")


@dataclass
class Overrides:
    """Validated overrides, with the document to locate problems found later."""

    same: list[list[str]] = field(default_factory=list)
    different: list[list[str]] = field(default_factory=list)
    prefer: list[dict] = field(default_factory=list)
    doc: Located | None = None

    def cannot_link(self, index: dict[str, int]) -> dict[int, set[int]]:
        """Map each record index to the records it must never be merged with."""
        out: dict[int, set[int]] = {}
        for refs in self.different:
            members = [index[r] for r in refs if r in index]
            for m in members:
                out.setdefault(m, set()).update(x for x in members if x != m)
        return out

    def apply(self, business: Business, records: list[Record]) -> None:
        """Apply the preferred values that concern this business."""
        from vitrine.directory.merge import prefer_value

        refs = {r.ref for r in records}
        for rule in self.prefer:
            if rule["record"] not in refs or rule["field"] not in PREFERABLE:
                continue
            if rule.get("source"):
                value = next((r.values.get(rule["field"]) for r in records
                              if r.source == rule["source"]), None)
            else:
                value = prefer_value(rule["field"], rule.get("value") or "")
            if value not in (None, ""):
                setattr(business, rule["field"], value)
                for conflict in business.conflicts:
                    if conflict.field == rule["field"]:
                        conflict.chosen = value

    def unknown_refs(self, known: set[str]) -> list[Problem]:
        """Report references to records that no source holds (any more)."""
        if self.doc is None:
            return []
        problems = []
        for kind in ("same", "different"):
            for i, refs in enumerate(getattr(self, kind)):
                for j, ref in enumerate(refs):
                    if ref not in known:
                        problems.append(self.doc.problem(
                            (kind, i, j), f"{kind}[{i}][{j}]",
                            f'expected a record of data/sources, got "{ref}" (no such record)'))
        for i, rule in enumerate(self.prefer):
            if rule["record"] not in known:
                problems.append(self.doc.problem(
                    ("prefer", i, "record"), f"prefer[{i}].record",
                    f'expected a record of data/sources, got "{rule["record"]}" '
                    "(no such record)"))
            if rule["field"] not in PREFERABLE:
                problems.append(self.doc.problem(
                    ("prefer", i, "field"), f"prefer[{i}].field",
                    f"expected one of {', '.join(PREFERABLE)}; got \"{rule['field']}\""))
        return problems


def load_overrides(root: Path) -> tuple[Overrides, list[Problem]]:
    """Read data/overrides.yaml; a missing file means no decisions yet."""
    file = root / "data" / "overrides.yaml"
    if not file.exists():
        return Overrides(), []
    try:
        doc, problems = load(file, file.relative_to(root).as_posix())
    except YamlError as exc:
        return Overrides(), [exc.problem]
    if doc.data is None:
        return Overrides(doc=doc), problems
    value, more = validate(schema.OVERRIDES, doc)
    if value is INVALID:
        return Overrides(doc=doc), problems + more
    return Overrides(value["same"], value["different"], value["prefer"], doc), problems + more
