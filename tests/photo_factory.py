"""A phone-like test photo: landscape pixels, EXIF orientation "rotate 90°" and a GPS position."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ORIENTATION, GPS_IFD = 0x0112, 0x8825


def phone_photo(path: Path, size: tuple[int, int] = (1600, 1000)) -> Path:
    """Write a JPEG with an orientation tag and a GPS position, like a phone's."""
    image = Image.new("RGB", size, (200, 180, 120))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0] // 4, size[1] // 4), fill=(30, 90, 40))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (22.0, 40.0, 0.0), 3: "E", 4: (106.0, 13.0, 0.0)})
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", exif=exif, quality=90)
    return path
