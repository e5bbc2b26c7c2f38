"""Property-based tests: random and mutated YAML always ends in a model or in problems."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.drawings.assets import _drawings
from generator.load import schema
from generator.load.yaml_reader import load_document
from generator.model.loading import load_catalogue
from generator.render.events import catalogue_events
from generator.render.export import open_data_files
from generator.render.feed import atom_feed
from generator.render.redirects import redirect_pages
from generator.render.search import search_files
from generator.settings import Settings
from tests.conftest import FIXTURES
from tests.test_render import site_pages

PRODUCER = "data/producers/cao-bang/htx-mau.yaml"
ROUND = "data/inspections/2025-06-01-mau.yaml"
BASE = {rel: (FIXTURES / "base" / rel).read_text(encoding="utf-8") for rel in (PRODUCER, ROUND)}
TOKENS = [
    "[",
    "]",
    "{",
    "}",
    ":",
    ": ",
    "- ",
    "  ",
    "\t",
    "&a ",
    "*a",
    "!!python/none",
    "~",
    "null",
    "0",
    "-1",
    "1e9",
    "'",
    '"',
    "#",
    "2024-02-30",
    "<<: *a",
    "\n",
    "\ufeff",
    "é",
]
FAST = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=25,
)


def check(files: dict[str, str | bytes]) -> None:
    """Validate a catalogue made of the base fixture with `files` replaced: it must not raise."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(FIXTURES / "base", root, dirs_exist_ok=True)
        for rel, content in files.items():
            path = root / rel
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        loaded = load_catalogue(Settings(root=root, as_of=dt.date(2026, 11, 24)))
        assert loaded.report.ok == (loaded.catalogue is not None)
        for problem in loaded.report:
            assert problem.message() and problem.file


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_load_or_give_problems(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.yaml"
        path.write_bytes(data)
        doc, problems = load_document(path, Path(tmp))
        assert doc is not None or problems  # unusable input always says why


@FAST
@given(json_values)
def test_any_structure_in_a_producer_file(value: object) -> None:
    check({PRODUCER: yaml.safe_dump(value, allow_unicode=True)})


@FAST
@given(st.sampled_from(sorted(BASE)), st.data())
def test_mutated_files(rel: str, data: st.DataObject) -> None:
    lines = BASE[rel].splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "insert"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[data.draw(st.integers(0, len(lines) - 1))])
        else:
            line = lines[index]
            at = data.draw(st.integers(0, len(line)))
            lines[index] = line[:at] + data.draw(st.sampled_from(TOKENS)) + line[at:]
    check({rel: "".join(lines)})


@FAST
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "id",
                "name",
                "kind",
                "address",
                "products",
                "contacts",
                "photos",
                "illustrative",
                "sources",
            ]
        ),
        json_values,
        max_size=9,
    )
)
def test_producer_fields_with_random_values(fields: dict) -> None:
    document = yaml.safe_load(BASE[PRODUCER])
    document.update(fields)
    check({PRODUCER: yaml.safe_dump(document, allow_unicode=True)})


