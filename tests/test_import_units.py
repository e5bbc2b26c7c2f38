"""`ocop import` with the country's units: lists made before 1 July 2025 name provinces,
districts and communes that no longer exist; values the list does not give stay unknown."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner, Result
from ruamel.yaml import YAML

from generator.cli import cli
from tests.conftest import AS_OF, FIXTURES, overlay
from tests.office_files import NEWS_HEADING, csv_file

TRA_VINH_TITLE = (
    "DANH SÁCH SẢN PHẨM OCOP TỈNH TRÀ VINH NĂM 2022 (Kèm theo Quyết định số 1693/QĐ-UBND ngày "
    "22/8/2022 của Chủ tịch UBND tỉnh Trà Vinh)"
)
HEAD = ["STT", "Tên sản phẩm", "Chủ thể/Cơ sở sản xuất", "Địa chỉ", "Phân nhóm", "Hạng sao"]


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["import", *args, "--root", str(root), "--as-of", AS_OF.isoformat()]
    )


def read(root: Path, rel: str) -> dict:
    return YAML(typ="safe").load((root / "data/producers" / rel).read_text(encoding="utf-8"))


def test_a_list_of_a_merged_province_keeps_what_the_source_said(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    sheet = csv_file(
        tmp_path / "tra-vinh.csv",
        HEAD,
        [
            "1",
            "Rượu Xuân Thạnh",
            "Công ty TNHH Trà Vinh FARM",
            "thị trấn Tiểu Cần, huyện Tiểu Cần",
            "Đồ uống",
            "4 sao",
        ],
        [
            "2",
            "Bánh tét lá cẩm",
            "Công ty Trách nhiệm hữu hạn Trà Vinh Farm",
            "thị trấn Tiểu Cần, huyện Tiểu Cần",
            "Thực phẩm",
            "3★",
        ],
        title=TRA_VINH_TITLE,
    )
    result = run(root, str(sheet))
    assert result.exit_code == 0, result.output
    farm = read(root, "vinh-long/cty-tnhh-tra-vinh-farm.yaml")  # one producer, spelled two ways
    assert farm["address"] == {
        "as_given": "thị trấn Tiểu Cần, huyện Tiểu Cần",
        "province": "vinh-long",
        "commune": "tieu-can",
        "former": {
            "province": "Trà Vinh",  # the title in capitals, as the units write it
            "district": "huyện Tiểu Cần",
            "commune": "thị trấn Tiểu Cần",
        },
    }
    assert farm["derived"] == ["kind", "address.province", "address.commune"]
    assert [p["name"] for p in farm["products"]] == ["Rượu Xuân Thạnh", "Bánh tét lá cẩm"]
    decision = farm["products"][0]["certifications"][0]["decision"]
    # the issuer the title names, never today's province
    assert decision["issuer"] == "UBND tỉnh Trà Vinh"
    assert farm["products"][0]["certifications"][0]["criteria"] == "qd-1048-2019"


def test_a_split_commune_is_told_with_its_candidates(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    heading = [*HEAD, "Tỉnh", "Số quyết định", "Ngày quyết định", "Cơ quan công nhận"]
    row = [
        "1",
        "Bánh cốm",
        "HTX Bánh cốm Ba Đình",
        "phường Cống Vị, quận Ba Đình",
        "Thực phẩm",
        "3",
        "Hà Nội",
        "12/QĐ-UBND",
        "1/3/2024",
        "UBND thành phố Hà Nội",
    ]
    sheet = csv_file(tmp_path / "ha-noi.csv", heading, row)
    rejects = tmp_path / "chua-nhap.csv"
    result = run(root, str(sheet), "--rejects", str(rejects))
    assert result.exit_code == 1, result.output  # no row imported: no success, the row written back
    assert (
        "ha-noi.csv:2: Dòng 2, cột D (Địa chỉ): xã 'phường Cống Vị' đã được chia cho nhiều xã "
        "mới: phường Giảng Võ (giang-vo), phường Ngọc Hà (ngoc-ha) [import-ambiguous-commune]"
    ) in result.output
    assert not (root / "data/producers/ha-noi").exists()
    # the office picks today's ward in a commune column of the rejects file and imports it
    table = list(csv.reader(rejects.open(encoding="utf-8-sig")))
    fixed = csv_file(
        tmp_path / "da-sua.csv", [*table[0][:-1], "Xã"], [*table[1][:-1], "phường Ngọc Hà"]
    )
    again = run(root, str(fixed))
    assert again.exit_code == 0, again.output
    cake = read(root, "ha-noi/htx-banh-com-ba-dinh.yaml")
    assert cake["address"]["commune"] == "ngoc-ha"


def test_an_unknown_commune_in_its_own_column(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    heading = [*HEAD, "Xã", "Số quyết định", "Ngày quyết định"]
    row = ["1", "Chè", "HTX Chè", "Cao Bằng", "Đồ uống", "3", "xã Không Có", "1/QĐ", "1/3/2024"]
    result = run(root, str(csv_file(tmp_path / "ds.csv", heading, row)), "--province", "cao-bang")
    assert result.exit_code == 1
    assert "ds.csv:2: Dòng 2, cột G (Xã): không có xã/phường 'xã Không Có' trong tỉnh" in (
        result.output
    )
    assert "[import-unknown-commune]" in result.output


def test_nothing_the_list_does_not_give_is_invented(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    heading = NEWS_HEADING
    row = [
        "1",
        "Chè shan tuyết",
        "Nguyễn Văn Bình",
        "Cao Bằng",
        "5 sao",
        "2735/QĐ-BNN-KTHT ngày 15/9/2025",
    ]
    sheet = csv_file(tmp_path / "tin.csv", heading, row)
    result = run(root, str(sheet))
    assert result.exit_code == 0, result.output
    person = read(root, "cao-bang/nguyen-van-binh.yaml")
    assert "kind" not in person and "derived" not in person
    product = person["products"][0]
    assert "group" not in product
    assert "issuer" not in product["certifications"][0]["decision"]
    # the office learns the issuer and the group and imports the same list again
    again = run(root, str(sheet), "--issuer", "Bộ Nông nghiệp và Môi trường", "--group", "Đồ uống")
    assert again.exit_code == 0, again.output
    assert "~ Chè shan tuyết: nhóm do-uong, dòng 2" in again.output
    person = read(root, "cao-bang/nguyen-van-binh.yaml")
    decision = person["products"][0]["certifications"][0]["decision"]
    assert decision["issuer"] == "Bộ Nông nghiệp và Môi trường"
    assert person["products"][0]["group"] == "do-uong"
    assert "kind" not in person


def test_validate_warns_of_producers_whose_names_fold_alike(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    twin = (root / "data/producers/cao-bang/htx-mau.yaml").read_text(encoding="utf-8")
    twin = (
        twin.replace("id: htx-mau", "id: htx-mau-2")
        .replace("name: Hợp tác xã Mẫu", "name: HTX  MẪU")
        .replace("id: tra-mau", "id: tra-mau-2")
    )
    (root / "data/producers/cao-bang/htx-mau-2.yaml").write_text(twin, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["validate", "--root", str(root), "--as-of", AS_OF.isoformat()]
    )
    assert result.exit_code == 0, result.output  # a warning, not an error
    assert result.output.splitlines()[0] == (
        "data/producers/cao-bang/htx-mau.yaml:2: Cảnh báo: chủ thể 'Hợp tác xã Mẫu' (htx-mau) và "
        "chủ thể 'HTX  MẪU' (htx-mau-2, tệp data/producers/cao-bang/htx-mau-2.yaml) cùng tỉnh có "
        "tên giống nhau khi bỏ dấu, viết tắt [similar-producers]"
    )
