"""The importer measured as a steward meets it: on hand-written partner exports and their labels.

The fixture (bench/fixtures/partners/) holds exports and, for every record, what a careful
steward expects: its outcome (directory, review, refused), its values, and each planted
defect with the value it should become (or "refused"). It was written without reading this
code. The bench imports each export twice, as the README says: first with the proposed
mapping (counting the lines a steward must still change to get the labels' mapping), then
with those lines changed; then it loads the directory.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from pathlib import Path

import yaml

from vitrine.cli import main as vitrine
from vitrine.directory import load_directory
from vitrine.directory.normal import plain_words
from vitrine.directory.quality import labelled_quality
from vitrine.directory.schema import TO_CLASSIFY
from vitrine.importer.mapping import label_key
from vitrine.importer.places import town_key


def run(fixture: Path, template: Path) -> dict:
    """Import every export of the fixture; measure what reached the directory and how."""
    labels = yaml.safe_load((fixture / "labels.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "data" / "sources").mkdir(parents=True)
        for name in ("territory.yaml", "taxonomy.yaml"):
            shutil.copy(template / "data" / name, root / "data" / name)
        hand, reports = {}, {}
        for export, wanted in labels["steward_mapping"].items():
            source = Path(export).stem
            _import(root, fixture / export, source)  # first pass: the proposal
            path = root / "data" / "sources" / f"{source}.mapping.yaml"
            proposed = yaml.safe_load(path.read_text(encoding="utf-8"))
            corrected, hand[export] = _review(proposed, wanted, root)
            path.write_text(yaml.safe_dump(corrected, allow_unicode=True), encoding="utf-8")
            reports[source] = _import(root, fixture / export, source)  # second pass
        records = {source: {r["id"]: r for r in yaml.safe_load(
            (root / "data" / "sources" / f"{source}.yaml").read_text(encoding="utf-8"))
            ["businesses"]} for source in reports}
        d = load_directory(root)
        placed = {f"{p.source}:{p.record_id}" for b in [*d.businesses, *d.held]
                  for p in b.sources}
        truth = {":".join(_ref(r["ref"])): r["business"] for r in labels["records"]
                 if r["outcome"] != "refused"}
        merge = labelled_quality(root, truth)
    lookalikes = {frozenset(":".join(_ref(p[k])) for k in ("a", "b"))
                  for p in labels.get("lookalikes") or []}
    merge["directory"]["lookalikes_merged"] = len(
        lookalikes & {frozenset(p) for p in merge["directory"]["wrong"]})
    merge["lookalike_pairs"] = len(lookalikes)
    return {"records": len(labels["records"]),
            **_reached(labels["records"], records, placed, reports),
            **_defects(labels["records"], records, reports),
            "hand_written_lines": sum(hand.values()), "hand_written_by_export": hand,
            "naive": _naive(labels), "merge": merge}


# What a steward gets with no repair at all: every column and partner label mapped by hand
# (the labels' whole mapping), towns taken only when written as data/territory.yaml names
# them, every value kept as written.
NAIVE_LOSES = ("town-", "former-municipality", "category-empty", "category-unknown",
               "composite-address", "no-name")


def _naive(labels: dict) -> dict:
    """The naive baseline's figures, from the labels alone."""
    expected = [r for r in labels["records"] if r["outcome"] != "refused"]
    reached = [r for r in expected if not any(d["pattern"].startswith(NAIVE_LOSES)
                                              for d in r.get("defects") or [])]
    defects = [d for r in labels["records"] for d in r.get("defects") or []]
    handled = [d for d in defects if d["pattern"] == "category-label"]  # its hand-made table
    lines = sum(len(m.get("columns") or {}) + len(m.get("categories") or {}) +
                len(m.get("municipalities") or {}) for m in labels["steward_mapping"].values())
    return {"reached_share": round(len(reached) / len(expected), 4),
            "defects_share": round(len(handled) / len(defects), 4),
            "hand_written_lines": lines}


