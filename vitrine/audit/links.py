"""Broken internal links and anchors, found by LinkChecker crawling the served site."""

from __future__ import annotations

import csv
import io
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .tools import LINKCHECKER, require

CONFIG = """[checking]
maxrequestspersecond=1000
threads=4
[AnchorCheck]
"""


@dataclass(frozen=True)
class BrokenLink:
    """One link that does not resolve: where it points, where it is, and why."""

    url: str
    page: str
    line: str
    result: str

    def __str__(self) -> str:
        return f"{self.page} line {self.line}: {self.url} ({self.result})"


def broken_links(base_url: str) -> list[BrokenLink]:
    """Crawl every page reachable from base_url; return links or anchors that are broken."""
    require(LINKCHECKER)
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "linkcheckerrc"
        config.write_text(CONFIG, encoding="utf-8")
        done = subprocess.run(
            [str(LINKCHECKER), "--config", str(config), "--no-status", "-o", "csv",
             f"{base_url}/"], capture_output=True, text=True, check=False)
    rows = csv.DictReader(io.StringIO("\n".join(
        line for line in done.stdout.splitlines() if not line.startswith("#"))), delimiter=";")
    broken = [BrokenLink(row["urlname"], row["parentname"].removeprefix(base_url), row["line"],
                         row["result"] if row["valid"] != "True" else row["warningstring"])
              for row in rows if row["valid"] != "True" or "Anchor" in row["warningstring"]]
    if done.returncode not in (0, 1) and not broken:
        raise RuntimeError(f"linkchecker failed (exit {done.returncode}): {done.stderr[-500:]}")
    return broken
