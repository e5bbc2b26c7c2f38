"""Files drawn from the data (QR codes, badges, cards, flyers) cached by a hash of their inputs,
so an unchanged one is never drawn twice."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path


class DrawingCache:
    """A folder of drawn files, each named by the hash of what it was drawn from."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.drawn = 0  # files actually drawn in this run; the rest came from the cache

    def get(self, kind: str, inputs: str, draw: Callable[[], bytes]) -> bytes:
        """The bytes for `inputs`, drawn by `draw` only when not cached yet."""
        key = hashlib.sha256(f"{kind}\n{inputs}".encode()).hexdigest()[:24]
        path = self.folder / kind / key
        if path.is_file():
            return path.read_bytes()
        data = draw()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(key + ".tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
        self.drawn += 1
        return data
