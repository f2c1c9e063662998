"""vitrine bench: import and merge quality on labelled data, directory speed at scale, builds."""

from __future__ import annotations

import json
from pathlib import Path

from vitrine.benchmarks import format_table, run_build_bench
from vitrine.directory.bench import run as run_directory_bench
from vitrine.directory.quality import fixture_quality
from vitrine.importer.bench import run as run_import_bench
from vitrine.importer.job_bench import run as run_job_bench
from vitrine.importer.job_bench import table as job_table

# Hand-written labelled sets (bench/fixtures/*/README.md says who wrote each, and how).
MERGE_SETS = ("merge", "merge-heldout")
IMPORT_SETS = ("partners", "partners-heldout")
JOB_SETS = ("jobs", "jobs-heldout")


def add_arguments(parser) -> None:
    """Declare the options of vitrine bench."""
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project whose data/territory.yaml and taxonomy.yaml are used")
    parser.add_argument("--records", type=int, default=50_000,
                        help="records for the speed benchmark (default 50000)")
    parser.add_argument("--json", type=Path, default=None, metavar="FILE",
                        help="also write the directory figures as JSON to FILE")
    parser.add_argument("--sizes", default="", metavar="N,N",
                        help="also benchmark full builds and rebuilds of synthetic regions of "
                             "these numbers of businesses against stock Pelican and Hugo "
                             "(e.g. 1000,10000); figures in bench/build-results.json")
    parser.add_argument("--repeats", type=int, default=1,
                        help="runs per build size (min and median are reported)")


def run(args) -> int:
    """Run the benchmarks and print small tables."""
    root = args.root.resolve()
    fixtures = root / "bench" / "fixtures"
    result = run_directory_bench(root, args.records)
    result["labelled"] = {name: fixture_quality(fixtures / name, root)
                          for name in MERGE_SETS if (fixtures / name / "labels.yaml").exists()}
    result["import"] = {name: run_import_bench(fixtures / name, root)
                        for name in IMPORT_SETS if (fixtures / name / "labels.yaml").exists()}
    result["jobs"] = {name: run_job_bench(fixtures / name, root) for name in JOB_SETS
                      if any((fixtures / name).glob("*.labels.yaml"))}
    _print_imports(result["import"])
    _print_jobs(result["jobs"])
    _print_merges(result)
    s = result["scale"]
    print(f"Directory load + validate + merge: {s['records']:,} records from {s['sources']} "
          f"sources")
    print(f"  {s['seconds']:.2f} s  ({s['records_per_second']:,} records/s)  "
          f"peak RSS {s['peak_rss_mb']} MB  -> {s['businesses']:,} businesses   (target <= 10 s)")
    print(f"  machine: {result['machine']['cpus']} CPUs, Python {result['machine']['python']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        for figures in result["import"].values():
            figures.pop("not_handled", None)
        args.json.write_text(json.dumps(result, indent=1, default=list))
    if args.sizes:
        sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
        build = run_build_bench(sizes, args.root / "bench" / "build-results.json",
                                repeats=args.repeats)
        print(format_table(build))
    return 0


def _print_imports(imports: dict) -> None:
    for name, r in imports.items():
        naive = r["naive"]
        print(f"Import of hand-written partner exports (bench/fixtures/{name}): {r['records']} "
              "records, proposal + the steward's corrections")
        print(f"  {'':28} {'vitrine import':>15} {'naive':>8}   target")
        print(f"  {'reach directory or review':28} {r['reached_share']:>15.3f} "
              f"{naive['reached_share']:>8.3f}   1.000")
        print(f"  {'labelled defects handled':28} {r['defects_share']:>15.3f} "
              f"{naive['defects_share']:>8.3f}   >= 0.95   ({r['defects_handled']}/"
              f"{r['defects']})")
        print(f"  {'mapping lines by hand':28} {r['hand_written_lines']:>15} "
              f"{naive['hand_written_lines']:>8}")
        missed = [f"{k} {v}" for k, v in r["by_pattern"].items()
                  if v.split("/")[0] != v.split("/")[1]]
        if missed:
            print(f"  patterns not all handled: {', '.join(missed)}")
        _print_quality(f"  merge after import (bench/fixtures/{name})", r["merge"])


def _print_jobs(jobs: dict) -> None:
    for name, measured in jobs.items():
        print(f"Import of hand-written job board exports (bench/fixtures/{name}): "
              f"{measured['offers']} offers, proposed mapping, no review; share right per field")
        print("\n".join(f"  {line}" for line in job_table(measured).splitlines()))


def _print_merges(result: dict) -> None:
    q = result["quality"]
    print(f"Directory merge quality, synthetic labelled sources ({q['records']:,} records, "
          f"{q['true_businesses']:,} true businesses)")
    _print_quality("", {"directory": q, **q["baselines"]})
    for name, figures in result["labelled"].items():
        _print_quality(f"Merge quality, hand-written labelled set (bench/fixtures/{name})",
                       figures)


def _print_quality(title: str, figures: dict) -> None:
    if title:
        print(title)
    print(f"  {'':24} {'precision':>9} {'recall':>7} {'F1':>6} {'false merges':>13}")
    for label, key in (("directory", "directory"), ("name+town", "name_and_town"),
                       ("name+town or phone", "name_and_town_or_phone")):
        if key in figures:
            f = figures[key]
            print(f"  {label:24} {f['precision']:>9.3f} {f['recall']:>7.3f} {f['f1']:>6.3f} "
                  f"{f.get('false_merges', 0):>13}")
    d = figures["directory"]
    if "lookalikes_merged" in d:
        print(f"  look-alike pairs merged: {d['lookalikes_merged']} of "
              f"{figures['lookalike_pairs']}; pairs missed: {len(d.get('missed', []))}")
