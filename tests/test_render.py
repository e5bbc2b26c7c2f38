"""Rendered pages: golden pages of the sample data, and data that stays text.

Refresh the golden pages after an intended change as tests/golden.py says.
"""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from generator.generate.plan import page_plan
from generator.model.catalogue import Catalogue
from generator.model.loading import load_catalogue
from generator.render.escaping import escape_text, html_text
from generator.render.pages import producer_page, round_page
from generator.settings import Settings
from generator.urls import PRODUCERS, page_file
from tests.conftest import AS_OF, REPO
from tests.golden import check_golden

URL = Settings(root=REPO).site_url


def site_pages(catalogue: Catalogue, photos: dict | None = None, **options: Any) -> dict[str, str]:
    """Every generated page by its path in the generated folder, as the plan renders it
    (`options` as for `page_plan`): the pages reused and the others rendered here."""
    plan = page_plan(catalogue, photos, **options)
    pages = {**plan.reused, **plan.render(plan.missing)}
    plan.forget_stale()
    return {rel: pages[rel].decode("utf-8") for rel in plan.tasks}


@pytest.fixture(scope="module")
def catalogue():
    loaded = load_catalogue(Settings(root=REPO, as_of=AS_OF))
    assert loaded.catalogue is not None
    return loaded.catalogue


def test_golden_producer_page(catalogue) -> None:
    check_golden(
        "producer-ha-htx-che-tai-ho-sin.html",
        producer_page(catalogue, catalogue.producer("ha-htx-che-tai-ho-sin"), site_url=URL),
    )


def test_golden_round_page(catalogue) -> None:
    check_golden("round-2024-01-23-quan-hoa.html", round_page(catalogue, "2024-01-23-quan-hoa"))


def test_every_producer_and_round_has_a_page(catalogue) -> None:
    pages = site_pages(catalogue, site_url=URL)
    for producer in catalogue.producers:
        assert page_file(f"chu-the/{producer.id}") in pages
    for round_ in catalogue.rounds:
        assert page_file(f"kiem-tra/{round_.id}") in pages


def test_rendering_is_deterministic(catalogue) -> None:
    assert site_pages(catalogue, site_url=URL) == site_pages(catalogue, site_url=URL)


@given(st.text(alphabet=st.sampled_from("&<>'\"aăẫ \n;#x")) | st.text())
def test_html_text_escapes_as_markupsafe_does(text: str) -> None:
    assert html_text(text) == str(escape(text))


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


