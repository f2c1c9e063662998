"""vitrine build: build the site into output/ atomically."""

from __future__ import annotations

import logging
from pathlib import Path

from vitrine.build import build

log = logging.getLogger(__name__)


def add_arguments(parser) -> None:
    """Declare the options of vitrine build."""
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project folder holding content/ and data/ (default: here)")
    parser.add_argument("--settings", type=Path, default=None,
                        help="Pelican settings file (default: ROOT/pelicanconf.py)")
    parser.add_argument("--output", type=Path, default=None,
                        help="output folder (default: ROOT/output)")
    parser.add_argument("--strict", action="store_true",
                        help="fail on any warning, as make check does")
    parser.add_argument("--clean", action="store_true",
                        help="merge data/ again and render every page, ignoring .cache/")
    parser.add_argument("--preview", action="store_true",
                        help="reuse the previous build's search index instead of indexing "
                             "again (faster; pages changed since are not found by search)")


def run(args) -> int:
    """Build and report; exit 1 when the build failed (the old output is kept)."""
    root = args.root.resolve()
    result = build(root, args.output or root / "output",
                   args.settings or root / "pelicanconf.py", strict=args.strict,
                   clean=args.clean, preview=args.preview)
    if result.ok:
        print(f"built {result.pages} pages into {result.output} in {result.seconds:.1f} s "
              f"({result.warnings} warning(s))")
        return 0
    return 1
