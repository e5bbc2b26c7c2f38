"""The YAML loader: positions, duplicate keys, and input it must refuse without a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load import MAX_FILE_BYTES, load_document

# Unquoted scalars whose type YAML guesses from their text (the loader works each out once).
PLAIN = [
    "yes",
    "No",
    "~",
    "null",
    "Null",
    "1_000",
    "0x1F",
    "1e3",
    ".inf",
    "-.5",
    "+12",
    "0o17",
    "2024-01-01",
    "2024-01-01 10:00:00",
    "true",
    "FALSE",
    "off",
    "abc",
    "1.5",
    "07",
    "",
]


def load(tmp_path: Path, content: str | bytes):
    path = tmp_path / "x.yaml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return load_document(path, tmp_path)


def test_positions_of_values_and_keys(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "id: a\nproducts:\n  - id: b\n    stars: 4\n")
    assert problems == []
    assert doc.data == {"id": "a", "products": [{"id": "b", "stars": 4}]}
    assert doc.position(("products", 0, "stars")) == (4, 12)
    assert doc.position(("products", 0, "stars"), key=True) == (4, 5)
    assert doc.position(("products", 0, "missing")) == (3, 5)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PLAIN), min_size=1, max_size=12))
def test_values_are_read_as_yaml_reads_them(tmp_path_factory, values: list[str]) -> None:
    text = "".join(f"k{n}: {value}\n" for n, value in enumerate(values))
    read = yaml.safe_load(text)
    expected = {  # dates stay the text they were written as
        f"k{n}": value if isinstance(read[f"k{n}"], dt.date) else read[f"k{n}"]
        for n, value in enumerate(values)
    }
    for _ in range(2):  # the second time the tags are remembered
        doc, problems = load(tmp_path_factory.mktemp("v"), text)
        assert problems == []
        assert doc.data == expected


def test_dates_stay_text_and_numbers_do_not(tmp_path: Path) -> None:
    doc, _ = load(tmp_path, "date: 2024-01-23\nphone: 0207123456\nok: true\nnone:\n")
    assert doc.data == {"date": "2024-01-23", "phone": 0o207123456, "ok": True, "none": None}


def test_duplicate_key_keeps_first_and_reports_second(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "name: A\nkind: htx\nname: B\n")
    assert doc.data["name"] == "A"
    assert [(p.line, p.column, p.code, p.params["first_line"]) for p in problems] == [
        (3, 1, "yaml-duplicate-key", 1)
    ]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "\ufeffid: a\n".encode())
    assert problems == [] and doc.data == {"id": "a"}


def test_python_tags_are_refused(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "id: !!python/object/apply:os.system ['true']\n")
    assert [p.code for p in problems] in (["yaml-unsupported"], ["yaml-syntax"])


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join(['*' + chr(96 + i)] * 10)}]")
    doc, problems = load(tmp_path, "\n".join(lines) + "\n")
    assert doc is None and [p.code for p in problems] == ["yaml-unsupported"]


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "a: " + "x" * MAX_FILE_BYTES + "\n")
    assert doc is None and [p.code for p in problems] == ["file-too-large"]


def test_empty_file(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "# only a comment\n")
    assert doc is None and [p.code for p in problems] == ["yaml-not-mapping"]
