"""Live previews: build once, then apply edits of business records to the output in place.

At 50,000 businesses a preview build takes 40 s, most of it on pages an edit of one record
does not touch. `vitrine serve --reload` keeps the build's directory generator in memory;
when the only files that changed are business records and the edit cannot change which
records are merged, where a business is listed or what its windows and stories show, it
renders the pages showing the edited businesses and renames them into the output. Open data,
the browser's client data and the steward's report follow in a background process. Anything
else builds the preview again.
"""

from __future__ import annotations

import bisect
import logging
import multiprocessing
import os
import pickle
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

from blinker import signal

from vitrine import routes
from vitrine.directory import schema
from vitrine.directory.cache import code_version
from vitrine.directory.client_data import client_row, write_client_data
from vitrine.directory.exports import write_exports
from vitrine.directory.loading import SourceReads, read_file_record, read_record
from vitrine.directory.matching import MAX_BLOCK, REVIEW, Blocking, keys_of, score
from vitrine.directory.merge import build_group
from vitrine.directory.overrides import load_overrides
from vitrine.directory.report import write_report
from vitrine.directory.slugs import slugify
from vitrine.directory.source_cache import SourceCache
from vitrine.yamlfile import YamlError, decode, parse

log = logging.getLogger(__name__)
directory_written = signal("vitrine-directory-written")  # sent with the directory generator
WATCHED = ("content", "theme", "data", "plugins", "vitrine", "pelicanconf.py")
SOURCES = "data/sources/"
TEMPLATES = ("directory/business", "directory/index", "directory/category", "directory/town")
_BUSINESSES = re.compile(r"^businesses:[ \t]*\r?\n", re.M)
_FIRST_ITEM = re.compile(r"^( *)- ", re.M)


def stamps(root: Path) -> dict[str, tuple[int, int]]:
    """The modification time and size of every watched file, by its path under root."""
    found = {}
    for name in WATCHED:
        top = root / name
        if top.is_file():
            found[name] = _stamp(top)
        for folder, subfolders, files in os.walk(top):
            subfolders[:] = [s for s in subfolders if not s.startswith(".") and s != "__pycache__"]
            under = Path(folder).relative_to(root).as_posix()
            for file in files:
                found[f"{under}/{file}"] = _stamp(Path(folder, file))
    return found


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:  # deleted while the folder was walked: changed all the same
        return -1, -1
    return stat.st_mtime_ns, stat.st_size


def split_items(text: str) -> tuple[str, list[tuple[int, str]]] | None:
    """Cut a source file into its header and its businesses' items (first line, text).

    None when the file has no block list under a top-level businesses: key.
    """
    start = _BUSINESSES.search(text)
    first = start and _FIRST_ITEM.search(text, start.end())
    if not first:
        return None
    item = re.compile(rf"^{first.group(1)}- ", re.M)
    starts = [m.start() for m in item.finditer(text, first.start())]
    line = text.count("\n", 0, starts[0]) + 1
    items = []
    for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
        chunk = text[begin:end]
        items.append((line, chunk))
        line += chunk.count("\n")
    return text[:starts[0]], items


class NotInPlace(Exception):
    """Why a change cannot be applied in place: the preview is built again."""


class LivePreview:
    """A project's preview, built once and then kept up to date, in place when it can be."""

    def __init__(self, root: Path, output: Path, settings_file: Path):
        self.root, self.output, self.settings_file = Path(root), Path(output), settings_file
        self.kept: KeptPreview | None = None
        self.stamps: dict[str, tuple[int, int]] = {}

    def rebuild(self) -> str:
        """Bring the output up to date: "in place", "built", "unchanged" or "failed"."""
        now = stamps(self.root)
        changed = sorted(p for p in now.keys() | self.stamps.keys()
                         if now.get(p) != self.stamps.get(p))
        if self.kept is not None:
            if not changed:
                return "unchanged"
            try:
                applied = self.kept.apply(changed)
            except Exception:  # noqa: BLE001 — a bug here must not stop the preview
                log.exception("live preview: the edit could not be applied; building again")
                applied = False
            if applied:
                self.stamps = now
                return "in place"
        return self._build(now)

    def close(self) -> None:
        """Wait for the last edit's background writes."""
        if self.kept is not None:
            self.kept.wait()

    def _build(self, before: dict) -> str:
        from vitrine.build import build

        self.close()
        self.kept, generators = None, []

        def written(generator):
            generators.append(generator)

        directory_written.connect(written)
        try:
            result = build(self.root, self.output, self.settings_file, preview=True)
        finally:
            directory_written.disconnect(written)
        self.stamps = before
        if result.ok and generators and generators[-1].directory is not None:
            kept = KeptPreview(self.root, self.output, generators[-1])
            if stamps(self.root) == before:  # else what was built is already out of date
                self.kept = kept
        return "built" if result.ok else "failed"


