"""Work spread over every processor by forked workers.

The workers are forked, so they inherit the tasks (closures over the catalogue, the reference
data, the drawings) and only the results travel back. Small batches stay in this process:
starting workers costs more than they save.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.pool import Pool
from typing import Generic, TypeVar

T = TypeVar("T")

PARALLEL_FROM = 64  # fewer tasks than this run here
_tasks: list[Callable[[], object]] = []  # read by the forked workers


def _run(index: int) -> object:
    return _tasks[index]()


def processors() -> int:
    """The processors this process may run on."""
    return len(os.sched_getaffinity(0))


def batches(items: list[T]) -> list[list[T]]:
    """`items` in about sixteen groups a processor, never smaller than 16: enough to share the
    work evenly, few enough for each group to do its own setup (a cache transaction) once."""
    size = max(16, len(items) // (processors() * 16))
    return [items[i : i + size] for i in range(0, len(items), size)]


def run_all(
    tasks: list[Callable[[], T]], workers: int | None = None, *, parallel: bool | None = None
) -> list[T]:
    """Each task's result, in order; on every processor when there are enough tasks (or when
    `parallel` says so: a few long tasks). Workers take the tasks in order, a small batch at a
    time, so long tasks put first end early and the short ones after them even out the load."""
    workers = workers or processors()
    parallel = len(tasks) >= PARALLEL_FROM if parallel is None else parallel
    if not parallel or workers < 2 or _tasks:  # _tasks: already inside a worker
        return [task() for task in tasks]
    return Started(tasks, workers).wait()


class Started(Generic[T]):
    """Tasks running on every processor while this process does other work (`start_all`)."""

    def __init__(self, tasks: list[Callable[[], T]], workers: int) -> None:
        self.pool: Pool | None = None
        self.results: list[T] | None = None
        if not tasks:
            self.results = []
            return
        _tasks[:] = tasks
        try:  # the workers are forked here, each with the tasks: this process needs them no more
            self.pool = multiprocessing.get_context("fork").Pool(workers)
        finally:
            _tasks.clear()
        chunk = max(1, len(tasks) // (workers * 16))
        self.pending = self.pool.map_async(_run, range(len(tasks)), chunksize=chunk)

    def wait(self) -> list[T]:
        """Each task's result, in order, once all are done; a task's error is raised here."""
        if self.results is None:
            assert self.pool is not None
            try:
                self.results = self.pending.get()
            finally:
                self.stop()
        return self.results

    def stop(self) -> None:
        """Stop the tasks not done yet (nothing is waited for)."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def start_all(tasks: list[Callable[[], T]], workers: int | None = None) -> Started[T]:
    """Start the tasks on every processor and return at once; `wait()` gives their results.
    A few tasks, or a single processor, or inside a worker: they run here before it returns."""
    workers = workers or processors()
    if workers < 2 or _tasks or len(tasks) < PARALLEL_FROM:
        started: Started[T] = Started([], workers)
        started.results = [task() for task in tasks]
        return started
    return Started(tasks, workers)
