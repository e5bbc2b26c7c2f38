"""A built site measured against its host's limits: the inventory of real folders, every limit
of the table, and `ocop build` printing the figures and refusing a site that passes them."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.messages import HOST_NAMES, megabytes, number
from generator.publish.hosts import FLAG_FILE, HOSTS, MIB, Kind, excesses, inventory
from tests.conftest import AS_OF, copy_project


def files(folder: Path, count: int, prefix: str = "f") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (folder / f"{prefix}{index}.html").touch()


def sparse(path: Path, length: int) -> Path:
    """A file of `length` bytes that takes no room on the disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.truncate(length)
    return path


def test_inventory_counts_files_folders_kinds_and_the_largest(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a" / "b").mkdir(parents=True)
    (site / "index.html").write_bytes(b"x" * 10)
    (site / "a" / "p.png").write_bytes(b"x" * 500)
    (site / "a" / "q.PNG").write_bytes(b"x" * 100)
    (site / "a" / "b" / "README").write_bytes(b"x" * 3)
    os.link(site / "a" / "p.png", site / "a" / "b" / "copy.png")  # a link is a file to a host
    measured = inventory(site)
    assert (measured.files, measured.folders, measured.bytes) == (5, 2, 1113)
    assert (measured.largest_folder, measured.largest_folder_files) == ("a", 2)
    assert (measured.largest_file, measured.largest_file_bytes) in {
        ("a/p.png", 500),
        ("a/b/copy.png", 500),
    }
    assert measured.by_kind == {
        "png": Kind(3, 1100),
        "html": Kind(1, 10),
        "": Kind(1, 3),  # no ending
    }
    assert list(measured.by_kind) == ["png", "html", ""]  # most bytes first


def test_flag_file_is_not_counted(tmp_path: Path) -> None:
    files(tmp_path, 2)
    (tmp_path / FLAG_FILE).write_text("x")
    assert inventory(tmp_path).files == 2


def test_file_count_limits_of_cloudflare_and_netlify(tmp_path: Path) -> None:
    site = tmp_path / "site"
    files(site / "danh-muc" / "anh", 54_001)
    passed = {
        name: [e.limit for e in excesses(inventory(site), host)] for name, host in HOSTS.items()
    }
    assert passed == {
        "github-pages": [],
        "gitlab-pages": [],
        "cloudflare-pages-free": ["files"],
        "cloudflare-pages-paid": [],
        "netlify": ["folder"],
        "none": [],
    }
    [excess] = excesses(inventory(site), HOSTS["netlify"])
    assert (excess.measured, excess.allowed, excess.where) == (54_001, 54_000, "danh-muc/anh")
    (site / "danh-muc" / "anh" / "f0.html").unlink()
    assert excesses(inventory(site), HOSTS["netlify"]) == []  # 54,000 in one folder: allowed


def test_size_limits_of_github_gitlab_and_cloudflare(tmp_path: Path) -> None:
    sparse(tmp_path / "site" / "du-lieu.json", 1000**3 + 1)
    passed = {
        name: [e.limit for e in excesses(inventory(tmp_path / "site"), host)]
        for name, host in HOSTS.items()
    }
    assert passed["github-pages"] == ["bytes"] and passed["gitlab-pages"] == ["bytes"]
    assert passed["cloudflare-pages-free"] == ["file"] == passed["cloudflare-pages-paid"]
    assert passed["netlify"] == [] == passed["none"]
    (tmp_path / "site" / "du-lieu.json").unlink()
    sparse(tmp_path / "site" / "du-lieu.json", 25 * MIB)  # exactly 25 MiB: allowed
    assert excesses(inventory(tmp_path / "site"), HOSTS["cloudflare-pages-free"]) == []


def test_gitlab_counts_folders_as_entries(tmp_path: Path) -> None:
    files(tmp_path / "a" / "b", 4)
    small = dataclasses.replace(HOSTS["gitlab-pages"], max_files=5)  # the rule, on a small site
    [excess] = excesses(inventory(tmp_path), small)
    assert (excess.limit, excess.measured) == ("files", 6)  # 4 files and 2 folders
    assert excesses(inventory(tmp_path), dataclasses.replace(small, folders_count=False)) == []


def test_numbers_are_written_the_way_each_language_does() -> None:
    assert number(199_810) == "199.810" and megabytes(2_326_440_000) == "2.326,4 MB"
    assert number(199_810, "en") == "199,810" and megabytes(2_326_440_000, "en") == "2,326.4 MB"


def test_every_host_has_a_name_in_both_languages() -> None:
    assert set(HOST_NAMES) == set(HOSTS)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("hosts"))


def build(root: Path, host: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["build", "--root", str(root), "--as-of", AS_OF.isoformat()], env={"OCOP_HOST": host}
    )
    return result.exit_code, result.stdout, result.stderr


def test_build_prints_the_site_against_its_host(project: Path) -> None:
    code, out, err = build(project, "gitlab-pages")
    assert code == 0, err
    measured = inventory(project / "site")
    assert "Trang web cho GitLab Pages (gitlab.com):" in out
    assert f"  dung lượng: {megabytes(measured.bytes)} (giới hạn 1.000,0 MB)" in out
    entries = number(measured.files + measured.folders)
    assert f"  số tệp: {number(measured.files)} tệp ({entries} tệp và thư mục) " in out
    assert "(giới hạn 200.000)" in out
    assert f"  thư mục nhiều tệp nhất: {measured.largest_folder} " in out
    largest = megabytes(measured.largest_file_bytes)
    assert f"  tệp lớn nhất: {measured.largest_file} {largest}" in out
    assert "  theo loại tệp: " in out and not (project / "site" / FLAG_FILE).exists()


def test_build_past_a_limit_stops_and_flags_the_site(project: Path) -> None:
    big = sparse(project / "content" / "tai-lieu" / "ban-do.pdf", 26 * MIB)
    try:
        code, out, err = build(project, "cloudflare-pages-free")
    finally:
        big.unlink()
    assert code == 1
    assert "Không xuất bản được lên Cloudflare Pages (gói miễn phí):" in err
    assert (
        "- Tệp tai-lieu/ban-do.pdf nặng 27,3 MB, vượt giới hạn 26,2 MB một tệp của "
        "Cloudflare Pages (gói miễn phí). Cách xử lý: thu nhỏ tệp đó" in err
    )
    assert "https://developers.cloudflare.com/pages/platform/limits/" in err
    flag = project / "site" / FLAG_FILE
    assert flag.is_file() and "tai-lieu/ban-do.pdf" in flag.read_text(encoding="utf-8")
    assert (project / "site" / "index.html").is_file()  # kept for inspection
    code, _, err = build(project, "cloudflare-pages-free")  # the file gone: published again
    assert code == 0, err
    assert not flag.exists()


def test_build_refuses_an_unknown_host(project: Path) -> None:
    code, _, err = build(project, "github")
    assert code == 1
    assert "Nơi xuất bản 'github'" in err and "github-pages, gitlab-pages" in err
    assert "Traceback" not in err
