"""The generated folder: written so that it holds exactly the pages of the last run, touching
only what changed."""

from __future__ import annotations

import os
from pathlib import Path

from generator.generate.tree import TreeWriter


def write_tree(target: Path, files: dict[str, str | bytes], record: Path) -> int:
    """`files` put and the tree finished in this process, as the generator's workers do it."""
    writer = TreeWriter(target, record)
    return writer.finish(writer.put(files))


def test_the_generated_folder_holds_exactly_the_files_given(tmp_path: Path) -> None:
    target, record = tmp_path / "danh-muc", tmp_path / "cache" / "written.json"
    first = {"index.md": "a", "chu-the/x.md": "x", "chu-the/x/du-lieu.json": b"{}", "old/y.md": "y"}
    assert write_tree(target, first, record) == 4
    page = target / "chu-the" / "x.md"
    written = page.stat().st_mtime_ns

    assert write_tree(target, first, record) == 0  # nothing changed: nothing written
    assert page.stat().st_mtime_ns == written

    second = {"index.md": "b", "chu-the/x.md": "x"}
    assert write_tree(target, second, record) == 3  # one changed, two removed
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == [
        "chu-the",
        "chu-the/x.md",
        "index.md",
    ]  # the folders left empty are gone too
    assert (target / "index.md").read_text() == "b" and page.stat().st_mtime_ns == written


def test_a_file_changed_outside_is_written_again(tmp_path: Path) -> None:
    target, record = tmp_path / "danh-muc", tmp_path / "written.json"
    files = {"index.md": "trang"}
    write_tree(target, files, record)
    (target / "index.md").write_text("sửa tay")  # by hand, or by another tool
    assert write_tree(target, files, record) == 1
    assert (target / "index.md").read_text() == "trang"
    record.write_text("{not json")  # a damaged record only means the files are read back
    os.utime(target / "index.md", ns=(0, 0))
    assert write_tree(target, files, record) == 0
