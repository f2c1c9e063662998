"""vitrine print: QR window stickers or letter posters of a selection of businesses, as one PDF."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from vitrine.directory import load_directory
from vitrine.printing.pdf import ChromiumMissing, PrintFailed, find_chromium, print_pdf
from vitrine.printing.selection import Selection, SelectionError, select
from vitrine.printing.sheet import items, render
from vitrine.project import read_settings_file

log = logging.getLogger(__name__)


def add_arguments(parser) -> None:
    """Declare the options of vitrine print."""
    parser.add_argument("--town", action="append", default=[], metavar="SLUG",
                        help="businesses of this town, e.g. amos (repeatable)")
    parser.add_argument("--mrc", action="append", default=[], metavar="SLUG",
                        help="businesses of this MRC, e.g. abitibi (repeatable)")
    parser.add_argument("--category", action="append", default=[], metavar="SLUG",
                        help="businesses of this category, e.g. restaurant (repeatable); "
                             "options combine: --mrc abitibi --category cafe")
    parser.add_argument("--poster", action="store_true",
                        help="US letter posters (with the category) instead of 10 cm stickers")
    parser.add_argument("--out", type=Path, default=None, metavar="FILE.pdf",
                        help="PDF to write; the print-ready HTML goes beside it as FILE.html "
                             "(default: stickers-SELECTION.pdf or posters-SELECTION.pdf here)")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project folder holding data/ and pelicanconf.py (default: here)")
    parser.add_argument("--settings", type=Path, default=None, metavar="FILE",
                        help="Pelican settings file (default: ROOT/pelicanconf.py)")


def run(args) -> int:
    """Select, lay out, print; 1 for a bad selection or setting, 2 without Chromium."""
    started = time.perf_counter()
    root = args.root.resolve()
    settings, _ = read_settings_file(root, args.settings.resolve() if args.settings else None)
    public_url = settings.get("PUBLIC_URL")
    if not public_url:
        log.error("PUBLIC_URL is not set in %s: the QR codes need the site's address",
                  args.settings or root / "pelicanconf.py")
        return 1
    try:
        chromium = find_chromium()
    except ChromiumMissing as exc:
        log.error("%s", exc)
        return 2
    selection = Selection(tuple(args.town), tuple(args.mrc), tuple(args.category))
    directory = load_directory(root)
    try:
        businesses = select(directory, selection)
    except SelectionError as exc:
        for line in exc.lines:
            log.error("%s", line)
        return 1
    kind = "posters" if args.poster else "stickers"
    pdf = args.out or Path.cwd() / f"{kind}-{selection.label()}.pdf"
    html = pdf.with_suffix(".html")
    html.parent.mkdir(parents=True, exist_ok=True)
    page = render(items(directory, businesses, public_url), public_url, poster=args.poster,
                  title=f"Vitrine — {kind} — {selection.describe()}")
    tmp = html.with_name(f".{html.name}.tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, html)
    try:
        print_pdf(html, pdf, chromium)
    except (ChromiumMissing, PrintFailed) as exc:
        log.error("%s", exc)
        return 2
    print(f"{len(businesses)} {kind} of {selection.describe()}: {pdf} "
          f"(print-ready page: {html}) in {time.perf_counter() - started:.1f} s",
          file=sys.stdout)
    return 0
