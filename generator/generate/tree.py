"""A folder made to hold exactly a given set of files, touching only what changed.

The files can be written from several processes: forked workers inherit the writer, each puts
the files it made and hands back only their record entries, and the process that made the
writer finishes the folder."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

Entry = list[int | str]  # size, modification time in ns, hash of the bytes


def _same(path: str, data: bytes) -> bool:
    try:
        with open(path, "rb") as existing:
            return existing.read(len(data) + 1) == data
    except OSError:
        return False  # not there yet (or unreadable): written


def _listing(target: str) -> dict[str, tuple[int, int]]:
    """Every file under `target`: path inside it -> (size, modification time in ns)."""
    found: dict[str, tuple[int, int]] = {}
    folders = [("", target)]
    while folders:
        prefix, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((f"{prefix}{entry.name}/", entry.path))
                else:
                    info = entry.stat(follow_symlinks=False)
                    found[prefix + entry.name] = (info.st_size, info.st_mtime_ns)
    return found


class TreeWriter:
    """Writes files into `target`. `record` keeps, for each file written, its size, time and a
    hash of its bytes: a file still as it was written is known to be the same without reading
    it back. `kept` names files that are never removed."""

    def __init__(self, target: Path, record: Path | None = None, kept: Iterable[str] = ()) -> None:
        target.mkdir(parents=True, exist_ok=True)
        self.target = target
        self.root = f"{target}{os.sep}"
        self.record = record
        self.kept = frozenset(kept)
        self.present = _listing(str(target))
        try:
            self.known = json.loads(record.read_text(encoding="utf-8")) if record else {}
        except (OSError, ValueError):
            self.known = {}  # no record (or a damaged one): files are compared by their bytes

    def put(self, files: Mapping[str, str | bytes]) -> dict[str, Entry]:
        """Write those of `files` that differ from what is there; their record entries."""
        written: dict[str, Entry] = {}
        for rel, text in files.items():
            data = text.encode("utf-8") if isinstance(text, str) else text
            digest = hashlib.sha256(data).hexdigest()[:32]
            stat = self.present.get(rel)
            if stat and (self.known.get(rel) == [*stat, digest] or _same(self.root + rel, data)):
                written[rel] = [*stat, digest]
                continue
            path = self.target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(path.name + ".tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)  # never a half-written page, even when a preview reads it
            info = path.stat()
            written[rel] = [info.st_size, info.st_mtime_ns, digest]
        return written

    def finish(self, written: dict[str, Entry]) -> int:
        """Remove every file not `written` (nor kept) and keep the record; return how many files
        were written or removed."""
        changed = sum(1 for rel, entry in written.items() if self.present.get(rel) != (*entry[:2],))
        emptied: set[str] = set()  # folders a file was removed from
        for rel in self.present:
            if rel not in written and rel not in self.kept:
                os.unlink(self.root + rel)
                changed += 1
                emptied.add(os.path.dirname(self.root + rel))
        for folder in sorted(emptied, key=len, reverse=True):  # the deepest first
            while folder.startswith(self.root) and os.path.isdir(folder) and not os.listdir(folder):
                os.rmdir(folder)
                folder = os.path.dirname(folder)
        if self.record:
            self.record.parent.mkdir(parents=True, exist_ok=True)
            self.record.write_text(json.dumps(written), encoding="utf-8")
        return changed
