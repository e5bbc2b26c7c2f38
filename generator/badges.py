"""Embeddable OCOP badges of a product (SVG and PNG) that tell the truth on the build date."""

from __future__ import annotations

import io
from html import escape

from PIL import Image, ImageDraw

from generator.fonts import font
from generator.model import Certification, Product, Status
from generator.render import vndate

WIDTH, HEIGHT = 320, 64
GREEN = "#1b5e20"
STATUS_COLOURS = {  # (background, text)
    Status.VALID: ("#e8f5e9", "#1b5e20"),
    Status.EXPIRING: ("#fff3e0", "#7a4100"),
    Status.EXPIRED: ("#eeeeee", "#4a4a4a"),
    Status.REVOKED: ("#ffebee", "#b71c1c"),
}


def badge_lines(cert: Certification) -> tuple[str, str]:
    """The two lines of the badge's right part: the stars in words and the status."""
    if cert.status is Status.REVOKED:
        line = f"Đã thu hồi {vndate(cert.revoked_date)}"
    elif cert.status is Status.EXPIRED:
        line = f"Hết hiệu lực {vndate(cert.expires)}"
    else:
        line = f"Hiệu lực đến {vndate(cert.expires)}"
    return f"{cert.stars} sao OCOP", line


def badge_svg(product: Product) -> bytes:
    """The badge as SVG (text stays text: sharp at any size and readable by screen readers)."""
    cert = product.current
    first, second = badge_lines(cert)
    background, colour = STATUS_COLOURS[cert.status]
    stars = "★" * cert.stars + "☆" * (5 - cert.stars)
    label = escape(f"{product.name}: {first}, {second}")
    svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" \
viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}">
<title>{label}</title>
<rect width="{WIDTH}" height="{HEIGHT}" rx="8" fill="{background}"/>
<rect width="104" height="{HEIGHT}" rx="8" fill="{GREEN}"/>
<rect x="96" width="8" height="{HEIGHT}" fill="{GREEN}"/>
<g font-family="DejaVu Sans, Verdana, Arial, sans-serif">
<text x="52" y="28" fill="#fff" font-size="20" font-weight="bold" text-anchor="middle">OCOP</text>
<text x="52" y="50" fill="#ffd54f" font-size="15" text-anchor="middle">{stars}</text>
<text x="116" y="28" fill="{colour}" font-size="17" font-weight="bold">{escape(first)}</text>
<text x="116" y="50" fill="{colour}" font-size="14">{escape(second)}</text>
</g>
</svg>
"""
    return svg.encode("utf-8")


def badge_png(product: Product, scale: int = 2) -> bytes:
    """The same badge drawn with Pillow, for places that take no SVG."""
    cert = product.current
    first, second = badge_lines(cert)
    background, colour = STATUS_COLOURS[cert.status]
    image = Image.new("RGBA", (WIDTH * scale, HEIGHT * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    radius = 8 * scale
    draw.rounded_rectangle((0, 0, image.width - 1, image.height - 1), radius, fill=background)
    draw.rounded_rectangle((0, 0, 104 * scale, image.height - 1), radius, fill=GREEN)
    draw.rectangle((96 * scale, 0, 104 * scale, image.height - 1), fill=GREEN)
    stars = "★" * cert.stars + "☆" * (5 - cert.stars)
    draw.text(
        (52 * scale, 28 * scale), "OCOP", font=font(20 * scale, "bold"), fill="#ffffff", anchor="ms"
    )
    draw.text((52 * scale, 50 * scale), stars, font=font(15 * scale), fill="#ffd54f", anchor="ms")
    draw.text(
        (116 * scale, 28 * scale), first, font=font(17 * scale, "bold"), fill=colour, anchor="ls"
    )
    draw.text((116 * scale, 50 * scale), second, font=font(14 * scale), fill=colour, anchor="ls")
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()
