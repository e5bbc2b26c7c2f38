"""The YAML loader: positions, duplicate keys, and input it must refuse without a traceback."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load.yaml_reader import MAX_DEPTH, MAX_FILE_BYTES, load_document

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
def test_values_are_read_as_a_person_reads_them(tmp_path_factory, values: list[str]) -> None:
    """YAML's reading, except that a number is one only in decimal notation (`07` is 7, `1.0`
    the whole number 1) and YAML 1.1's other notations (`0x1F`, `1_000`, `.inf`) stay text."""
    text = "".join(f"k{n}: {value}\n" for n, value in enumerate(values))
    read = yaml.safe_load(text)

    def expected(value: str, yaml_read: object) -> object:
        if re.fullmatch(r"[-+]?[0-9]+", value):
            return int(value)
        if re.fullmatch(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)", value):
            number = float(value)
            return int(number) if number.is_integer() else number
        if isinstance(yaml_read, dt.date | int | float) and not isinstance(yaml_read, bool):
            return value  # dates, and numbers in another notation, stay the text written
        return yaml_read

    wanted = {f"k{n}": expected(value, read[f"k{n}"]) for n, value in enumerate(values)}
    for _ in range(2):  # the second time the tags are remembered
        doc, problems = load(tmp_path_factory.mktemp("v"), text)
        assert problems == []
        assert doc.data == wanted
        assert [type(v) for v in doc.data.values()] == [type(v) for v in wanted.values()]


def test_dates_stay_text_and_numbers_do_not(tmp_path: Path) -> None:
    doc, _ = load(tmp_path, "date: 2024-01-23\nphone: 0207123456\nok: true\nnone:\n")
    assert doc.data == {"date": "2024-01-23", "phone": 207123456, "ok": True, "none": None}


def test_numbers_read_as_written(tmp_path: Path) -> None:
    text = "a: 070\nb: 0x46\nc: 1:10\nd: 4.0\ne: 75.5\nf: .nan\ng: !!int 0x46\nh: !!bool maybe\n"
    doc, problems = load(tmp_path, text)
    assert problems == []
    assert doc.data == {
        "a": 70,
        "b": "0x46",
        "c": "1:10",
        "d": 4,
        "e": 75.5,
        "f": ".nan",
        "g": "0x46",
        "h": "maybe",
    }
    assert type(doc.data["d"]) is int


def test_raw_control_characters_have_their_code_and_line(tmp_path: Path) -> None:
    for char in ("\x00", "\x07", "\x1b"):
        doc, problems = load(tmp_path, f"id: a\nname: Mẫu\ndescription: x{char}y\n")
        assert doc is None
        assert [(p.line, p.column, p.code, p.params) for p in problems] == [
            (3, 15, "control-character", {"char": f"U+{ord(char):04X}"})
        ]


def test_deep_nesting_is_refused_at_its_place(tmp_path: Path) -> None:
    block = "a:\n" + "".join(" " * n + "- \n" for n in range(1, 501))  # 500 levels of lists
    flow = "id: a\nb: " + "[" * 200_000 + "]" * 200_000 + "\n"  # would crash the composer
    mapping = "a: " + "{a: " * 500 + "1" + "}" * 500 + "\n"
    for text, line in ((block, 34), (flow, 2), (mapping, 1)):
        doc, problems = load(tmp_path, text)
        assert doc is None
        assert [(p.line, p.code) for p in problems] == [(line, "yaml-too-deep")]
        assert problems[0].params == {"limit": MAX_DEPTH}


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
