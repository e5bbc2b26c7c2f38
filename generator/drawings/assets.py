"""What a producer needs to promote its page, drawn at build time only where it must sit at a
fixed address: the QR code of the page and of each product (SVG, for print), each product's
badge (SVG, embedded by others) and the share card of the page (PNG, for Open Graph). The PNG
QR code and badge and the A5 flyer are made in the visitor's browser from these (promo.js).

Each file is a `Drawing`: a value holding everything it shows, built here from the model, and the
function that draws it from that value alone; the cache key is the value's hash."""

from __future__ import annotations

from urllib.parse import urlsplit

from generator.cache import Drawing, DrawingCache, Pending
from generator.drawings.badges import Badge, badge_svg
from generator.drawings.cards import ShareCard, share_card
from generator.drawings.photos import photo_key
from generator.drawings.qr import QrCode, qr_svg
from generator.model.catalogue import Catalogue, Certification, Producer, Product, Status
from generator.model.words import status_text
from generator.text import vndate
from generator.urls import (
    BADGE_SVG,
    CARD,
    QR_SVG,
    absolute,
    asset_path,
    inside_generated,
    producer_path,
    product_path,
)


def badge_lines(cert: Certification) -> tuple[str, str]:
    """The two lines of the badge's right part: the stars in words and the status."""
    if cert.status is Status.REVOKED:
        line = f"Đã thu hồi {vndate(cert.revoked_date)}"
    elif cert.status is Status.EXPIRED:
        line = f"Hết hiệu lực {vndate(cert.expires)}"
    else:
        line = f"Hiệu lực đến {vndate(cert.expires)}"
    return f"{cert.stars} sao OCOP", line


def badge(product: Product) -> Badge:
    """What a product's badge shows."""
    cert = product.current
    return Badge(product.name, cert.stars, cert.status.value, *badge_lines(cert))


def card(producer: Producer, domain: str) -> ShareCard:
    """What the share card of a producer's page shows: the producer, its best product's stars
    and status, and a photo (the producer's, else its best product's)."""
    best = max(producer.products, key=lambda p: (p.stars, p.name))
    photos = producer.photos or best.photos
    cert = best.current
    photo = photos[0].path if photos else None
    return ShareCard(
        title=producer.name,
        stars=cert.stars,
        subtitle=f"{len(producer.products)} sản phẩm OCOP",
        place=", ".join(n for n in (producer.commune_name, producer.province.name) if n),
        status=cert.status.value,
        status_line=status_text(cert, reason=False),
        domain=domain,
        photo=str(photo) if photo else "",
        photo_digest=photo_key(photo.read_bytes()) if photo else "",
    )


def _folder(producer_id: str, product_id: str | None = None) -> str:
    """The folder of a producer's (or a product's) files, inside the generated folder."""
    return inside_generated(asset_path(producer_id, "", product_id))


def _drawings(producer: Producer, site_url: str, domain: str) -> list[Drawing]:
    """Every file of a producer and of its products."""
    at = _folder(producer.id)
    drawings = [
        Drawing(at + QR_SVG, qr_svg, QrCode(absolute(site_url, producer_path(producer.id)))),
        Drawing(at + CARD, share_card, card(producer, domain)),
    ]
    for product in producer.products:
        at = _folder(producer.id, product.id)
        url = absolute(site_url, product_path(producer.id, product.id))
        drawings += [
            Drawing(at + QR_SVG, qr_svg, QrCode(url)),
            Drawing(at + BADGE_SVG, badge_svg, badge(product)),
        ]
    return drawings


def drawn_assets(
    catalogue: Catalogue, site_url: str, cache: DrawingCache
) -> tuple[dict[str, str], list[str]]:
    """Every promotional file of every producer (its path inside the generated folder -> its
    cached file named by its key alone, `DrawingCache.resolve`), and the producers with a file
    not drawn yet. Nothing is drawn, so this can run beside other work; `start_assets` then
    draws on every processor."""
    domain = urlsplit(site_url).netloc
    owned = {p.id: _drawings(p, site_url, domain) for p in catalogue.producers}
    keyed, undrawn = cache.plan([drawing for own in owned.values() for drawing in own])
    return keyed, [pid for pid, own in owned.items() if any(d.target in undrawn for d in own)]


def start_assets(
    catalogue: Catalogue, site_url: str, cache: DrawingCache, producer_ids: list[str]
) -> Pending:
    """Start drawing the files of these producers not in the cache yet, on every processor
    (`Pending.wait` gives the cached file of each of their files)."""
    domain = urlsplit(site_url).netloc
    wanted = set(producer_ids)
    return cache.start(
        [d for p in catalogue.producers if p.id in wanted for d in _drawings(p, site_url, domain)]
    )


def draw_assets(
    catalogue: Catalogue, site_url: str, cache: DrawingCache, producer_ids: list[str]
) -> dict[str, str]:
    """Draw the files of these producers not in the cache yet, on every processor; the cached
    file of each of their files."""
    return start_assets(catalogue, site_url, cache, producer_ids).wait()
