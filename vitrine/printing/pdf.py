"""Print the print-ready HTML page to PDF with the system Chromium.

Chromium, not a PDF library: the page the field team may open and print themselves is the very
page turned into the PDF, so both look the same; Chromium honours @page sizes in mm, lays out
system fonts and inline SVG, and is already installed for the site's browser tests. Its command
line (--print-to-pdf) is used rather than Playwright, which is only a test dependency.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
FALLBACK = Path("/usr/bin/chromium")
TIMEOUT_S = 300


class ChromiumMissing(RuntimeError):
    """No Chromium to print with; the message says how to get one."""


class PrintFailed(RuntimeError):
    """Chromium ran but wrote no PDF; the message holds its last words."""


def find_chromium() -> Path:
    """Return the system Chromium, or raise ChromiumMissing."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return Path(found)
    if FALLBACK.exists():
        return FALLBACK
    raise ChromiumMissing("Chromium not found (looked for chromium, chromium-browser, "
                          "google-chrome): install it, e.g. `apt-get install chromium`")


def print_pdf(html: Path, pdf: Path, chromium: Path | None = None) -> Path:
    """Print html to pdf, replacing pdf only once Chromium has written it whole."""
    chromium = chromium or find_chromium()
    if not chromium.exists():
        raise ChromiumMissing(f"Chromium not found at {chromium}")
    pdf.parent.mkdir(parents=True, exist_ok=True)
    tmp = pdf.with_name(f".{pdf.name}.tmp")
    with tempfile.TemporaryDirectory(prefix="vitrine-print-") as profile:
        # A profile of its own: a Chromium already open elsewhere must not take the job.
        command = [str(chromium), "--headless", "--no-sandbox", "--disable-gpu",
                   "--disable-dev-shm-usage", "--disable-background-networking",
                   "--disable-component-update", f"--user-data-dir={profile}",
                   "--no-pdf-header-footer", f"--print-to-pdf={tmp}",
                   html.resolve().as_uri()]
        log.debug("running %s", " ".join(command))
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S,
                              check=False)
    if done.returncode != 0 or not tmp.is_file() or tmp.stat().st_size == 0:
        tmp.unlink(missing_ok=True)
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise PrintFailed(f"Chromium could not print {html} (exit {done.returncode}): {last}")
    os.replace(tmp, pdf)
    return pdf
