"""Every kind of import problem, one file each, through the CLI: asserted as (file, line, code),
with the row, the column letter and its heading in the message."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.messages import MESSAGES
from tests.conftest import AS_OF, FIXTURES, overlay
from tests.office_files import csv_file

HEAD = [
    "STT",
    "Tên sản phẩm",
    "Tên chủ thể",
    "Địa chỉ",
    "Nhóm sản phẩm",
    "Hạng sao",
    "Số quyết định",
    "Ngày quyết định",
]
GOOD = [
    "1",
    "Chè xanh",
    "HTX Chè Nguyên Bình",
    "xã Hòa An, tỉnh Cao Bằng",
    "Đồ uống",
    "3",
    "12/QĐ-UBND",
    "15/3/2025",
]


def row(**changes: str) -> list[str]:
    """The good row with some cells changed, by heading index name (c0..c7)."""
    cells = list(GOOD)
    for key, value in changes.items():
        cells[int(key[1:])] = value
    return cells


# case -> (heading, rows, extra options, expected (file, line, code))
CASES: dict[str, tuple[list[str], list[list[str]], list[str], tuple[str, int | None, str]]] = {
    "import-no-header": (
        ["Danh sách", "năm 2025"],
        [["a", "b"]],
        [],
        ("ds.csv", None, "import-no-header"),
    ),
    "import-no-rows": (HEAD, [], [], ("ds.csv", None, "import-no-rows")),
    "import-missing-column": (
        [*HEAD[:6], HEAD[7]],
        [[*GOOD[:6], GOOD[7]]],
        [],
        ("ds.csv", 1, "import-missing-column"),
    ),
    "import-missing-value": (HEAD, [row(c1="")], [], ("ds.csv", 2, "import-missing-value")),
    "import-missing-province": (
        HEAD,
        [row(c3="thôn Nà Mạ")],
        [],
        ("ds.csv", 2, "import-missing-province"),
    ),
    "import-bad-stars": (HEAD, [row(c5="nhiều sao")], [], ("ds.csv", 2, "import-bad-stars")),
    "import-stars-range": (HEAD, [row(c5="2 sao")], [], ("ds.csv", 2, "import-stars-range")),
    "import-bad-date": (HEAD, [row(c7="32/13/2025")], [], ("ds.csv", 2, "import-bad-date")),
    "import-future-date": (HEAD, [row(c7="1/1/2030")], [], ("ds.csv", 2, "import-future-date")),
    "import-bad-decision": (
        [*HEAD[:6], "Quyết định công nhận"],
        [[*GOOD[:6], "đã công nhận"]],
        [],
        ("ds.csv", 2, "import-bad-decision"),
    ),
    "import-decision-no-date": (
        [*HEAD[:6], "Quyết định công nhận"],
        [[*GOOD[:6], "Quyết định số 12/QĐ-UBND"]],
        [],
        ("ds.csv", 2, "import-decision-no-date"),
    ),
    "import-unknown-province": (
        HEAD,
        [row(c3="xã Hòa An, tỉnh Xứ Sở")],
        [],
        ("ds.csv", 2, "import-unknown-province"),
    ),
    "import-unknown-group": (HEAD, [row(c4="Rau")], [], ("ds.csv", 2, "import-unknown-group")),
    "import-bad-kind": (
        [*HEAD, "Loại hình"],
        [[*GOOD, "Câu lạc bộ"]],
        [],
        ("ds.csv", 2, "import-bad-kind"),
    ),
    "import-bad-score": ([*HEAD, "Điểm"], [[*GOOD, "khá"]], [], ("ds.csv", 2, "import-bad-score")),
    "import-score-band": ([*HEAD, "Điểm"], [[*GOOD, "95"]], [], ("ds.csv", 2, "import-score-band")),
    "import-unknown-criteria": (
        [*HEAD, "Bộ tiêu chí"],
        [[*GOOD, "qd-9999"]],
        [],
        ("ds.csv", 2, "import-unknown-criteria"),
    ),
    "import-similar-producer": (
        HEAD,
        [row(c2="Hộ kinh doanh Mẫu")],
        [],
        ("ds.csv", 2, "import-similar-producer"),
    ),
    "import-bad-option": (
        HEAD,
        [GOOD],
        ["--province", "Xứ Sở"],
        ("--province", None, "import-bad-option"),
    ),
}
LINE = re.compile(r"^(?P<file>[^:\s]+)(?::(?P<line>\d+))?(?::\d+)?: .*\[(?P<code>[a-z-]+)\]$")


def problems(output: str) -> list[tuple[str, int | None, str]]:
    found = []
    for text in output.splitlines():
        match = LINE.match(text)
        if match:
            line = int(match["line"]) if match["line"] else None
            found.append((match["file"], line, match["code"]))
    return found


def run(root: Path, *args: str) -> str:
    result = CliRunner().invoke(
        cli, ["import", *args, "--root", str(root), "--as-of", AS_OF.isoformat()]
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.mark.parametrize("case", sorted(CASES))
def test_one_problem_per_file(case: str, tmp_path: Path) -> None:
    heading, rows, options, expected = CASES[case]
    root = overlay(tmp_path / "p", FIXTURES / "base")
    sheet = csv_file(tmp_path / "ds.csv", heading, *rows)
    assert problems(run(root, str(sheet), *options)) == [expected]


def test_a_message_names_row_column_heading_and_value(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    sheet = csv_file(tmp_path / "ds.csv", HEAD, row(c5="nhiều sao"), title="DANH SÁCH OCOP")
    output = run(root, str(sheet))
    assert "ds.csv:3: Dòng 3, cột F (Hạng sao): không đọc được hạng sao 'nhiều sao' " in output
    assert 'Cách sửa: Ghi hạng sao như 3, "3 sao", "3★", "★★★" hoặc "ba sao".' in output


def test_a_near_producer_is_reported_with_its_id_and_file(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    sheet = csv_file(tmp_path / "ds.csv", HEAD, row(c2="HKD Mẫu"))
    assert (
        "ds.csv:2: Dòng 2, cột C (Tên chủ thể): 'HKD Mẫu' gần giống chủ thể đã có 'Hợp tác xã "
        "Mẫu' (htx-mau, tệp data/producers/cao-bang/htx-mau.yaml) [import-similar-producer]"
    ) in run(root, str(sheet))


def test_a_bad_option_is_reported_as_the_option(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    sheet = csv_file(tmp_path / "ds.csv", HEAD, GOOD)
    output = run(root, str(sheet), "--group", "rau")
    assert "--group: Tùy chọn --group không hợp lệ: 'rau' [import-bad-option]" in output
    assert "Sửa ô này" not in output


def test_unreadable_files(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    assert problems(run(root, str(broken))) == [("hong.xlsx", None, "import-unreadable")]
    old = tmp_path / "cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert problems(run(root, str(old))) == [("cu.xls", None, "import-format")]
    pipe = tmp_path / "ong.csv"
    os.mkfifo(pipe)  # a pipe, or a device such as /dev/zero: refused unread, never waited on
    assert problems(run(root, str(pipe))) == [("ong.csv", None, "import-unreadable")]
    assert problems(run(root, "/dev/zero")) == [("zero", None, "import-unreadable")]


def test_a_bad_mapping_file(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    sheet = csv_file(tmp_path / "ds.csv", HEAD, GOOD)
    mapping = tmp_path / "cot.yaml"
    mapping.write_text("Tên sản phẩm: ten\n", encoding="utf-8")
    assert problems(run(root, str(sheet), "--mapping", str(mapping))) == [
        ("cot.yaml", None, "import-bad-mapping")
    ]


def test_no_header_says_why_and_exits_1(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    sheet = csv_file(tmp_path / "ds.csv", ["Ghi chép"], ["một dòng"])
    output = run(root, str(sheet))
    assert "ds.csv: Không tìm thấy dòng tiêu đề của bảng" in output
    assert "tệp sẽ được ghi" not in output


def test_every_import_code_is_in_the_table_or_tested_elsewhere() -> None:
    codes = {c for c in MESSAGES if c.startswith("import-")}
    elsewhere = {
        "import-unreadable",
        "import-format",
        "import-bad-mapping",
        "import-rejects-path",  # its own test, below
        # resolved through the country's units (tests/test_import_units.py)
        "import-unknown-commune",
        "import-ambiguous-commune",
    }
    assert codes - elsewhere == set(CASES)


@pytest.mark.parametrize("target", ["/dev/null/chua-nhap.csv", "/proc/chua-nhap.csv"])
def test_a_rejects_file_that_cannot_be_written_is_reported_as_the_option(
    target: str, tmp_path: Path
) -> None:
    """A `--rejects` path under a file, or in a folder no file can be made in: reported as the
    option before anything is written, never a traceback."""
    root = overlay(tmp_path / "p", FIXTURES / "base")
    before = {p: p.read_bytes() for p in (root / "data").rglob("*") if p.is_file()}
    sheet = csv_file(tmp_path / "ds.csv", HEAD, GOOD, row(c5="nhiều sao"))
    output = run(root, str(sheet), "--rejects", target)
    assert [p for p in problems(output) if p[0] == "--rejects"] == [
        ("--rejects", None, "import-rejects-path")
    ]
    assert "Cho --rejects một tệp .csv" in output
    assert {p: p.read_bytes() for p in (root / "data").rglob("*") if p.is_file()} == before
