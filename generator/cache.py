"""Caches keyed by a hash of their inputs: files drawn from the data (QR codes, badges, cards,
flyers), so an unchanged one is never drawn twice and the missing ones are drawn on every
processor; data files already loaded and checked, and pages already rendered (in SQLite); and the
engine's HTML of generated pages, so an unchanged page is not converted again."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import os
import shutil
import sqlite3
import sys
import types
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from generator import plaincache
from generator.parallel import Started, processors, start_all

_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # one for 70,000 keys
_DIGEST = 32  # hex digits of a drawn file's content hash, in its name


class Drawing(NamedTuple):  # a tuple: 70,000 of them are planned on every run
    """One file to publish: where it goes, the function that draws it and the one value it is
    drawn from (a frozen dataclass holding everything the file shows)."""

    target: str  # path inside the generated folder
    draw: Callable[[Any], bytes]  # a module's function of the value alone
    value: Any


def _code_modules(name: str) -> tuple[set[str], set[str]]:
    """The project's modules that the module `name` uses, itself and transitively, and the
    top-level names of the other packages they use."""
    ours, others, todo = set(), set(), [name]
    while todo:
        current = todo.pop()
        if current in ours:
            continue
        ours.add(current)
        for value in vars(sys.modules[current]).values():
            used = value.__name__ if isinstance(value, types.ModuleType) else None
            used = used or getattr(value, "__module__", None)
            if not isinstance(used, str):
                continue
            if used.split(".")[0] == __name__.split(".")[0]:
                todo.append(used)
            else:
                others.add(used.split(".")[0])
    return ours, others


@functools.cache
def _distributions() -> dict[str, list[str]]:
    """Top-level module name -> the installed distributions providing it (read once: it opens
    every installed package's file list)."""
    return dict(importlib.metadata.packages_distributions())


@functools.cache
def code_digest(module: str) -> str:
    """A hash of the code that draws in `module`: the source of every project module it uses,
    the versions of the packages they use and of Python, and the data files a module declares
    with a `drawing_data()` function (the fonts): a change in any of them draws every file of
    that function again, without a version raised by hand."""
    ours, others = _code_modules(module)
    digest = hashlib.sha256(sys.version.encode())
    for top in sorted(others):
        for distribution in _distributions().get(top, []):
            digest.update(f"{distribution}={importlib.metadata.version(distribution)}".encode())
    for name in sorted(ours):
        used = sys.modules[name]
        digest.update(f"\0{name}\0".encode() + Path(str(used.__file__)).read_bytes())
        if callable(data := getattr(used, "drawing_data", None)):
            digest.update(data())
    return digest.hexdigest()


@functools.cache
def _prefix(draw: Callable[[Any], bytes], kind: type) -> bytes:
    fields = [f.name for f in dataclasses.fields(kind)]
    code = code_digest(draw.__module__)
    return f"{code}\n{draw.__qualname__}\n{kind.__qualname__}{fields}\n".encode()


def drawing_key(draw: Callable[[Any], bytes], value: Any) -> str:
    """The cache key of a drawing: a hash of its code and of every field of its value."""
    fields = [getattr(value, f.name) for f in dataclasses.fields(value)]
    return hashlib.sha256(_prefix(draw, type(value)) + _JSON.encode(fields).encode()).hexdigest()[
        :24
    ]


def content_digest(data: bytes) -> str:
    """The hash of a drawn file's bytes, the second part of its name in the cache."""
    return hashlib.sha256(data).hexdigest()[:_DIGEST]


def intact(path: str) -> bool:
    """True when the cached file at `path` (named `<key>.<content hash>`) holds the bytes it was
    drawn with: a file damaged or replaced in the cache (a poisoned CI cache) is not published."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError:
        return False
    return path.rpartition(".")[2] == content_digest(data)


INTACT_RECORD = "intact.json"  # in the drawing cache's folder
_RECORD_KEY = "intact-1"
_RECORD = plaincache.MapOf(plaincache.Row((plaincache.WHOLE,) * 4))  # name -> its identity


class IntactRecord:
    """The drawn files found intact (`intact`) in this cache, each with its file's identity
    then (device, inode, size, modification time), so that 70,000 files are not read and
    hashed at every run: a file with the same identity is the same file, and any other (one
    rewritten in place, one restored from another machine's cache, which gets new inodes) is
    read and hashed again. Kept as a plain table (`plaincache`): one of another shape is
    dropped, and every file is read again."""

    def __init__(self, folder: Path) -> None:
        self.folder = f"{folder}{os.sep}"
        self.path = folder / INTACT_RECORD
        self._seen: dict[str, list[int]] | None = None  # read on first use, in each process
        self.changed = False

    @property
    def seen(self) -> dict[str, list[int]]:
        if self._seen is None:
            self._seen = plaincache.read(self.path, _RECORD_KEY, _RECORD) or {}
        return self._seen

    @staticmethod
    def _stamp(path: str) -> list[int] | None:
        try:
            found = os.stat(path)
        except OSError:
            return None
        return [found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns]

    def check(self, path: str) -> bool:
        """True when the cached file at `path` is intact: recorded so, or read and found so."""
        stamp = self._stamp(path)  # before reading: a change after it changes the stamp
        if stamp is None:
            return False
        name = path.removeprefix(self.folder)
        if self.seen.get(name) == stamp:
            return True
        if not intact(path):
            return False
        self.seen[name] = stamp
        self.changed = True
        return True

    def add(self, path: str) -> None:
        """Record a file just drawn and written by this run."""
        if (stamp := self._stamp(path)) is not None:
            self.seen[path.removeprefix(self.folder)] = stamp
            self.changed = True

    def forget(self, path: str) -> None:
        if self.seen.pop(path.removeprefix(self.folder), None) is not None:
            self.changed = True

    def save(self) -> None:
        """Write the record when it changed; a cache that cannot be written is read again."""
        if self.changed:
            plaincache.write(self.path, _RECORD_KEY, self.seen)
            self.changed = False


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


def _create(path: str, data: bytes) -> bool:
    """Write a new file in one go, straight under its name (its folder made when missing);
    False when a file of that name is there already."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    try:
        fd = os.open(path, flags, 0o644)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd = os.open(path, flags, 0o644)
    except FileExistsError:
        return False
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
    return True


def _draw(folder: str, key: str, draw: Callable[[Any], bytes], value: Any) -> str:
    """Draw a file into the cache, named by its key and its content's hash. A new file is
    written straight under that name, without a temporary file and a rename (creating files is
    most of what storing 70,000 of them costs): one cut short by a killed run does not hash to
    its name and is drawn again. One already there is replaced whole, so that a site linking
    to it never sees it half-written."""
    data = draw(value)
    path = f"{folder}{key}.{content_digest(data)}"
    if not _create(path, data):
        _store(Path(path), data)
    return path


class DrawingCache:
    """A folder of drawn files, a folder a drawing function, each file named by the hash of what
    it was drawn from (its key) and the hash of its bytes, checked before it is used."""

    def __init__(self, folder: Path, workers: int | None = None) -> None:
        self.folder = folder
        self.workers = workers or processors()
        self.drawn = 0  # files actually drawn in this run; the rest came from the cache
        self.record = IntactRecord(folder)

    def _folder(self, draw: Callable[[Any], bytes]) -> str:
        return f"{self.folder / draw.__name__}{os.sep}"  # text: a Path each costs too much here

    def _listing(self, folder: str) -> dict[str, str]:
        """The files of a drawing function's folder by key (half-written ones left out)."""
        names = os.listdir(folder) if os.path.isdir(folder) else []
        return {n.partition(".")[0]: n for n in names if n.count(".") == 1}

    def _lookup(
        self, drawings: list[Drawing], prune: bool
    ) -> tuple[
        dict[str, str], dict[str, str | None], dict[str, tuple[str, Callable[[Any], bytes], Any]]
    ]:
        """Each drawing's file named by its key alone (by its target), its intact cached file,
        None for one not drawn yet or damaged, and the work of drawing those (by key); with
        `prune`, every other file of these drawing functions' folders is removed."""
        # function -> its folder, its files by key, the keys kept
        kinds: dict[Callable[[Any], bytes], tuple[str, dict[str, str], set[str]]] = {}
        keyed: dict[str, str] = {}
        files: dict[str, str | None] = {}
        missing: dict[str, tuple[str, Callable[[Any], bytes], Any]] = {}
        for target, draw, value in drawings:
            if draw not in kinds:
                folder = self._folder(draw)
                kinds[draw] = folder, self._listing(folder), set()  # one listing a folder
            folder, cached, kept = kinds[draw]
            key = drawing_key(draw, value)
            keyed[target] = folder + key
            name = cached.get(key)
            if name is not None and (key in kept or self.record.check(folder + name)):
                files[target] = folder + name
                kept.add(key)
            else:
                files[target] = None
                missing.setdefault(key, (folder, draw, value))
        if prune:
            for folder, cached, kept in kinds.values():
                for key, name in cached.items():
                    if key not in kept:  # no longer drawn, or damaged (drawn again)
                        Path(folder + name).unlink(missing_ok=True)
                        self.record.forget(folder + name)
        self.record.save()
        return keyed, files, missing

    def plan(self, drawings: list[Drawing]) -> tuple[dict[str, str], set[str]]:
        """Each drawing's file named by its key alone (by its target, as text: what `resolve`
        finds once it is drawn), and the targets not drawn yet (or found damaged); nothing is
        drawn. The cache then keeps these drawings only: a file no longer drawn, or damaged,
        is removed."""
        keyed, files, _ = self._lookup(drawings, prune=True)
        return keyed, {target for target, path in files.items() if path is None}

    def resolve(self, keyed: Iterable[str]) -> dict[str, str]:
        """The cached file of each drawing named by its key alone (`plan`) that is drawn."""
        listings: dict[str, dict[str, str]] = {}
        found: dict[str, str] = {}
        for path in keyed:
            folder, _, key = path.rpartition(os.sep)
            folder += os.sep
            if folder not in listings:
                listings[folder] = self._listing(folder)
            if (name := listings[folder].get(key)) is not None:
                found[path] = folder + name
        return found

    def start(self, drawings: list[Drawing]) -> Pending:
        """Start drawing the drawings not in the cache yet (or damaged), on every processor,
        and return at once (`Pending.wait` gives the files)."""
        keyed, files, missing = self._lookup(drawings, prune=False)
        started = start_all(
            [
                functools.partial(_draw, folder, key, draw, value)
                for key, (folder, draw, value) in missing.items()
            ],
            self.workers,
        )
        keys = {target: path.rpartition(os.sep)[2] for target, path in keyed.items()}
        return Pending(self, keys, files, missing, started)

    def draw(self, drawings: list[Drawing]) -> dict[str, str]:
        """Draw the drawings not in the cache yet (or damaged), on every processor; the cached
        file of each drawing, by its target."""
        return self.start(drawings).wait()


class Pending:
    """Drawings being drawn while this process does other work (`DrawingCache.start`)."""

    def __init__(
        self,
        cache: DrawingCache,
        keys: dict[str, str],
        files: dict[str, str | None],
        missing: dict[str, tuple[str, Callable[[Any], bytes], Any]],
        started: Started[str],
    ) -> None:
        self.cache, self.keys, self.files = cache, keys, files  # keys: target -> its key
        self.missing, self.started = missing, started

    def wait(self) -> dict[str, str]:
        """Once every drawing is drawn, the cached file of each, by its target; a drawing's
        error is raised here."""
        drawn = self.started.wait()
        paths = dict(zip(self.missing, drawn, strict=True))
        for path in drawn:
            self.cache.record.add(path)
        self.cache.record.save()
        self.cache.drawn += len(self.missing)
        return {target: self.files[target] or paths[key] for target, key in self.keys.items()}

    def stop(self) -> None:
        """Give up on the drawings not drawn yet (a build that failed)."""
        self.started.stop()


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
