"""Tables kept between runs as plain JSON, never as pickles: a cache folder may be restored from
somewhere else (a CI cache), and a crafted pickle runs code when it is read, while JSON can only
give values. What is read is checked against the shape it was written with; anything unexpected
(garbage, another shape, wrong types, another key) is dropped and the caller builds it again."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES = 64 << 20  # far above any table kept here; a bigger file is not read into memory


class Shape:
    """What a plain value must look like."""

    def fits(self, value: object) -> bool:
        """True when `value` has this shape (types and lengths, all the way down)."""
        raise NotImplementedError


@dataclass(frozen=True)
class Text(Shape):
    """A string."""

    def fits(self, value: object) -> bool:
        return type(value) is str


@dataclass(frozen=True)
class Whole(Shape):
    """An integer (not a truth value)."""

    def fits(self, value: object) -> bool:
        return type(value) is int


@dataclass(frozen=True)
class ListOf(Shape):
    """A list of any length whose items all have one shape."""

    item: Shape

    def fits(self, value: object) -> bool:
        if type(value) is not list:
            return False
        if isinstance(self.item, Text):  # most lists are of names: their types at C speed
            return set(map(type, value)) <= {str}
        return all(map(self.item.fits, value))


@dataclass(frozen=True)
class MapOf(Shape):
    """An object with string keys whose values all have one shape."""

    value: Shape

    def fits(self, value: object) -> bool:
        return type(value) is dict and all(map(self.value.fits, value.values()))


@dataclass(frozen=True)
class Row(Shape):
    """A list of a fixed length, each item with its own shape."""

    items: tuple[Shape, ...]

    def fits(self, value: object) -> bool:
        return (
            type(value) is list
            and len(value) == len(self.items)
            and all(s.fits(v) for s, v in zip(self.items, value, strict=True))
        )


@dataclass(frozen=True)
class Record(Shape):
    """An object with exactly these keys, each with its own shape."""

    fields: tuple[tuple[str, Shape], ...]

    def fits(self, value: object) -> bool:
        return (
            type(value) is dict
            and value.keys() == {name for name, _ in self.fields}
            and all(shape.fits(value[name]) for name, shape in self.fields)
        )


TEXT = Text()
WHOLE = Whole()


def files_digest(version: str, files: Iterable[Path]) -> str:
    """A key made of a version and the bytes of the files a table is built from (never their
    size or time, which a copy keeps while the content changes)."""
    digest = hashlib.sha256(version.encode())
    for path in files:
        digest.update(f"\0{path.name}\0".encode())
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _no_constant(name: str) -> None:
    raise ValueError(name)  # NaN and Infinity are not plain JSON


def read(path: Path, key: str, shape: Shape) -> Any:
    """The table kept at `path` under `key`, or None when there is none usable; a file that is
    not what was written (unreadable, not JSON, another key, another shape) is removed."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError(path)
        kept = json.loads(path.read_bytes().decode("utf-8"), parse_constant=_no_constant)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        kept = None
    if isinstance(kept, dict) and kept.keys() == {"key", "table"} and kept["key"] == key:
        if shape.fits(kept["table"]):
            return kept["table"]
    drop(path)
    return None


def write(path: Path, key: str, table: Any) -> None:
    """Keep `table` at `path` under `key`, written whole or not at all; a read-only folder only
    means the table is built again next time."""
    data = json.dumps({"key": key, "table": table}, ensure_ascii=False, separators=(",", ":"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data.encode("utf-8"))
        os.replace(temporary, path)
    except OSError:
        pass


def drop(path: Path) -> None:
    """Remove a kept table, if it can be removed."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
