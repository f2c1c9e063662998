"""vitrine audit: check a built site as visitors and validators see it; any problem fails."""

from __future__ import annotations

import dataclasses
import json
import logging
import tempfile
from pathlib import Path

from vitrine.audit.report import audit_project, run_audit, summary
from vitrine.audit.tools import ToolMissing

log = logging.getLogger(__name__)


def add_arguments(parser) -> None:
    """Declare the options of vitrine audit."""
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project to build and audit (default: here)")
    parser.add_argument("--settings", type=Path, default=None,
                        help="Pelican settings file (default: ROOT/pelicanconf.py)")
    parser.add_argument("--output", type=Path, default=None,
                        help="audit this built site as it is instead of building ROOT "
                             "(its canonical URLs then point to its own PUBLIC_URL)")
    parser.add_argument("--page", action="append", default=None, metavar="URL",
                        help="audit this page in the browser (repeatable; default one page "
                             "of each template in each language)")
    parser.add_argument("--json", type=Path, default=None, metavar="FILE",
                        help="also write every finding and score as JSON to FILE")
    parser.add_argument("--no-lighthouse", action="store_true",
                        help="skip Lighthouse (the slowest gate, about 15 s a page)")


def run(args) -> int:
    """Build (unless --output), audit, print the summary; 1 when a gate failed."""
    options = {"pages": args.page, "with_lighthouse": not args.no_lighthouse}
    try:
        if args.output is not None:
            if not (args.output / "index.html").is_file():
                log.error("%s/index.html not found: build the site first", args.output)
                return 2
            audit = run_audit(args.output.resolve(), **options)
        else:
            root = args.root.resolve()
            with tempfile.TemporaryDirectory(prefix="vitrine-audit-") as workdir:
                audit = audit_project(root, args.settings or root / "pelicanconf.py",
                                      Path(workdir), **options)
                if audit is None:
                    return 1
    except (ToolMissing, RuntimeError) as exc:
        log.error("%s", exc)
        return 2
    print(summary(audit))
    if args.json:
        args.json.write_text(json.dumps({"ok": audit.ok, **dataclasses.asdict(audit)},
                                        indent=1, ensure_ascii=False), encoding="utf-8")
    return 0 if audit.ok else 1
