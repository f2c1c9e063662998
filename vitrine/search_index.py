"""Index a built site for search with Pagefind, the binary npm installs beside the project."""

from __future__ import annotations

import logging
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

from vitrine import routes
from vitrine.links import link_or_copy

log = logging.getLogger(__name__)
NODE_MODULES = Path(__file__).resolve().parents[1] / "node_modules"
# Names npm's pagefind package gives its platform packages (@pagefind/<system>-<cpu>).
SYSTEMS = {"linux": "linux", "darwin": "darwin", "win32": "windows", "freebsd": "freebsd"}
CPUS = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}
# Largest site (HTML pages, both languages) whose languages Pagefind indexes at once. Its
# memory is about 45 KB per page indexed (477 MB for the French half of 22,318 pages): at
# 50,000 pages, 1.1 GB per language, 2.2 GB together, as much as one language at 110,000.
TOGETHER_UP_TO = 50_000


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


def bundle(lang: str) -> str:
    """Folder (relative to the site root) of a language's search bundle: pagefind/, en/pagefind/."""
    return f"{routes.home(lang)}pagefind/"


def indexed_folders(lang: str) -> list[str]:
    """Folders of the pages marked data-pagefind-body: windows, stories, businesses, towns."""
    folders = [routes.window(lang, a) for a in routes.AUDIENCES]
    return folders + [routes.section(lang, name) for name in ("stories", "businesses", "towns")]


def indexed_glob(lang: str) -> str:
    """Pagefind's glob for a language: the HTML files of its indexed folders only."""
    return "{" + ",".join(f"{folder}**/*.html" for folder in indexed_folders(lang)) + "}"


def reuse_index(previous: Path, site: Path) -> bool:
    """Hard-link the previous build's search bundles into a new build; False if one is missing.

    For previews only: pages added or changed since that build are not found until a
    build indexes again.
    """
    bundles = [bundle(lang) for lang in routes.LANGUAGES]
    if not all((previous / name / "pagefind-entry.json").is_file() for name in bundles):
        return False
    for name in bundles:
        shutil.copytree(previous / name, site / name, copy_function=link_or_copy,
                        dirs_exist_ok=True)
    return True


def index_for_search(site: Path, node_modules: Path = NODE_MODULES,
                     pages: int | None = None) -> bool:
    """Index a built site with Pagefind, one bundle per language.

    A site of at most TOGETHER_UP_TO pages has its languages indexed at once (both cores);
    a larger one one language at a time, each run holding half the pages in memory (2.2 GB
    for a 50,000-business site, 5.1 GB for both languages in one run).
    """
    binary = pagefind_binary(node_modules)
    if binary is None:
        log.error("search index: Pagefind is not installed in %s: run `npm ci` in the "
                  "project folder (make serve and make test do it)", node_modules)
        return False
    if pages is not None and pages <= TOGETHER_UP_TO:
        runs = [(lang, _start(binary, site, lang)) for lang in routes.LANGUAGES]
        return all([_finish(run, lang) for lang, run in runs])  # a list: wait for each
    return all(_finish(_start(binary, site, lang), lang) for lang in routes.LANGUAGES)


def _start(binary: Path, site: Path, lang: str) -> subprocess.Popen | None:
    """Start Pagefind over one language's pages into its bundle; None if it cannot run."""
    command = [str(binary), "--site", str(site), "--glob", indexed_glob(lang),
               "--output-subdir", bundle(lang), "--quiet"]
    try:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
    except OSError as error:
        log.error("search index: cannot run %s: %s", binary, error)
        return None


def _finish(run: subprocess.Popen | None, lang: str) -> bool:
    """Wait for a language's Pagefind run; False (and the reason logged) if it failed."""
    if run is None:
        return False
    stdout, stderr = run.communicate()
    if run.returncode != 0:
        log.error("search index: pagefind failed for %s (exit %d): %s", lang, run.returncode,
                  (stderr or stdout).strip())
        return False
    for line in stdout.splitlines():
        if line.strip():
            log.debug("pagefind (%s): %s", lang, line)
    return True
