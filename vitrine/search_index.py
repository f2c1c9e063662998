"""Index a built site for search with Pagefind, the binary npm installs beside the project."""

from __future__ import annotations

import logging
import os
import platform
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)
NODE_MODULES = Path(__file__).resolve().parents[1] / "node_modules"
# Names npm's pagefind package gives its platform packages (@pagefind/<system>-<cpu>).
SYSTEMS = {"linux": "linux", "darwin": "darwin", "win32": "windows", "freebsd": "freebsd"}
CPUS = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}


def pagefind_binary(node_modules: Path = NODE_MODULES) -> Path | None:
    """Return Pagefind's executable: PAGEFIND_BINARY_PATH, else npm's platform package."""
    if os.environ.get("PAGEFIND_BINARY_PATH"):
        return Path(os.environ["PAGEFIND_BINARY_PATH"])
    system = SYSTEMS.get(sys.platform.rstrip("0123456789"), sys.platform)
    cpu = CPUS.get(platform.machine().lower(), platform.machine().lower())
    suffix = ".exe" if system == "windows" else ""
    folder = node_modules / "@pagefind" / f"{system}-{cpu}" / "bin"
    for name in ("pagefind_extended", "pagefind"):
        if (folder / f"{name}{suffix}").is_file():
            return folder / f"{name}{suffix}"
    return None


def index_for_search(site: Path, node_modules: Path = NODE_MODULES) -> bool:
    """Index a built site with Pagefind (one index per page language); False on failure."""
    binary = pagefind_binary(node_modules)
    if binary is None:
        log.error("search index: Pagefind is not installed in %s: run `npm ci` in the "
                  "project folder (make serve and make test do it)", node_modules)
        return False
    try:
        done = subprocess.run([str(binary), "--site", str(site), "--quiet"],
                              capture_output=True, text=True, check=False)
    except OSError as error:
        log.error("search index: cannot run %s: %s", binary, error)
        return False
    if done.returncode != 0:
        log.error("search index: pagefind failed (exit %d): %s", done.returncode,
                  (done.stderr or done.stdout).strip())
        return False
    for line in done.stdout.splitlines():
        if line.strip():
            log.debug("pagefind: %s", line)
    return True
