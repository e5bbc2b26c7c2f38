"""`ocop import` when its files cannot be written: a folder where a file goes, a file where a
folder goes, a read-only file to replace, a folder that cannot be written, a full disk. Each
ends in a message naming the path and the fix, exit code 1, no traceback, and nothing written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import Result

from tests.office_files import annex_xlsx, capitals_xlsx, csv_file
from tests.test_diskerrors import ROOT, _mount, _umount, read_only
from tests.test_import import project, run

HEAD = ["Tên sản phẩm", "Chủ thể", "Địa chỉ", "Hạng sao", "Số quyết định", "Ngày quyết định"]
TEA = ["Trà xanh", "HTX Chè Tài Hồ Sìn", "xã Nam Tuấn, huyện Hòa An, tỉnh Cao Bằng", "4"]
TEA += ["1693/QĐ-UBND", "22/8/2025"]
HONEY = ["Mật ong", "HTX Ong Hòa An", "xã Nam Tuấn, huyện Hòa An, tỉnh Cao Bằng", "3"]
HONEY += ["1693/QĐ-UBND", "22/8/2025"]


def data_files(root: Path) -> dict[str, bytes | None]:
    """Every path under data/ with its bytes (None for a folder)."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted((root / "data").rglob("*"))
    }


def refused(result: Result, code: str, path: str) -> str:
    """The message of a write refused, checked for its path, code, fix and exit code."""
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    line = next(line for line in result.output.splitlines() if f"[{code}]" in line)
    assert line.startswith(f"{path}: "), result.output
    assert "chưa ghi tệp nào, dữ liệu vẫn như trước khi nhập." in result.output
    assert "Đã ghi" not in result.output
    return line


def test_a_folder_where_a_file_is_written(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "data/producers/cao-bang/htx-che-tai-ho-sin.yaml").mkdir()
    before = data_files(root)
    result = run(root, str(annex_xlsx(tmp_path / "phu-luc.xlsx")))
    path = "data/producers/cao-bang/htx-che-tai-ho-sin.yaml"
    line = refused(result, "not-a-file", path)
    assert "ở đó đã có một thư mục cùng tên" in line
    assert f"Đổi tên hoặc chuyển thư mục '{path}' ra chỗ khác rồi chạy lại" in result.output
    assert data_files(root) == before


def test_a_file_where_a_folder_is_made(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "data/producers/vinh-long").write_text("", encoding="utf-8")
    before = data_files(root)
    result = run(root, str(capitals_xlsx(tmp_path / "phu-luc.xlsx")))
    refused(result, "not-a-folder", "data/producers/vinh-long")
    assert "Đổi tên hoặc chuyển tệp 'data/producers/vinh-long' ra chỗ khác" in result.output
    assert data_files(root) == before


def test_a_read_only_file_to_replace(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert run(root, str(csv_file(tmp_path / "a.csv", HEAD, TEA))).exit_code == 0
    tea = root / "data/producers/cao-bang/htx-che-tai-ho-sin.yaml"
    tea.chmod(0o444)
    before = data_files(root)
    # the group completes the tea's file and the honey is a new one: neither is written
    sheet = csv_file(tmp_path / "b.csv", HEAD, TEA, HONEY)
    result = run(root, str(sheet), "--group", "Đồ uống")
    line = refused(result, "not-writable", "data/producers/cao-bang/htx-che-tai-ho-sin.yaml")
    assert "không có quyền ghi" in line
    assert "chmod -R u+w data/producers/cao-bang" in result.output
    assert data_files(root) == before
    tea.chmod(0o644)  # once writable, the import goes on
    assert run(root, str(sheet), "--group", "Đồ uống").exit_code == 0


def test_a_folder_that_cannot_be_written(tmp_path: Path) -> None:
    root = project(tmp_path)
    folder = root / "data/producers/cao-bang"
    before = data_files(root)
    with read_only(folder):
        result = run(root, str(annex_xlsx(tmp_path / "phu-luc.xlsx")))
    refused(result, "not-writable", "data/producers/cao-bang/hkd-nong-van-luc.yaml")  # the first
    assert data_files(root) == before


@pytest.mark.skipif(not ROOT, reason="mounting a tiny tmpfs needs root")
def test_a_full_disk_takes_back_what_was_written(tmp_path: Path) -> None:
    root = project(tmp_path)
    folder = root / "data/producers/vinh-long"
    folder.mkdir()
    before = data_files(root)
    if not _mount("-t", "tmpfs", "-o", "size=4k", "tmpfs", str(folder)):  # one file fits
        pytest.skip("no permission to mount here")
    try:
        result = run(root, str(capitals_xlsx(tmp_path / "phu-luc.xlsx")))
        left = os.listdir(folder)
    finally:
        _umount(folder)
    line = refused(result, "disk-full", "data/producers/vinh-long/cty-tnhh-mtv-tra-vinh-farm.yaml")
    assert "Hết chỗ trống trên ổ đĩa" in line
    assert left == []  # the file written before the disk filled is taken back
    assert data_files(root) == before
    shutil.rmtree(folder)
