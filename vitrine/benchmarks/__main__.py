"""python -m vitrine.benchmarks --sizes 1000,10000 --json bench/build-results.json"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from vitrine.benchmarks import format_table, run_build_bench


def main(argv: list[str] | None = None) -> int:
    """Run the build benchmark and print its table."""
    parser = argparse.ArgumentParser(prog="python -m vitrine.benchmarks", description=__doc__)
    parser.add_argument("--sizes", default="1000", help="businesses per region, comma-separated")
    parser.add_argument("--repeats", type=int, default=1, help="full builds per size")
    parser.add_argument("--json", type=Path, default=Path("bench/build-results.json"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s", stream=sys.stderr)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(format_table(run_build_bench(sizes, args.json, repeats=args.repeats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
