"""Run page jobs in forked worker processes that inherit the loaded directory and Jinja env."""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os

log = logging.getLogger(__name__)
_STATE: dict = {}  # what forked workers inherit: the jobs and the function that runs one
PIECES_PER_WORKER = 8  # small enough to even out the workers, large enough to cost nothing
FOLDERS_ASIDE_FROM = 1_000  # fewer page folders are made by the workers as they go
NICENESS = 5  # the workers' priority below this process and the search index (see run_jobs)


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


def run_jobs(groups: list[list], run, workers: int, side: tuple = (),
             done=lambda index, results: None, side_last: bool = False,
             pieces: dict[int, list[tuple[int, int]]] | None = None) -> list:
    """Run every job of every group with run(job); return [task() for task in side].

    A group is cut in even pieces, workers taking them as they free up, unless pieces
    gives its own (start, stop) pieces: a worker then takes each one whole.

    done(index, [run(job) for job in group]) is called in this process as each group
    ends, in order, while the workers go on with the next group (a language's search
    index starts while the other language's pages are made). Side tasks (the open-data
    exports, the steward's report) are taken first, or after the groups if side_last
    (while the last group's search index is made, whose writing leaves a core idle).

    The workers run at a lower priority (NICENESS): a language's search index, which
    cannot start before its pages are written and is the build's last step, gets the cores
    first; the workers' pages use what it leaves (its writing is one thread).
    """
    if workers <= 1 or sum(map(len, groups)) < 2 \
            or "fork" not in multiprocessing.get_all_start_methods():
        for index, jobs in enumerate(groups):
            done(index, [run(job) for job in jobs])
        return [task() for task in side]
    _STATE.update(groups=groups, run=run, side=side)
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=os.nice,
                                                      initargs=(NICENESS,)) as pool:
            def submit(task):  # queued in order: a free worker takes the oldest
                return pool.apply_async(_run_task, (task,))
            def submit_side():
                return [submit(("side", i, 0, 1)) for i in range(len(side))]
            side_runs = [] if side_last else submit_side()
            group_runs = [[submit(("jobs", index, start, stop)) for start, stop in
                           (pieces or {}).get(index) or _pieces(len(jobs), workers)]
                          for index, jobs in enumerate(groups)]
            if side_last:
                side_runs = submit_side()
            for index, runs in enumerate(group_runs):
                done(index, [result for task in runs for result in _collected(task)])
            return [result for task in side_runs for result in _collected(task)]
    finally:
        _STATE.clear()


def make_folders_aside(parents: list[str], folders: list[str], workers: int):
    """Make parents, then their child folders in a forked process; return it, or None.

    Page workers making 110,000 page folders as they write spend 10-15 % of their time
    in mkdir; made beforehand, while this process writes the stories on one core, the
    folders cost the workers little.
    """
    if workers <= 1 or len(folders) < FOLDERS_ASIDE_FROM \
            or "fork" not in multiprocessing.get_all_start_methods():
        return None
    for parent in parents:
        os.makedirs(parent, exist_ok=True)
    process = multiprocessing.get_context("fork").Process(
        target=_make_folders, args=(folders,), daemon=True)
    process.start()
    return process


def _make_folders(folders: list[str]) -> None:
    """Make each folder; stop at the first that cannot be made.

    Its parent is gone (a failed build's output), or the disk refuses: the workers make
    what is missing as they write, and report what fails.
    """
    for folder in folders:
        try:
            os.mkdir(folder)
        except FileExistsError:  # a worker was first
            continue
        except OSError:
            return


def _collected(result) -> list:
    """A task's results, once its worker is done; its log records are logged here."""
    values, records = result.get()
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)
    return values


def _pieces(count: int, workers: int, per_worker: int = PIECES_PER_WORKER) -> list[tuple[int, int]]:
    """Cut count jobs into consecutive pieces, per_worker of them for each worker."""
    pieces = workers * per_worker
    bounds = [piece * count // pieces for piece in range(pieces + 1)]
    return [(low, high) for low, high in itertools.pairwise(bounds) if high > low]


def _run_task(task: tuple[str, int, int, int]) -> tuple[list, list]:
    """Run a side task or a piece of a group's jobs (in a worker); return results, log records."""
    collect, root = _Collect(), logging.getLogger()
    handlers, root.handlers = root.handlers, [collect]  # the parent prints and counts them
    try:
        kind, index, start, stop = task
        if kind == "side":
            return [_STATE["side"][index]()], collect.records
        run = _STATE["run"]
        return [run(job) for job in _STATE["groups"][index][start:stop]], collect.records
    finally:
        root.handlers = handlers
