"""What a build may reuse from the previous one, all under the project's .cache/ folder."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from vitrine.directory.cache import PACKAGE, code_version, hash_files

# pages whose keys a build keeps (vitrine.page_cache)
PAGE_KINDS = ("directory", "stories", "embeds")


def _reader_version() -> str:
    """Hash the code that reads stories: the vitrine package and the plugins beside it."""
    digest = hashlib.sha256(code_version().encode())
    plugins = PACKAGE.parent / "plugins"
    if plugins.is_dir():
        hash_files(digest, plugins, "*.py")
    return digest.hexdigest()[:16]


def cache_settings(root: Path, output: Path, clean: bool = False) -> dict:
    """Pelican settings that let a build of output reuse root/.cache (read nothing if clean)."""
    caches = root / ".cache"
    name = hashlib.sha256(str(output).encode()).hexdigest()[:16]
    return {
        # ours: the merged directory (keyed by data/) and the inputs of each directory page
        # and story page (vitrine.page_cache)
        "BUILD_CACHE": {"directory": None if clean else str(caches / "directory"),
                        "manifests": {kind: str(caches / "pages" / f"{name}.{kind}.pickle")
                                      for kind in PAGE_KINDS},
                        "previous_output": None if clean or not output.is_dir()
                        else str(output)},
        # Pelican's reader cache: a story's HTML and metadata, kept while its bytes are equal
        "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": not clean,
        "CONTENT_CACHING_LAYER": "reader", "CHECK_MODIFIED_METHOD": "sha1",
        "CACHE_PATH": str(caches / "pelican" / _reader_version()),
    }


def _manifests(settings: dict) -> list[Path]:
    return [Path(path) for path in settings["BUILD_CACHE"]["manifests"].values()]


def forget(settings: dict) -> None:
    """Drop the page keys of the output about to be replaced."""
    for manifest in _manifests(settings):
        manifest.unlink(missing_ok=True)


def commit(settings: dict) -> None:
    """Keep the page keys of the output just swapped in."""
    for manifest in _manifests(settings):
        fresh = Path(f"{manifest}.new")
        if fresh.exists():
            os.replace(fresh, manifest)


def discard(settings: dict) -> None:
    """Drop the page keys of a failed build, and the stories it read: a build whose plugins
    did not load read them with Pelican's own reader, and the next build must not reuse
    that (lists of towns read as text)."""
    for manifest in _manifests(settings):
        Path(f"{manifest}.new").unlink(missing_ok=True)
    shutil.rmtree(settings["CACHE_PATH"], ignore_errors=True)
