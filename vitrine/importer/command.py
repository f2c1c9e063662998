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
from vitrine.importer.convert import convert, diff
from vitrine.importer.mapping import Mapping, load_mapping, propose, write_mapping
from vitrine.importer.readers import ReadError, read_table

log = logging.getLogger(__name__)


def add_arguments(parser) -> None:
    """Declare the options of vitrine import."""
    parser.add_argument("file", type=Path, help="the export: .csv, .tsv, .txt, .xlsx or .json")
    parser.add_argument("--source", required=True, help="source id: data/sources/<source>.yaml")
    parser.add_argument("--mapping", type=Path, default=None,
                        help="mapping YAML (default: data/sources/<source>.mapping.yaml if it "
                             "exists, otherwise one is proposed from the headers)")
    parser.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any row is rejected")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")


def run(args) -> int:
    """Import, print the report, write the source (atomically) unless --dry-run."""
    started = time.perf_counter()
    root = args.root.resolve()
    target = root / "data" / "sources" / f"{args.source}.yaml"
    try:
        table = read_table(args.file)
    except (OSError, ReadError) as exc:
        print(f"{args.file}: cannot import: {exc}", file=sys.stderr)
        return 1
    mapping_path = args.mapping or target.with_name(f"{args.source}.mapping.yaml")
    if mapping_path.exists():
        mapping = load_mapping(mapping_path)
    else:
        mapping = Mapping({"name": args.source, "owner": args.source, "licence": "unknown",
                           "url": None}, propose(table.columns))
        print(f"proposed mapping (review it in {mapping_path.relative_to(root)}):")
        for field, column in mapping.columns.items():
            print(f"  {field:15} <- {column}")
        if not args.dry_run:
            write_mapping(mapping_path, mapping)
    territory, _ = load_territory(root)
    taxonomy, _ = load_taxonomy(root)
    records, report, rejected = convert(table, mapping, territory, taxonomy.categories)
    for line in report:
        print(line)
    old = []
    if target.exists():
        old = (yaml.safe_load(target.read_text(encoding="utf-8")) or {}).get("businesses") or []
    changes = diff(old, records)
    print(f"{len(table.rows)} rows ({table.encoding}): {len(records)} imported, {rejected} "
          f"rejected; {len(changes['added'])} added, {len(changes['changed'])} changed, "
          f"{len(changes['removed'])} removed; "
          f"{len(table.rows) / max(time.perf_counter() - started, 1e-6):,.0f} rows/s")
    overrides, _ = load_overrides(root)
    gone = {f"{args.source}:{i}" for i in changes["removed"]}
    for refs in [*overrides.same, *overrides.different, *[[p["record"]]
                                                          for p in overrides.prefer]]:
        for ref in refs:
            if ref in gone:
                print(f"data/overrides.yaml: {ref} no longer exists in this export; "
                      "update or remove the decision", file=sys.stderr)
    if not records:
        print("nothing could be imported", file=sys.stderr)
        return 1
    if not args.dry_run:
        meta = {**{"name": args.source, "owner": args.source, "licence": "unknown"},
                **mapping.source, "retrieved": dt.date.today().isoformat()}
        text = yaml.safe_dump({"source": {k: v for k, v in meta.items() if v is not None},
                               "businesses": records}, allow_unicode=True, sort_keys=False,
                              width=100)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
        print(f"wrote {target.relative_to(root)}")
    return 1 if args.strict and rejected else 0
