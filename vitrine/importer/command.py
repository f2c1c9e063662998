"""vitrine import: a partner's export in, data/sources/<source>.yaml out, with a report."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import time
from pathlib import Path

import yaml

from vitrine.directory.loading import load_taxonomy, load_territory
from vitrine.directory.overrides import load_overrides
from vitrine.importer.convert import convert, diff, print_changes
from vitrine.importer.mapping import (
    FIELDS,
    Mapping,
    MappingError,
    load_mapping,
    propose,
    propose_categories,
    write_mapping,
)
from vitrine.importer.places import Categories
from vitrine.importer.readers import ReadError, read_table

log = logging.getLogger(__name__)


def add_arguments(parser) -> None:
    """Declare the options of vitrine import."""
    parser.add_argument("file", type=Path,
                        help="the export: .csv, .tsv, .txt, .xlsx, .json, .yaml or .yml")
    parser.add_argument("--source", required=True,
                        help="source id: data/sources/<source>.yaml (jobs: data/jobs/…)")
    parser.add_argument("--kind", choices=("businesses", "jobs"), default="businesses",
                        help="what the export lists: businesses (the directory, default) or "
                             "jobs (a job board's offers)")
    parser.add_argument("--mapping", type=Path, default=None,
                        help="mapping YAML (default: <source>.mapping.yaml beside the output "
                             "if it exists, otherwise one is proposed from the export)")
    parser.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 if any row is rejected or waits for review")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")


def run(args) -> int:
    """Import, print the report, write the source (atomically) unless --dry-run."""
    started = time.perf_counter()
    root = args.root.resolve()
    try:
        table = read_table(args.file)
    except (OSError, ReadError) as exc:
        print(f"{args.file}: cannot import: {exc}", file=sys.stderr)
        return 1
    if args.kind == "jobs":
        from vitrine.importer.job_command import import_jobs

        return import_jobs(args, root, table, started)
    target = root / "data" / "sources" / f"{args.source}.yaml"
    territory, _ = load_territory(root)
    taxonomy, _ = load_taxonomy(root)
    mapping_path = args.mapping or target.with_name(f"{args.source}.mapping.yaml")
    if mapping_path.exists():
        try:
            mapping = load_mapping(mapping_path, shown_path(mapping_path, root))
        except MappingError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return 1
    else:
        mapping = _proposal(args, table, taxonomy, mapping_path, root)
    done = convert(table, mapping, territory, taxonomy.categories)
    for line in done.report:
        print(line)
    old = []
    if target.exists():
        old = (yaml.safe_load(target.read_text(encoding="utf-8")) or {}).get("businesses") or []
    changes = diff(old, done.records)
    print_changes(old, done.records, changes, lambda record: record.get("name", ""))
    print(f"{len(table.rows)} rows ({table.encoding}): {len(done.records)} imported "
          f"({done.to_review} to review), {done.rejected} rejected; "
          f"{len(changes['added'])} added, {len(changes['changed'])} changed, "
          f"{len(changes['removed'])} removed; "
          f"{len(table.rows) / max(time.perf_counter() - started, 1e-6):,.0f} rows/s")
    _warn_stale_overrides(root, args.source, changes["removed"])
    if not done.records:
        print("nothing could be imported", file=sys.stderr)
        return 1
    if not args.dry_run:
        _write_source(target, args.source, mapping, done.records)
        print(f"wrote {target.relative_to(root)}")
    return 1 if args.strict and (done.rejected or done.to_review) else 0


def shown_path(path: Path, root: Path) -> str:
    """A path as reports show it: relative to the project when inside it."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _proposal(args, table, taxonomy, mapping_path: Path, root: Path) -> Mapping:
    """Propose columns and categories from the export; print and (unless --dry-run) write it."""
    columns = propose(table.columns)
    mapping = Mapping({"name": args.source, "owner": args.source, "licence": "unknown",
                       "url": None}, columns)
    category = columns.get("category")
    paths = category if isinstance(category, list) else [category] if category else []
    labels = [row.get(p) or "" for row in table.rows for p in paths[:1]]
    mapping.categories, mapping.notes = propose_categories(labels,
                                                           Categories(taxonomy.categories).guess)
    used = [p for value in columns.values() for p in (value if isinstance(value, list)
                                                      else [value])]
    unmapped = [c for c in table.columns
                if not any(c == p or c.startswith(p + ".") for p in used)]
    print(f"proposed mapping (review it in {shown_path(mapping_path, root)}):")
    for name in sorted(columns, key=FIELDS.index):
        print(f"  {name:15} <- {columns[name]}")
    if unmapped:
        print(f"  not imported: {', '.join(unmapped)}")
    print("proposed categories (partner label -> ours):")
    for label, slug in mapping.categories.items():
        print(f"  {label} -> {slug}   ({mapping.notes[label]})")
    if not args.dry_run:
        write_mapping(mapping_path, mapping, args.file.name, len(table.rows), unmapped)
    return mapping


def _warn_stale_overrides(root: Path, source: str, removed: list[str]) -> None:
    overrides, _ = load_overrides(root)
    gone = {f"{source}:{i}" for i in removed}
    for refs in [*overrides.same, *overrides.different, *[[p["record"]]
                                                          for p in overrides.prefer]]:
        for ref in refs:
            if ref in gone:
                print(f"data/overrides.yaml: {ref} no longer exists in this export; "
                      "update or remove the decision", file=sys.stderr)


def _write_source(target: Path, source: str, mapping: Mapping, records: list[dict]) -> None:
    meta = {**{"name": source, "owner": source, "licence": "unknown"},
            **mapping.source, "retrieved": dt.date.today().isoformat()}
    text = yaml.safe_dump({"source": {k: v for k, v in meta.items() if v is not None},
                           "businesses": records}, allow_unicode=True, sort_keys=False,
                          width=100)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
