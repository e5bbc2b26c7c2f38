"""`ocop import` through the CLI on lists laid out as offices publish them: title rows, one- and
two-row headings, merged cells, section and totals rows, CSV in every encoding and separator,
stars and dates in every form; rejects, re-imports and producers spelled two ways."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from ruamel.yaml import YAML

from generator.cli import cli
from tests.conftest import AS_OF, FIXTURES, REPO, overlay
from tests.office_files import (
    MERGED_ROWS,
    NEWS_HEADING,
    NEWS_ROWS,
    annex_xlsx,
    csv_file,
    district_xlsx,
    guide_example_xlsx,
    merged_export_csv,
    news_csv,
)


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["import", *args, "--root", str(root), "--as-of", AS_OF.isoformat()]
    )


def project(tmp_path: Path) -> Path:
    return overlay(tmp_path / "p", FIXTURES / "base")


def producer(root: Path, province: str, producer_id: str) -> dict:
    path = root / "data/producers" / province / f"{producer_id}.yaml"
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_annex_with_title_sections_merged_cells_and_totals(tmp_path: Path) -> None:
    root = project(tmp_path)
    result = run(root, str(annex_xlsx(tmp_path / "phu-luc.xlsx")))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == [
        "Dòng tiêu đề của bảng: 6.",
        "Cột không dùng: H (Ghi chú).",
        "Bỏ qua (không phải dữ liệu): dòng 7 (số thứ tự cột); dòng 8, 12 (tiêu đề nhóm); "
        "dòng 15 (dòng tổng); dòng 16 (ghi chú).",
    ]
    assert "4 dòng nhập được, 0 dòng chưa nhập." in lines
    tea = producer(root, "cao-bang", "htx-che-tai-ho-sin")
    # the kind from the legal form, today's commune from the old district's: both derived
    assert tea["kind"] == "htx" and tea["derived"] == ["kind", "address.commune"]
    assert tea["address"] == {
        "as_given": "xã Nam Tuấn, huyện Hòa An",
        "province": "cao-bang",
        "commune": "nam-tuan",
        "former": {"province": "Cao Bằng", "district": "huyện Hòa An", "commune": "xã Nam Tuấn"},
    }
    # the producer's merged cell covers both its products; the title's decision covers every row
    assert [p["name"] for p in tea["products"]] == ["Trà xanh Tài Hồ Sìn", "Trà túi lọc Tài Hồ Sìn"]
    first, second = (p["certifications"][0] for p in tea["products"])
    assert first["stars"] == 4 and first["score"] == 72.5 and second["stars"] == 3
    assert first["decision"] == {
        "number": "1693/QĐ-UBND",
        "date": AS_OF.replace(2025, 8, 22),
        "issuer": "UBND tỉnh Cao Bằng",
    }
    honey = producer(root, "cao-bang", "hkd-nong-van-luc")
    assert honey["kind"] == "ho-kinh-doanh" and honey["products"][0]["group"] == "thuc-pham"


def test_district_list_with_two_row_heading_and_excel_dates(tmp_path: Path) -> None:
    root = project(tmp_path)
    result = run(root, str(district_xlsx(tmp_path / "huyen.xlsx")))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Dòng tiêu đề của bảng: 3–4.\n")
    # "Cty TNHH" and "Công ty Trách nhiệm hữu hạn" are one producer
    tea = producer(root, "thanh-hoa", "cty-tnhh-che-hoi-xuan")
    dates = [p["certifications"][0]["decision"]["date"].isoformat() for p in tea["products"]]
    assert dates == ["2024-01-10", "2024-03-12"]
    wine = producer(root, "thanh-hoa", "htx-ruou-men-la-phu-le")
    assert wine["products"][0]["certifications"][0]["decision"] == {
        "number": "16/QĐ-UBND",
        "date": AS_OF.replace(2024, 1, 10),  # Excel serial number 45301
        "issuer": "UBND tỉnh Thanh Hóa",
    }
    assert not (root / "data/producers/thanh-hoa/cong-ty-tnhh-che-hoi-xuan.yaml").exists()


ENCODINGS = [
    ("utf-8", ",", False),
    ("utf-8-sig", ";", False),
    ("utf-8", "\t", True),
    ("utf-16", "\t", False),
    ("utf-16-le", ";", False),
    ("cp1258", ";", False),
    ("cp1258", ",", False),
]


@pytest.mark.parametrize(("encoding", "separator", "nfd"), ENCODINGS)
def test_news_list_csv_in_every_encoding(
    tmp_path: Path, encoding: str, separator: str, nfd: bool
) -> None:
    root = project(tmp_path)
    sheet = news_csv(tmp_path / "tin.csv", encoding, separator, nfd)
    result = run(root, str(sheet), "--issuer", "Bộ Nông nghiệp và Môi trường", "--group", "do-uong")
    assert result.exit_code == 0, result.output
    assert "3 dòng nhập được, 0 dòng chưa nhập." in result.output
    group = producer(root, "thanh-hoa", "tht-che-phu-le")
    assert group["name"] == "Tổ hợp tác Chè Phú Lệ"  # NFC, whatever the file held
    assert group["kind"] == "to-hop-tac"
    cert = group["products"][0]["certifications"][0]
    assert cert["stars"] == 5
    assert cert["decision"]["number"] == "2735/QĐ-BNN-KTHT"
    assert cert["decision"]["date"].isoformat() == "2025-09-15"
    assert producer(root, "cao-bang", "cong-ty-cp-tra-cao-bang")["products"][0]["name"] == (
        "Trà hoa vàng"
    )


def test_rows_without_a_decision_go_to_the_rejects_file(tmp_path: Path) -> None:
    root = project(tmp_path)
    rows = [*NEWS_ROWS, ["4", '=HYPERLINK("x")', "HTX Miến Nguyên Bình", "Cao Bằng", "4", ""]]
    sheet = news_csv(tmp_path / "tin.csv", rows=rows)
    rejects = tmp_path / "chua-nhap.csv"
    without = run(root, str(sheet), "--issuer", "Bộ NN&MT", "--group", "thuc-pham")
    assert without.exit_code == 1
    assert "tin.csv:7: Dòng 7, cột F (Quyết định): thiếu số quyết định [import-missing-value]" in (
        without.output
    )
    assert not (root / "data/producers/cao-bang/htx-banh-chung-bao-lac.yaml").exists()
    result = run(
        root, str(sheet), "--issuer", "Bộ NN&MT", "--group", "thuc-pham", "--rejects", str(rejects)
    )
    assert result.exit_code == 0, result.output
    assert "3 dòng nhập được, 1 dòng chưa nhập." in result.output
    assert (root / "data/producers/cao-bang/htx-banh-chung-bao-lac.yaml").exists()
    raw = rejects.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0] == ["Danh sách sản phẩm OCOP 5 sao năm 2025"]
    assert table[1] == [*NEWS_HEADING, "Lý do chưa nhập"]
    assert table[2][:5] == ["4", '\'=HYPERLINK("x")', "HTX Miến Nguyên Bình", "Cao Bằng", "4"]
    assert table[2][6] == "Dòng 7, cột F (Quyết định): thiếu số quyết định"
    # the office fills in the decision and imports the rejects file itself
    table[2][5] = "Quyết định số 99/QĐ-UBND ngày 01/10/2025"
    table[2][1] = "Miến dong"
    fixed = tmp_path / "da-sua.csv"
    with fixed.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows(table)
    again = run(root, str(fixed), "--issuer", "Bộ NN&MT", "--group", "thuc-pham")
    assert again.exit_code == 0, again.output
    assert "+ chứng nhận 4 sao cho Miến dong (quyết định 99/QĐ-UBND), dòng 3" in again.output


def test_reimport_adds_nothing_twice(tmp_path: Path) -> None:
    root = project(tmp_path)
    sheet = district_xlsx(tmp_path / "huyen.xlsx")
    assert run(root, str(sheet)).exit_code == 0
    path = root / "data/producers/thanh-hoa/cty-tnhh-che-hoi-xuan.yaml"
    text = path.read_text(encoding="utf-8")
    again = run(root, str(sheet))
    assert again.exit_code == 0, again.output
    assert (
        "+ " not in again.output and "= Chè Hồi Xuân: quyết định 15/QĐ-UBND đã có" in again.output
    )
    assert path.read_text(encoding="utf-8") == text


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    root = project(tmp_path)
    before = sorted((root / "data").rglob("*"))
    result = run(root, str(annex_xlsx(tmp_path / "a.xlsx")), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "4 dòng nhập được, 0 dòng chưa nhập. Chạy thử: 3 tệp sẽ được ghi; chưa ghi gì."
    )
    assert sorted((root / "data").rglob("*")) == before


def test_column_mapping_for_other_headings(tmp_path: Path) -> None:
    root = project(tmp_path)
    sheet = csv_file(
        tmp_path / "khac.csv",
        ["Sản phẩm chủ lực", "Người sản xuất", "Nơi ở", "Ngành", "Đạt", "Văn bản", "Ký ngày"],
        ["Chè Mẫu", "Hợp tác xã Mẫu", "xã Hòa An", "Đồ uống", "5", "7/QĐ-TTg", "5/5/2025"],
    )
    mapping = tmp_path / "cot.yaml"
    mapping.write_text(
        "Sản phẩm chủ lực: product\nNgười sản xuất: producer\nNơi ở: address\nNgành: group\n"
        "Đạt: stars\nVăn bản: decision_number\nKý ngày: decision_date\n",
        encoding="utf-8",
    )
    result = run(
        root,
        str(sheet),
        "--mapping",
        str(mapping),
        "--province",
        "Cao Bằng",
        "--issuer",
        "UBND tỉnh Cao Bằng",
    )
    assert result.exit_code == 0, result.output
    assert "+ sản phẩm mới Chè Mẫu của Hợp tác xã Mẫu, dòng 2" in result.output


def test_unknown_columns_are_named(tmp_path: Path) -> None:
    root = project(tmp_path)
    sheet = csv_file(
        tmp_path / "ds.csv",
        [
            "STT",
            "Tên sản phẩm",
            "Chủ thể",
            "Số điện thoại",
            "Hạng sao",
            "Số QĐ",
            "Ngày QĐ",
            "Năm công nhận",
        ],
        ["1", "Chè", "HTX Chè", "0912", "3", "1/QĐ", "1/2/2025", "2025"],
    )
    result = run(root, str(sheet), "--province", "cao-bang", "--dry-run")
    assert "Cột không dùng: D (Số điện thoại), H (Năm công nhận)." in result.output


def test_the_staff_guide_example_is_what_the_command_prints(tmp_path: Path) -> None:
    guide = (REPO / "content/huong-dan/nhap-bang-tinh.md").read_text(encoding="utf-8")
    block = guide.split("$ ocop import phu-luc.xlsx --dry-run\n", 1)[1].split("```", 1)[0]
    root = project(tmp_path)
    result = run(root, str(guide_example_xlsx(tmp_path / "phu-luc.xlsx")), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == block.splitlines()


def test_a_news_list_without_decisions_says_which_rows_could_be_imported(tmp_path: Path) -> None:
    root = project(tmp_path)
    rows = [row[:5] for row in NEWS_ROWS]
    sheet = csv_file(tmp_path / "tin.csv", NEWS_HEADING[:5], *rows, title="OCOP 5 sao 2025")
    rejects = tmp_path / "chua-nhap.csv"
    result = run(root, str(sheet), "--rejects", str(rejects))
    assert result.exit_code == 1  # no row taken: not a success, but every row is written back
    assert (
        "tin.csv:2: Bảng không có cột số quyết định, tiêu đề bảng cũng không nêu" in result.output
    )
    assert "0 dòng nhập được, 3 dòng chưa nhập." in result.output
    table = list(csv.reader(io.StringIO(rejects.read_text(encoding="utf-8-sig"))))
    assert [r[1] for r in table[2:]] == [r[1] for r in NEWS_ROWS]
    assert table[2][-1].startswith("Bảng không có cột số quyết định")


def test_a_failed_write_leaves_the_project_as_it_was(tmp_path: Path) -> None:
    """Every file of an import is written or none: when one cannot be (here a folder stands
    where the last file goes), the files written before it are taken back and an existing file
    keeps its old bytes."""
    from generator.staff.import_files import write_plan
    from generator.staff.importer import Plan

    root = project(tmp_path)
    existing = root / "data/producers/cao-bang/a-existing.yaml"
    existing.write_text("id: a-existing\n", encoding="utf-8")
    blocked = root / "data/producers/cao-bang/c-blocked.yaml"
    blocked.mkdir()
    plan = Plan()
    plan.files = {
        existing: {"id": "a-existing", "name": "Changed"},
        root / "data/producers/cao-bang/b-new.yaml": {"id": "b-new"},
        blocked: {"id": "c-blocked"},
    }
    with pytest.raises(OSError):
        write_plan(plan, root)
    assert existing.read_text(encoding="utf-8") == "id: a-existing\n"
    assert not (root / "data/producers/cao-bang/b-new.yaml").exists()
    assert sorted(p.name for p in existing.parent.iterdir()) == sorted(
        [
            "a-existing.yaml",
            "c-blocked.yaml",
            *(p.name for p in (FIXTURES / "base/data/producers/cao-bang").iterdir()),
        ]
    )


def test_csv_blanks_under_merged_cells_are_filled_from_the_row_above(tmp_path: Path) -> None:
    """A CSV saved from merged cells: the producer, its address, the group and the decision
    are carried down within their block and the import says where; a new producer's empty
    address, the phone and the stars are never carried."""
    root = project(tmp_path)
    result = run(root, str(merged_export_csv(tmp_path / "ds.csv", MERGED_ROWS)))
    assert result.exit_code == 0, result.output
    assert (
        "Điền từ dòng trên (ô gộp mà tệp CSV để trống), xin kiểm tra lại: "
        "cột C (Chủ thể sản xuất) dòng 6, 10; cột D (Địa chỉ) dòng 6, 10; "
        "cột E (Phân nhóm) dòng 6, 10; cột G (Quyết định công nhận / Số) dòng 6–7, 10; "
        "cột H (Quyết định công nhận / Ngày) dòng 6–7, 10."
    ) in result.output.splitlines()
    tea = producer(root, "cao-bang", "htx-che-tai-ho-sin")
    assert [p["name"] for p in tea["products"]] == ["Trà xanh Tài Hồ Sìn", "Trà túi lọc Tài Hồ Sìn"]
    second = tea["products"][1]
    assert second["group"] == "do-uong" and second["certifications"][0]["stars"] == 3
    assert second["certifications"][0]["decision"]["number"] == "1693/QĐ-UBND"
    honey = producer(root, "cao-bang", "hkd-nong-van-luc")
    assert "as_given" not in honey["address"] or "Nam Tuấn" not in honey["address"]["as_given"]
    assert honey["products"][0]["certifications"][0]["decision"]["number"] == "1693/QĐ-UBND"
    noodles = producer(root, "cao-bang", "htx-mien-dong-nguyen-binh")
    assert [p["certifications"][0]["decision"]["number"] for p in noodles["products"]] == [
        "1701/QĐ-UBND",
        "1701/QĐ-UBND",
    ]
    assert "telephone" not in yaml_text(root)


def yaml_text(root: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in (root / "data").rglob("*.yaml"))


CELL_PROBLEM = re.compile(r"^(\S+?):(\d+): Dòng \d+, cột ([A-Z]+) .*\[([a-z-]+)\]$")


@pytest.mark.parametrize(
    ("rows", "line", "column"),
    [
        # the stars are never carried down
        ([MERGED_ROWS[1], ["2", "Trà túi lọc", "", "", "", "", "", "", ""]], 5, "F"),
        # nor across a section row
        (
            [
                MERGED_ROWS[1],
                ["II. HUYỆN NGUYÊN BÌNH"],
                ["2", "Trà túi lọc", "", "", "", "3", "1693/QĐ-UBND", "22/8/2025", ""],
            ],
            6,
            "C",
        ),
        # nor a decision's date under a new decision number
        ([MERGED_ROWS[1], ["2", "Trà túi lọc", "", "", "", "3", "1694/QĐ-UBND", "", ""]], 5, "H"),
        # nor the first row of the list
        ([["1", "Trà", "", "xã Nam Tuấn", "Đồ uống", "3", "1/QĐ", "1/8/2025", ""]], 4, "C"),
    ],
)
def test_a_blank_that_is_no_merged_cell_stays_missing(
    tmp_path: Path, rows: list, line: int, column: str
) -> None:
    """Told as (file, row, column letter, code); nothing is filled in and nothing written."""
    root = project(tmp_path)
    result = run(root, str(merged_export_csv(tmp_path / "ds.csv", rows)))
    assert result.exit_code == 1
    found = [m.groups() for m in map(CELL_PROBLEM.match, result.output.splitlines()) if m]
    assert found == [("ds.csv", str(line), column, "import-missing-value")]
    assert "Chưa ghi gì" in result.output
