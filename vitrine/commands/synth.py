"""vitrine synth: write a synthetic region of any size (content/ and data/)."""

from __future__ import annotations

import time
from pathlib import Path

from vitrine.synth import write_synthetic_region


def add_arguments(parser) -> None:
    """Declare the options of vitrine synth."""
    parser.add_argument("--businesses", type=int, required=True, metavar="N",
                        help="true businesses in the region (sources list some of them twice)")
    parser.add_argument("--stories", type=int, default=0, metavar="M",
                        help="stories, each written in French and English (default 0)")
    parser.add_argument("--sources", type=int, default=4, metavar="S",
                        help="overlapping source files in data/sources/ (default 4)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="folder to write content/ and data/ into")
    parser.add_argument("--seed", type=int, default=1, metavar="K",
                        help="random seed; the same seed writes the same region (default 1)")


def run(args) -> int:
    """Write the region and print what it holds."""
    started = time.perf_counter()
    made = write_synthetic_region(args.out, args.businesses, args.stories, args.sources,
                                  args.seed)
    print(f"wrote {made.businesses:,} businesses as {made.records:,} records in {made.sources} "
          f"sources, {made.stories:,} stories (FR+EN), {made.municipalities} towns into "
          f"{made.root} in {time.perf_counter() - started:.1f} s")
    return 0
