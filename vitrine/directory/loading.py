"""Read the directory's data files: validate each, keep what is good, report the rest."""

from __future__ import annotations

import logging
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from vitrine.directory import schema
from vitrine.directory.model import (
    Category,
    Mrc,
    Municipality,
    Record,
    Source,
    Taxonomy,
    Territory,
)
from vitrine.gcpause import gc_paused
from vitrine.problems import Problem, key_path
from vitrine.schema import INVALID, Context, validate
from vitrine.yamlfile import Located, YamlError, load

log = logging.getLogger(__name__)
PARALLEL_ABOVE = 2 * 2**20  # bytes of YAML: below this, worker start-up costs more than it saves


def read(file: Path, root: Path) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML file, shown relative to root; None when unreadable."""
    shown = file.relative_to(root).as_posix()
    try:
        return load(file, shown)
    except YamlError as exc:
        return None, [exc.problem]


def load_territory(root: Path) -> tuple[Territory, list[Problem]]:
    """Read data/territory.yaml."""
    doc, problems = read(root / "data" / "territory.yaml", root)
    if doc is None:
        return Territory(), problems
    value, more = validate(schema.TERRITORY, doc)
    problems += more
    if value is INVALID:
        return Territory(), problems
    mrcs = {m["slug"]: Mrc(m["slug"], m["name"]) for m in value["mrcs"]}
    towns = {}
    for i, m in enumerate(value["municipalities"]):
        if m["mrc"] not in mrcs:
            problems.append(doc.problem(("municipalities", i, "mrc"),
                                        f"municipalities[{i}].mrc",
                                        f'expected an MRC of mrcs, got "{m["mrc"]}"'))
        towns[m["slug"]] = Municipality(m["slug"], m["name"], m["mrc"], m["lat"], m["lon"],
                                        tuple(m["aliases"]))
    region = value["region"]
    return Territory(region["name"], region["bounds"], region["area_code"], mrcs, towns), problems


def load_taxonomy(root: Path) -> tuple[Taxonomy, list[Problem]]:
    """Read data/taxonomy.yaml."""
    doc, problems = read(root / "data" / "taxonomy.yaml", root)
    if doc is None:
        return Taxonomy(), problems
    value, more = validate(schema.TAXONOMY, doc)
    if value is INVALID:
        return Taxonomy(), problems + more
    categories = {c["slug"]: Category(c["slug"], c["fr"], c["en"], tuple(c["audiences"]),
                                      c["schema_type"], tuple(c["aliases"]))
                  for c in value["categories"]}
    return Taxonomy(categories), problems + more


def load_sources(root: Path, taxonomy: Taxonomy, territory: Territory, bounds: dict,
                 cache=None):
    """Read every source file or folder; return sources, good records, problems, rejects.

    With a SourceCache, a source whose bytes (and checks) did not change is not read again.
    """
    return SourceReads(root, taxonomy, territory, bounds, cache).collect()


class SourceReads:
    """Source files being read: large ones in worker processes while the caller goes on.

    A build starts them before Pelican reads the stories (one core) and collects them when
    its directory generator needs them.
    """

    def __init__(self, root: Path, taxonomy: Taxonomy, territory: Territory, bounds: dict,
                 cache=None):
        folder = root / "data" / "sources"
        self.entries = [e for e in (sorted(folder.iterdir()) if folder.is_dir() else [])
                        if not e.name.startswith(".") and not e.name.endswith(".mapping.yaml")
                        and (e.is_dir() or e.suffix in (".yaml", ".yml"))]
        categories, towns = set(taxonomy.categories), set(territory.municipalities)
        context = repr((sorted(categories), sorted(towns), sorted((bounds or {}).items())))
        self.cache = cache
        self.keys = [cache.key(e, context) if cache else None for e in self.entries]
        stored = [bool(cache) and cache.has(key) for key in self.keys]
        self.todo = [i for i, found in enumerate(stored) if not found]
        self.checks = (root, categories, towns, bounds)
        big = sum(self.entries[i].stat().st_size for i in self.todo
                  if self.entries[i].is_file()) > PARALLEL_ABOVE
        self.pool, self.pending = None, {}
        if big and (os.cpu_count() or 1) > 1:  # changed sources first, cached ones meanwhile
            self.pool = ProcessPoolExecutor(max_workers=min(len(self.todo), os.cpu_count() or 1))
            self.pending = {i: self.pool.submit(_load_entry, self._job(i)) for i in self.todo}
        self.results = [cache.get(key) if found else None
                        for key, found in zip(self.keys, stored, strict=True)]
        self.todo += [i for i, found in enumerate(stored) if found and self.results[i] is None]

    def _job(self, i: int) -> tuple:
        """What _load_entry needs to read entry i."""
        return (self.entries[i], *self.checks)

    def collect(self) -> tuple[dict, list, list, list]:
        """Wait for the reads; return sources, good records, problems, rejects."""
        try:
            for i in self.todo:
                future = self.pending.get(i)
                result = future.result() if future else _load_entry(self._job(i))
                self.results[i] = result
                if self.cache:
                    self.cache.put(self.keys[i], result)
        finally:
            if self.pool is not None:
                self.pool.shutdown()
        if self.cache:
            self.cache.forget_unused()
            log.info("directory: %d source(s) read, %d unchanged", len(self.todo),
                     len(self.entries) - len(self.todo))
        sources, records, problems, rejected = {}, [], [], []
        for source, good, bad, more in self.results:
            problems += more
            rejected += bad
            if source is not None:
                source.record_count = len(good)
                sources[source.id] = source
                records += good
        return sources, records, problems, rejected


def _load_entry(job):
    """Load one source file or folder (runs in a worker process for large directories)."""
    entry, root, categories, towns, bounds = job
    check = schema.business_record(lambda: categories, lambda: towns)
    with gc_paused():
        if entry.is_dir():
            return _load_folder(entry, root, check, bounds)
        return _load_file(entry, root, check, bounds)


def _source(doc: Located, data, parts: tuple, source_id: str, path: str):
    ctx = Context(doc)
    value = schema.SOURCE(data, parts, ctx)
    if value is INVALID:
        return None, ctx.problems
    return Source(source_id, value["name"], value["owner"], value["licence"],
                  value["retrieved"], value["url"], path), ctx.problems


def _load_file(file: Path, root: Path, check, bounds):
    doc, problems = read(file, root)
    if doc is None:
        return None, [], [], problems
    data = doc.data
    if not isinstance(data, dict) or "source" not in data:
        found = "an empty file" if data is None else f"a {type(data).__name__}"
        problems.append(doc.problem((), "", "expected a mapping with source: and businesses:"
                                            f", got {found}"))
        return None, [], [], problems
    unknown = sorted(set(data) - {"source", "businesses"})
    for key in unknown:
        problems.append(doc.problem((key,), key, "unknown key; expected source or businesses"))
    source, more = _source(doc, data["source"], ("source",), file.stem, doc.path)
    problems += more
    items = data.get("businesses") or []
    if not isinstance(items, list):
        problems.append(doc.problem(("businesses",), "businesses", "expected a list of "
                                                                   "businesses"))
        items = []
    good, bad = [], []
    seen = {}
    for i, item in enumerate(items):
        record, errors = read_record(doc, item, ("businesses", i), check, bounds, file.stem)
        if record is not None and record.id in seen:
            errors.append(doc.problem(("businesses", i, "id"), f"businesses[{i}].id",
                                      f'duplicate record id "{record.id}"; first used at '
                                      f"businesses[{seen[record.id]}]"))
            record = None
        if record is None:
            bad.append((f"{file.stem}:{_id_of(item, i)}", errors))
        else:
            seen[record.id] = i
            good.append(record)
        problems += errors
    return source, good, bad, problems


def _load_folder(folder: Path, root: Path, check, bounds):
    meta = folder / "_source.yaml"
    doc, problems = read(meta, root) if meta.exists() else (None, [Problem(
        (folder / "_source.yaml").relative_to(root).as_posix(), None, None, "",
        "missing; expected the source's name, owner, licence and retrieved date")])
    source = None
    if doc is not None:
        source, more = _source(doc, doc.data, (), folder.name, folder.relative_to(root)
                               .as_posix())
        problems += more
    good, bad = [], []
    for file in sorted(folder.glob("*.y*ml")):
        if file.name == "_source.yaml":
            continue
        record, errors = read_file_record(file, root, check, bounds)
        (good.append(record) if record else bad.append((f"{folder.name}:{file.stem}",
                                                        errors)))
        problems += errors
    return source, good, bad, problems


def read_file_record(file: Path, root: Path, check, bounds) -> tuple[Record | None, list[Problem]]:
    """Read the one business of a source folder's file (its id defaults to the file's name)."""
    entry, errors = read(file, root)
    if entry is None:
        return None, errors
    data = entry.data
    if isinstance(data, dict):
        data = {"id": file.stem, **data}
    record, more = read_record(entry, data, (), check, bounds, file.parent.name)
    return record, errors + more


def read_record(doc: Located, item, parts: tuple, check, bounds, source_id: str):
    """Validate one business entry at parts of doc; return its record (None if bad), problems."""
    ctx = Context(doc)
    value = check(item, parts, ctx)
    problems = ctx.problems
    if value is not INVALID:
        problems += _check_position(doc, value, parts, bounds)
    if value is INVALID or problems:
        return None, problems
    line = doc.where(parts)[0]
    return Record(source_id, str(value["id"]), doc.path, line, value), problems


def _check_position(doc: Located, value: dict, parts: tuple, bounds: dict) -> list[Problem]:
    lat, lon = value.get("lat"), value.get("lon")
    if (lat is None) != (lon is None):
        missing = "lon" if lon is None else "lat"
        return [doc.problem(parts + (missing,), _key(parts, missing),
                            "missing; lat and lon go together")]
    if lat is None or not bounds:
        return []
    inside = bounds["south"] <= lat <= bounds["north"] and bounds["west"] <= lon <= bounds["east"]
    if inside:
        return []
    return [doc.problem(parts + ("lat",), _key(parts, "lat"),
                        f"expected coordinates inside the region ({bounds['south']}..."
                        f"{bounds['north']}, {bounds['west']}...{bounds['east']}), "
                        f"got {lat}, {lon}")]


def _key(parts: tuple, name: str) -> str:
    return key_path(parts + (name,))


def _id_of(item, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), (str, int)):
        return str(item["id"])
    return f"#{index}"
