"""The font for drawn images: DejaVu Sans (Debian's fonts-dejavu-core, free licence), which covers
every Vietnamese letter and the star glyphs."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

from PIL import ImageFont

from generator.problems import OcopError

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/local/share/fonts"))
# A folder holding the font files instead (only it is searched): a font kept beside the
# project, or a machine without fontconfig.
FONT_DIR_ENV = "OCOP_FONT_DIR"
FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}


class FontMissing(OcopError):
    """The font needed to draw share cards and badges is not installed."""


def font_path(weight: str = "regular") -> Path:
    """The file of the regular or bold face."""
    return _font_path(FILES[weight], os.environ.get(FONT_DIR_ENV, ""))


@functools.cache
def _font_path(name: str, folder: str) -> Path:
    folders = (Path(folder),) if folder else FONT_DIRS
    for place in folders:
        if (place / name).is_file():
            return place / name
    if not folder and shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", name.removesuffix(".ttf")], capture_output=True, text=True
        ).stdout.strip()
        if found.endswith(name):
            return Path(found)
    raise FontMissing("font-missing", font=name, folders=", ".join(map(str, folders)))


def font(size: int, weight: str = "regular") -> ImageFont.FreeTypeFont:
    """The face at a pixel size."""
    return _face(font_path(weight), size)


def drawing_data() -> bytes:
    """The font files' bytes, part of the cache key of everything drawn with them (none when
    missing: drawing then stops with `FontMissing`)."""
    try:
        return b"".join(font_path(weight).read_bytes() for weight in FILES)
    except FontMissing:
        return b""


@functools.cache
def _face(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)
