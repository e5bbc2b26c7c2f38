"""Property-based tests: random and mutated YAML always ends in a model or in problems."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import schema
from generator.load import load_document
from generator.pipeline import load_catalogue
from generator.settings import Settings
from tests.conftest import FIXTURES

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
