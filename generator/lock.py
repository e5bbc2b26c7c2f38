"""One build at a time in a project: commands that write the generated pages or the site take
the project's lock; a second one waits for the first, then stops with a message if it waited
too long. The lock is the operating system's (flock): a killed build never leaves it taken."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.problems import OcopError

LOCK_FILE = "build.lock"  # in the cache folder
WAIT_SECONDS = 600.0  # a national build takes well under a minute
_held: dict[Path, int] = {}  # lock file -> how many times this process holds it


class BuildRunning(OcopError):
    """Another command kept the project's lock for longer than we wait."""


def _holder(path: Path) -> str:
    with contextlib.suppress(OSError, ValueError):
        return str(int(path.read_text(encoding="ascii").strip()))
    return "?"


@contextlib.contextmanager
def project_lock(
    cache_dir: Path,
    on_wait: Callable[[str], None] | None = None,
    wait: float | None = None,
) -> Iterator[None]:
    """Hold the project's lock (again, when this process holds it already); `on_wait` is told
    the other process's ID once, when it has to wait."""
    path = cache_dir / LOCK_FILE
    if _held.get(path):
        _held[path] += 1
        try:
            yield
        finally:
            _held[path] -= 1
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and on_wait:
                    on_wait(_holder(path))
                    told = True
                if time.monotonic() > deadline:
                    raise BuildRunning(
                        "build-running", folder=cache_dir.parent, pid=_holder(path), lock=path
                    ) from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        _held[path] = 1
        try:
            yield
        finally:
            del _held[path]
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
