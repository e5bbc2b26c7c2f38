"""The catalogue's own search index: Vietnamese folded so that "ruou chuoi" finds "rượu chuối".

The same folding runs in the browser (theme_overrides/assets/javascripts/ocop.js): lower case,
"đ" -> "d", tone and vowel marks removed, anything else that is not a letter or digit a space.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from generator.model import Catalogue, InspectionRound, Producer, Product
from generator.render import vndate
from generator.urls import inside_generated, producer_path, product_path, round_path

INDEX_FILE = "search-index.json"
_MARKS = re.compile("[\u0300-\u036f]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Text as searchable ASCII words: "Rượu chuối Đồng Văn" -> "ruou chuoi dong van"."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return _NON_WORD.sub(" ", _MARKS.sub("", text)).strip()


def words(*texts: str | None) -> str:
    """The distinct folded words of some texts, in first-seen order."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in fold(text or "").split():
            seen.setdefault(word, None)
    return " ".join(seen)


def _product(producer: Producer, product: Product) -> list[Any]:
    place = producer.commune_name or ""
    return [
        "p",
        product.name,
        f"{producer.name} · {product.group_name} · {producer.province.name}",
        inside_generated(product_path(producer.id, product.id)),
        product.stars,
        words(product.name),
        words(
            producer.name, product.group_name, producer.province.name, place, product.description
        ),
    ]


def _producer(producer: Producer) -> list[Any]:
    return [
        "c",
        producer.name,
        f"{producer.kind_label} · {producer.province.name}",
        inside_generated(producer_path(producer.id)),
        producer.best_stars,
        words(producer.name),
        words(
            producer.kind_label,
            producer.address,
            producer.commune_name,
            producer.province.name,
            producer.description,
            *(product.name for product in producer.products),
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


def search_index(catalogue: Catalogue) -> str:
    """The index as compact JSON: one array per product, producer and inspection round."""
    items = [_product(producer, product) for producer, product in catalogue.products()]
    items += [_producer(producer) for producer in catalogue.producers]
    items += [_round(round_) for round_ in catalogue.rounds]
    index = {
        "fields": ["kind", "title", "subtitle", "url", "stars", "title_words", "text_words"],
        "items": items,
    }
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"
