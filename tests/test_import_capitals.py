"""Names an office wrote wholly in capitals are written as the catalogue writes names: units as
the administrative units spell them, producers and products with each word capitalised; text in
mixed case is kept as written. Through `ocop import` on a workbook and a CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.reference.units import load_units, spelling
from generator.staff.recase import Recaser
from generator.text import all_capitals, fold, proper_case
from tests.conftest import AS_OF
from tests.office_files import capitals_csv, capitals_xlsx
from tests.test_import import producer, project


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ĐẶC SẢN", "Đặc Sản"),
        ("HTX NÔNG NGHIỆP TÂN HỘI", "HTX Nông Nghiệp Tân Hội"),
        ("CÔNG TY CP XNK 1-5", "Công Ty CP XNK 1-5"),
        ("RƯỢU H'MÔNG", "Rượu H'Mông"),
        ("ỨNG HÒA", "Ứng Hòa"),
    ],
)
def test_proper_case(text: str, expected: str) -> None:
    assert proper_case(text) == expected
    assert fold(proper_case(text)) == fold(text)  # matching is unchanged


@pytest.mark.parametrize(
    ("text", "capitals"),
    [
        ("HTX TÂN HỘI", True),
        ("ĐỒ UỐNG 2", True),
        ("HTX Tân Hội", False),
        ("A", False),
        ("12", False),
    ],
)
def test_all_capitals(text: str, capitals: bool) -> None:
    assert all_capitals(text) is capitals


def test_units_spell_the_names_they_know() -> None:
    units = load_units()
    assert spelling(units, "HUYỆN HÒA AN") == "Hòa An"  # not "Hóa An", which folds alike
    assert spelling(units, "TỈNH ĐĂK LĂK") == "Đắk Lắk"
    assert spelling(units, "THÔN NÀ RỤA") is None
    recase = Recaser(units)
    assert recase.place("XÃ HIẾU TỬ, HUYỆN TIỂU CẦN") == "xã Hiếu Tử, huyện Tiểu Cần"
    assert recase.place("THÔN NÀ RỤA, TP. HỒ CHÍ MINH") == "thôn Nà Rụa, TP. Hồ Chí Minh"
    assert recase.issuer("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG") == "Ủy ban nhân dân tỉnh Cao Bằng"
    assert recase.name("LIÊN HIỆP HỢP TÁC XÃ ĐẶC SẢN") == "Liên hiệp hợp tác xã Đặc Sản"
    assert recase.name("Hộ kinh doanh BÚN KHÔ") == "Hộ kinh doanh BÚN KHÔ"  # mixed: as written
    assert len(recase.recased) == 4


@pytest.mark.parametrize("make", [capitals_xlsx, capitals_csv], ids=["xlsx", "csv"])
def test_names_in_capitals_are_written_in_the_catalogues_case(tmp_path: Path, make) -> None:
    root = project(tmp_path)
    sheet = make(tmp_path / ("phu-luc.xlsx" if make is capitals_xlsx else "phu-luc.csv"))
    result = CliRunner().invoke(
        cli, ["import", str(sheet), "--root", str(root), "--as-of", AS_OF.isoformat()]
    )
    assert result.exit_code == 0, result.output
    assert "Viết lại 9 tên ghi toàn chữ in hoa, xin kiểm tra lại." in result.output.splitlines()
    honey = producer(root, "vinh-long", "htx-nong-nghiep-tan-hoi")
    assert honey["name"] == "HTX Nông Nghiệp Tân Hội"
    assert honey["address"]["as_given"] == "xã Hiếu Tử, huyện Tiểu Cần"
    assert honey["address"]["former"] == {
        "province": "Trà Vinh",
        "district": "huyện Tiểu Cần",
        "commune": "xã Hiếu Tử",
    }
    product = honey["products"][0]
    assert product["name"] == "Mật Ong Đặc Sản" and product["group"] == "thuc-pham"
    decision = product["certifications"][0]["decision"]
    assert decision == {
        "number": "1693/QĐ-UBND",
        "date": dt.date(2022, 8, 22),
        "issuer": "UBND tỉnh Trà Vinh",
    }
    # the section row's district and the title's province, for a row without an address
    farm = producer(root, "vinh-long", "cty-tnhh-mtv-tra-vinh-farm")
    assert farm["name"] == "Công ty TNHH MTV Trà Vinh Farm" and farm["kind"] == "doanh-nghiep"
    assert farm["address"]["as_given"] == "huyện Cầu Ngang, Trà Vinh"
    assert farm["address"]["former"] == {"province": "Trà Vinh", "district": "huyện Cầu Ngang"}
    assert farm["products"][0]["name"] == "Chè Shan Tuyết"
    # a row in mixed case is kept exactly as the office wrote it
    cakes = producer(root, "vinh-long", "cs-banh-tet-ut-hiep")
    assert cakes["name"] == "Cơ sở Bánh tét Út Hiệp"
    assert cakes["products"][0]["name"] == "Bánh tét lá cẩm"
    assert cakes["address"]["as_given"] == "xã Hiếu Tử"
    # a second import matches the re-cased names: nothing new
    again = CliRunner().invoke(
        cli, ["import", str(sheet), "--root", str(root), "--as-of", AS_OF.isoformat()]
    )
    assert again.exit_code == 0, again.output
    assert "+ chủ thể mới" not in again.output and "+ sản phẩm mới" not in again.output
