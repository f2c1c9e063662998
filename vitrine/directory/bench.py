"""Benchmarks of the directory engine: merge quality on labelled data, speed and memory at scale."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from vitrine.directory import load_directory
from vitrine.directory.quality import labelled_quality
from vitrine.directory.synthetic import write_region


def quality(template: Path, records: int = 3000, seed: int = 11) -> dict:
    """Pairwise precision/recall/F1 of the merge on a labelled synthetic region."""
    with tempfile.TemporaryDirectory() as tmp:
        labelled = write_region(Path(tmp), template, records, seed=seed)
        directory = load_directory(Path(tmp))
        figures = labelled_quality(Path(tmp), labelled.truth)
    for found in figures.values():
        found.pop("missed"), found.pop("wrong")
    return {"records": labelled.records, "true_businesses": labelled.businesses,
            "merged_businesses": len(directory.businesses), **figures["directory"],
            "baselines": {k: v for k, v in figures.items() if k != "directory"}}


def scale(template: Path, records: int, sources: int = 5) -> dict:
    """Time and peak memory to load, validate and merge, measured in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        labelled = write_region(Path(tmp), template, records, sources=sources)
        code = ("import json, resource, sys, time; from pathlib import Path; "
                "from vitrine.directory import load_directory; t = time.perf_counter(); "
                "d = load_directory(Path(sys.argv[1])); s = time.perf_counter() - t; "
                "peak = max(resource.getrusage(w).ru_maxrss for w in "
                "(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)); "
                "print(json.dumps({'seconds': round(s, 2), 'peak_rss_mb': peak // 1024, "
                "'businesses': len(d.businesses), 'problems': len(d.problems)}))")
        done = subprocess.run([sys.executable, "-c", code, tmp], capture_output=True,
                              text=True, check=True)
        figures = json.loads(done.stdout)
    return {"records": labelled.records, "sources": sources,
            "records_per_second": round(labelled.records / figures["seconds"]), **figures}


def run(template: Path, records: int) -> dict:
    """Both benchmarks, with the machine they ran on."""
    started = time.perf_counter()
    result = {"quality": quality(template), "scale": scale(template, records)}
    result["machine"] = {"cpus": len(__import__("os").sched_getaffinity(0)),
                         "python": sys.version.split()[0]}
    result["bench_seconds"] = round(time.perf_counter() - started, 1)
    result["self_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return result
