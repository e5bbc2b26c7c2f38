"""The catalogue's own search index: Vietnamese folded so that "ruou chuoi" finds "rượu chuối".

The same folding runs in the browser (theme_overrides/assets/javascripts/ocop.js): lower case,
"đ" -> "d", tone and vowel marks removed, anything else that is not a letter or digit a space.

The index is split so that a visitor downloads only what a query needs, however big the
catalogue (all paths inside INDEX_FOLDER):

- `index.json`: the number of rows, the kind of each row (one letter each), the rows per chunk
  and the list of word shards;
- `w-<xy>.json`, one shard per first two letters of a word: each word starting with them and the
  rows that have it in their title and in their other text;
- `r-<n>.json`: the rows themselves (kind, title, subtitle, address, stars) in chunks, numbered in
  the order of their folded titles, so rows that tie in score are shown in name order.

A query loads the manifest, the shard of each of its words and the chunks of the first results.
"""

from __future__ import annotations

import json
from typing import Any

from generator.model.catalogue import Catalogue, InspectionRound, Producer, Product
from generator.text import fold, vndate
from generator.urls import inside_generated, producer_path, product_path, round_path

INDEX_FOLDER = "chi-muc"  # inside the generated folder
INDEX_FILE = f"{INDEX_FOLDER}/index.json"
ROWS_PER_CHUNK = 400


def words(*texts: str | None) -> str:
    """The distinct folded words of some texts, in first-seen order."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in fold(text or "").split():
            seen.setdefault(word, None)
    return " ".join(seen)


def _former(producer: Producer) -> list[str]:
    """The old units a source named, so that "tra vinh" or "tieu can" still finds a producer
    whose place is called otherwise today."""
    return [producer.former_label, *producer.former.values()]


def _product(producer: Producer, product: Product) -> list[Any]:
    place = producer.commune_name or ""
    return [
        "p",
        product.name,
        f"{producer.name} · {product.group_label} · {producer.province.name}",
        inside_generated(product_path(producer.id, product.id)),
        product.stars,
        words(product.name),
        words(
            producer.name,
            product.group_label,
            producer.province.name,
            place,
            product.description,
            *_former(producer),
        ),
    ]


def _producer(producer: Producer) -> list[Any]:
    return [
        "c",
        producer.name,
        f"{producer.kind_text} · {producer.province.name}",
        inside_generated(producer_path(producer.id)),
        producer.best_stars,
        words(producer.name),
        words(
            producer.kind_text,
            producer.address,
            producer.commune_name,
            producer.province.name,
            producer.description,
            *(product.name for product in producer.products),
            *_former(producer),
        ),
    ]


def _round(round_: InspectionRound) -> list[Any]:
    texts = [round_.body, round_.area, round_.summary, *round_.findings]
    for rec in round_.recommendations:
        texts += [rec.to, *rec.items]
    return [
        "r",
        round_.title,
        f"Kiểm tra ngày {vndate(round_.date)} · {round_.body}",
        inside_generated(round_path(round_.id)),
        0,
        words(round_.title),
        words(*texts),
    ]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def search_files(catalogue: Catalogue) -> dict[str, str]:
    """Every file of the index, keyed by path inside the generated folder."""
    items = [_product(producer, product) for producer, product in catalogue.products()]
    items += [_producer(producer) for producer in catalogue.producers]
    items += [_round(round_) for round_ in catalogue.rounds]
    items.sort(key=lambda item: (item[5], item[1], item[3]))
    index: dict[str, tuple[list[int], list[int]]] = {}  # word -> rows by title, by the rest
    for number, item in enumerate(items):
        for slot in (0, 1):
            for word in item[5 + slot].split():  # distinct words: each row once a slot
                entry = index.get(word)
                if entry is None:
                    entry = index[word] = ([], [])
                entry[slot].append(number)
    shards: dict[str, dict[str, tuple[list[int], list[int]]]] = {}  # by the first two letters
    for word in sorted(index):
        shards.setdefault(word[:2], {})[word] = index[word]
    files = {f"{INDEX_FOLDER}/w-{key}.json": _dumps(shard) for key, shard in shards.items()}
    for start in range(0, len(items), ROWS_PER_CHUNK):
        rows = [item[:5] for item in items[start : start + ROWS_PER_CHUNK]]
        files[f"{INDEX_FOLDER}/r-{start // ROWS_PER_CHUNK}.json"] = _dumps(rows)
    files[INDEX_FILE] = _dumps(
        {
            "rows": ["kind", "title", "subtitle", "url", "stars"],
            "count": len(items),
            "kinds": "".join(item[0] for item in items),
            "chunk": ROWS_PER_CHUNK,
            "shards": sorted(shards),
        }
    )
    return files


def read_rows(files: dict[str, str]) -> list[list[Any]]:
    """All rows of an index made by `search_files`, in order (for tests and benchmarks)."""
    count = json.loads(files[INDEX_FILE])["count"]
    rows: list[list[Any]] = []
    for n in range(-(-count // ROWS_PER_CHUNK)):
        rows += json.loads(files[f"{INDEX_FOLDER}/r-{n}.json"])
    return rows
