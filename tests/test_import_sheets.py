"""The workbook reader: openpyxl's read-only mode with the merged ranges read from the sheet's
XML gives the grid the full mode gives (merged cells filled), cached formula values, a sheet
whose stated size is wrong, and a clear problem for a damaged merged range."""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from generator.cli import cli
from generator.staff.sheets import read_grid
from tests.conftest import AS_OF, FIXTURES, overlay
from tests.office_files import district_xlsx

CELL = st.one_of(st.none(), st.integers(-5, 99), st.sampled_from(["HTX Tân Hội", "3 sao", ""]))


def full_mode_grid(data: bytes) -> list[list[object]]:
    """The grid as openpyxl's full mode reads it, merged cells filled, none for a sheet without
    a value: the reference."""
    sheet = load_workbook(io.BytesIO(data), data_only=True).worksheets[0]
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        top = cells[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                cells[r][c] = top
    return cells if any(v not in (None, "") for row in cells for v in row) else []


@st.composite
def merged_sheets(draw: st.DrawFn) -> bytes:
    width, height = draw(st.integers(1, 6)), draw(st.integers(1, 8))
    book = Workbook()
    sheet = book.active
    for _row in range(height):
        sheet.append([draw(CELL) for _ in range(width)])
    sheet.cell(height, width, "x")  # every row and column inside the sheet's size
    taken: set[tuple[int, int]] = set()
    for _ in range(draw(st.integers(0, 4))):
        r1, c1 = draw(st.integers(1, height)), draw(st.integers(1, width))
        r2, c2 = draw(st.integers(r1, height)), draw(st.integers(c1, width))
        cover = {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        if (r1, c1) != (r2, c2) and not cover & taken:
            taken |= cover
            sheet.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(merged_sheets())
def test_read_only_reading_gives_the_full_modes_grid(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ds.xlsx"
        path.write_bytes(data)
        assert read_grid(path).cells == full_mode_grid(data)


def test_the_district_list_reads_as_in_the_full_mode(tmp_path: Path) -> None:
    path = district_xlsx(tmp_path / "huyen.xlsx")  # two-row merged heading, Excel dates
    assert read_grid(path).cells == full_mode_grid(path.read_bytes())


def rewrite_sheet(path: Path, change) -> None:
    """The workbook with its first sheet's XML changed as another program would write it."""
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    name = "xl/worksheets/sheet1.xml"
    members[name] = change(members[name].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w") as out:
        for member, data in members.items():
            out.writestr(member, data)


def test_cached_formula_values_and_a_wrong_stated_size(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Tên sản phẩm", "Hạng sao"])
    book.active.append(["Chè", 0])
    book.active.merge_cells("A1:A1")  # a range of one cell: nothing to fill
    path = tmp_path / "ds.xlsx"
    book.save(path)

    def change(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1"/>', xml)
        return re.sub(r'<c r="B2"[^>]*>.*?</c>', '<c r="B2"><f>1+3</f><v>4</v></c>', xml)

    rewrite_sheet(path, change)
    assert read_grid(path).cells == [["Tên sản phẩm", "Hạng sao"], ["Chè", 4]]


def test_a_damaged_merged_range_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    path = district_xlsx(tmp_path / "huyen.xlsx")
    rewrite_sheet(path, lambda xml: re.sub(r'<mergeCell ref="[^"]*"', '<mergeCell ref="Ø1:"', xml))
    result = CliRunner().invoke(
        cli, ["import", str(path), "--root", str(root), "--as-of", AS_OF.isoformat()]
    )
    assert result.exit_code == 1
    assert "huyen.xlsx: " in result.output and "[import-unreadable]" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_range_over_the_whole_sheet_adds_a_bounded_grid(tmp_path: Path) -> None:
    path = district_xlsx(tmp_path / "huyen.xlsx")
    huge = '<mergeCell ref="B3:XFD1048576"/>'
    rewrite_sheet(path, lambda xml: re.sub(r"(<mergeCells[^>]*>)", r"\1" + huge, xml, count=1))
    cells = read_grid(path).cells
    assert len(cells) <= 300 and max(map(len, cells)) <= 300
    assert cells[-1][-1] == cells[2][1]  # the range is read, cut to the bound
