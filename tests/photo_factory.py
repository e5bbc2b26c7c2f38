"""Test photos carrying what a phone or an editor leaves in them (EXIF orientation "rotate 90°"
and a GPS position, a comment, XMP, an ICC profile; text chunks in a PNG, EXIF and XMP in a
WebP), and a reader of the metadata segments and chunks a published photo still holds."""

from __future__ import annotations

import struct
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw, PngImagePlugin

ORIENTATION, GPS_IFD = 0x0112, 0x8825
SECRET = "Nguyễn Văn A, 0912 345 678, 22.67N 106.22E"  # what must never be published
XMP = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>{SECRET}</rdf:RDF></x:xmpmeta>'.encode()


def _pixels(size: tuple[int, int]) -> Image.Image:
    image = Image.new("RGB", size, (200, 180, 120))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0] // 4, size[1] // 4), fill=(30, 90, 40))
    return image


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (22.0, 40.0, 0.0), 3: "E", 4: (106.0, 13.0, 0.0)})
    return exif


def phone_photo(path: Path, size: tuple[int, int] = (1600, 1000)) -> Path:
    """Write a JPEG with an orientation tag, a GPS position, a comment, XMP and an ICC
    profile, like a phone's or an editor's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _pixels(size).save(
        path,
        "JPEG",
        exif=_exif(),
        comment=SECRET.encode(),
        xmp=XMP,
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        quality=90,
    )
    return path


def png_photo(path: Path, size: tuple[int, int] = (800, 600)) -> Path:
    """Write a PNG with tEXt, zTXt and iTXt chunks."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Nguyen Van A")
    info.add_text("Comment", "Nguyen Van A, 0912 345 678", zip=True)  # latin-1: zTXt
    info.add_itxt("Description", SECRET, lang="vi")
    path.parent.mkdir(parents=True, exist_ok=True)
    _pixels(size).save(path, "PNG", pnginfo=info)
    return path


def webp_photo(path: Path, size: tuple[int, int] = (800, 600)) -> Path:
    """Write a WebP with EXIF and XMP chunks."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _pixels(size).save(path, "WEBP", exif=_exif(), xmp=XMP)
    return path


_JPEG_NO_LENGTH = {0xD8, 0xD9, 0x01, *range(0xD0, 0xD8)}  # SOI, EOI, TEM, RSTn
_WEBP_IMAGE = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"}


def metadata_in(data: bytes) -> list[str]:
    """Every metadata segment (JPEG: COM and APPn other than the bare JFIF header) or chunk
    (WebP: anything but image data; PNG: text, EXIF, ICC, time) in a photo file."""
    if data.startswith(b"\xff\xd8"):
        return _jpeg_metadata(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        found, at = [], 12
        while at + 8 <= len(data):
            kind, size = data[at : at + 4], struct.unpack("<I", data[at + 4 : at + 8])[0]
            if kind not in _WEBP_IMAGE:
                found.append(kind.decode("latin-1"))
            at += 8 + size + (size & 1)
        return found
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        found, at = [], 8
        while at + 8 <= len(data):
            size, kind = struct.unpack(">I4s", data[at : at + 8])
            if kind in {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP", b"tIME"}:
                found.append(kind.decode())
            at += 12 + size
        return found
    raise ValueError("not a JPEG, WebP or PNG file")


def _jpeg_metadata(data: bytes) -> list[str]:
    found, at = [], 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            at += 1  # inside entropy-coded data: look for the next marker
            continue
        marker = data[at + 1]
        if marker in (0x00, 0xFF) or marker in _JPEG_NO_LENGTH:
            at += 2 if marker != 0xFF else 1
            continue
        length = struct.unpack(">H", data[at + 2 : at + 4])[0]
        body = data[at + 4 : at + 2 + length]
        if marker == 0xFE:
            found.append("COM")
        elif 0xE0 <= marker <= 0xEF and not (marker == 0xE0 and body.startswith(b"JFIF\0")):
            found.append(f"APP{marker - 0xE0}")
        elif marker == 0xE0 and len(body) > 14:
            found.append("APP0 with a thumbnail")
        at += 2 + length
    return found
