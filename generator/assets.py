"""Everything a producer needs to promote its page: QR codes, badges, share cards and flyers,
drawn through the cache so unchanged ones are not drawn again."""

from __future__ import annotations

import json
from functools import partial
from urllib.parse import urlsplit

from generator.badges import badge_lines, badge_png, badge_svg
from generator.cache import Drawing, DrawingCache
from generator.cards import card_subject, flyer_pdf, share_card
from generator.model import Catalogue, Producer, Product
from generator.photos import photo_key
from generator.qr import qr_png, qr_svg
from generator.urls import (
    BADGE_PNG,
    BADGE_SVG,
    CARD,
    FLYER,
    QR_PNG,
    QR_SVG,
    absolute,
    asset_path,
    inside_generated,
    producer_path,
    product_path,
)

_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder for 60,000 inputs


def _card_inputs(producer: Producer, product: Product | None) -> str:
    shown, photos = card_subject(producer, product)
    cert = shown.current
    return _JSON.encode(
        [
            producer.name,
            producer.commune_name,
            producer.province.name,
            product.name if product else len(producer.products),
            cert.stars,
            cert.status.value,
            str(cert.expires),
            str(cert.revoked_date),
            [photo_key(p.path.read_bytes()) for p in photos[:1]],
        ]
    )


def _folder(producer_id: str, product_id: str | None = None) -> str:
    """The folder of a producer's (or a product's) files, inside the generated folder."""
    return inside_generated(asset_path(producer_id, "", product_id))


def _producer_drawings(producer: Producer, site_url: str, domain: str) -> list[Drawing]:
    url = absolute(site_url, producer_path(producer.id))
    at = _folder(producer.id)
    return [
        Drawing(at + QR_SVG, "qr-svg", url, partial(qr_svg, url)),
        Drawing(at + QR_PNG, "qr-png", url, partial(qr_png, url)),
        Drawing(
            at + CARD,
            "card",
            _card_inputs(producer, None) + domain,
            partial(share_card, producer, None, domain),
        ),
    ]


def _product_drawings(
    producer: Producer, product: Product, site_url: str, domain: str
) -> list[Drawing]:
    url = absolute(site_url, product_path(producer.id, product.id))
    at = _folder(producer.id, product.id)
    badge = _JSON.encode(
        [product.name, *badge_lines(product.current), product.current.status.value]
    )
    card = _card_inputs(producer, product)
    return [
        Drawing(at + QR_SVG, "qr-svg", url, partial(qr_svg, url)),
        Drawing(at + QR_PNG, "qr-png", url, partial(qr_png, url)),
        Drawing(at + BADGE_SVG, "badge-svg", badge, partial(badge_svg, product)),
        Drawing(at + BADGE_PNG, "badge-png", badge, partial(badge_png, product)),
        Drawing(at + CARD, "card", card + domain, partial(share_card, producer, product, domain)),
        Drawing(at + FLYER, "flyer", card + url, partial(flyer_pdf, producer, product, url)),
    ]


def _drawings(producer: Producer, site_url: str, domain: str) -> list[Drawing]:
    """Every file of a producer and of its products."""
    drawings = _producer_drawings(producer, site_url, domain)
    for product in producer.products:
        drawings += _product_drawings(producer, product, site_url, domain)
    return drawings


def drawn_assets(
    catalogue: Catalogue, site_url: str, cache: DrawingCache
) -> tuple[dict[str, str], list[str]]:
    """Every promotional file of every producer (its path inside the generated folder -> the
    cached file that holds it), and the producers with a file not drawn yet. Nothing is drawn,
    so this can run beside other work; `draw_assets` then draws on every processor."""
    domain = urlsplit(site_url).netloc
    owned = {p.id: _drawings(p, site_url, domain) for p in catalogue.producers}
    files, missing = cache.plan([drawing for own in owned.values() for drawing in own])
    if not missing:
        return files, []
    undrawn = [pid for pid, own in owned.items() if any(files[d.target] in missing for d in own)]
    return files, undrawn


def draw_assets(
    catalogue: Catalogue, site_url: str, cache: DrawingCache, producer_ids: list[str]
) -> None:
    """Draw the files of these producers not in the cache yet, on every processor."""
    domain = urlsplit(site_url).netloc
    wanted = set(producer_ids)
    cache.draw(
        [d for p in catalogue.producers if p.id in wanted for d in _drawings(p, site_url, domain)]
    )
