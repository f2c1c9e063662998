"""HTML validity of every page, as the Nu HTML checker (vnu) sees it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .tools import VNU, require


def html_errors(folder: Path) -> list[str]:
    """Validate every HTML file under folder; return vnu's error lines (file:line: message)."""
    require(VNU)
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html",
                           str(folder)], capture_output=True, text=True, check=False)
    prefix = f'"file:{folder.resolve()}'
    errors = [line.replace(prefix, "", 1).replace('"', "", 1) if line.startswith(prefix) else line
              for line in done.stderr.splitlines() if line.strip()]
    if done.returncode and not errors:
        raise RuntimeError(f"vnu failed (exit {done.returncode}): {done.stdout[-500:]}")
    return errors
