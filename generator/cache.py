"""Caches keyed by a hash of their inputs: files drawn from the data (QR codes, badges, cards,
flyers), so an unchanged one is never drawn twice and the missing ones are drawn on every
processor; and the engine's HTML of generated pages, so an unchanged page is not converted again."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Part of every key: raise it when a drawing changes, so every file is drawn anew.
DRAWING_VERSION = "2"
# Below this many missing files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64


@dataclass(frozen=True)
class Drawing:
    """One file to publish: where it goes, what it is drawn from, and how to draw it."""

    target: str  # path inside the generated folder
    kind: str
    inputs: str
    draw: Callable[[], bytes]


_pending: list[tuple[Path, Callable[[], bytes]]] = []  # read by forked workers


def _store(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)  # a killed run never leaves half a file under a valid name


def _draw_pending(index: int) -> None:
    path, draw = _pending[index]
    _store(path, draw())


class DrawingCache:
    """A folder of drawn files, each named by the hash of what it was drawn from."""

    def __init__(self, folder: Path, workers: int | None = None) -> None:
        self.folder = folder
        self.workers = workers or len(os.sched_getaffinity(0))
        self.drawn = 0  # files actually drawn in this run; the rest came from the cache

    def path(self, kind: str, inputs: str) -> Path:
        key = hashlib.sha256(f"{DRAWING_VERSION}\n{kind}\n{inputs}".encode()).hexdigest()[:24]
        return self.folder / kind / key

    def draw_all(self, drawings: list[Drawing]) -> dict[str, Path]:
        """Each drawing's cached file, drawing the missing ones first."""
        files = {d.target: self.path(d.kind, d.inputs) for d in drawings}
        missing: dict[Path, Callable[[], bytes]] = {}
        for drawing in drawings:
            path = files[drawing.target]
            if path not in missing and not path.is_file():
                missing[path] = drawing.draw
        if len(missing) >= PARALLEL_FROM and self.workers > 1:
            _pending[:] = missing.items()
            try:  # forked workers inherit the drawings, so nothing needs to be pickled
                context = multiprocessing.get_context("fork")
                with context.Pool(self.workers) as pool:
                    pool.map(_draw_pending, range(len(_pending)), chunksize=8)
            finally:
                _pending.clear()
        else:
            for path, draw in missing.items():
                _store(path, draw())
        self.drawn += len(missing)
        return files


class PageCache:
    """Pages the engine already turned into HTML, named by a hash of everything that went in.

    New entries wait in a folder of their own until `commit()`, which the engine calls only
    after a build without warnings: a page whose conversion warned is converted (and warns) again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.staging = folder / f"pending-{os.getpid()}"
        self.stored = 0

    @staticmethod
    def key(*parts: str) -> str:
        digest = hashlib.sha256()
        for part in parts:
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()[:32]

    def get(self, key: str) -> dict[str, Any] | None:
        path = self.folder / key[:2] / key
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # not there, or damaged: converted again and rewritten

    def put(self, key: str, entry: dict[str, Any]) -> None:
        _store(self.staging / key, json.dumps(entry, ensure_ascii=False).encode("utf-8"))

    def commit(self) -> None:
        """Keep the entries of this build."""
        if self.staging.is_dir():
            for path in self.staging.iterdir():
                (self.folder / path.name[:2]).mkdir(parents=True, exist_ok=True)
                os.replace(path, self.folder / path.name[:2] / path.name)
                self.stored += 1
        self.discard()

    def discard(self) -> None:
        """Forget the entries of this build."""
        shutil.rmtree(self.staging, ignore_errors=True)
