"""A one-page PDF holding one palette image, compressed losslessly (Flate).

Pillow writes images into PDFs as JPEG, which blurs text and QR codes and weighs about 100 KB for an
A5 flyer; a flyer of flat colours as a palette image is about 15 KB and stays sharp. The file has
no dates, so the same image always gives the same bytes.
"""

from __future__ import annotations

import zlib

from PIL import Image

POINTS_PER_INCH = 72


def image_pdf(image: Image.Image, dpi: int, title: str = "") -> bytes:
    """A PDF page the size of `image` printed at `dpi`, showing it; colours reduced to 256."""
    paletted = image.convert("RGB").quantize(
        256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    palette = paletted.getpalette() or []
    colours = len(palette) // 3
    width, height = paletted.size
    page_w = width * POINTS_PER_INCH / dpi
    page_h = height * POINTS_PER_INCH / dpi
    pixels = zlib.compress(paletted.tobytes(), 6)
    drawing = f"q {page_w:.2f} 0 0 {page_h:.2f} 0 0 cm /Im0 Do Q".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w:.2f} {page_h:.2f}] "
            "/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>"
        ).encode(),
        (
            f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} "
            f"/ColorSpace [/Indexed /DeviceRGB {colours - 1} <{bytes(palette).hex()}>] "
            f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(pixels)} >>\n"
            "stream\n"
        ).encode()
        + pixels
        + b"\nendstream",
        f"<< /Length {len(drawing)} >>\nstream\n".encode() + drawing + b"\nendstream",
        f"<< /Title <{_pdf_text(title)}> /Producer (OCOP) >>".encode(),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _pdf_text(text: str) -> str:
    """A PDF text string as hex: UTF-16 with its byte order mark, so any letter is kept."""
    return ("\ufeff" + text).encode("utf-16-be").hex()
