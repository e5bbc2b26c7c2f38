"""Rendered Markdown: golden pages of the sample data, and data that stays text.

Refresh the golden pages after an intended change with:
    OCOP_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
from pathlib import Path

import pytest

from generator.pipeline import load_catalogue
from generator.render import escape_text, producer_page, round_page, site_pages
from generator.settings import Settings
from tests.conftest import AS_OF, REPO

GOLDEN = Path(__file__).parent / "golden"
URL = Settings(root=REPO).site_url


@pytest.fixture(scope="module")
def catalogue():
    loaded = load_catalogue(Settings(root=REPO, as_of=AS_OF))
    assert loaded.catalogue is not None
    return loaded.catalogue


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("OCOP_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs: refresh if intended"


def test_golden_producer_page(catalogue) -> None:
    check_golden(
        "producer-ha-htx-che-tai-ho-sin.md",
        producer_page(catalogue, catalogue.producer("ha-htx-che-tai-ho-sin"), site_url=URL),
    )


def test_golden_round_page(catalogue) -> None:
    check_golden("round-2024-01-23-quan-hoa.md", round_page(catalogue, "2024-01-23-quan-hoa"))


def test_every_producer_and_round_has_a_page(catalogue) -> None:
    pages = site_pages(catalogue, site_url=URL)
    for producer in catalogue.producers:
        assert f"chu-the/{producer.id}.md" in pages
    for round_ in catalogue.rounds:
        assert f"kiem-tra/{round_.id}.md" in pages


def test_rendering_is_deterministic(catalogue) -> None:
    assert site_pages(catalogue, site_url=URL) == site_pages(catalogue, site_url=URL)


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "*đậm* _nghiêng_ `mã`",
        "[x](javascript:alert(1))",
        "a | b",
        "{{ 7*7 }} {% if %}",
        "---",
        "- mục",
        "1. mục",
        "&amp; &#60;",
        "# tiêu đề",
    ],
)
def test_data_never_becomes_markup(hostile: str) -> None:
    escaped = str(escape_text(hostile))
    outside_entities = re.sub(r"&#\d+;", "", escaped)
    assert not set(outside_entities) & set("<>*_`[]()|{}#&"), escaped
    assert not escaped.startswith(("-", "1.")), escaped
    assert html.unescape(escaped) == hostile


def test_map_link_from_coordinates(catalogue) -> None:
    producer = dataclasses.replace(
        catalogue.producer("ha-com-chay-huy-hoang"), latitude=22.6881, longitude=106.2154
    )
    page = producer_page(catalogue, producer, site_url=URL)
    assert (
        '<a href="https://www.openstreetmap.org/?mlat=22.68810&amp;mlon=106.21540'
        '#map=16/22.68810/106.21540" rel="nofollow">' in page
    )
    assert "openstreetmap" not in producer_page(
        catalogue, catalogue.producer("ha-com-chay-huy-hoang"), site_url=URL
    )
