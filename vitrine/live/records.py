"""The records behind a kept directory, with the merge's keys and blocks, and their edits."""

from __future__ import annotations

import bisect
from pathlib import Path

from vitrine.directory import schema
from vitrine.directory.cache import code_version
from vitrine.directory.loading import SourceReads, read_file_record
from vitrine.directory.matching import MAX_BLOCK, REVIEW, Blocking, keys_of, score
from vitrine.directory.source_cache import SourceCache
from vitrine.live import NotInPlace
from vitrine.live.items import item_record, split_items
from vitrine.live.watch import stamps
from vitrine.yamlfile import YamlError, decode

SOURCES = "data/sources/"


class Records:
    """Every good record of a directory, by reference and by place, as the merge saw them."""

    def __init__(self, root: Path, directory, cache_dir: Path | None, built: dict):
        """built: the stamps (vitrine.live.watch) of the files the directory was built from."""
        self.root, self.directory, self.cache_dir = root, directory, cache_dir
        self.built = {path: stamp for path, stamp in built.items() if path.startswith("data/")}
        d = directory
        self.check = schema.business_record(lambda: set(d.taxonomy.categories),
                                            lambda: set(d.territory.municipalities))
        # the source files' bytes as built, cut into items by load(); the items of an edit
        # are kept as edits() read them, so commit() takes those, not a later save
        self.texts = {path.relative_to(root).as_posix(): path.read_bytes()
                      for path in sorted((root / SOURCES).glob("*.y*ml"))}
        self.items, self.reading = {}, {}
        self.by_ref, self.at = {}, {}  # by reference; by file and line
        self.ready = False

    def load(self) -> None:
        """Read the records (from the source cache: seconds at 50,000), their keys and blocks.

        Not ready if data/ changed meanwhile: they may not be those the directory was made of.
        """
        d, self.ready = self.directory, False
        cache = SourceCache(self.cache_dir / "sources", code_version()) if self.cache_dir \
            else None
        _sources, records, _problems, _rejected = SourceReads(
            self.root, d.taxonomy, d.territory, d.territory.bounds, cache).collect()
        if stamps(self.root, ("data",)) != self.built:
            return
        self.items = {path: _split(path, raw) for path, raw in self.texts.items()}
        self.by_ref = {r.ref: r for r in records}
        self.at = {(r.path, r.line): r for r in records}
        self.index = {r.ref: i for i, r in enumerate(records)}
        self.keys = [keys_of(r.values, r.source) for r in records]
        self.blocking = Blocking(self.keys)  # as the merge blocked them
        self.ready = True

    def edits(self, changed: list[str]) -> list[tuple]:
        """(old, new) records of the changed files; NotInPlace unless records were edited
        in place and the merge compares them with the others as before."""
        if not self.ready:
            raise NotInPlace("data/ changed while the records behind the preview were read")
        edited, self.reading = [], {}
        for path in changed:
            if not path.startswith(SOURCES) or not path.endswith((".yaml", ".yml")) \
                    or not (self.root / path).is_file():
                raise NotInPlace(f"{path} changed (not a source file of business records)")
            edited += self._file_edits(path) if path in self.items else self._folder_edit(path)
        for old, new in edited:
            if new.ref != old.ref or new.line != old.line:
                raise NotInPlace(f"{new.path}:{new.line}: a record's id or line changed")
        rekeyed = [new for old, new in edited
                   if keys_of(new.values, new.source) != keys_of(old.values, old.source)]
        if len(rekeyed) > 1 or (rekeyed and not self._scored_alike(rekeyed[0])):
            raise NotInPlace(f"{rekeyed[0].path}:{rekeyed[0].line}: the merge would compare "
                             "this record with others differently")
        return edited

    def commit(self, edited: list[tuple]) -> None:
        """Take the edited records, and the items edits() read, as the records now."""
        for _old, new in edited:
            self.by_ref[new.ref] = self.at[(new.path, new.line)] = new
            self._rekey(new)
        self.items.update(self.reading)

    def _file_edits(self, path: str) -> list[tuple]:
        """The records whose items changed in a source file, with the ones they replace."""
        before = self.items[path]
        after = self.reading[path] = _split(path, (self.root / path).read_bytes())
        if before is None or after is None or before[0] != after[0] \
                or len(before[1]) != len(after[1]):
            raise NotInPlace(f"{path}: records were added, removed or the source changed")
        pairs = []
        for (line, old_text), (new_line, new_text) in zip(before[1], after[1], strict=True):
            if line != new_line:
                raise NotInPlace(f"{path}:{new_line}: a record moved to another line")
            if old_text != new_text:
                old = self.at.get((path, line))
                if old is None:
                    raise NotInPlace(f"{path}:{line}: the record was not in the directory")
                pairs.append((old, item_record(path, line, new_text, self.check,
                                               self.directory.territory.bounds)))
        return pairs

    def _folder_edit(self, path: str) -> list[tuple]:
        """The record of an edited file of a source folder, with the one it replaces."""
        old = next((r for (p, _), r in self.at.items() if p == path), None)
        if old is None or Path(path).name == "_source.yaml":
            raise NotInPlace(f"{path} is not a record that was in the directory")
        new, problems = read_file_record(self.root / path, self.root, self.check,
                                         self.directory.territory.bounds)
        if problems or new is None:
            raise NotInPlace(f"{path}: the record has a problem the build will report")
        return [(old, new)]

    def _scored_alike(self, new) -> bool:
        """Whether the merge scores new as it scored the record it replaces, with every other.

        Then it merges the same records and lists the same near misses. The record's name
        and town stay; a block it leaves or joins must stay on its side of MAX_BLOCK.
        """
        i = self.index[new.ref]
        before, after = self.keys[i], keys_of(new.values, new.source)
        if (before.name, before.town) != (after.name, after.town):
            return False
        was, now = self.blocking.blocks_of(before), self.blocking.blocks_of(after)
        blocks = self.blocking.blocks
        if any(len(blocks[b]) == MAX_BLOCK + 1 for b in set(was) - set(now)) \
                or any(len(blocks.get(b, ())) == MAX_BLOCK for b in set(now) - set(was)):
            return False  # other records' pairs would change
        return self._scores(i, before, was) == self._scores(i, after, now)

    def _scores(self, i: int, keys, blocks: list[tuple]) -> dict:
        """The scores at or above REVIEW of record i, with keys, against its block partners."""
        partners = set()
        for block in blocks:
            members = [j for j in self.blocking.blocks.get(block, ()) if j != i]
            if 0 < len(members) < MAX_BLOCK:
                partners.update(members)
        found = {}
        for j in partners:
            value, reasons = score(keys, self.keys[j]) if i < j else score(self.keys[j], keys)
            if value >= REVIEW:
                found[j] = (value, reasons)
        return found

    def _rekey(self, new) -> None:
        """Keep the keys and blocks of the records as the merge would make them now."""
        i = self.index[new.ref]
        before, after = self.keys[i], keys_of(new.values, new.source)
        if before == after:
            return
        was, now = self.blocking.blocks_of(before), self.blocking.blocks_of(after)
        for block in set(was) - set(now):
            self.blocking.blocks[block].remove(i)
        for block in set(now) - set(was):
            bisect.insort(self.blocking.blocks.setdefault(block, []), i)
        self.keys[i] = after


def _split(path: str, raw: bytes):
    """A source file's header and items (vitrine.live.items.split_items), or None."""
    try:
        return split_items(decode(raw, path))
    except YamlError:  # the build reports it
        return None
