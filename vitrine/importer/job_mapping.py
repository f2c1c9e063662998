"""Which columns of a job board's export feed which field of an offer, and which of our
employment types each of its labels means: proposed from the export, then kept in
data/jobs/<source>.mapping.yaml for the steward to review and every later import to reuse."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from vitrine.directory.normal import plain_key
from vitrine.importer.job_columns import FIELDS, propose
from vitrine.importer.mapping import (
    Mapping,
    MappingError,
    label_key,
    lookup,
    propose_categories,
    read_mapping_file,
)
from vitrine.kinds.jobs.schema import TYPES
from vitrine.text import clean

TYPE_WORDS = {
    "full-time": r"\btemps (?:plein|complet)\b|\bplein temps\b|\bfull ?time\b|\bfulltime\b",
    "part-time": r"\btemps partiel\b|\bpart ?time\b|\bparttime\b|\bmi temps\b|\bpartiel\b",
    "contract": r"\bcontra(?:t|ct|ctuel\w*|ctor)s?\b|\bpigiste\b|\bfreelance\b"
                r"|\bduree (?:determinee|limitee)\b|\bterme determine\b|\bfixed term\b",
    "temporary": r"\btemporaire\b|\btemporary\b|\boccasionnel\w*\b|\bcasual\b|\bsur appel\b"
                 r"|\bon call\b|\bremplacements?\b|\bper diem\b|\bsurnumeraire\b"
                 r"|\bliste de rappel\b",
    "internship": r"\bstages?\b|\bstagiaires?\b|\bintern(?:ship)?s?\b|\bco op\b",
    "summer": r"\bete\b|\bsummer\b|\bestival\w*\b",
    "seasonal": r"\bsaisonni\w*\b|\bseasonal\b|\bsaison\b",
    "volunteer": r"\bbenevol\w*\b|\bvolunteer\w*\b|\bvolontaire\b",
}


@dataclass
class JobMapping(Mapping):
    """A job board's mapping: its columns, categories, towns and employment-type table."""

    types: dict[str, list[str]] = field(default_factory=dict)

    def types_of(self, label: str) -> list[str] | None:
        """Return the table's types for a partner label (case and accents ignored)."""
        return lookup(self.types, label)


def guess_types(label: str) -> tuple[list[str], str]:
    """Our employment types in a partner's label, and the words that named them."""
    plain = plain_key(label)
    found, words = [], []
    for kind, rule in TYPE_WORDS.items():
        for match in re.finditer(rule, plain):
            if kind not in found:
                found.append(kind)
                words.append(f'"{match.group()}"')
    return [t for t in TYPES if t in found], ", ".join(words)


def propose_types(labels: list[str]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Every distinct employment-type label with our guess (or none, to review), and how."""
    counts: Counter = Counter(text for text in (clean(label)[0] for label in labels) if text)
    table, notes = {}, {}
    for label, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if label_key(label) in {label_key(k) for k in table}:
            continue
        table[label], how = guess_types(label)
        rows = f"{count} row{'s' if count > 1 else ''}"
        notes[label] = f"{rows}; like {how}" if how else f"{rows}; TO REVIEW: no type recognised"
    return table, notes


def propose_mapping(source: str, columns: list[str], rows: list[dict], guess) -> JobMapping:
    """A whole proposal: columns, the partner's categories and employment types."""
    chosen = propose(columns, rows)
    mapping = JobMapping({"name": source, "owner": source, "licence": "unknown", "url": None},
                         chosen)
    first = {name: c[0] if isinstance(c, list) else c for name, c in chosen.items()}
    values = {name: [row.get(first[name]) or "" for row in rows] for name in chosen}
    mapping.categories, mapping.notes = propose_categories(values.get("category", []), guess)
    mapping.types, notes = propose_types(values.get("employment_type", []))
    mapping.notes.update({f"type:{k}": v for k, v in notes.items()})
    return mapping


def load_job_mapping(path: Path, shown: str) -> JobMapping:
    """Read a jobs mapping file written by the importer and reviewed by the steward."""
    doc, data, columns, problems = read_mapping_file(path, shown, FIELDS, "title")
    types = data.get("employment_types") or {}
    for label, value in types.items() if isinstance(types, dict) else ():
        listed = value if isinstance(value, list) else [value] if value else []
        wrong = [v for v in listed if v not in TYPES]
        if wrong:
            problems.append(doc.problem(("employment_types", label), f"employment_types.{label}",
                                        f"expected a list of {', '.join(TYPES)}; got "
                                        f"{json.dumps(wrong, ensure_ascii=False)}"))
        types[label] = listed
    if problems:
        raise MappingError(problems)
    return JobMapping(data.get("source") or {}, columns,
                      {str(k): str(v) for k, v in (data.get("categories") or {}).items()},
                      municipalities={str(k): str(v) for k, v in
                                      (data.get("municipalities") or {}).items()},
                      types={str(k): v for k, v in types.items()})


def write_job_mapping(path: Path, mapping: JobMapping, export: str, rows: int,
                      unmapped: list[str]) -> None:
    """Write a proposed jobs mapping for the steward to review, each guess commented."""
    def scalar(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    def table(title: str, entries: dict, prefix: str) -> list[str]:
        return [title, *(f"  {scalar(k)}: {scalar(v) if prefix == 'type:' else v}"
                         + (f"   # {mapping.notes[prefix + k]}" if prefix + k in mapping.notes
                            else "") for k, v in entries.items())]

    lines = [f"# Proposed by vitrine import --kind jobs from {export} ({rows} rows) on "
             f"{dt.date.today().isoformat()}.",
             "# Check each line and correct what is wrong: every import of this board uses it.",
             "source:",
             *(f"  {k}: {scalar(v) if v is not None else 'null'}"
               for k, v in mapping.source.items()),
             "columns:   # field of an offer: the export's column (a path such as employeur.nom;"
             " a list: the first filled)",
             *(f"  {name}: {scalar(mapping.columns[name])}" for name in FIELDS
               if name in mapping.columns)]
    if unmapped:
        lines.append("  # not imported: " + ", ".join(unmapped))
    lines += table("employment_types:   # partner label: our types, several allowed ("
                   f"{', '.join(TYPES)}); [] to review: its offers wait",
                   mapping.types, "type:")
    lines += table("categories:   # partner label: our category (data/taxonomy.yaml); "
                   "a-classer: the employer's category", mapping.categories, "")
    lines += table("municipalities:   # this board's spellings our towns do not know: a town "
                   "slug of data/territory.yaml, or a-classer", mapping.municipalities, "town:")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
