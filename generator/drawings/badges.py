"""Embeddable OCOP badges of a product (SVG) that tell the truth on the build date: drawn from a
`Badge` value, everything the badge shows and nothing else (its hash is the cache key)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 320, 64
GREEN = "#1b5e20"
STATUS_COLOURS = {  # a certificate's status (Status.value) -> (background, text)
    "valid": ("#e8f5e9", "#1b5e20"),
    "expiring": ("#fff3e0", "#7a4100"),
    "expired": ("#eeeeee", "#4a4a4a"),
    "revoked": ("#ffebee", "#b71c1c"),
}


@dataclass(frozen=True, slots=True)
class Badge:
    """What a product's badge shows."""

    name: str  # the product's, in the badge's accessible name
    stars: int
    status: str  # a key of STATUS_COLOURS
    first: str  # "4 sao OCOP"
    second: str  # "Hiệu lực đến 16/06/2028"


def stars_text(stars: int) -> str:
    """The stars as five glyphs, the certified ones filled."""
    return "★" * stars + "☆" * (5 - stars)


def badge_svg(badge: Badge) -> bytes:
    """The badge as SVG (text stays text: sharp at any size and readable by screen readers)."""
    background, colour = STATUS_COLOURS[badge.status]
    label = escape(f"{badge.name}: {badge.first}, {badge.second}")
    stars = stars_text(badge.stars)
    svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" \
viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}">
<title>{label}</title>
<rect width="{WIDTH}" height="{HEIGHT}" rx="8" fill="{background}"/>
<rect width="104" height="{HEIGHT}" rx="8" fill="{GREEN}"/>
<rect x="96" width="8" height="{HEIGHT}" fill="{GREEN}"/>
<g font-family="DejaVu Sans, Verdana, Arial, sans-serif">
<text x="52" y="28" fill="#fff" font-size="20" font-weight="bold" text-anchor="middle">OCOP</text>
<text x="52" y="50" fill="#ffd54f" font-size="15" text-anchor="middle">{stars}</text>
<text x="116" y="28" fill="{colour}" font-size="17" font-weight="bold">{escape(badge.first)}</text>
<text x="116" y="50" fill="{colour}" font-size="14">{escape(badge.second)}</text>
</g>
</svg>
"""
    return svg.encode("utf-8")
