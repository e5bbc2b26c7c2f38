"""The search index and its Vietnamese folding (the browser side is in test_browser.py)."""

from __future__ import annotations

import json

import pytest

from generator.pipeline import load_catalogue
from generator.search import fold, search_index, words
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
    index = json.loads(search_index(catalogue))
    kinds = [item[0] for item in index["items"]]
    assert (kinds.count("p"), kinds.count("c"), kinds.count("r")) == (18, 13, 2)
    wine = next(item for item in index["items"] if item[1] == "Rượu chuối men lá Quan Hóa")
    assert wine[3] == "chu-the/qh-hkd-ruou-chuoi-hoi-xuan/#ruou-chuoi-men-la-quan-hoa"
    assert wine[4] == 3 and wine[5] == "ruou chuoi men la quan hoa"
    assert search_index(catalogue) == search_index(catalogue)
