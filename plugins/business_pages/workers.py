"""Run page jobs in forked worker processes that inherit the loaded directory and Jinja env."""

from __future__ import annotations

import logging
import multiprocessing
import os

log = logging.getLogger(__name__)
_STATE: dict = {}  # what forked workers inherit: the jobs and the function that runs one


class _Collect(logging.Handler):
    """Keep a worker's warnings and errors so the parent can log (and count) them."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def default_workers() -> int:
    """Two processes when two cores are usable: the directory pages use both."""
    return min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


def run_jobs(jobs: list, run, workers: int) -> list:
    """Return [run(job) for job in jobs], computed by `workers` forked processes if > 1."""
    if workers <= 1 or len(jobs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [run(job) for job in jobs]
    _STATE.update(jobs=jobs, run=run, workers=workers)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            slices = pool.map(_run_slice, range(workers), chunksize=1)
    finally:
        _STATE.clear()
    results = [None] * len(jobs)
    for index, (done, records) in enumerate(slices):
        results[index::workers] = done
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
    return results


def _run_slice(index: int) -> tuple[list, list]:
    """Run every workers-th job from index (in a worker); return results and log records."""
    collect, root = _Collect(), logging.getLogger()
    handlers, root.handlers = root.handlers, [collect]  # the parent prints and counts them
    try:
        jobs, run = _STATE["jobs"], _STATE["run"]
        return [run(job) for job in jobs[index::_STATE["workers"]]], collect.records
    finally:
        root.handlers = handlers
