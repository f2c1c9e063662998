"""vitrine check: validate content and directory data; print every problem; exit 1 on any."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from vitrine.content_check import check_content
from vitrine.directory import load_directory
from vitrine.directory.report import write_report

log = logging.getLogger(__name__)


def add_arguments(parser) -> None:
    """Declare the options of vitrine check."""
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project folder holding content/ and data/ (default: here)")
    parser.add_argument("--report", type=Path, nargs="?", const=Path("reports/steward"),
                        default=None, metavar="DIR",
                        help="also write the steward's report (HTML and JSON) to DIR "
                             "(default reports/steward)")


def run(args) -> int:
    """Validate everything, print problems and a summary, return the exit status."""
    root = args.root.resolve()
    directory = _load_directory(root)
    towns = set(directory.territory.municipalities) if directory else None
    businesses = {b.slug for b in directory.businesses} if directory else None
    content = check_content(root, towns, businesses)
    problems = sorted(content.problems + (list(directory.problems) if directory else []))
    for problem in problems:
        print(problem, file=sys.stderr)
    if directory and args.report:
        for path in write_report(directory, root / args.report):
            log.info("steward's report written to %s", path)
    summary = f"{len(content.stories)} stories, {content.pages} intros and pages"
    if directory:
        summary += (f", {sum(s.record_count for s in directory.sources.values())} records from "
                    f"{len(directory.sources)} sources, {len(directory.businesses)} businesses")
    if problems:
        print(f"{len(problems)} problem(s) found; {summary}", file=sys.stderr)
        return 1
    print(f"ok: {summary}")
    return 0


def _load_directory(root: Path):
    """Load the directory when the project has data/."""
    return load_directory(root) if (root / "data").is_dir() else None
