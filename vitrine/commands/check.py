"""vitrine check: validate settings, content and data; print every problem; exit 1 on any."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from vitrine import problem_formats
from vitrine.directory.report import write_report
from vitrine.problem_language import in_language, site_language
from vitrine.project import load_project

log = logging.getLogger(__name__)


def add_arguments(parser) -> None:
    """Declare the options of vitrine check."""
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project folder holding content/ and data/ (default: here)")
    parser.add_argument("--report", type=Path, nargs="?", const=Path("reports/steward"),
                        default=None, metavar="DIR",
                        help="also write the steward's report (HTML and JSON) to DIR "
                             "(default reports/steward)")
    parser.add_argument("--settings", type=Path, default=None, metavar="FILE",
                        help="settings to check and build with (default: ROOT/pelicanconf.py)")
    parser.add_argument("--format", choices=problem_formats.FORMATS, default="text",
                        help="text (default); github: annotations on the pull request's files; "
                             "gitlab: a Code Quality report (JSON) on standard output")


def run(args) -> int:
    """Validate everything, print problems and a summary, return the exit status."""
    root = args.root.resolve()
    project = load_project(root, args.settings.resolve() if args.settings else None)
    directory, content, problems = project.directory, project.content, project.problems
    lang = site_language(project.settings)
    if args.format == "text":
        for problem in problems:
            print(in_language(problem, lang), file=sys.stderr)
    else:
        print(getattr(problem_formats, args.format)(problems, lang))
    if directory and args.report:
        for path in write_report(directory, root / args.report):
            log.info("steward's report written to %s", path)
    summary = f"{len(content.stories)} stories, {content.pages} intros and pages"
    summary += "".join(f", {len(items)} {name}" for name, items in project.items.items())
    if directory:
        summary += (f", {sum(s.record_count for s in directory.sources.values())} records from "
                    f"{len(directory.sources)} sources, {len(directory.businesses)} businesses")
    if problems:
        found = "problème(s) trouvé(s)" if lang == "fr" else "problem(s) found"
        print(f"{len(problems)} {found}; {summary}", file=sys.stderr)
        return 1
    print(f"ok: {summary}", file=sys.stderr if args.format == "gitlab" else sys.stdout)
    return 0

