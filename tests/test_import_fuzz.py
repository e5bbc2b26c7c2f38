"""No file gives `ocop import` a traceback: random bytes, random layouts of cells (headings,
titles, merged cells, stars, dates, decisions, formulas) as .xlsx or as CSV in random encodings
and separators. Each run ends with exit code 0 or 1 and its problems in words."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from generator.cli import cli
from tests.conftest import AS_OF, FIXTURES, overlay

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ROOT = overlay(Path(tempfile.mkdtemp(prefix="ocop-import-fuzz-")) / "p", FIXTURES / "base")
WORDS = [
    "STT",
    "Tên sản phẩm",
    "Chủ thể",
    "Địa chỉ",
    "Hạng sao",
    "Số quyết định",
    "Ngày quyết định",
    "Quyết định công nhận",
    "Số",
    "Ngày",
    "Phân nhóm",
    "Tỉnh",
    "Xã",
    "Loại hình",
    "Điểm",
    "Tổng cộng: 40 sản phẩm",
    "I. HUYỆN TIỂU CẦN",
    "Ghi chú",
    "(1)",
    "★★★",
    "3 sao",
    "Ba sao",
    "Quyết định số 1693/QĐ-UBND ngày 22/8/2022",
    "22/8/2022",
    "2022-08-22",
    "31/02/2022",
    "HTX Chè",
    "Công ty TNHH Trà Vinh FARM",
    "Trà Vinh",
    "huyện Tiểu Cần",
    "phường Cống Vị",
    "=1+1",
    "@SUM(A1)",
    "-",
    "",
    " ",
    "\t",
    "\r\n",
    "\x00",
    "\ufeff",
    "\u0301",
    "𝔘",
    "a" * 300,
    "Kèm theo Quyết định số 12/QĐ-UBND ngày 1/1/2024 của UBND tỉnh Cao Bằng",
    "44795",
]
CELL = st.one_of(
    st.sampled_from(WORDS),
    st.text(max_size=30),
    st.integers(-10, 100000),
    st.floats(allow_nan=True, allow_infinity=False),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    st.none(),
)
GRID = st.lists(st.lists(CELL, max_size=9), max_size=14)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258", "latin-1"]


def run(path: Path, *args: str) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "import",
            str(path),
            "--root",
            str(ROOT),
            "--as-of",
            AS_OF.isoformat(),
            "--dry-run",
            *args,
        ],
    )
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"ds{suffix}"
        path.write_bytes(data)
        run(path)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_after_a_zip_signature(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ds.xlsx"
        path.write_bytes(b"PK\x03\x04" + data)
        run(path)


@FUZZ
@given(GRID, st.sampled_from(ENCODINGS), st.sampled_from([",", ";", "\t"]), st.booleans())
def test_random_layouts_as_csv(
    grid: list[list[Any]], encoding: str, sep: str, rejects: bool
) -> None:
    text = "\r\n".join(sep.join("" if c is None else str(c) for c in row) for row in grid)
    data = text.encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ds.csv"
        path.write_bytes(data)
        run(path, *(["--rejects", str(Path(folder) / "r.csv")] if rejects else []))


@FUZZ
@given(
    GRID,
    st.lists(
        st.tuples(st.integers(1, 14), st.integers(1, 9), st.integers(0, 3), st.integers(0, 3)),
        max_size=4,
    ),
)
def test_random_layouts_as_workbooks(grid: list[list[Any]], merges: list[tuple]) -> None:
    book = Workbook()
    sheet = book.active
    for row in grid:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    for row, column, down, right in merges:
        try:
            sheet.merge_cells(
                start_row=row, start_column=column, end_row=row + down, end_column=column + right
            )
        except ValueError:
            continue
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ds.xlsx"
        try:
            book.save(path)
        except (ValueError, TypeError):  # a cell openpyxl itself refuses to write
            return
        run(path, "--rejects", str(Path(folder) / "r.csv"))


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_VALUES = st.recursive(
    st.one_of(
        _TEXT,
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.none(),
        st.dates(),
    ),
    lambda inner: st.one_of(  # lists hold values or records, as the data files' lists do
        st.lists(inner.filter(lambda v: not isinstance(v, list)), max_size=3),
        st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), inner, max_size=3),
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), _VALUES, min_size=1))
def test_a_new_file_is_checked_as_loading_it_reads(data: dict[str, Any]) -> None:
    """The final check of an import takes a new file as the values it was written from: they
    are exactly what loading the file gives, with the same texts found unprintable."""
    from generator.load.yaml_reader import document_of, load_document
    from generator.staff.import_files import loaded_form, yaml_lines

    raw = ("\n".join(yaml_lines(data)) + "\n").encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_bytes(raw)
        loaded, problems = load_document(path, Path(folder))
        assert loaded is not None, problems
        known = document_of(path, Path(folder), loaded_form(data))
        assert repr(known.data) == repr(loaded.data)  # repr: nan equals nan, 1 is not True
        assert known.unprintable == loaded.unprintable
