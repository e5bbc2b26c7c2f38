"""Photos: upright, no metadata left, several widths in WebP, cached by content."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from generator.drawings.photos import WIDTHS, PhotoCache
from tests.photo_factory import (
    GPS_IFD,
    ORIENTATION,
    SECRET,
    metadata_in,
    phone_photo,
    png_photo,
    webp_photo,
)


def test_source_photo_carries_metadata(tmp_path: Path) -> None:
    with Image.open(phone_photo(tmp_path / "p.jpg")) as image:
        exif = image.getexif()
        assert exif[ORIENTATION] == 6 and exif.get_ifd(GPS_IFD)
    # the reader of metadata finds every kind the test photos carry
    assert sorted(metadata_in((tmp_path / "p.jpg").read_bytes())) == ["APP1", "APP1", "APP2", "COM"]
    assert sorted(metadata_in(png_photo(tmp_path / "p.png").read_bytes())) == [
        "iTXt",
        "tEXt",
        "zTXt",
    ]
    assert metadata_in(webp_photo(tmp_path / "p.webp").read_bytes()) == ["EXIF", "XMP "]


@pytest.mark.parametrize("make", [phone_photo, png_photo, webp_photo])
def test_no_metadata_segment_or_chunk_is_published(make: object, tmp_path: Path) -> None:
    source = make(tmp_path / "nguon")  # type: ignore[operator]
    _, files = PhotoCache(tmp_path / "cache").get(source)
    for path in files.values():
        data = path.read_bytes()
        assert metadata_in(data) == [], path
        assert SECRET.encode() not in data and b"Nguyen" not in data


def test_renditions_are_upright_and_stripped(tmp_path: Path) -> None:
    photo, files = PhotoCache(tmp_path / "cache").get(phone_photo(tmp_path / "p.jpg"))
    # 1600x1000 rotated by its EXIF tag is 1000x1600: widths 320, 640 and 1000
    assert [(r.width, r.height) for r in photo.renditions] == [
        (320, 512),
        (640, 1024),
        (1000, 1600),
    ]
    assert len(files) == 3 and all(rel.endswith(".webp") for rel in files)
    for path in files.values():
        with Image.open(path) as image:
            assert image.format == "WEBP"
            assert image.height > image.width
            assert (
                not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info
            )
            assert not image.info.get("xmp")


def test_small_photos_are_not_enlarged(tmp_path: Path) -> None:
    photo, _ = PhotoCache(tmp_path / "cache").get(phone_photo(tmp_path / "p.jpg", (300, 200)))
    assert [(r.width, r.height) for r in photo.renditions] == [(200, 300)]
    assert WIDTHS[0] > 200


def test_cache_is_keyed_by_content(tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "p.jpg")
    first = PhotoCache(tmp_path / "cache")
    photo, files = first.get(source)
    second = PhotoCache(tmp_path / "cache")
    again, same_files = second.get(source)
    assert (first.processed, second.processed) == (1, 0)
    assert (again, same_files) == (photo, files)
    phone_photo(source, (1200, 900))  # new content, same name: processed again
    third = PhotoCache(tmp_path / "cache")
    assert third.get(source)[0].key != photo.key and third.processed == 1


def test_published_photos_carry_no_metadata(photo_site: Path) -> None:
    published = sorted((photo_site / "site" / "danh-muc" / "anh").iterdir())
    assert len(published) == 6  # 3 widths of each of the two photos, in WebP
    for path in published:
        with Image.open(path) as image:
            assert not image.getexif() and "exif" not in image.info, path
        assert metadata_in(path.read_bytes()) == [], path  # no COM, APPn, EXIF or XMP left
