"""Published QR code SVGs as images, so that a real decoder reads the files themselves."""

from __future__ import annotations

import re

from PIL import Image, ImageDraw


def qr_pixels(svg: bytes, module: int = 8) -> Image.Image:
    """The QR code SVG (qr.py's: one path of horizontal runs, a unit a module) drawn as an
    image, so that a real decoder reads the published file itself."""
    side = int(re.search(rb'viewBox="0 0 (\d+) \1"', svg)[1])
    image = Image.new("L", (side * module, side * module), 255)
    draw = ImageDraw.Draw(image)
    path = re.search(rb' d="([^"]*)"', svg)[1].decode()
    x = y = 0.0
    for command, a, b, length in re.findall(r"([Mm])([\d.]+) ([\d.]+)h(\d+)", path):
        x, y = (float(a), float(b)) if command == "M" else (x + float(a), y)
        top = int(y - 0.5) * module
        draw.rectangle(
            (int(x) * module, top, (int(x) + int(length)) * module - 1, top + module - 1), 0
        )
        x += int(length)
    return image
