"""`ocop new`: valid, commented files in the right place, IDs from names, never an overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.model.loading import load_catalogue
from generator.settings import Settings
from generator.staff.scaffold import ScaffoldError, slugify, write_new
from tests.conftest import AS_OF, FIXTURES, overlay

DATE = ["--as-of", AS_OF.isoformat()]
PRODUCT = [
    "--product-name",
    "Mật ong bạc hà",
    "--group",
    "thuc-pham",
    "--stars",
    "4",
    "--criteria",
    "qd-148-2023",
    "--decision-number",
    "12/QĐ-UBND",
    "--decision-date",
    "2025-03-01",
    "--issuer",
    "UBND tỉnh Cao Bằng",
]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Hợp tác xã Chè Tài Hồ Sìn", "htx-che-tai-ho-sin"),
        ("Đặc sản Đồng Văn", "dac-san-dong-van"),
        ("Hộ kinh doanh Bún khô Cô Luyến", "hkd-bun-kho-co-luyen"),
        ("Công ty TNHH Mật ong Bắc Kạn", "cty-tnhh-mat-ong-bac-kan"),
        ("Tổ hợp tác dệt thổ cẩm", "tht-det-tho-cam"),
    ],
)
def test_ids_from_vietnamese_names(name: str, slug: str) -> None:
    assert slugify(name) == slug


def valid(root: Path) -> bool:
    return load_catalogue(Settings(root=root, as_of=AS_OF)).report.ok


def test_new_producer_asks_only_what_is_required(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    answers = (
        "\n".join(
            [
                "Hợp tác xã Chè Tài Hồ Sìn",
                "htx",
                "cao-bang",
                "xã Hòa An, Cao Bằng",
                "Trà xanh Tài Hồ Sìn",
                "do-uong",
                "4",
                "",
                "1960/QĐ-UBND",
                "2025-06-16",
                "UBND tỉnh Cao Bằng",
            ]
        )
        + "\n"
    )
    result = CliRunner().invoke(cli, ["new", "producer", "--root", str(root), *DATE], input=answers)
    assert result.exit_code == 0, result.output
    path = root / "data/producers/cao-bang/htx-che-tai-ho-sin.yaml"
    assert "Đã tạo data/producers/cao-bang/htx-che-tai-ho-sin.yaml" in result.output
    text = path.read_text(encoding="utf-8")
    assert "id: htx-che-tai-ho-sin" in text and "- id: tra-xanh-tai-ho-sin" in text
    assert "# contacts:" in text  # commented optional fields show what else can be filled
    assert valid(root)


def test_new_product_and_inspection(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    runner = CliRunner()
    result = runner.invoke(
        cli, ["new", "product", "--root", str(root), *DATE, "--producer", "htx-mau", *PRODUCT]
    )
    assert result.exit_code == 0, result.output
    assert "Mã sản phẩm mới: mat-ong-bac-ha" in result.output
    result = runner.invoke(
        cli,
        [
            "new",
            "inspection",
            "--root",
            str(root),
            *DATE,
            "--date",
            "2026-03-15",
            "--body",
            "VPĐP tỉnh Cao Bằng",
            "--area",
            "xã Hòa An",
            "--province",
            "cao-bang",
            "--producers",
            "htx-mau",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (root / "data/inspections/2026-03-15-xa-hoa-an.yaml").is_file()
    catalogue = load_catalogue(Settings(root=root, as_of=AS_OF)).catalogue
    assert catalogue is not None
    assert [p.id for p in catalogue.producer("htx-mau").products] == ["tra-mau", "mat-ong-bac-ha"]


def test_same_name_twice_gets_a_new_id(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    args = [
        "new",
        "producer",
        "--root",
        str(root),
        *DATE,
        "--name",
        "Hợp tác xã Mẫu",
        "--kind",
        "htx",
        "--province",
        "cao-bang",
        "--address",
        "Cao Bằng",
        *PRODUCT,
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert (root / "data/producers/cao-bang/htx-mau-2.yaml").is_file()  # htx-mau is taken
    assert valid(root)


def test_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("giữ nguyên\n")
    with pytest.raises(ScaffoldError, match="không ghi đè"):
        write_new(path, "id: x\n")
    assert path.read_text() == "giữ nguyên\n"


def test_unknown_producer_is_a_clear_error(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    result = CliRunner().invoke(
        cli, ["new", "product", "--root", str(root), *DATE, "--producer", "htx-khong-co", *PRODUCT]
    )
    assert result.exit_code == 1
    assert "Không có chủ thể mã 'htx-khong-co'" in result.output
