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


def index_for_search(site: Path, node_modules: Path = NODE_MODULES) -> bool:
    """Index a built site with Pagefind, one bundle per language, one language at a time.

    Apart, each run holds half the pages in memory (5.1 GB for both languages of a
    50,000-business site at once) and reads only the folders that hold indexed pages.
    """
    binary = pagefind_binary(node_modules)
    if binary is None:
        log.error("search index: Pagefind is not installed in %s: run `npm ci` in the "
                  "project folder (make serve and make test do it)", node_modules)
        return False
    return all(_index_language(binary, site, lang) for lang in routes.LANGUAGES)


def _index_language(binary: Path, site: Path, lang: str) -> bool:
    """Run Pagefind over one language's pages into its bundle; False on failure."""
    command = [str(binary), "--site", str(site), "--glob", indexed_glob(lang),
               "--output-subdir", bundle(lang), "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        log.error("search index: cannot run %s: %s", binary, error)
        return False
    if done.returncode != 0:
        log.error("search index: pagefind failed for %s (exit %d): %s", lang, done.returncode,
                  (done.stderr or done.stdout).strip())
        return False
    for line in done.stdout.splitlines():
        if line.strip():
            log.debug("pagefind (%s): %s", lang, line)
    return True
