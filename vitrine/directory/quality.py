"""Merge quality on a labelled set, beside the naive rules a steward might use instead.

A labelled set is a project folder's sources plus a truth: which true business each record
(`source:id`) belongs to. The directory's clusters are the provenance of its businesses (and
of those held for review); the baselines cluster the same records by the same normalised
name in the same town, and by that or a shared phone.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from itertools import combinations
from pathlib import Path

from vitrine.directory import load_directory
from vitrine.directory.loading import SourceReads, load_taxonomy, load_territory
from vitrine.directory.normal import plain_key


def pairwise_quality(clusters: list[list[str]], truth: dict[str, object]) -> dict:
    """Pairwise precision, recall and F1 of predicted clusters against the true businesses."""
    predicted = {frozenset(p) for c in clusters for p in combinations(sorted(c), 2)}
    groups: dict[object, list[str]] = {}
    for ref, entity in truth.items():
        groups.setdefault(entity, []).append(ref)
    actual = {frozenset(p) for g in groups.values() for p in combinations(sorted(g), 2)}
    correct = predicted & actual
    precision = len(correct) / len(predicted) if predicted else 1.0
    recall = len(correct) / len(actual) if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "true_pairs": len(actual), "predicted_pairs": len(predicted),
            "correct_pairs": len(correct), "false_merges": len(predicted - actual),
            "missed": sorted(sorted(p) for p in actual - predicted),
            "wrong": sorted(sorted(p) for p in predicted - actual)}


def directory_clusters(root: Path) -> list[list[str]]:
    """The records each merged business (published or held for review) was made of."""
    d = load_directory(root)
    return [[f"{p.source}:{p.record_id}" for p in b.sources] for b in [*d.businesses, *d.held]]


def baseline_clusters(root: Path, with_phone: bool) -> list[list[str]]:
    """Cluster records by the same name in the same town (and, with_phone, a shared phone)."""
    territory, _ = load_territory(root)
    taxonomy, _ = load_taxonomy(root)
    _, records, _, _ = SourceReads(root, taxonomy, territory, territory.bounds).collect()
    parent = list(range(len(records)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple, int] = {}
    for i, r in enumerate(records):
        name = plain_key(r.values["name"])
        keys = [("name", name, r.values["municipality"])]
        if with_phone:
            keys += [("phone", re.sub(r"\D", "", p)[:10]) for p in
                     [r.values.get("phone"), *(r.values.get("other_phones") or [])] if p]
        for key in keys:
            if key in seen:
                parent[find(i)] = find(seen[key])
            else:
                seen[key] = i
    clusters: dict[int, list[str]] = {}
    for i, r in enumerate(records):
        clusters.setdefault(find(i), []).append(r.ref)
    return list(clusters.values())


def labelled_quality(root: Path, truth: dict[str, object]) -> dict:
    """The directory's figures and both baselines' on one labelled project folder."""
    known = set(truth)
    out = {}
    for name, clusters in (("directory", directory_clusters(root)),
                           ("name_and_town", baseline_clusters(root, with_phone=False)),
                           ("name_and_town_or_phone", baseline_clusters(root, with_phone=True))):
        kept = [[ref for ref in c if ref in known] for c in clusters]
        out[name] = pairwise_quality(kept, truth)
    return out


def fixture_quality(fixture: Path, template: Path) -> dict:
    """Merge a hand-written labelled set (sources/ and labels.yaml) with the project's
    territory and taxonomy."""
    import yaml

    labels = yaml.safe_load((fixture / "labels.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(fixture / "sources", root / "data" / "sources")
        for name in ("territory.yaml", "taxonomy.yaml"):
            shutil.copy(template / "data" / name, root / "data" / name)
        result = labelled_quality(root, labels["truth"])
    lookalikes = {frozenset((p["a"], p["b"])) for p in labels.get("lookalikes") or []}
    wrong = {frozenset(p) for p in result["directory"]["wrong"]}
    result["directory"]["lookalikes_merged"] = len(lookalikes & wrong)
    result["lookalike_pairs"] = len(lookalikes)
    return result
