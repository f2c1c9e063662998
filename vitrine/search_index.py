"""Index a built site for search with Pagefind, the binary npm installs beside the project."""

from __future__ import annotations

import logging
import os
import platform
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from blinker import signal

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
# The element of each page (theme/templates/base.html) holding everything search reads: its
# data-pagefind-* attributes and the body's text. Pagefind handles no element outside it
# (head, header, footer): 18 % less of its CPU on 52,000 pages, the same bundle byte for
# byte. A theme that puts data-pagefind-* outside <main> must change this.
SEARCH_ROOT = "main"
# Sent with a language once every page of it that search reads is written (by the directory
# generator, the last one to write such pages): its index starts while the rest is made.
language_written = signal("vitrine.language-written")


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


def indexed_pages(lang: str) -> list[str]:
    """Glob patterns of a language's searched pages: windows, stories, businesses, towns, events.

    The pages marked data-pagefind-body, not their folders: Pagefind parses every file it
    is given, and the list pages beside them (3,115 files, a fifth of the HTML at 50,000
    businesses) hold nothing it indexes.
    """
    from vitrine.kinds import kinds

    windows = [routes.save_as(routes.window(lang, a)) for a in routes.AUDIENCES]
    searched = ["stories", "businesses", "towns",  # and the registry's kinds searched
                *(k.name for k in kinds().values() if k.searchable
                  and not k.built_by_its_own_generator)]
    return windows + [routes.save_as(routes.section(lang, name, "*")) for name in searched]


def indexed_glob(lang: str) -> str:
    """Pagefind's glob for a language: its indexed pages only."""
    return "{" + ",".join(indexed_pages(lang)) + "}"


def has_index(site: Path) -> bool:
    """Whether a built site has every language's search bundle."""
    return all((site / bundle(lang) / "pagefind-entry.json").is_file()
               for lang in routes.LANGUAGES)


def reuse_index(previous: Path, site: Path) -> bool:
    """Hard-link the previous build's search bundles into a new build; False if one is missing.

    For previews only: pages added or changed since that build are not found until a
    build indexes again.
    """
    if not has_index(previous):
        return False
    for name in (bundle(lang) for lang in routes.LANGUAGES):
        shutil.copytree(previous / name, site / name, copy_function=link_or_copy,
                        dirs_exist_ok=True)
    return True


def index_for_search(site: Path, node_modules: Path = NODE_MODULES,
                     pages: int | None = None) -> bool:
    """Index a built site with Pagefind, one bundle per language; False if one failed."""
    return SearchIndexing(site, node_modules).finish(pages)


class SearchIndexing:
    """Pagefind's runs over a site, one per language, each started when its pages are written.

    A site of at most TOGETHER_UP_TO pages may have its languages indexed at once (both
    cores); a larger one one language at a time, each run holding half the pages in memory
    (2.2 GB for a 50,000-business site, 5.1 GB for both languages in one run).
    """

    def __init__(self, site: Path, node_modules: Path = NODE_MODULES):
        self.site, self.binary = site, pagefind_binary(node_modules)
        self.runs: dict[str, _Run] = {}
        if self.binary is None:
            log.error("search index: Pagefind is not installed in %s: run `npm ci` in the "
                      "project folder (make serve and make test do it)", node_modules)

    def start(self, lang: str, pages: int | None = None) -> None:
        """Index a language whose pages are all written (after the running ones on a large site).

        Returns at once: the run waits for the others in a thread of its own.
        """
        if self.binary is None or lang in self.runs:
            return
        after = list(self.runs.values()) if pages is None or pages > TOGETHER_UP_TO else []
        self.runs[lang] = _Run(self.binary, self.site, lang, after)
        self.runs[lang].start()

    def finish(self, pages: int | None = None) -> bool:
        """Index the languages not started yet, wait for every run; True if all succeeded."""
        if self.binary is None:
            return False
        for lang in routes.LANGUAGES:
            self.start(lang, pages)
        ok = True
        for lang in routes.LANGUAGES:  # reported in the languages' order, whichever ends first
            self.runs[lang].join()
            ok = self.runs[lang].report() and ok
        return ok

    def cancel(self) -> None:
        """Stop every run: the build they index failed."""
        for run in self.runs.values():
            run.cancel()
        for run in self.runs.values():
            run.join()


class _Run(threading.Thread):
    """One language's Pagefind run, started once the runs before it have ended."""

    def __init__(self, binary: Path, site: Path, lang: str, after: list[_Run]):
        super().__init__(name=f"pagefind-{lang}", daemon=True)
        self.binary, self.site, self.lang, self.after = binary, site, lang, after
        self.process: subprocess.Popen | None = None
        self.output, self.cancelled = ("", ""), False
        self.lock = threading.Lock()

    def run(self) -> None:
        """Wait for the runs before this one, then run Pagefind and keep what it printed."""
        for run in self.after:
            run.join()
        with self.lock:
            if self.cancelled:
                return
            self.process = _start(self.binary, self.site, self.lang)
        if self.process is not None:
            self.output = self.process.communicate()

    def report(self) -> bool:
        """Log how the ended run went; True if it made its bundle."""
        if self.process is None:
            return False  # _start said why
        stdout, stderr = self.output
        if self.process.returncode != 0:
            log.error("search index: pagefind failed for %s (exit %d): %s", self.lang,
                      self.process.returncode, (stderr or stdout).strip())
            return False
        for line in stdout.splitlines():
            if line.strip():
                log.debug("pagefind (%s): %s", self.lang, line)
        return True

    def cancel(self) -> None:
        """Kill Pagefind, or keep it from starting."""
        with self.lock:
            self.cancelled = True
            if self.process is not None and self.process.poll() is None:
                self.process.kill()


def _start(binary: Path, site: Path, lang: str) -> subprocess.Popen | None:
    """Start Pagefind over one language's pages into its bundle; None if it cannot run."""
    command = [str(binary), "--site", str(site), "--glob", indexed_glob(lang),
               "--root-selector", SEARCH_ROOT, "--output-subdir", bundle(lang), "--quiet"]
    try:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
    except OSError as error:
        log.error("search index: cannot run %s: %s", binary, error)
        return None
