"""QR codes of page addresses (segno): SVG for print and a PNG of at least 1000 px."""

from __future__ import annotations

import io

import segno

# Level Q restores up to a quarter of the code: enough for a print on a curved or scuffed package.
ERROR_LEVEL = "q"
QUIET_ZONE = 4  # modules of white border, as the standard asks
MIN_PNG_PIXELS = 1000


def _code(url: str) -> segno.QRCode:
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


def qr_png(url: str) -> bytes:
    """The QR code as a black-and-white PNG of at least MIN_PNG_PIXELS pixels a side."""
    code = _code(url)
    modules = code.symbol_size(scale=1, border=QUIET_ZONE)[0]
    scale = -(-MIN_PNG_PIXELS // modules)  # ceiling division
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=QUIET_ZONE)
    return out.getvalue()
