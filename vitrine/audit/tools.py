"""Where the audit tools live, and one message for a missing tool."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
LINKCHECKER = Path(sys.executable).parent / "linkchecker"
CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update"]


class ToolMissing(RuntimeError):
    """An audit tool is not installed; the message says how to get it."""


def require(*tools: Path) -> None:
    """Raise ToolMissing naming every absent tool and the command that installs them."""
    missing = [str(tool) for tool in tools if not tool.exists()]
    if any(tool == VNU for tool in tools) and shutil.which("java") is None:
        missing.append("java (openjdk-17-jre-headless)")
    if missing:
        raise ToolMissing(f"missing {', '.join(missing)}: run `make audit` or `make test` "
                          "(they install Chromium, Java, the npm and Python tools)")
