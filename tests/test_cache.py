"""The results cache: filled by several processes at once, and started again when damaged."""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from generator.cache import ResultCache
from generator.generate.run import generate
from generator.parallel import run_all
from generator.settings import Settings
from tests.conftest import AS_OF, copy_project


def _store(cache: ResultCache, first: int) -> int:
    cache.put_many({f"k{n}": f"kết quả {n}" for n in range(first, first + 50)})
    return first


def test_workers_store_their_results_side_by_side(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "results.sqlite", "context")
    tasks = [functools.partial(_store, cache, first) for first in range(0, 2000, 50)]
    assert run_all(tasks, workers=2, parallel=True) == list(range(0, 2000, 50))
    stored = cache.get_many(f"k{n}" for n in range(2000))
    assert stored == {f"k{n}": f"kết quả {n}" for n in range(2000)}
    cache.store({}, keep=["k7"])  # every other result forgotten
    assert cache.get_many(f"k{n}" for n in range(2000)) == {"k7": "kết quả 7"}


def test_a_damaged_cache_is_started_again(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite"
    cache = ResultCache(path, "context")
    cache.put_many({f"k{n}": "x" * 2000 for n in range(200)})
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # the header is intact, the rows are not
    path.write_bytes(bytes(data))
    assert cache.get_many(["k1"]) == {}  # unreadable: the work is done again
    cache.put_many({"k1": "mới"})
    assert cache.get_many(["k1"]) == {"k1": "mới"}


class _RunsACommand:
    """What a poisoned cache would hold: a pickle that runs a command when it is loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return os.system, (f"touch {self.marker}",)


def _files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _poison(database: Path, blob: bytes | str) -> int:
    """Every value of a results cache replaced by `blob`; how many there were."""
    with contextlib.closing(sqlite3.connect(database)) as connection, connection:
        return connection.execute("UPDATE results SET value = ?", (blob,)).rowcount


def test_a_poisoned_cache_runs_nothing_and_is_worked_out_again(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    assert pickle.loads(pickle.dumps(_RunsACommand(marker))) == 0 and marker.exists()
    marker.unlink()  # the crafted value does run a command when unpickled
    root = copy_project(tmp_path / "project")
    settings = Settings(root=root, as_of=AS_OF)
    assert generate(settings).report.ok
    first = _files(settings.generated_dir)
    crafted = pickle.dumps(_RunsACommand(marker))
    for name in ("checked.sqlite", "rendered.sqlite"):
        assert _poison(settings.cache_dir / name, crafted) > 10
    shutil.rmtree(settings.generated_dir)
    assert generate(settings).report.ok
    assert not marker.exists()
    assert _files(settings.generated_dir) == first  # every value dropped and worked out again
    # values of the wrong kind or shape are dropped as well: outcomes of checks are JSON of
    # one shape, pages are UTF-8 text
    wrong = {
        "checked.sqlite": [b'[null, "x", []]', b'{"a": 1}', b"[[1,2,3],[],[]]", b"[null,[],[1]]"],
        "rendered.sqlite": [b"\xff\xfe not text", "stored as text, not bytes"],
    }
    for name, values in wrong.items():
        for value in values:
            _poison(settings.cache_dir / name, value)
            shutil.rmtree(settings.generated_dir)
            assert generate(settings).report.ok
            assert _files(settings.generated_dir) == first, (name, value)


def test_results_are_plain_data_and_a_check_drops_the_unexpected(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "results.sqlite", "context")
    with pytest.raises(TypeError):
        cache.put_many({"k": {1, 2}})  # not plain data: refused, never pickled
    cache.put_many({"a": [1, "hai"], "b": "ba", "c": {"d": None}})
    assert cache.get_many(["a", "b", "c"], check=lambda value: isinstance(value, list)) == {
        "a": [1, "hai"]
    }
    assert cache.get_many(["c"], check=lambda value: value["x"] == 1) == {}  # KeyError: dropped
    cache.store({"e": b"not json"})
    assert cache.get_many(["e"]) == {}
