"""Build a site with Pelican into a fresh folder and swap it in only when the build succeeded."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from vitrine import build_cache
from vitrine.build_cache import cache_settings
from vitrine.problem_language import in_language, site_language
from vitrine.search_index import SearchIndexing, has_index, language_written, reuse_index
from vitrine.settings_schema import check_settings

log = logging.getLogger(__name__)


class SettingsError(Exception):
    """Settings that do not fit their schema: the build does not start."""


class _Counter(logging.Handler):
    """Count warnings and errors logged while a build runs (advisories apart: data that ages
    with the calendar, such as an old key figure, never stops publishing)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.warnings = 0
        self.errors = 0
        self.advisories = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors += 1
        elif getattr(record, "advisory", False):
            self.advisories += 1
        else:
            self.warnings += 1


class _Pages:
    """Collect the HTML pages a build writes, as Pelican and the plugins announce them."""

    def __init__(self):
        self.paths: set[str] = set()

    def __call__(self, path, **_context) -> None:
        if str(path).endswith(".html"):
            self.paths.add(str(path))


@dataclass
class BuildResult:
    """What a build did: success, output folder, counts and duration."""

    ok: bool
    output: Path
    pages: int
    warnings: int
    errors: int
    seconds: float


def pelican_settings(settings_file: Path, root: Path, output: Path, overrides: dict | None = None):
    """Read Pelican settings for a project root (content/ and data/) and an output folder."""
    from pelican.settings import read_settings

    return read_settings(str(settings_file), override={
        "PATH": str(root / "content"), "OUTPUT_PATH": str(output), **(overrides or {})})


def build(root: Path, output: Path, settings_file: Path, overrides: dict | None = None,
          strict: bool = False, clean: bool = False, preview: bool = False) -> BuildResult:
    """Build into a temporary sibling of output and replace output atomically on success.

    A preview reuses the previous output's search index instead of indexing again.
    """
    from pelican import Pelican, signals

    root, output = root.resolve(), output.resolve()
    _forget_logged_warnings()
    caching = cache_settings(root, output, clean)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    counter = _Counter()
    logging.getLogger().addHandler(counter)
    written = _Pages()  # counted as announced: walking 110,000 files took 3 s
    signals.content_written.connect(written)
    started = time.perf_counter()
    search = _SearchIndex(output, staging, preview, written)
    try:
        settings = pelican_settings(settings_file, root, staging,
                                    {**caching, **(overrides or {})})
        for problem in check_settings(settings, settings_file):  # counted: the build then fails
            log.error("%s", in_language(problem, site_language(settings)))
        if counter.errors:
            raise SettingsError(f"{counter.errors} problem(s) in the settings")
        Pelican(settings).run()
        rendered = time.perf_counter()
        ok = counter.errors == 0 and not (strict and counter.warnings)
        ok = ok and search.finish()
        log.info("pages written in %.1f s, search index finished %.1f s later",
                 rendered - started, time.perf_counter() - rendered)
    except SettingsError as exc:
        log.error("build stopped: %s", exc)
        ok = False
    except Exception:  # noqa: BLE001 — any failure must leave the live output untouched
        log.exception("build failed")
        ok = False
    finally:
        search.close()  # stops a failed build's indexing
        gc.unfreeze()  # what the build froze (its merged directory) may be collected now
        logging.getLogger().removeHandler(counter)
        signals.content_written.disconnect(written)
    pages = len(written.paths) if ok else 0
    if ok:
        build_cache.forget(caching)
        _swap(staging, output)
        build_cache.commit(caching)
    else:
        build_cache.discard(caching)
        _discard(staging)
        log.error("build failed: %d error(s), %d warning(s); %s left untouched",
                  counter.errors, counter.warnings, output)
    return BuildResult(ok, output, pages, counter.warnings, counter.errors,
                       time.perf_counter() - started)


def _forget_logged_warnings() -> None:
    """Let this build log its warnings again, even those an earlier build of the process did.

    Pelican's LimitFilter logs a message once per process: without this, a second build
    (vitrine serve --reload, tests) would hide and not count a bad record it still skips.
    """
    from pelican.log import LimitFilter

    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


class _SearchIndex:
    """The build's search index: each language's made once its pages are, or a preview's reused."""

    def __init__(self, previous: Path, staging: Path, preview: bool, written: _Pages):
        self.previous, self.staging, self.written = previous, staging, written
        self.reused = preview and has_index(previous)
        self.indexing = None if self.reused else SearchIndexing(staging)
        if self.indexing is not None:  # a preview's pages wait for no index
            language_written.connect(self.language_written)

    def language_written(self, lang: str) -> None:
        """Start indexing a language as soon as the site says its pages are all written."""
        if self.indexing is not None:
            self.indexing.start(lang, len(self.written.paths))

    def finish(self) -> bool:
        """Wait for the index (languages not started yet are indexed now); True if made."""
        language_written.disconnect(self.language_written)
        if self.reused and reuse_index(self.previous, self.staging):
            log.info("preview: search index reused from the previous build; pages changed "
                     "since are found by search after the next full build (make html, or "
                     "vitrine build without --preview)")
            return True
        self.indexing = self.indexing or SearchIndexing(self.staging)
        done, self.indexing = self.indexing.finish(len(self.written.paths)), None
        return done

    def close(self) -> None:
        """Stop indexing, if the build failed before finish()."""
        language_written.disconnect(self.language_written)
        if self.indexing is not None:
            self.indexing.cancel()


def _discard(staging: Path) -> None:
    """Delete a failed build's folder, renamed first: a helper still writing in it stops."""
    failed = staging.with_name(f"{staging.name}-failed")
    try:
        os.replace(staging, failed)  # a writer's next mkdir finds no parent
    except OSError:
        failed = staging
    shutil.rmtree(failed, ignore_errors=True)


_REPLACED_PREFIX = ".{}.old-"  # a replaced output, renamed beside the new one until deleted


def replaced_outputs(output: Path) -> list[Path]:
    """Earlier outputs of this folder that the background deletion has not removed yet."""
    return list(output.parent.glob(f"{_REPLACED_PREFIX.format(output.name)}*"))


def _swap(staging: Path, output: Path) -> None:
    """Put the new build in place of the old one with two renames."""
    os.chmod(staging, 0o755)
    old = None
    if output.exists():
        old = output.with_name(f"{_REPLACED_PREFIX.format(output.name)}"
                               f"{os.getpid()}-{time.time_ns()}")
        os.replace(output, old)
    os.replace(staging, output)
    if old is not None:
        _remove_later(old)


def _remove_later(folder: Path) -> None:
    """Delete the replaced output in the background: the new one is already live."""
    if os.name != "posix":
        shutil.rmtree(folder, ignore_errors=True)
        return
    # sh returns at once; rm, left to init, unlinks the old tree (seconds at 100k files) at
    # the lowest priority, so that the next build (an editor's next save) goes first
    subprocess.run(["sh", "-c", 'nice -n 19 rm -rf -- "$0" >/dev/null 2>&1 &', str(folder)],
                   check=False)
