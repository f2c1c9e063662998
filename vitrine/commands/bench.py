"""vitrine bench: merge quality on labelled data and directory speed at scale."""

from __future__ import annotations

import json
from pathlib import Path

from vitrine.benchmarks import format_table, run_build_bench
from vitrine.directory.bench import run as run_directory_bench


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
    """Run the benchmarks and print a small table."""
    result = run_directory_bench(args.root.resolve(), args.records)
    q, s = result["quality"], result["scale"]
    print("Directory merge quality (labelled synthetic sources)")
    print(f"  records {q['records']:,}  true businesses {q['true_businesses']:,}  "
          f"merged into {q['merged_businesses']:,}")
    print(f"  pairwise precision {q['precision']:.4f}  recall {q['recall']:.4f}  "
          f"F1 {q['f1']:.4f}   (targets: precision >= 0.98, recall >= 0.95)")
    print(f"Directory load + validate + merge: {s['records']:,} records from {s['sources']} "
          f"sources")
    print(f"  {s['seconds']:.2f} s  ({s['records_per_second']:,} records/s)  "
          f"peak RSS {s['peak_rss_mb']} MB  -> {s['businesses']:,} businesses   (target <= 10 s)")
    print(f"  machine: {result['machine']['cpus']} CPUs, Python {result['machine']['python']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1))
    if args.sizes:
        sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
        build = run_build_bench(sizes, args.root / "bench" / "build-results.json",
                                repeats=args.repeats)
        print(format_table(build))
    return 0
