"""The results cache: filled by several processes at once, and started again when damaged."""

from __future__ import annotations

import functools
from pathlib import Path

from generator.cache import ResultCache
from generator.parallel import run_all


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
