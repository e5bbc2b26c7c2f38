"""`ocop import`: .xlsx and .csv lists, a column mapping, a dry run, an error per bad cell, and
re-imports that update without ever adding a duplicate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from openpyxl import Workbook

from generator.cli import cli
from generator.pipeline import load_catalogue
from generator.settings import Settings
from tests.conftest import AS_OF, FIXTURES, overlay

HEADING = [
    "STT",
    "Tên sản phẩm",
    "Chủ thể",
    "Địa chỉ",
    "Phân nhóm",
    "Số sao",
    "Số quyết định",
    "Ngày quyết định",
]
ROWS = [
    [
        1,
        "Trà Mẫu",
        "Hợp tác xã Mẫu",
        "xã Hòa An",
        "Đồ uống",
        4,
        "100/QĐ-UBND",
        dt.datetime(2025, 1, 15),
    ],
    [
        2,
        "Miến dong Nguyên Bình",
        "HTX Miến dong Nguyên Bình",
        "huyện Nguyên Bình",
        "Thực phẩm",
        3,
        "200/QĐ-UBND",
        "10/02/2025",
    ],
    [3, "Trà Mẫu", "Hợp tác xã Mẫu", "xã Hòa An", "Đồ uống", "4 sao", "300/QĐ-UBND", "2025-12-01"],
]


def workbook(path: Path, rows: list[list], heading: list[str] = HEADING) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(heading)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def run(root: Path, *args: str):
    return CliRunner().invoke(
        cli,
        [
            "import",
            *args,
            "--root",
            str(root),
            "--as-of",
            AS_OF.isoformat(),
            "--province",
            "cao-bang",
        ],
    )


def test_import_dry_run_then_write_then_reimport(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    sheet = workbook(tmp_path / "ds.xlsx", ROWS)
    before = sorted((root / "data").rglob("*.yaml"))
    dry = run(root, str(sheet), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert (
        "+ chủ thể mới HTX Miến dong Nguyên Bình (htx-mien-dong-nguyen-binh), dòng 3" in dry.output
    )
    assert "Chạy thử: 2 tệp sẽ được ghi; chưa ghi gì." in dry.output
    assert sorted((root / "data").rglob("*.yaml")) == before
    done = run(root, str(sheet))
    assert done.exit_code == 0, done.output
    catalogue = load_catalogue(Settings(root=root, as_of=AS_OF)).catalogue
    assert catalogue is not None
    tea = catalogue.producer("htx-mau").products[0]
    assert [c.decision_number for c in tea.certifications] == ["100/QĐ-UBND", "300/QĐ-UBND"]
    assert catalogue.producer("htx-mien-dong-nguyen-binh").products[0].group == "thuc-pham"
    text = (root / "data/producers/cao-bang/htx-mau.yaml").read_text(encoding="utf-8")
    again = run(root, str(sheet))
    assert again.exit_code == 0 and "+ " not in again.output  # nothing new: no duplicate
    assert (root / "data/producers/cao-bang/htx-mau.yaml").read_text(encoding="utf-8") == text


def test_every_bad_cell_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    csv_file = tmp_path / "ds.csv"
    csv_file.write_text(
        ",".join(HEADING) + "\n"
        "1,Mật ong bạc hà,HKD Mật ong Đồng Văn,xã Đồng Văn,Thực phẩm,năm,201/QĐ,32/13/2025\n"
        "2,,HTX A,xã B,Rau,3,1/QĐ,2025-01-01\n",
        encoding="utf-8-sig",
    )
    result = run(root, str(csv_file))
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("ds.csv")] == [
        "ds.csv:2: Dòng 2, cột F (Số sao): số sao 'năm' phải là 3, 4 hoặc 5 [import-row]",
        "ds.csv:2: Dòng 2, cột H (Ngày quyết định): ngày '32/13/2025' không đọc được "
        "(dùng NGÀY/THÁNG/NĂM hoặc NĂM-THÁNG-NGÀY) [import-row]",
        "ds.csv:3: Dòng 3, cột B (Tên sản phẩm): thiếu tên sản phẩm [import-row]",
        "ds.csv:3: Dòng 3, cột E (Phân nhóm): nhóm 'Rau' không có trong bộ tiêu chí "
        "qd-148-2023 [import-row]",
    ]
    assert not list((root / "data/producers").rglob("hkd-*.yaml"))


def test_column_mapping(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    heading = ["Sản phẩm OCOP", "Đơn vị", "Địa chỉ", "Ngành hàng", "Hạng", "QĐ", "Ngày QĐ"]
    sheet = workbook(
        tmp_path / "khac.xlsx",
        [["Chè Mẫu", "Hợp tác xã Mẫu", "Hòa An", "do-uong", 5, "7/QĐ-TTg", "2025-05-05"]],
        heading,
    )
    mapping = tmp_path / "cot.yaml"
    mapping.write_text(
        "Sản phẩm OCOP: product\nĐơn vị: producer\nNgành hàng: group\nHạng: stars\n"
        "QĐ: decision_number\nNgày QĐ: decision_date\n",
        encoding="utf-8",
    )
    result = run(root, str(sheet), "--mapping", str(mapping))
    assert result.exit_code == 0, result.output
    assert "+ sản phẩm mới Chè Mẫu của Hợp tác xã Mẫu, dòng 2" in result.output
