"""python -m vitrine.benchmarks --sizes 1000,10000 --json bench/build-results.json

--share-cards: python -m vitrine.benchmarks --share-cards --sizes 1000 (cards off vs on)
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from vitrine.benchmarks import format_table, run_build_bench, share_cards_bench


def main(argv: list[str] | None = None) -> int:
    """Run the build benchmark and print its table."""
    parser = argparse.ArgumentParser(prog="python -m vitrine.benchmarks", description=__doc__)
    parser.add_argument("--sizes", default="1000", help="businesses per region, comma-separated")
    parser.add_argument("--repeats", type=int, default=1, help="full builds per size")
    parser.add_argument("--json", type=Path, default=None,
                        help="default bench/build-results.json (bench/share-cards.json)")
    parser.add_argument("--share-cards", action="store_true",
                        help="only cold and warm builds with share cards off, then on")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s", stream=sys.stderr)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.share_cards:
        result = share_cards_bench.run(sizes)
        out = args.json or Path("bench/share-cards.json")
        out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(share_cards_bench.table(result))
        return 0
    args.json = args.json or Path("bench/build-results.json")
    print(format_table(run_build_bench(sizes, args.json, repeats=args.repeats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
