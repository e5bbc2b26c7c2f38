"""The `ocop` command through Click's CliRunner: exit codes and exact messages."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import AS_OF, FIXTURES, REPO, overlay

DATE = ["--as-of", AS_OF.isoformat()]


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_validate_sample_data() -> None:
    result = run("validate", "--root", str(REPO), *DATE)
    assert result.exit_code == 0
    assert result.output == "Dữ liệu hợp lệ trong 17 tệp đã kiểm tra.\n"


def test_validate_reports_every_problem_and_fails(tmp_path: Path) -> None:
    root = overlay(
        tmp_path,
        FIXTURES / "base",
        FIXTURES / "invalid" / "unknown-field",
        FIXTURES / "invalid" / "unknown-producer",
    )
    result = run("validate", "--root", str(root), *DATE)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "data/inspections/2025-06-01-mau.yaml:8:15: Không có chủ thể mã 'htx-maau'; "
        "có phải ý bạn là 'htx-mau'? [unknown-producer]",
        "    Cách sửa: Dùng đúng mã `id:` trong tệp data/producers/<tỉnh>/<mã>.yaml.",
        "data/producers/cao-bang/htx-mau.yaml:12:1: "
        "Trường 'descripton' không có trong mẫu dữ liệu; "
        "có phải ý bạn là 'description'? [unknown-field]",
        "    Cách sửa: Các trường được phép ở đây: id, aliases, name, kind, address, contacts, "
        "description, photos, sources, illustrative, derived, products.",
        "2 lỗi trong 4 tệp đã kiểm tra.",
    ]
    assert "Traceback" not in result.output


def test_validate_in_english_as_json(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base", FIXTURES / "invalid" / "bad-date")
    result = run("validate", "--root", str(root), *DATE, "--lang", "en", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["ok"] is False
    [problem] = report["problems"]
    assert (problem["file"], problem["line"], problem["column"], problem["code"]) == (
        "data/producers/cao-bang/htx-mau.yaml",
        23,
        17,
        "bad-date",
    )
    assert problem["message"] == "Date '2025-02-30' is impossible or malformed"


def test_bad_as_of_date_is_a_usage_error() -> None:
    result = run("validate", "--root", str(REPO), "--as-of", "24/11/2026")
    assert result.exit_code == 2
    assert "không phải ngày dạng NĂM-THÁNG-NGÀY" in result.output


def test_generate_writes_pages_only_for_valid_data(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    assert run("generate", "--root", str(root), *DATE).exit_code == 0
    assert (root / "content" / "danh-muc" / "chu-the" / "htx-mau" / "index.md").is_file()
    overlay(root, FIXTURES / "invalid" / "stars-range")
    result = run("generate", "--root", str(root), *DATE)
    assert result.exit_code == 1 and "[stars-range]" in result.output
    page = (root / "content" / "danh-muc" / "chu-the" / "htx-mau" / "index.md").read_text()
    assert "4 sao" in page  # the last good pages are kept
