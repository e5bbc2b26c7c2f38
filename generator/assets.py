"""Everything a producer needs to promote its page: QR codes, badges, share cards and flyers,
drawn through the cache so unchanged ones are not drawn again."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from generator.badges import badge_lines, badge_png, badge_svg
from generator.cache import DrawingCache
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


def _card_inputs(producer: Producer, product: Product | None) -> str:
    shown, photos = card_subject(producer, product)
    cert = shown.current
    return json.dumps(
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
        ],
        ensure_ascii=False,
    )


def _producer_files(producer: Producer, site_url: str, cache: DrawingCache) -> dict[str, bytes]:
    url = absolute(site_url, producer_path(producer.id))
    domain = urlsplit(site_url).netloc
    return {
        QR_SVG: cache.get("qr-svg", url, lambda: qr_svg(url)),
        QR_PNG: cache.get("qr-png", url, lambda: qr_png(url)),
        CARD: cache.get(
            "card",
            _card_inputs(producer, None) + domain,
            lambda: share_card(producer, None, domain),
        ),
    }


def _product_files(
    producer: Producer, product: Product, site_url: str, cache: DrawingCache
) -> dict[str, bytes]:
    url = absolute(site_url, product_path(producer.id, product.id))
    domain = urlsplit(site_url).netloc
    code = cache.get("qr-png", url, lambda: qr_png(url))
    badge = json.dumps(
        [product.name, *badge_lines(product.current), product.current.status.value],
        ensure_ascii=False,
    )
    card = _card_inputs(producer, product)
    return {
        QR_SVG: cache.get("qr-svg", url, lambda: qr_svg(url)),
        QR_PNG: code,
        BADGE_SVG: cache.get("badge-svg", badge, lambda: badge_svg(product)),
        BADGE_PNG: cache.get("badge-png", badge, lambda: badge_png(product)),
        CARD: cache.get("card", card + domain, lambda: share_card(producer, product, domain)),
        FLYER: cache.get("flyer", card + url, lambda: flyer_pdf(producer, product, code, url)),
    }


def producer_assets(catalogue: Catalogue, site_url: str, cache: DrawingCache) -> dict[str, bytes]:
    """Every promotional file of every producer, keyed by path inside the generated folder."""
    files: dict[str, bytes] = {}
    for producer in catalogue.producers:
        for name, data in _producer_files(producer, site_url, cache).items():
            files[inside_generated(asset_path(producer.id, name))] = data
        for product in producer.products:
            for name, data in _product_files(producer, product, site_url, cache).items():
                files[inside_generated(asset_path(producer.id, name, product.id))] = data
    return files