def _import(root: Path, export: Path, source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        vitrine(["import", str(export), "--source", source, "--root", str(root)])
    return out.getvalue()


def _ref(label_ref: str) -> tuple[str, str]:
    """ "chambre.csv#1042" → ("chambre", "1042"), the id made safe as the importer makes it."""
    export, record_id = label_ref.split("#", 1)
    return Path(export).stem, re.sub(r"[\s/:]+", "-", record_id).strip("-")


def _reached(labelled: list[dict], records: dict, placed: set[str], reports: dict) -> dict:
    """Records that reached the directory or its review queue, as the labels expect."""
    expected = [r for r in labelled if r["outcome"] != "refused"]
    reached = [r for r in expected if ":".join(_ref(r["ref"])) in placed]
    as_labelled = 0
    for r in labelled:
        source, record_id = _ref(r["ref"])
        got = records[source].get(record_id)
        if r["outcome"] == "refused":
            as_labelled += got is None
        elif got is not None:
            review = TO_CLASSIFY in (got["category"], got["municipality"])
            as_labelled += review == (r["outcome"] == "review")
    return {"expected_in_directory": len(expected), "reached": len(reached),
            "reached_share": round(len(reached) / len(expected), 4),
            "outcome_as_labelled": as_labelled,
            "outcome_share": round(as_labelled / len(labelled), 4)}


def _same(field: str, got, want) -> bool:
    if field == "address":
        return plain_words(got or "") == plain_words(want or "")
    if field == "description":
        return {k: " ".join(str(v).split()) for k, v in (got or {}).items()} == \
            {k: " ".join(str(v).split()) for k, v in (want or {}).items()}
    if field in ("other_phones", "other_emails"):
        return list(got or []) == list(want or [])
    return got == want


def _defects(labelled: list[dict], records: dict, reports: dict) -> dict:
    """Each labelled defect: handled when its value is what the label expects, or when a value
    to refuse is absent and the report names it."""
    by_pattern: dict[str, list[int]] = {}
    failed = []
    for r in labelled:
        source, record_id = _ref(r["ref"])
        got = records[source].get(record_id)
        for defect in r.get("defects") or []:
            if r["outcome"] == "refused":
                ok = got is None and "row rejected" in reports[source]
            elif got is None:
                ok = False
            elif defect["expect"] == "refused":
                raw = str(defect["raw"])
                ok = raw not in str(got.get(defect["field"], "")) and raw in reports[source]
            else:
                ok = all(_same(f, got.get(f), v) for f, v in defect["expect"].items())
            counts = by_pattern.setdefault(defect["pattern"], [0, 0])
            counts[0] += ok
            counts[1] += 1
            if not ok:
                failed.append({"ref": r["ref"], "pattern": defect["pattern"],
                               "raw": defect["raw"], "expect": defect["expect"],
                               "got": {f: got.get(f) for f in (defect["expect"]
                                       if isinstance(defect["expect"], dict)
                                       else [defect["field"]])} if got else None})
    handled = sum(c[0] for c in by_pattern.values())
    total = sum(c[1] for c in by_pattern.values())
    return {"defects": total, "defects_handled": handled,
            "defects_share": round(handled / total, 4) if total else 1.0,
            "by_pattern": {p: f"{c[0]}/{c[1]}" for p, c in sorted(by_pattern.items())},
            "not_handled": failed}


def _review(proposed: dict, wanted: dict, root: Path) -> tuple[dict, int]:
    """The proposal with the steward's corrections made; how many lines they had to write."""
    corrected = {**proposed, "columns": dict(proposed.get("columns") or {}),
                 "categories": dict(proposed.get("categories") or {})}
    lines = 0
    want_columns = _columns(wanted["columns"])
    have_columns = _columns(corrected["columns"])
    for field in set(want_columns) | set(have_columns):
        if want_columns.get(field) != have_columns.get(field):
            lines += 1
    corrected["columns"] = {f: (v if len(v) > 1 else v[0]) for f, v in want_columns.items()}
    have = {label_key(k): v for k, v in corrected["categories"].items()}
    for label, slug in (wanted.get("categories") or {}).items():
        if have.get(label_key(label), TO_CLASSIFY) != slug:
            corrected["categories"][label] = slug
            lines += 1
    towns = _towns(root)
    for spelling, slug in (wanted.get("municipalities") or {}).items():
        if towns(spelling) != slug:
            corrected["municipalities"] = {**(corrected.get("municipalities") or {}),
                                           spelling: slug}
            lines += 1
    return corrected, lines


def _path(value: str) -> str:
    """A path as ours are written: "entreprises[].id" or "$.entreprises[*].id" is "id"."""
    return re.sub(r"^(?:\$\.)?(?:\w+\[\*?\]\.)?", "", value)


def _columns(columns: dict) -> dict[str, list[str]]:
    """Columns per field, with the labels' {fr: X, en: Y} description written as ours."""
    out = {}
    for field, value in columns.items():
        value = {k: _path(v) for k, v in value.items()} if isinstance(value, dict) else \
            [_path(v) for v in value] if isinstance(value, list) else _path(value)
        if field == "description" and isinstance(value, dict):
            fr, en = value.get("fr"), value.get("en")
            parent = fr.rsplit(".", 1)[0] if fr and en and fr.endswith(".fr") \
                and en == fr[:-3] + ".en" else None
            if parent:
                out["description"] = [parent]
                continue
            if fr:
                out["description"] = [fr]
            if en:
                out["description_en"] = [en]
            continue
        out[field] = value if isinstance(value, list) else [value]
    return out


def _towns(root: Path):
    from vitrine.directory.loading import load_territory
    from vitrine.importer.places import Towns

    towns = Towns(load_territory(root)[0])
    return lambda spelling: towns.match(spelling)[0] or TO_CLASSIFY if town_key(spelling) \
        else TO_CLASSIFY
