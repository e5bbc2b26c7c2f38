"""The font for drawn images: DejaVu Sans (Debian's fonts-dejavu-core, free licence), which covers
every Vietnamese letter and the star glyphs."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from PIL import ImageFont

from generator.problems import OcopError

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/local/share/fonts"))
FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}


class FontMissing(OcopError):
    """The font needed to draw share cards and badges is not installed."""


@functools.cache
def font_path(weight: str = "regular") -> Path:
    """The file of the regular or bold face."""
    name = FILES[weight]
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", name.removesuffix(".ttf")], capture_output=True, text=True
        ).stdout.strip()
        if found.endswith(name):
            return Path(found)
    raise FontMissing(
        f"Thiếu phông chữ {name} để vẽ thẻ chia sẻ và huy hiệu: cài gói fonts-dejavu-core "
        "(`sudo apt-get install fonts-dejavu-core`)."
    )


def drawing_data() -> bytes:
    """The font files' bytes, part of the cache key of everything drawn with them (none when
    missing: drawing then stops with `FontMissing`)."""
    try:
        return b"".join(font_path(weight).read_bytes() for weight in FILES)
    except FontMissing:
        return b""


@functools.cache
def font(size: int, weight: str = "regular") -> ImageFont.FreeTypeFont:
    """The face at a pixel size."""
    return ImageFont.truetype(str(font_path(weight)), size)