def _nodes(value: object, path: tuple = ()) -> list[tuple]:
    """Every path inside a loaded document."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _nodes(item, (*path, index))
    return found


LOADED = {
    rel: load_document(FIXTURES / "base" / rel, FIXTURES / "base")[0].data  # type: ignore[union-attr]
    for rel in (PRODUCER, ROUND)
}
EDGE_VALUES = st.sampled_from(
    ["", " ", "2024-02-30", "2024-2-3", "x@y", "http://a", "https://a.vn", 0, -1, 6, 1.0, 2.5, True]
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(LOADED)), st.data())
def test_compiled_schema_agrees_with_the_full_checker(rel: str, data: st.DataObject) -> None:
    """The compiled check says "valid" exactly when the full checker finds no error (a document
    it accepts is never checked again, so it must never accept one with an error)."""
    document = copy.deepcopy(LOADED[rel])
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_nodes(document)[1:]))
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        action = data.draw(st.sampled_from(["replace", "delete", "unknown key"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "unknown key" and isinstance(parent, dict):
            parent["khong-co"] = 1
        else:
            parent[path[-1]] = data.draw(EDGE_VALUES | json_values)
    name = "producer" if rel == PRODUCER else "inspection"
    full = not any(True for _ in schema.validator(name).iter_errors(document))
    assert schema.is_valid(document, name) == full


# -- what validation accepts, generation takes ------------------------------------------------
SITE = "https://ocop.example.vn/"
# Values written into a producer file as they stand, good ones (numbers in the notations read
# as a person reads them, odd but valid text) and bad ones (YAML 1.1's other notations, IDs with
# a final newline, control characters, unclosed direction controls); one field at most is bad.
FIELDS = {
    "stars": (["4", "04", "+4", "4.0"], ["4.5", "0x4", "1:10", '"4"', "6", ".inf", "~"]),
    "score": (["75", "075", "75.0", "75.5", "89"], ["0x4B", "1:15", "7_5", "1e2", ".nan", "101"]),
    "id": (["tra-mau", '"tra-mau"'], ['"tra-mau\\n"', '"Tra-mau"', '"tra--mau"']),
    "latitude": (["22.6", "22", "022.60", "-0.5"], ["0x16", "1e1", "1:10", "91"]),
}
TEXTS = ["name", "as_given", "phone", "description", "product", "about", "number", "issuer"]
GOOD_TEXT = st.text(
    st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Zs"]), max_size=12
) | st.sampled_from(["שלום", "\u202eabc\u202c", "\u2067x\u2069", "e\u0301", "]]>", "<b>&amp;"])
BAD_PARAGRAPHS = ["\u202eabc", "\x00", "\ufffe", "\x1b[2J", "\u2067x"]
BAD_LINE = st.sampled_from([*BAD_PARAGRAPHS, "a\tb", "a\nb", "a\u2028b"])
MULTILINE = {"description", "about"}  # tab and line breaks allowed


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _producer_file(data: st.DataObject) -> tuple[str | None, str]:
    """The field given a bad value (None: all good), and the producer file."""
    bad = data.draw(st.none() | st.none() | st.sampled_from([*FIELDS, *TEXTS]))

    def value(field: str) -> str:
        good, wrong = FIELDS[field]
        return data.draw(st.sampled_from(wrong if field == bad else good))

    def text(field: str) -> str:
        if field != bad:
            return _quoted("Tên " + data.draw(GOOD_TEXT))
        wrong = st.sampled_from(BAD_PARAGRAPHS) if field in MULTILINE else BAD_LINE
        return _quoted("Tên " + data.draw(wrong))

    paragraphs = _quoted(f"Một\tdòng\n\nĐoạn {data.draw(GOOD_TEXT)}")
    return (
        bad,
        f"""id: htx-mau
name: {text("name")}
kind: htx
address:
  as_given: {text("as_given")}
  province: cao-bang
  commune: hoa-an
  latitude: {value("latitude")}
  longitude: 106.2
contacts:
  phones: [{text("phone")}]
description: {text("description") if bad == "description" else paragraphs}
products:
  - id: {value("id")}
    name: {text("product")}
    group: do-uong
    description: {text("about")}
    certifications:
      - stars: {value("stars")}
        score: {value("score")}
        criteria: qd-148-2023
        decision:
          number: {text("number")}
          date: 2025-01-15
          issuer: {text("issuer")}
""",
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_what_validates_generates(data: st.DataObject) -> None:
    """Whatever `ocop validate` accepts, the pages, the search index, the open data, the feed
    and every file drawn at build is made without an error, and the XML among them parses."""
    bad, text = _producer_file(data)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(FIXTURES / "base", root, dirs_exist_ok=True)
        (root / PRODUCER).write_text(text, encoding="utf-8")
        loaded = load_catalogue(Settings(root=root, as_of=dt.date(2026, 11, 24)))
    for problem in loaded.report:
        assert problem.file and problem.line and problem.message() and problem.message("en")
    catalogue = loaded.catalogue
    event("valid" if catalogue else "refused")
    assert (catalogue is None) == (bad is not None), (bad, loaded.report.format_text())
    if catalogue is None:
        return
    [producer] = catalogue.producers
    for product in producer.products:
        assert type(product.current.stars) is int
    assert site_pages(catalogue, site_url=SITE)
    search_files(catalogue)
    open_data_files(catalogue, SITE)
    redirect_pages(catalogue, SITE)
    ET.fromstring(atom_feed(catalogue_events(catalogue), SITE, "OCOP"))
    for drawing in _drawings(producer, SITE, "ocop.example.vn"):
        made = drawing.draw(drawing.value)  # every file drawn at build: QR codes, badges, cards
        if drawing.target.endswith(".svg"):
            ET.fromstring(made)
