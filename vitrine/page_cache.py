"""Skip pages whose inputs did not change: reuse the previous build's file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import os
import pickle
from pathlib import Path

import jinja2
import pelican
from pelican.contents import Content

from vitrine.directory.cache import code_version, hash_files
from vitrine.links import link_or_copy

log = logging.getLogger(__name__)
PLUGINS = Path(__file__).resolve().parents[1] / "plugins"
# settings that differ between two builds of the same site without changing a page
_UNRELATED = {"PATH", "OUTPUT_PATH", "BUILD_CACHE", "CACHE_PATH"}
_STORY_FIELDS = ("url", "title", "summary", "lang", "date", "cover", "cover_alt", "audiences")


def base_key(settings, directory, templates: Path, translations: Path,
             context: dict | None = None) -> str:
    """Hash what every cached page depends on besides its own values (and the kinds of data
    that have items: the menu links to their lists)."""
    digest = hashlib.sha256()
    places = (directory.taxonomy, directory.territory) if directory is not None else None
    kinds = sorted(name for name, items in ((context or {}).get("kinds") or {}).items() if items)
    for part in (code_version(), pelican.__version__, jinja2.__version__,
                 _settings_text(settings), fingerprint(places, {}, None), repr(kinds)):
        digest.update(part.encode() + b"\0")
    hash_files(digest, PLUGINS, "*.py")
    for folder in (templates, translations):
        if folder.is_dir():
            hash_files(digest, folder)
    return digest.hexdigest()


def _settings_text(settings) -> str:
    lines = []
    for key in sorted(settings):
        text = repr(settings[key])
        if key not in _UNRELATED and " at 0x" not in text:  # skip objects without a stable repr
            lines.append(f"{key}={text}")
    return "\n".join(lines)


def fingerprint(value, memo: dict, picture) -> str:
    """Describe a page value as text that changes whenever its rendering could."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, type({}.values()), type({}.keys()))):
        return "[" + ",".join(fingerprint(v, memo, picture) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{fingerprint(v, memo, picture)}"
                              for k, v in value.items()) + "}"
    known = memo.get(id(value))
    if known is not None:
        return known[1]
    if dataclasses.is_dataclass(value):
        text = repr(value)  # our dataclasses hold plain values: their repr shows every field
    elif isinstance(value, Content):
        fields = {name: getattr(value, name, None) for name in _STORY_FIELDS}
        fields["translations"] = [(t.lang, t.url) for t in value.translations]
        if picture and fields["cover"]:
            fields["picture"] = picture(fields["cover"])
        text = "Story" + fingerprint(fields, memo, picture)
    else:
        raise TypeError(f"page cache: cannot describe a {type(value).__name__}")
    # a digest stands for the object on every page showing it: short page texts hash fast
    text = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    memo[id(value)] = (value, text)  # keep value alive so its id is not reused
    return text


class PageCache:
    """Previous pages' keys, reused when a page's key is unchanged; the new keys to save."""

    def __init__(self, options: dict | None, base: str, picture=None, kind: str = "directory"):
        options = options or {}
        self.base, self.picture, self.memo = base, picture, {}
        manifest = (options.get("manifests") or {}).get(kind)
        self.manifest = Path(manifest) if manifest else None
        previous = options.get("previous_output")
        self.previous = Path(previous) if previous else None
        self.keys: dict[str, str] = {}
        if self.manifest and self.previous and self.manifest.is_file():
            try:
                with self.manifest.open("rb") as saved:
                    self.keys = pickle.load(saved)
            except (OSError, EOFError, pickle.UnpicklingError) as error:
                log.info("page cache %s unreadable (%s); rendering every page",
                         self.manifest, error)

    def key(self, template: str, values: dict) -> str:
        """Hash a page's template name and values with the base key."""
        text = f"{self.base}\0{template}\0{fingerprint(values, self.memo, self.picture)}"
        return hashlib.sha256(text.encode()).hexdigest()

    def reuse(self, save_as: str, key: str, output: Path) -> bool:
        """Put the previous file in output when it was made from the same key."""
        if self.keys.get(save_as) != key:
            return False
        old, new = os.path.join(self.previous, save_as), os.path.join(output, save_as)
        os.makedirs(os.path.dirname(new), exist_ok=True)  # os, not pathlib: 100,000 times
        try:
            link_or_copy(old, new)
        except FileNotFoundError:
            return False
        return True

    def save(self, keys: dict[str, str]) -> None:
        """Write the keys of this build beside the manifest; the build swaps them in."""
        if self.manifest is None:
            return
        self.manifest.parent.mkdir(parents=True, exist_ok=True)
        with open(f"{self.manifest}.new", "wb") as out:
            pickle.dump(keys, out, protocol=pickle.HIGHEST_PROTOCOL)
