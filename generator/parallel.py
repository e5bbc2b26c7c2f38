"""Work spread over every processor by forked workers.

The workers are forked, so they inherit the tasks (closures over the catalogue, the reference
data, the drawings) and only the results travel back. Small batches stay in this process:
starting workers costs more than they save.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import TypeVar

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
    _tasks[:] = tasks
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            chunk = max(1, len(tasks) // (workers * 16))
            return pool.map(_run, range(len(tasks)), chunksize=chunk)  # type: ignore[return-value]
    finally:
        _tasks.clear()
