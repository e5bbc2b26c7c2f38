"""Images drawn with Pillow for sharing and printing: 1200×630 share cards (Open Graph) for a
producer or a product, and a one-page A5 flyer per product for shop shelves."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from generator.badges import STATUS_COLOURS
from generator.fonts import font
from generator.model import Photo, Producer, Product
from generator.pdf import image_pdf
from generator.qr import qr_image
from generator.render import status_text

CARD = (1200, 630)
A5_150DPI = (874, 1240)  # 148 × 210 mm at 150 dots per inch
GREEN, INK, GREY, GOLD = "#1b5e20", "#1a1a1a", "#4a4a4a", "#b26a00"


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Lines of `text` that fit `width` pixels; the last one ends with "…" if cut."""
    lines: list[str] = []
    for word in text.split():
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while face.getlength(lines[-1] + "…") > width and " " in lines[-1]:
            lines[-1] = lines[-1].rsplit(" ", 1)[0]
        lines[-1] += "…"
    return lines


def _photo_panel(photo: Path | None, size: tuple[int, int], stars: int) -> Image.Image:
    if photo is not None:
        with Image.open(photo) as source:
            upright = ImageOps.exif_transpose(source).convert("RGB")
        return ImageOps.fit(upright, size, Image.Resampling.LANCZOS)
    panel = Image.new("RGB", size, GREEN)
    draw = ImageDraw.Draw(panel)
    middle = (size[0] // 2, size[1] // 2)
    draw.text(
        (middle[0], middle[1] - 20), "OCOP", font=font(120, "bold"), fill="#ffffff", anchor="ms"
    )
    draw.text((middle[0], middle[1] + 70), "★" * stars, font=font(64), fill="#ffd54f", anchor="ms")
    return panel


def _text_block(
    draw: ImageDraw.ImageDraw,
    x: int,
    y: int,
    width: int,
    blocks: list[tuple[str, ImageFont.FreeTypeFont, str, int]],
) -> int:
    for text, face, colour, max_lines in blocks:
        for line in wrap(text, face, width, max_lines):
            draw.text((x, y), line, font=face, fill=colour)
            y += int(face.size * 1.25)
        y += 18
    return y


def _png(image: Image.Image, flat: bool) -> bytes:
    """PNG bytes (no metadata is written); a card of flat colours becomes a palette image,
    a third of the size, while one with a photo keeps every colour."""
    if flat:
        image = image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


def card_subject(producer: Producer, product: Product | None) -> tuple[Product, list[Photo]]:
    """What a share card shows: the product (or the producer's best one) and the photos to use."""
    shown = product or max(producer.products, key=lambda p: (p.stars, p.name))
    photos = (product.photos if product else producer.photos) or shown.photos or producer.photos
    return shown, photos


def share_card(producer: Producer, product: Product | None, domain: str) -> bytes:
    """The Open Graph image of a product (or, without one, of the producer's best product)."""
    shown, photos = card_subject(producer, product)
    image = Image.new("RGB", CARD, "#ffffff")
    image.paste(_photo_panel(photos[0].path if photos else None, (480, 630), shown.stars), (0, 0))
    draw = ImageDraw.Draw(image)
    x, width = 530, CARD[0] - 530 - 50
    title = product.name if product else producer.name
    place = ", ".join(n for n in (producer.commune_name, producer.province.name) if n)
    cert = shown.current
    _text_block(
        draw,
        x,
        60,
        width,
        [
            (title, font(58, "bold"), INK, 3),
            (
                "★" * cert.stars + "☆" * (5 - cert.stars) + f"  {cert.stars} sao OCOP",
                font(40),
                GOLD,
                1,
            ),
            (
                producer.name if product else f"{len(producer.products)} sản phẩm OCOP",
                font(32),
                GREY,
                2,
            ),
            (
                place,
                font(32),
                GREY,
                1,
            ),
            (status_text(cert, reason=False), font(30, "bold"), STATUS_COLOURS[cert.status][1], 2),
        ],
    )
    draw.text((x, CARD[1] - 50), domain, font=font(26), fill=GREY, anchor="ls")
    return _png(image, flat=not photos)


def flyer_pdf(producer: Producer, product: Product, url: str) -> bytes:
    """A one-page A5 flyer for a shop shelf: name, stars, producer, validity and the QR code."""
    page = Image.new("RGB", A5_150DPI, "#ffffff")
    draw = ImageDraw.Draw(page)
    width = A5_150DPI[0] - 2 * 70
    draw.rectangle((0, 0, A5_150DPI[0], 110), fill=GREEN)
    draw.text(
        (A5_150DPI[0] // 2, 75), "SẢN PHẨM OCOP", font=font(50, "bold"), fill="#ffffff", anchor="ms"
    )
    cert = product.current
    y = _text_block(
        draw,
        70,
        150,
        width,
        [
            (product.name, font(56, "bold"), INK, 3),
            ("★" * cert.stars + "☆" * (5 - cert.stars) + f"  {cert.stars} sao", font(46), GOLD, 1),
            (producer.name, font(30), GREY, 2),
            (producer.province.name, font(30), GREY, 1),
            (status_text(cert, reason=False), font(30, "bold"), STATUS_COLOURS[cert.status][1], 2),
        ],
    )
    code = qr_image(url, min(540, A5_150DPI[1] - y - 130), at_most=True)
    page.paste(code, ((A5_150DPI[0] - code.width) // 2, y + 10))
    size = 22  # the address in full, smaller when long, never cut at the page's edge
    while size > 12 and font(size).getlength(url) > width:
        size -= 1
    draw.text((A5_150DPI[0] // 2, A5_150DPI[1] - 60), url, font=font(size), fill=GREY, anchor="ms")
    return image_pdf(page, dpi=150, title=product.name)
