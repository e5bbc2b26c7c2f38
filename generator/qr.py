"""QR codes of page addresses (segno): SVG for print and a PNG of at least 1000 px."""

from __future__ import annotations

import io
from functools import lru_cache

import segno
from PIL import Image

# Level Q restores up to a quarter of the code: enough for a print on a curved or scuffed package.
ERROR_LEVEL = "q"
QUIET_ZONE = 4  # modules of white border, as the standard asks
MIN_PNG_PIXELS = 1000


@lru_cache(maxsize=16)
def _code(url: str) -> segno.QRCode:
    # Choosing the mask is most of the work: made once for the SVG, the PNG and the flyer.
    return segno.make(url, error=ERROR_LEVEL, micro=False, boost_error=False)


def qr_svg(url: str) -> bytes:
    """The QR code as SVG, with a title naming the address."""
    out = io.BytesIO()
    _code(url).save(
        out,
        kind="svg",
        scale=10,
        border=QUIET_ZONE,
        title=url,
        xmldecl=True,
        svgclass=None,
        lineclass=None,
    )
    return out.getvalue()


def qr_image(url: str, pixels: int, at_most: bool = False) -> Image.Image:
    """The QR code as a black-and-white image, every module the same whole number of pixels:
    at least `pixels` a side, or with `at_most` the largest that is not wider."""
    rows = list(_code(url).matrix_iter(scale=1, border=QUIET_ZONE))
    side = len(rows)
    modules = Image.frombytes(
        "L", (side, side), bytes(0 if dark else 255 for row in rows for dark in row)
    ).convert("1", dither=Image.Dither.NONE)
    scale = max(1, pixels // side) if at_most else -(-pixels // side)
    return modules.resize((side * scale, side * scale), Image.Resampling.NEAREST)


def qr_png(url: str) -> bytes:
    """The QR code as a black-and-white PNG of at least MIN_PNG_PIXELS pixels a side."""
    out = io.BytesIO()
    qr_image(url, MIN_PNG_PIXELS).save(out, "PNG")
    return out.getvalue()
