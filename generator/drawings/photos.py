"""Photos for the web with Pillow: upright, stripped of all metadata, in the widths a page's
`srcset` offers, as WebP only (every current browser reads it; a JPEG copy of each width doubled
the files and bytes for no visitor); cached by content hash so an unchanged photo is never
processed twice."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

WIDTHS = (320, 640, 1280)
PHOTO_FOLDER = "anh"  # inside the generated folder
CACHE_VERSION = "3"  # 2: WebP only; 3: comments and XMP no longer carried over


@dataclass(frozen=True)
class Rendition:
    """One width of a photo (its path inside the generated folder)."""

    width: int
    height: int
    webp: str


@dataclass(frozen=True)
class WebPhoto:
    """A processed photo: its renditions, narrowest first, and the address they are served
    under when that is not the site's own (the media address; empty: the site)."""

    key: str
    renditions: tuple[Rendition, ...]
    base: str = ""

    @property
    def largest(self) -> Rendition:
        return self.renditions[-1]


def photo_key(data: bytes) -> str:
    """A hash of the photo's bytes and of how it is processed."""
    return hashlib.sha256(CACHE_VERSION.encode() + repr(WIDTHS).encode() + data).hexdigest()[:20]


# Pillow writes what a source's `info` holds (a JPEG comment, XMP) unless told otherwise: every
# kind of metadata is named empty, and the image's info is emptied before it is resized.
_NO_METADATA = {"exif": b"", "xmp": b"", "comment": b"", "icc_profile": None}


def _encode(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "WEBP", quality=78, method=4, **_NO_METADATA)
    return out.getvalue()  # nothing but pixels is written


def _renditions(data: bytes, key: str) -> tuple[list[Rendition], dict[str, bytes]]:
    with Image.open(io.BytesIO(data)) as source:
        image = ImageOps.exif_transpose(source).convert("RGB")
    image.info.clear()  # comments, XMP, ICC, PNG text: none of it goes on
    widths = [w for w in WIDTHS if w < image.width] + [min(image.width, WIDTHS[-1])]
    renditions, files = [], {}
    for width in sorted(set(widths)):
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        name = f"{PHOTO_FOLDER}/{key}-{width}"
        files[f"{name}.webp"] = _encode(resized)
        renditions.append(Rendition(width, height, f"{name}.webp"))
    return renditions, files


class PhotoCache:
    """Processed photos under a cache folder, keyed by content hash."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.processed = 0  # photos actually drawn in this run (the rest came from the cache)

    def get(self, path: Path) -> tuple[WebPhoto, dict[str, Path]]:
        """The web photo for a file, and its cached output files keyed by path in the generated
        folder."""
        data = path.read_bytes()
        key = photo_key(data)
        entry = self.folder / key
        manifest = entry / "manifest.json"
        if manifest.is_file():
            items = json.loads(manifest.read_text())
            renditions = [Rendition(**item) for item in items]
        else:
            renditions, files = _renditions(data, key)
            entry.mkdir(parents=True, exist_ok=True)
            for rel, blob in files.items():
                (entry / Path(rel).name).write_bytes(blob)
            manifest.write_text(json.dumps([r.__dict__ for r in renditions]))
            self.processed += 1
        files = {r.webp: entry / Path(r.webp).name for r in renditions}
        return WebPhoto(key, tuple(renditions)), files
