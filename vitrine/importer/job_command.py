"""vitrine import --kind jobs: a job board's export in, data/jobs/<source>.yaml out, with a
report of every offer refused, held for review, added, changed or removed."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

import yaml

from vitrine.directory import load_directory
from vitrine.directory.schema import TO_CLASSIFY
from vitrine.importer.command import shown_path
from vitrine.importer.convert import diff, print_changes
from vitrine.importer.job_columns import FIELDS
from vitrine.importer.job_mapping import (
    JobMapping,
    load_job_mapping,
    propose_mapping,
    write_job_mapping,
)
from vitrine.importer.jobs import changed_fields, convert_jobs
from vitrine.importer.mapping import MappingError
from vitrine.importer.places import Categories


def import_jobs(args, root: Path, table, started: float) -> int:
    """Import a board's offers, print the report, write them (atomically) unless --dry-run."""
    target = root / "data" / "jobs" / f"{args.source}.yaml"
    directory = load_directory(root)
    mapping_path = args.mapping or target.with_name(f"{args.source}.mapping.yaml")
    proposed = not mapping_path.exists()
    try:
        mapping = _proposal(args, table, directory, mapping_path, root) if proposed else \
            load_job_mapping(mapping_path, shown_path(mapping_path, root))
    except MappingError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    for name, given in mapping.columns.items():
        for column in given if isinstance(given, list) else [given]:
            if any(c == column or c.startswith(column + ".") for c in table.columns):
                continue
            print(f"{shown_path(mapping_path, root)}: columns.{name}: \"{column}\" is not a "
                  "column of this export; expected one of " + ", ".join(table.columns[:12]),
                  file=sys.stderr)
    old = _last_import(target, root)
    done = convert_jobs(table, mapping, directory.territory, directory.taxonomy.categories,
                        directory, args.source, old)
    for line in done.report:
        print(line)
    if proposed and not args.dry_run:
        mapping.municipalities = {raw: TO_CLASSIFY for raw in done.towns}
        mapping.notes.update({f"town:{raw}": f"TO REVIEW: {why}"
                              for raw, why in done.towns.items()})
        write_job_mapping(mapping_path, mapping, args.file.name, len(table.rows),
                          _unmapped(mapping, table))
    changes = diff(old, done.offers)
    print_changes(old, done.offers, changes, _title, changed_fields)
    print(f"{len(table.rows)} rows ({table.encoding}): {len(done.offers)} offers imported, "
          f"{done.count('held')} held for review, {done.count('refused')} refused, "
          f"{done.count('duplicate')} duplicates; {len(changes['added'])} added, "
          f"{len(changes['changed'])} changed, {len(changes['removed'])} removed; "
          f"{len(table.rows) / max(time.perf_counter() - started, 1e-6):,.0f} rows/s")
    if not done.offers:
        print("nothing could be imported", file=sys.stderr)
        return 1
    if not args.dry_run:
        write_offers(target, mapping, args.file.name, done.offers)
        print(f"wrote {target.relative_to(root)}")
    return 1 if args.strict and (done.count("refused") or done.count("held")) else 0


def _last_import(target: Path, root: Path) -> list[dict]:
    """The offers the last import wrote (none when there is no file or it is unreadable)."""
    if not target.exists():
        return []
    try:
        data = yaml.safe_load(target.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        print(f"{target.relative_to(root)}: not YAML ({exc}); every offer counts as added",
              file=sys.stderr)
        return []
    jobs = data.get("jobs") if isinstance(data, dict) else None
    return [o for o in jobs if isinstance(o, dict)] if isinstance(jobs, list) else []


def _proposal(args, table, directory, mapping_path: Path, root: Path) -> JobMapping:
    """Propose columns, categories and employment types from the export; print them."""
    mapping = propose_mapping(args.source, table.columns, table.rows,
                              Categories(directory.taxonomy.categories).guess)
    print(f"proposed mapping (review it in {shown_path(mapping_path, root)}):")
    for name in FIELDS:
        if name in mapping.columns:
            print(f"  {name:15} <- {mapping.columns[name]}")
    unmapped = _unmapped(mapping, table)
    if unmapped:
        print(f"  not imported: {', '.join(unmapped)}")
    print("proposed employment types (partner label -> ours):")
    for label, types in mapping.types.items():
        print(f"  {label} -> {', '.join(types) or 'TO REVIEW'}   "
              f"({mapping.notes[f'type:{label}']})")
    return mapping


def _unmapped(mapping: JobMapping, table) -> list[str]:
    """The export's columns the mapping does not read."""
    used = {c for given in mapping.columns.values()
            for c in (given if isinstance(given, list) else [given])}
    return [c for c in table.columns if c not in used]


def _title(offer: dict) -> str:
    title = offer.get("title") or ""
    return title.get("fr") or title.get("en") or "" if isinstance(title, dict) else str(title)


class _Dumper(yaml.SafeDumper):
    """Write descriptions of several lines as blocks a person can read."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def write_offers(target: Path, mapping: JobMapping, export: str, offers: list[dict]) -> None:
    """Write the offers, their provenance in a comment (any other top-level key would be
    every offer's default), swapped in whole."""
    meta = {"name": mapping.source.get("name"), "owner": mapping.source.get("owner"),
            "licence": mapping.source.get("licence"), "url": mapping.source.get("url")}
    said = ", ".join(f"{k}: {v}" for k, v in meta.items() if v)
    text = (f"# Job offers imported by vitrine import --kind jobs from {export} ({said}); "
            f"retrieved {dt.date.today().isoformat()}.\n"
            "# The next import replaces this file: correct the mapping beside it instead.\n"
            + yaml.dump({"jobs": offers}, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                        width=100))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
