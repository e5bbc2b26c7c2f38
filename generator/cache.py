"""Caches keyed by a hash of their inputs: files drawn from the data (QR codes, badges, cards,
flyers), so an unchanged one is never drawn twice and the missing ones are drawn on every
processor; data files already loaded and checked, and pages already rendered (in SQLite); and the
engine's HTML of generated pages, so an unchanged page is not converted again."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from generator.parallel import processors, run_all

# Part of every key: raise it when a drawing changes, so every file is drawn anew.
DRAWING_VERSION = "2"


class Drawing(NamedTuple):  # a tuple: 180,000 of them are planned on every run
    """One file to publish: where it goes, what it is drawn from, and how to draw it."""

    target: str  # path inside the generated folder
    kind: str
    inputs: str
    draw: Callable[[], bytes]


def _store(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)  # a killed run never leaves half a file under a valid name


def folder_digest(folder: Path, digest: Any = None) -> Any:
    """A running hash of every file under `folder` (names and bytes), compiled code left out."""
    digest = digest or hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest


def _draw(path: Path, draw: Callable[[], bytes]) -> None:
    _store(path, draw())


class DrawingCache:
    """A folder of drawn files, each named by the hash of what it was drawn from."""

    def __init__(self, folder: Path, workers: int | None = None) -> None:
        self.folder = folder
        self.workers = workers or processors()
        self.drawn = 0  # files actually drawn in this run; the rest came from the cache

    @staticmethod
    def _key(kind: str, inputs: str) -> str:
        return hashlib.sha256(f"{DRAWING_VERSION}\n{kind}\n{inputs}".encode()).hexdigest()[:24]

    def _folder(self, kind: str) -> str:
        return f"{self.folder / kind}{os.sep}"  # text: a Path each costs too much here

    def plan(self, drawings: list[Drawing]) -> tuple[dict[str, str], set[str]]:
        """Each drawing's cached file (by its target, as text) and the cached files not drawn
        yet; nothing is drawn. The cache then keeps these drawings only: one no longer drawn
        is removed."""
        # kind -> its folder, the keys already drawn, the keys of these drawings
        kinds: dict[str, tuple[str, set[str], set[str]]] = {}
        files: dict[str, str] = {}
        missing: set[str] = set()
        for target, kind, inputs, _ in drawings:
            if kind not in kinds:
                folder = self._folder(kind)
                drawn = set(os.listdir(folder)) if os.path.isdir(folder) else set()
                kinds[kind] = folder, drawn, set()  # one listing a kind
            folder, drawn, used = kinds[kind]
            key = self._key(kind, inputs)
            used.add(key)
            path = files[target] = folder + key
            if key not in drawn:
                missing.add(path)
        for folder, drawn, used in kinds.values():
            for name in drawn - used:
                Path(folder + name).unlink(missing_ok=True)
        return files, missing

    def draw(self, drawings: list[Drawing]) -> None:
        """Draw the drawings not in the cache yet, on every processor."""
        missing: dict[str, Callable[[], bytes]] = {}
        for drawing in drawings:
            path = self._folder(drawing.kind) + self._key(drawing.kind, drawing.inputs)
            if not os.path.exists(path):
                missing.setdefault(path, drawing.draw)
        run_all(
            [functools.partial(_draw, Path(path), draw) for path, draw in missing.items()],
            self.workers,
        )
        self.drawn += len(missing)


class ResultCache:
    """Results of work in one SQLite file, each under a hash of the work's inputs and of
    everything else it depends on (`context`).

    Values are plain data: bytes (`store`, `blobs`) or JSON (`put_many`, `get_many`), never
    pickles, so a cache restored from elsewhere can hold wrong values but never run code; a
    reader checks what it gets back and does the work again when a value is not as expected.

    Workers may store their results themselves: each `store` is one transaction, and SQLite
    lets the processes take turns. Nothing waits for the disk: a cache that cannot be read or
    written only means the work is done again, and one found damaged (the machine stopped while
    it was written) is started again."""

    def __init__(self, path: Path, context: str) -> None:
        self.path = path
        self.context = context.encode("utf-8")

    def key(self, *parts: str | bytes) -> str:
        digest = hashlib.sha256(self.context)
        for part in parts:
            digest.update(b"\0" + (part.encode("utf-8") if isinstance(part, str) else part))
        return digest.hexdigest()[:32]

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._open()
        except sqlite3.OperationalError:
            raise  # busy, locked or read-only: not used this time
        except sqlite3.DatabaseError:  # not a database (damaged): start again
            self._discard()
            return self._open()

    def _discard(self) -> None:
        for path in (self.path, self.path.with_name(self.path.name + "-journal")):
            path.unlink(missing_ok=True)

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=30)
        try:
            # each result written once, straight into the file, without waiting for the disk
            connection.execute("PRAGMA journal_mode=DELETE")
            connection.execute("PRAGMA synchronous=OFF")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
            )
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    def blobs(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The stored results (bytes) of those keys that have one."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, bytes] = {}
        try:
            connection = self._connect()
        except (OSError, sqlite3.Error):
            return found
        with contextlib.closing(connection):
            try:
                for start in range(0, len(wanted), 500):  # well under SQLite's limit of values
                    some = wanted[start : start + 500]
                    found.update(
                        connection.execute(
                            "SELECT key, value FROM results WHERE key IN "
                            f"({', '.join('?' * len(some))})",
                            some,
                        ).fetchall()
                    )
            except sqlite3.OperationalError:
                return {}
            except sqlite3.DatabaseError:
                self._discard()
                return {}
        return found

    def get_many(
        self, keys: Iterable[str], check: Callable[[Any], bool] = lambda value: True
    ) -> dict[str, Any]:
        """The stored JSON results of those keys that have one and pass `check`; any other is
        left out, so the work is done again."""
        found: dict[str, Any] = {}
        for key, blob in self.blobs(keys).items():
            value = from_json(blob)
            if value is not UNREADABLE and checked(check, value):
                found[key] = value
        return found

    def store(self, blobs: dict[str, bytes], keep: Iterable[str] | None = None) -> None:
        """Store results (bytes) in one transaction; with `keep`, forget every stored result
        whose key is in neither."""
        try:
            connection = self._connect()
        except (OSError, sqlite3.Error):
            return
        with contextlib.closing(connection):
            try:
                with connection:  # one transaction
                    if keep is not None:
                        kept = set(keep) | set(blobs)
                        stale = [
                            (key,)
                            for (key,) in connection.execute("SELECT key FROM results")
                            if key not in kept
                        ]
                        connection.executemany("DELETE FROM results WHERE key = ?", stale)
                    connection.executemany(
                        "INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", blobs.items()
                    )
            except sqlite3.OperationalError:
                pass  # busy or read-only: the work is done again next time
            except sqlite3.DatabaseError:
                self._discard()

    def put_many(self, results: dict[str, Any], keep: Iterable[str] | None = None) -> None:
        """Store `results`, each as JSON (see `store`)."""
        self.store({key: to_json(value) for key, value in results.items()}, keep)


UNREADABLE = object()


def to_json(value: Any) -> bytes:
    """`value` as compact JSON; TypeError for anything that is not plain data."""

    def refuse(unknown: Any) -> Any:
        raise TypeError(f"not plain data: {type(unknown).__name__}")

    return json.dumps(
        value, ensure_ascii=False, separators=(",", ":"), check_circular=False, default=refuse
    ).encode("utf-8")


def checked(check: Callable[[Any], bool], value: Any) -> bool:
    """True when `value` passes `check`; a check that stumbles on a value of the wrong shape
    counts as failed."""
    try:
        return bool(check(value))
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return False


def from_json(blob: bytes) -> Any:
    """The value of a JSON blob, or `UNREADABLE` when it is not JSON (damaged, or not ours)."""
    try:
        return json.loads(blob)
    except (ValueError, RecursionError):
        return UNREADABLE


class PageCache:
    """Pages the engine already turned into HTML, named by a hash of everything that went in.

    New entries wait in a folder of their own (where the build that made them finds them too)
    until `commit()`, which the engine calls only after a build without warnings: a page whose
    conversion warned is converted (and warns) again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.staging = folder / f"pending-{os.getpid()}"

    @staticmethod
    def key(*parts: str) -> str:
        digest = hashlib.sha256()
        for part in parts:
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()[:32]

    def _where(self, key: str) -> Path:
        kept = self.folder / key[:2] / key
        return kept if kept.is_file() else self.staging / key  # else converted in this build

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            return json.loads(self._where(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # not there, or damaged: converted again and rewritten

    def has(self, key: str) -> bool:
        return self._where(key).is_file()

    def put(self, key: str, entry: dict[str, Any]) -> None:
        _store(self.staging / key, json.dumps(entry, ensure_ascii=False).encode("utf-8"))

    def commit(self, used: set[str]) -> None:
        """Keep the entries of this build and forget those it did not use."""
        if self.staging.is_dir():
            for path in self.staging.iterdir():
                (self.folder / path.name[:2]).mkdir(parents=True, exist_ok=True)
                os.replace(path, self.folder / path.name[:2] / path.name)
        self.discard()
        for path in self.folder.glob("??/*"):
            if path.name not in used:
                path.unlink(missing_ok=True)

    def discard(self) -> None:
        """Forget the entries of this build."""
        shutil.rmtree(self.staging, ignore_errors=True)
