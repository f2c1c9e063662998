"""Run page jobs in forked worker processes that inherit the loaded directory and Jinja env."""

from __future__ import annotations

import logging
import multiprocessing
import os

log = logging.getLogger(__name__)
_STATE: dict = {}  # what forked workers inherit: the jobs and the function that runs one
PIECES_PER_RUN = 8  # small enough to even out the workers, large enough to cost nothing


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


def run_jobs(jobs: list, run, workers: int, side: tuple = ()) -> tuple[list, list]:
    """Return [run(job) for job in jobs] and [task() for task in side], from forked workers.

    Side tasks (the open-data exports, the steward's report) go first; the jobs follow in
    pieces a free worker takes, so both workers finish together instead of the exports
    waiting for the last page.
    """
    if workers <= 1 or len(jobs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [run(job) for job in jobs], [task() for task in side]
    _STATE.update(jobs=jobs, run=run, side=side)
    tasks = [("side", i, i + 1) for i in range(len(side))]
    tasks += [("jobs", start, stop) for start, stop in _pieces(len(jobs), workers)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            done = pool.map(_run_task, tasks, chunksize=1)
    finally:
        _STATE.clear()
    results, side_results = [], []
    for (kind, *_), (values, records) in sorted(zip(tasks, done, strict=True),
                                                key=lambda pair: pair[0]):
        (side_results if kind == "side" else results).extend(values)
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
    return results, side_results


def _pieces(count: int, workers: int, per_run: int = PIECES_PER_RUN) -> list[tuple[int, int]]:
    """Split jobs into `workers` consecutive runs cut in pieces, interleaved run by run.

    Jobs come language by language: pieces taken together come from different runs, so two
    workers create their page folders in different parents (entreprises/, en/businesses/)
    instead of queueing on one folder's lock (2 x 10,000 mkdir: 2.0 s apart, 2.8-4.0 s
    together).
    """
    runs = [(r * count // workers, (r + 1) * count // workers) for r in range(workers)]
    pieces = []
    for piece in range(per_run):
        for start, stop in runs:
            size = stop - start
            low, high = start + piece * size // per_run, start + (piece + 1) * size // per_run
            if high > low:
                pieces.append((low, high))
    return pieces


def _run_task(task: tuple[str, int, int]) -> tuple[list, list]:
    """Run a side task or a piece of jobs (in a worker); return its results and log records."""
    collect, root = _Collect(), logging.getLogger()
    handlers, root.handlers = root.handlers, [collect]  # the parent prints and counts them
    try:
        kind, start, stop = task
        if kind == "side":
            return [_STATE["side"][start]()], collect.records
        run = _STATE["run"]
        return [run(job) for job in _STATE["jobs"][start:stop]], collect.records
    finally:
        root.handlers = handlers
