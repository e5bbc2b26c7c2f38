"""QR codes of page addresses as SVG for print, drawn from a `QrCode` value (zxing-cpp's writer,
which chooses the mask in C: about 1 ms a code, twenty times faster than a pure-Python writer).
The visitor's browser turns the SVG into a PNG of at least MIN_PNG_PIXELS (promo.js)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import zxingcpp

# Level Q restores up to a quarter of the code: enough for a print on a curved or scuffed package.
ERROR_LEVEL = "Q"
QUIET_ZONE = 4  # modules of white border, as the standard asks
MODULE_PIXELS = 10  # the SVG's size in pixels a module, where it is shown at its own size
MIN_PNG_PIXELS = 1000


@dataclass(frozen=True, slots=True)
class QrCode:
    """What a QR code holds: one address."""

    url: str


_DARK_RUN = re.compile(rb"[\x00-\x7f]+")  # a run of dark modules in a row of grey levels


def dark_runs(url: str) -> list[list[tuple[int, int]]]:
    """The code's dark runs (first module, length) row by row, quiet zone left out."""
    barcode = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_LEVEL)
    image = memoryview(barcode.to_image(scale=1, add_quiet_zones=False))
    height, width = image.shape
    pixels = image.tobytes()
    return [
        [
            (m.start(), m.end() - m.start())
            for m in _DARK_RUN.finditer(pixels, y * width, (y + 1) * width)
        ]
        for y in range(height)
    ]


def qr_svg(code: QrCode) -> bytes:
    """The code as SVG: one path of the dark runs of each row, a title naming the address."""
    rows = dark_runs(code.url)
    side = len(rows) + 2 * QUIET_ZONE
    path: list[str] = []
    for y, row in enumerate(rows):
        pen = 0  # where the last run of this row ended
        for n, (start, length) in enumerate(row):
            start -= y * len(rows)
            if n == 0:
                path.append(f"M{start + QUIET_ZONE} {y + QUIET_ZONE}.5h{length}")
            else:
                path.append(f"m{start - pen} 0h{length}")
            pen = start + length
    pixels = side * MODULE_PIXELS
    title = escape(code.url)
    svg = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{pixels}" height="{pixels}" '
        f'viewBox="0 0 {side} {side}" shape-rendering="crispEdges">'
        f"<title>{title}</title>"
        f'<rect width="{side}" height="{side}" fill="#fff"/>'
        f'<path stroke="#000" d="{"".join(path)}"/></svg>\n'
    )
    return svg.encode("utf-8")
