"""A project's preview kept in memory: rebuilt, or edits of records applied to it in place."""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import shutil
import tempfile
import threading
import time
from pathlib import Path

from vitrine import routes
from vitrine.directory.client_data import client_row, write_client_data
from vitrine.directory.exports import write_exports
from vitrine.directory.merge import build_group
from vitrine.directory.overrides import load_overrides
from vitrine.directory.report import write_report
from vitrine.directory.slugs import slugify
from vitrine.fragment_cache import forget_fragments
from vitrine.live import NotInPlace, businesses_replaced, directory_written
from vitrine.live.records import Records
from vitrine.live.watch import changed, stamps

log = logging.getLogger(__name__)
TEMPLATES = ("directory/business", "directory/index", "directory/category", "directory/town")


class LivePreview:
    """A project's preview, built once and then kept up to date, in place when it can be."""

    def __init__(self, root: Path, output: Path, settings_file: Path):
        self.root, self.output, self.settings_file = Path(root), Path(output), settings_file
        self.kept: KeptPreview | None = None
        self.stamps: dict[str, tuple[int, int]] = {}

    def rebuild(self) -> str:
        """Bring the output up to date: "in place", "built", "unchanged" or "failed"."""
        now = stamps(self.root)
        paths = changed(self.stamps, now)
        if self.kept is not None:
            if not paths:
                return "unchanged"
            try:
                applied = self.kept.apply(paths)
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
            kept = KeptPreview(self.root, self.output, generators[-1], before)
            if stamps(self.root) == before:  # else what was built is already out of date
                self.kept = kept
        return "built" if result.ok else "failed"


class KeptPreview:
    """What a preview build leaves in memory to apply record edits: its generator, its records."""

    def __init__(self, root: Path, output: Path, generator, built: dict):
        self.root, self.output, self.generator = root, output, generator
        self.directory = d = generator.directory
        self.records = Records(root, d, generator.cache_dir, built)
        self.owners = {f"{p.source}:{p.record_id}": b for b in d.businesses for p in b.sources}
        self.writing = None  # the process writing the last edit's data files
        self.writing_client = False  # whether it writes the client data
        # the records are read while the editor looks at the preview
        self.loading = threading.Thread(target=self._load, daemon=True)
        self.loading.start()

    def _load(self) -> None:
        try:
            self.records.load()
        except Exception:  # noqa: BLE001 — without records, every edit builds again
            log.exception("live preview: the records could not be read")
            return
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

    def apply(self, paths: list[str]) -> bool:
        """Apply edits of records to the output; False when the preview must be built again."""
        self.loading.join()
        started = time.perf_counter()
        try:
            edited = self.records.edits(paths)
            updates = self._updated_businesses(edited)
        except NotInPlace as reason:
            log.info("live preview: %s; building the preview again", reason)
            return False
        self.records.commit(edited)
        if not updates:
            return True
        pages = self._replace(updates)
        log.info("live preview: %d business(es) edited, %d pages rewritten in %.2f s; open "
                 "data follows in the background", len(updates), pages,
                 time.perf_counter() - started)
        return True

    def _updated_businesses(self, edited: list[tuple]) -> list[tuple]:
        """(old, new) businesses the edits make; NotInPlace if one would move or be renamed
        where stories name it."""
        d, g = self.directory, self.generator
        overrides, problems = load_overrides(self.root)
        if problems:
            raise NotInPlace("data/overrides.yaml has problems")
        new_records = {new.ref: new for _, new in edited}
        touched = {id(self.owners[old.ref]): self.owners[old.ref] for old, _ in edited}
        updates = []
        for old in touched.values():
            refs = [f"{p.source}:{p.record_id}" for p in old.sources]
            new = build_group([new_records.get(ref) or self.records.by_ref[ref] for ref in refs],
                              d.sources, overrides, d.taxonomy.categories)
            new.slug = old.slug
            if new == old:
                continue
            if slugify(new.name) != slugify(old.name) or new.category != old.category \
                    or new.municipality != old.municipality or new.audiences != old.audiences \
                    or new.sources != old.sources:
                raise NotInPlace(f"{old.slug}: its address, category, town, audiences or "
                                 "records would change")
            if new.name != old.name and g.stories_of.get(old.slug):
                raise NotInPlace(f"{old.slug}: renamed, and stories name it")
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
        windows = self._windows_showing(updates)
        embeds = g.context.get("partner_embeds")  # partners' embeds list businesses too
        for generator in (g, g.context.get("windows"), embeds):  # cached cards: old names
            if generator is not None:
                forget_fragments(generator.env)
        staging = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.live-",
                                        dir=self.output.parent))
        try:
            keys = g.rewrite(g.jobs_showing([new for _, new in updates]), staging)
            written = [*keys, *self._rewrite_windows(windows, staging),
                       *(embeds.rewrite([new for _, new in updates], staging) if embeds
                         else [])]
            for save_as in written:
                os.replace(staging / save_as, self.output / save_as)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        businesses_replaced.send(self, updates=updates, directory=d, output=self.output)
        self._save_keys(keys)
        self._write_data_files(any(client_row(old) != client_row(new) for old, new in updates))
        return len(written)

    def _windows_showing(self, updates: list[tuple]) -> list[tuple[str, str]]:
        """(language, audience) of the windows whose sample shows an edited business; the
        samples now show the new businesses."""
        extras = self.generator.context.get("window_extras", {})
        new_of = {id(old): new for old, new in updates}
        windows = [key for key, values in extras.items()
                   if any(id(b) in new_of for b in values.get("window_businesses", []))]
        for key in windows:  # the languages of an audience share one sample
            sample = extras[key]["window_businesses"]
            sample[:] = [new_of.get(id(b), b) for b in sample]
        return windows

    def _rewrite_windows(self, windows: list[tuple[str, str]], folder: Path) -> list[str]:
        """Write those windows into folder as the windows plugin does; return their paths."""
        if not windows:
            return []
        from pelican.writers import Writer

        context = self.generator.context
        writer = Writer(str(folder), settings=self.generator.settings)
        for lang, audience in windows:
            context["windows"].write_window(writer, lang, audience, context["window_extras"])
        return [routes.save_as(routes.window(lang, audience)) for lang, audience in windows]

    def _save_keys(self, keys: dict[str, str]) -> None:
        """Record the rewritten pages' keys: the next build reuses them, or renders them again."""
        g = self.generator
        g.page_keys.update(keys)
        if g.pages.manifest is not None:
            fresh = Path(f"{g.pages.manifest}.live")
            with fresh.open("wb") as out:
                pickle.dump(g.page_keys, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(fresh, g.pages.manifest)

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


def _write_data_files(kept: KeptPreview, client: bool) -> None:
    """Rewrite what is made of the whole directory (in a forked process, after the pages)."""
    d, g = kept.directory, kept.generator
    write_exports(d, kept.output / routes.section("fr", "data"))
    embeds = g.context.get("partner_embeds")
    if embeds is not None:  # each territory's share of the open data
        embeds.write_data(kept.output)
    if client:
        for lang in routes.LANGUAGES:
            write_client_data(d, kept.output, lang, g.settings)
    write_report(d, kept.root / g.options["report_dir"])