def test_pages_are_rendered_again_only_when_what_they_show_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import parallel
    from generator.cache import ResultCache
    from generator.generate.plan import Reuse
    from generator.render import pages as render
    from generator.render.events import catalogue_events, last_changes
    from generator.staff.demo import write_demo

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10**9)  # renders stay in this process
    write_demo(tmp_path, 30, 5, AS_OF)
    rendered: list[str] = []
    real = render.render_page

    def record(template: str, **context: object) -> str:
        shown = context.get("p") or context.get("province") or context.get("r")
        rendered.append(f"{template.split('.')[0]}:{getattr(shown, 'id', '')}")
        return real(template, **context)

    monkeypatch.setattr(render, "render_page", record)

    def pages(as_of=AS_OF, reuse: bool = True) -> dict[str, str | bytes]:
        loaded = load_catalogue(Settings(root=tmp_path, as_of=as_of))
        assert loaded.catalogue is not None, loaded.report.format_text()
        cache = ResultCache(tmp_path / ".cache" / "rendered.sqlite", URL)
        return site_pages(
            loaded.catalogue,
            {},
            site_url=URL,
            lastmods=last_changes(loaded.catalogue, catalogue_events(loaded.catalogue)),
            reuse=Reuse(cache, loaded.sources) if reuse else None,
        )

    def kept_pages() -> set[str]:  # pages of one producer, province or round
        return {r for r in rendered if r.split(":")[0] in {"producer", "province", "round"}}

    first = pages()
    assert len(kept_pages()) > 30
    rendered.clear()
    assert pages() == first
    assert kept_pages() == set()  # nothing changed: every page came from the cache

    # One producer renamed: its page, its province's list and the rounds that visited it.
    catalogue = load_catalogue(Settings(root=tmp_path, as_of=AS_OF)).catalogue
    assert catalogue is not None
    visited = next(p for p in catalogue.producers if p.inspections)
    path = tmp_path / visited.source_file
    path.write_text(path.read_text("utf-8").replace(visited.name, "Tên Mới", 1), "utf-8")
    rendered.clear()
    changed = pages()
    expected = {f"producer:{visited.id}", f"province:{visited.province.id}"}
    expected |= {f"round:{e.round.id}" for e in visited.inspections}
    assert kept_pages() == expected
    assert changed == pages(reuse=False)
    assert "Tên Mới" in str(changed[page_file(f"{PRODUCERS}/{visited.id}")])

    # One inspection file edited: the round and every producer it visited.
    round_ = visited.inspections[0].round
    path = tmp_path / round_.source_file
    path.write_text(path.read_text("utf-8").replace(round_.body, "Đoàn kiểm tra mới", 1), "utf-8")
    rendered.clear()
    changed = pages()
    producers = {e.producer_id for e in round_.entries}
    assert {r for r in kept_pages() if r.startswith(("producer:", "round:"))} == {
        f"round:{round_.id}",
        *(f"producer:{pid}" for pid in producers),
    }
    assert changed == pages(reuse=False)

    # Another build date: every certificate's status may differ, so every page is rendered.
    rendered.clear()
    later = pages(as_of=AS_OF.replace(year=AS_OF.year + 3))
    assert {r for r in kept_pages() if r.startswith("producer:")} == {
        f"producer:{p.id}" for p in catalogue.producers
    }
    assert later == pages(as_of=AS_OF.replace(year=AS_OF.year + 3), reuse=False)


# The sources of the two Jinja2 (3.1.6) methods `render._Outputs` builds on: a private API, so a
# Jinja2 that changes either must be read again before its version is pinned.
JINJA2_OUTPUT_METHODS = {
    "_output_child_pre": "950d7b8230fc9ca2716958a15cb09acbca9abc0ea2946b3b7c02bfd228381085",
    "_output_child_post": "d943023c1d348a9ec1a88060b245b317f342f6fb95ce9faf42c13e634f2051db",
}


def test_outputs_override_pinned_to_jinja2() -> None:
    """`_Outputs` overrides a private method of Jinja2's code generator (no public hook lets
    finalize replace autoescape's escape()); this fails when Jinja2 changes what it builds on."""
    import hashlib
    import inspect

    from jinja2.compiler import CodeGenerator

    found = {
        name: hashlib.sha256(inspect.getsource(getattr(CodeGenerator, name)).encode()).hexdigest()
        for name in JINJA2_OUTPUT_METHODS
    }
    assert found == JINJA2_OUTPUT_METHODS


@pytest.mark.parametrize("html_body", [True, False])
def test_outputs_render_as_autoescape_would(html_body: bool) -> None:
    """Output compiled by `_Outputs` calls finalize alone, and gives what Jinja2's own
    escape() around finalize gives."""
    from jinja2 import Environment
    from markupsafe import Markup

    from generator.render.pages import environment

    ours = environment(html_body)
    # finalize gives safe text: Jinja2's escape() would only have marked it as such
    stock = Environment(autoescape=True, finalize=lambda value: Markup(ours.finalize(value)))
    source = (
        "{{ value }}|{% macro m(x) %}<b>{{ x }}</b>{% endmacro %}{{ m(value) }}|{{ value ~ '<' }}"
    )
    compiled = ours.compile(source, raw=True)
    assert (
        "str(" in compiled
        and "escape(" not in compiled.split("def root", 1)[1].split("def macro")[0]
    )
    for value in ["<script>x</script>", "*a* & [b](c)", 'a"b', 3, None, "Mật ong"]:
        assert ours.from_string(source).render(value=value) == stock.from_string(source).render(
            value=value
        )
