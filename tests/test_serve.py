"""`ocop serve`: the preview regenerates and shows a change to a data file within seconds."""

from __future__ import annotations

import time
import urllib.request
from pathlib import Path

from bench.preview import preview, wait_for
from generator.urls import BADGE_SVG
from tests.conftest import copy_project


def _bytes(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


def test_serve_shows_a_data_change(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    with preview(root) as running:
        page = running.url + "danh-muc/chu-the/ha-bun-kho-co-luyen/"
        assert wait_for(page, "Bún khô Cô Luyến", 60) is not None, "preview did not start"
        badge = page + "bun-kho-co-luyen/" + BADGE_SVG  # the product's badge names it
        drawn = _bytes(badge)
        data = root / "data" / "producers" / "cao-bang" / "ha-bun-kho-co-luyen.yaml"
        data.write_text(
            data.read_text().replace("name: Bún khô Cô Luyến", "name: Bún khô Cô Luyến Mới")
        )
        assert wait_for(page, "Bún khô Cô Luyến Mới", 20) is not None, "change not shown"
        listing = running.url + "danh-muc/"
        assert wait_for(listing, "Bún khô Cô Luyến Mới", 5) is not None, "listing not updated"
        deadline = time.monotonic() + 5  # the badge shows the new name: drawn again
        while _bytes(badge) == drawn and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _bytes(badge) != drawn, "badge not redrawn"
    assert "Traceback" not in running.output, running.output