class KeptPreview:
    """What a preview build leaves in memory to apply record edits: its generator, its records."""

    def __init__(self, root: Path, output: Path, generator):
        self.root, self.output, self.generator = root, output, generator
        self.directory = d = generator.directory
        self.check = schema.business_record(lambda: set(d.taxonomy.categories),
                                            lambda: set(d.territory.municipalities))
        self.texts = {path.relative_to(root).as_posix(): path.read_bytes()
                      for path in sorted((root / SOURCES).glob("*.y*ml"))}
        self.owners = {f"{p.source}:{p.record_id}": b for b in d.businesses for p in b.sources}
        self.records, self.at = {}, {}  # by reference; by file and line
        self.writing = None  # the process writing the last edit's data files
        self.writing_client = False  # whether it writes the client data
        # the records behind the directory (from .cache/, seconds at 50,000) are read
        # while the editor reads the preview
        self.loading = threading.Thread(target=self._load_records, daemon=True)
        self.loading.start()

    def _load_records(self) -> None:
        d, cache = self.directory, self.generator.cache_dir
        try:
            reads = SourceReads(self.root, d.taxonomy, d.territory, d.territory.bounds,
                                SourceCache(cache / "sources", code_version()) if cache else None)
            _sources, records, _problems, _rejected = reads.collect()
        except Exception:  # noqa: BLE001 — without records, every edit builds again
            log.exception("live preview: the records could not be read")
            return
        self.records = {r.ref: r for r in records}
        self.at = {(r.path, r.line): r for r in records}
        self.index = {r.ref: i for i, r in enumerate(records)}
        self.keys = [keys_of(r.values) for r in records]
        self.blocking = Blocking(self.keys)  # as the merge blocked them (seconds at 50,000)
        for template in TEMPLATES:  # compiled by the page workers, not in this process
            try:
                self.generator.get_template(template)
            except Exception as error:  # noqa: BLE001 — a theme without it renders no such page
                log.debug("live preview: template %s not compiled ahead: %s", template, error)

    def wait(self) -> None:
        """Wait for the records to be read and the last edit's data files to be written."""
        self.loading.join()
        if self.writing is not None:
            self.writing.join()
            if self.writing.exitcode != 0:
                log.error("live preview: the open data could not be written (the next "
                          "build writes it)")
            self.writing = None

    def apply(self, changed: list[str]) -> bool:
        """Apply edits of records to the output; False when the preview must be built again."""
        self.loading.join()
        started = time.perf_counter()
        try:
            edited = self._edited_records(changed)
            updates = self._updated_businesses(edited)
        except NotInPlace as reason:
            log.info("live preview: %s; building the preview again", reason)
            return False
        for _old, new in edited:
            self.records[new.ref] = self.at[(new.path, new.line)] = new
            self._rekey(new)
        for path in changed:
            if path in self.texts:
                self.texts[path] = (self.root / path).read_bytes()
        if not updates:
            return True
        pages = self._replace(updates)
        log.info("live preview: %d business(es) edited, %d pages rewritten in %.2f s; open "
                 "data follows in the background", len(updates), pages,
                 time.perf_counter() - started)
        return True

    def _edited_records(self, changed: list[str]) -> list[tuple]:
        """(old, new) records of the edited businesses; NotInPlace if a change is not such."""
        edited = []
        for path in changed:
            if not path.startswith(SOURCES) or not path.endswith((".yaml", ".yml")) \
                    or not (self.root / path).is_file():
                raise NotInPlace(f"{path} changed (not a source file of business records)")
            edited += self._file_edits(path) if path in self.texts else self._folder_edit(path)
        for old, new in edited:
            if new.ref != old.ref or new.line != old.line:
                raise NotInPlace(f"{new.path}:{new.line}: a record's id or line changed")
        rekeyed = [new for old, new in edited if keys_of(new.values) != keys_of(old.values)]
        if len(rekeyed) > 1 or (rekeyed and not self._scored_alike(rekeyed[0])):
            raise NotInPlace(f"{rekeyed[0].path}:{rekeyed[0].line}: the merge would compare "
                             "this record with others differently")
        return edited

    def _scored_alike(self, new) -> bool:
        """Whether the merge scores new as it scored the record it replaces, with every other.

        Then it merges the same records and lists the same near misses. The record's name
        and town stay; a block it leaves or joins must stay on its side of MAX_BLOCK.
        """
        i = self.index[new.ref]
        before, after = self.keys[i], keys_of(new.values)
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
        before, after = self.keys[i], keys_of(new.values)
        if before == after:
            return
        was, now = self.blocking.blocks_of(before), self.blocking.blocks_of(after)
        for block in set(was) - set(now):
            self.blocking.blocks[block].remove(i)
        for block in set(now) - set(was):
            bisect.insort(self.blocking.blocks.setdefault(block, []), i)
        self.keys[i] = after

    def _file_edits(self, path: str) -> list[tuple]:
        """The records whose items changed in a source file, with the ones they replace."""
        try:
            before, after = (split_items(decode(raw, path))
                             for raw in (self.texts[path], (self.root / path).read_bytes()))
        except YamlError as error:
            raise NotInPlace(str(error.problem)) from None
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
                pairs.append((old, self._item(path, line, new_text)))
        return pairs

    def _item(self, path: str, line: int, text: str):
        """The record of one item of a source file; NotInPlace if it has a problem."""
        try:
            doc, problems = parse("businesses:\n" + text, path, line_offset=line - 2)
        except YamlError as error:
            raise NotInPlace(str(error.problem)) from None
        items = doc.data.get("businesses") if isinstance(doc.data, dict) else None
        if not problems and list(doc.data) == ["businesses"] and isinstance(items, list) \
                and len(items) == 1:
            record, problems = read_record(doc, items[0], ("businesses", 0), self.check,
                                           self.directory.territory.bounds, Path(path).stem)
            if not problems:
                return record
        raise NotInPlace(f"{path}:{line}: the record has a problem the build will report")

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

    def _updated_businesses(self, edited: list[tuple]) -> list[tuple]:
        """(old, new) businesses the edits make; NotInPlace if one would show elsewhere."""
        d, g = self.directory, self.generator
        overrides, problems = load_overrides(self.root)
        if problems:
            raise NotInPlace("data/overrides.yaml has problems")
        new_records = {new.ref: new for _, new in edited}
        touched = {id(self.owners[old.ref]): self.owners[old.ref] for old, _ in edited}
        windows = {id(b) for extras in g.context.get("window_extras", {}).values()
                   for b in extras.get("window_businesses", [])}
        updates = []
        for old in touched.values():
            refs = [f"{p.source}:{p.record_id}" for p in old.sources]
            new = build_group([new_records.get(ref) or self.records[ref] for ref in refs],
                              d.sources, overrides, d.taxonomy.categories)
            new.slug = old.slug
            if new == old:
                continue
            if slugify(new.name) != slugify(old.name) or new.category != old.category \
                    or new.municipality != old.municipality or new.audiences != old.audiences \
                    or new.sources != old.sources:
                raise NotInPlace(f"{old.slug}: its address, lists or windows would change")
            if id(old) in windows or (new.name != old.name and g.stories_of.get(old.slug)):
                raise NotInPlace(f"{old.slug} is shown in a window or a story")
            updates.append((old, new))
        return updates

    def _replace(self, updates: list[tuple]) -> int:
        """Put the new businesses in the directory and their pages in the output; return pages."""
        d, g = self.directory, self.generator
        position = {id(b): i for i, b in enumerate(d.businesses)}
        for old, new in updates:
            d.businesses[position[id(old)]] = new
            g.by_slug[new.slug] = new
            for listed in (g.by_category[new.category], g.by_town[new.municipality]):
                listed[next(i for i, b in enumerate(listed) if b is old)] = new
            for story in g.stories_of.get(new.slug, []):
                story.linked_businesses = [new if b is old else b
                                           for b in story.linked_businesses]
            for p in new.sources:
                self.owners[f"{p.source}:{p.record_id}"] = new
        staging = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.live-",
                                        dir=self.output.parent))
        try:
            keys = g.rewrite(g.jobs_showing([new for _, new in updates]), staging)
            for save_as in keys:
                os.replace(staging / save_as, self.output / save_as)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self._save_keys(keys)
        self._write_data_files(any(client_row(old) != client_row(new) for old, new in updates))
        return len(keys)

    def _write_data_files(self, client: bool) -> None:
        """Rewrite the open data and the report (and the client data) in a forked process.

        The previous edit's writer, if still running, is stopped: the new one writes what it
        had to (each file is written aside, then renamed, under the same names each time).
        """
        previous = self.writing
        if previous is not None:
            if previous.is_alive():
                previous.terminate()
            previous.join()
            client = client or (previous.exitcode != 0 and self.writing_client)
        self.writing_client = client
        self.writing = multiprocessing.get_context("fork").Process(
            target=_write_data_files, args=(self, client), daemon=True)
        self.writing.start()

    def _save_keys(self, keys: dict[str, str]) -> None:
        """Record the rewritten pages' keys: the next build reuses them, or renders them again."""
        g = self.generator
        g.page_keys.update(keys)
        if g.pages.manifest is not None:
            fresh = Path(f"{g.pages.manifest}.live")
            with fresh.open("wb") as out:
                pickle.dump(g.page_keys, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(fresh, g.pages.manifest)


def _write_data_files(kept: KeptPreview, client: bool) -> None:
    """Rewrite what is made of the whole directory (in a forked process, after the pages)."""
    d, g = kept.directory, kept.generator
    write_exports(d, kept.output / routes.section("fr", "data"))
    if client:
        for lang in routes.LANGUAGES:
            write_client_data(d, kept.output, lang, g.settings)
    write_report(d, kept.root / g.options["report_dir"])
