"""A folder that cannot be written, a disk with no space left, a folder where a file is written
or a file where a folder is made, told as a problem that names the path and the fix, and what
was kept: the old site (`build_site` swaps in only a finished build) or, for an import, the data
as it was (`import_files.write_plan` writes all or none)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from generator.problems import Problem
from generator.settings import Settings

_CODES = {
    errno.ENOSPC: "disk-full",
    errno.EDQUOT: "disk-full",
    errno.EACCES: "not-writable",
    errno.EPERM: "not-writable",
    errno.EROFS: "not-writable",
    errno.EISDIR: "not-a-file",
    errno.ENOTDIR: "not-a-folder",
}
_NEARLY_FULL = 16 << 20  # bytes free under which a disk counts as the full one


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _fullest(settings: Settings) -> Path:
    """Of the folders a build writes, the one on the disk with the least space left (a write
    that fails when its file is closed does not say which file it was)."""
    folders = [settings.cache_dir, settings.generated_dir, settings.root]
    free: list[tuple[int, int, Path]] = []
    for order, folder in enumerate(folders):
        try:
            stats = os.statvfs(folder)
        except OSError:
            continue
        free.append((stats.f_bavail * stats.f_frsize, order, folder))
    least = min(free, default=(0, 0, settings.root))
    return least[2] if least[0] < _NEARLY_FULL else settings.root


def write_problem(error: OSError, settings: Settings, kept: str = "site") -> Problem | None:
    """The problem an error of writing is, or None for any other error; `kept` says what is left
    as it was ("site", "import")."""
    code = _CODES.get(error.errno or 0)
    if code is None:
        return None
    if error.filename:
        path = Path(os.fsdecode(error.filename))
        path = path if path.is_absolute() else settings.root / path
    else:
        path = _fullest(settings)
    if code == "not-a-folder":
        path = _in_the_way(path)
    folder = path if path.is_dir() else path.parent
    shown = _shown(path, settings.root)
    params = {"path": shown, "folder": _shown(folder, settings.root), "reason": kept}
    return Problem(shown, None, None, code, params)


def _in_the_way(path: Path) -> Path:
    """Of a path that could not be made, the file standing where one of its folders goes."""
    for parent in [path, *path.parents]:
        if parent.exists() and not parent.is_dir():
            return parent
    return path
