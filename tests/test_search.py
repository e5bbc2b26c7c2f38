"""The search index and its Vietnamese folding (the browser side is in test_browser.py)."""

from __future__ import annotations

import json

import pytest

from generator.model.loading import load_catalogue
from generator.render.search import INDEX_FILE, INDEX_FOLDER, fold, read_rows, search_files, words
from generator.settings import Settings
from tests.conftest import AS_OF, REPO


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Rượu chuối men lá", "ruou chuoi men la"),
        ("MẬT ONG rừng", "mat ong rung"),
        ("Đặc sản Đồng Văn", "dac san dong van"),
        ("Cơm cháy, bún khô!", "com chay bun kho"),
        ("Trà xanh Tài Hồ Sìn", "tra xanh tai ho sin"),
        ("1520/QĐ-UBND", "1520 qd ubnd"),
        ("Thừa Thiên–Huế", "thua thien hue"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_decomposed_input() -> None:
    import unicodedata

    assert fold(unicodedata.normalize("NFD", "Rượu chuối")) == "ruou chuoi"


def test_words_are_distinct_and_ordered() -> None:
    assert words("Mật ong", None, "ong mật rừng") == "mat ong rung"


def test_index_lists_products_producers_and_rounds() -> None:
    catalogue = load_catalogue(Settings(root=REPO, as_of=AS_OF)).catalogue
    files = search_files(catalogue)
    rows = read_rows(files)
    manifest = json.loads(files[INDEX_FILE])
    kinds = [row[0] for row in rows]
    assert "".join(kinds) == manifest["kinds"]
    assert (kinds.count("p"), kinds.count("c"), kinds.count("r")) == (18, 13, 2)
    number, wine = next((n, r) for n, r in enumerate(rows) if r[1] == "Rượu chuối men lá Quan Hóa")
    assert wine[3] == "chu-the/qh-hkd-ruou-chuoi-hoi-xuan/#ruou-chuoi-men-la-quan-hoa"
    assert wine[4] == 3
    shard = json.loads(files[f"{INDEX_FOLDER}/w-ru.json"])
    assert number in shard["ruou"][0]  # "rượu" is in its title
    assert search_files(catalogue) == search_files(catalogue)


def test_index_is_split_so_a_query_loads_little() -> None:
    catalogue = load_catalogue(Settings(root=REPO, as_of=AS_OF)).catalogue
    files = search_files(catalogue)
    manifest = json.loads(files[INDEX_FILE])
    for key in manifest["shards"]:  # every word of a shard starts with its key
        assert all(
            word.startswith(key) for word in json.loads(files[f"{INDEX_FOLDER}/w-{key}.json"])
        )
    titles = [fold(row[1]) for row in read_rows(files)]
    assert titles == sorted(titles)  # rows in name order: ties in score are shown by name
