"""Folders that cannot be written and a full disk: a message naming the path and the fix, the
old site kept, never a traceback. As root, real read-only mounts and a tiny tmpfs; else the
folders' write permission taken away."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import cli
from tests.conftest import AS_OF, copy_project

DATE = ["--as-of", AS_OF.isoformat()]
ROOT = os.geteuid() == 0


def _build(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["build", "--root", str(root), *DATE, *args])


def _site(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in (root / "site").rglob("*")
        if p.is_file()
    }


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _umount(folder: Path) -> None:
    # lazily: a process of the failed build (removing a retired site) may still be inside
    subprocess.run(["umount", "-l", str(folder)], check=True, capture_output=True)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` (and all under it) made read-only: a read-only bind mount as root (root writes
    through permissions), its write permission taken away otherwise."""
    if ROOT:
        if not (
            _mount("--bind", str(folder), str(folder))
            and _mount("-o", "remount,bind,ro", str(folder))
        ):
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
            pytest.skip("no permission to mount here")
        try:
            yield
        finally:
            _umount(folder)
        return
    modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")] if p.is_dir()}
    for path in modes:
        path.chmod(0o555)
    try:
        yield
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("disk"))
    assert _build(root).exit_code == 0
    return root


def _edit(root: Path) -> None:
    """A data change, so the next build has pages to write."""
    data = root / "data/producers/cao-bang/ha-com-chay-huy-hoang.yaml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("\nname: ", "\nname: Mới ", 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("folder", "named"),
    [(".cache", ".cache/"), ("content", "content/danh-muc/"), ("", "")],
)
def test_a_folder_that_cannot_be_written(built: Path, folder: str, named: str) -> None:
    before = _site(built)
    _edit(built)
    with read_only(built / folder if folder else built):
        result = _build(built)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert "[not-writable]" in result.output and "chmod -R u+w" in result.output
    first = result.output.splitlines()[0]
    assert first.startswith(named) and "Không ghi được vào" in first, result.output
    assert _site(built) == before  # the old site is kept
    assert _build(built).exit_code == 0  # and once writable, the build goes on


def test_a_full_disk_is_told_with_its_folder(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _site(built)
    _edit(built)
    real = Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        if self.is_relative_to(built / "content"):  # a write that fails as it is closed
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    result = _build(built)
    monkeypatch.undo()
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "[disk-full]" in result.output and "Giải phóng chỗ trống" in result.output
    assert _site(built) == before


@pytest.mark.skipif(not ROOT, reason="mounting a tiny tmpfs needs root")
def test_a_really_full_disk(built: Path) -> None:
    before = _site(built)
    cache = built / ".cache"
    saved = built / "cache-saved"
    shutil.move(cache, saved)
    cache.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=256k", "tmpfs", str(cache)):
        cache.rmdir()
        shutil.move(saved, cache)
        pytest.skip("no permission to mount here")
    try:
        result = _build(built)  # every file drawn again into 256 KB
    finally:
        _umount(cache)
        cache.rmdir()
        shutil.move(saved, cache)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    first = result.output.splitlines()[0]
    assert first.startswith(".cache") and "Hết chỗ trống trên ổ đĩa" in first, result.output
    assert _site(built) == before
