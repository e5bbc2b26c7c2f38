"""Old addresses keep working: a page at each producer's old ID that forwards to the new one,
keeping the #product part (printed QR codes and old links never break)."""

from __future__ import annotations

import html
import json

from generator.model.catalogue import Catalogue
from generator.urls import PRODUCERS, absolute, producer_path

TEMPLATE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Trang đã chuyển: {name}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
<script>location.replace({target_js} + location.hash)</script>
</head>
<body>
<p>Trang của <a href="{target}">{name}</a> đã chuyển tới địa chỉ mới.</p>
</body>
</html>
"""


def redirect_pages(catalogue: Catalogue, site_url: str) -> dict[str, str]:
    """One forwarding page per old producer ID, keyed by path inside the generated folder."""
    pages = {}
    for producer in catalogue.producers:
        target = f"../{producer.id}/"  # both live in the producers' folder
        for alias in producer.aliases:
            pages[f"{PRODUCERS}/{alias}/index.html"] = TEMPLATE.format(
                name=html.escape(producer.name),
                canonical=html.escape(absolute(site_url, producer_path(producer.id))),
                target=target,
                target_js=json.dumps(target),
            )
    return pages
