"""Permanent addresses: after an ID changes, the old address (and an old QR code) still lands on
the right page; a producer's reply and a re-evaluation under way are published."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import zxingcpp

from generator.generate.run import generate
from generator.publish.build import build_site
from generator.settings import Settings
from tests.conftest import AS_OF, copy_project, serve_folder
from tests.qr_pixels import qr_pixels

OLD, NEW = "ha-com-chay-huy-hoang", "ha-co-so-com-chay-huy-hoang"
OLD_PRODUCT, NEW_PRODUCT = "com-chay-huy-hoang", "com-chay-gao-nep-huy-hoang"


def build(root: Path) -> None:
    settings = Settings(root=root, as_of=AS_OF)
    loaded = generate(settings)
    assert loaded.report.ok, loaded.report.format_text()
    build_site(settings)


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A site built, then rebuilt after the producer's and the product's IDs changed."""
    root = copy_project(tmp_path_factory.mktemp("renamed"))
    build(root)
    old_qr = (root / "site/danh-muc/chu-the" / OLD / OLD_PRODUCT / "ma-qr.svg").read_bytes()
    folder = root / "data/producers/cao-bang"
    text = (folder / f"{OLD}.yaml").read_text(encoding="utf-8")
    text = text.replace(f"id: {OLD}\n", f"id: {NEW}\naliases: [{OLD}]\n")
    text = text.replace(
        f"  - id: {OLD_PRODUCT}\n",
        f"  - id: {NEW_PRODUCT}\n    aliases: [{OLD_PRODUCT}]\n"
        "    reevaluation:\n      since: 2026-10-01\n",
    )
    (folder / f"{NEW}.yaml").write_text(text, encoding="utf-8")
    (folder / f"{OLD}.yaml").unlink()
    rounds = root / "data/inspections/2023-09-15-hoa-an.yaml"
    text = rounds.read_text(encoding="utf-8").replace(
        f"  - producer: {OLD}\n    products: [{OLD_PRODUCT}]\n",
        f"  - producer: {OLD}\n    products: [{OLD_PRODUCT}]\n    responses:\n"
        "      - {date: 2023-10-02, text: Cơ sở đã bổ sung hồ sơ tự công bố sản phẩm.}\n",
    )
    rounds.write_text(text, encoding="utf-8")
    build(root)
    return root / "site", old_qr


def test_old_address_forwards_to_the_new_page(renamed: tuple[Path, bytes]) -> None:
    site, _ = renamed
    forward = (site / "danh-muc/chu-the" / OLD / "index.html").read_text(encoding="utf-8")
    assert f'content="0; url=../{NEW}/"' in forward
    assert f'href="https://ocop.example.vn/danh-muc/chu-the/{NEW}/"' in forward
    page = (site / "danh-muc/chu-the" / NEW / "index.html").read_text(encoding="utf-8")
    assert f'id="{OLD_PRODUCT}"' in page and f'id="{NEW_PRODUCT}"' in page


def test_reply_and_reevaluation_are_published(renamed: tuple[Path, bytes]) -> None:
    site, _ = renamed
    page = (site / "danh-muc/chu-the" / NEW / "index.html").read_text(encoding="utf-8")
    assert "Phản hồi của chủ thể ngày 02/10/2023" in page
    assert "Cơ sở đã bổ sung hồ sơ tự công bố sản phẩm." in page
    assert "Đang đánh giá lại từ 01/10/2026" in page
    round_page = (site / "danh-muc/kiem-tra/2023-09-15-hoa-an/index.html").read_text()
    assert "Phản hồi của chủ thể ngày 02/10/2023" in round_page


@pytest.mark.browser
def test_old_qr_code_lands_on_the_renamed_product(
    browser: Any, renamed: tuple[Path, bytes]
) -> None:
    site, old_qr = renamed
    [printed] = [r.text for r in zxingcpp.read_barcodes(qr_pixels(old_qr))]
    assert printed == f"https://ocop.example.vn/danh-muc/chu-the/{OLD}/#{OLD_PRODUCT}"
    url, server = serve_folder(site)
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    try:
        page.goto(printed.replace("https://ocop.example.vn/", url))
        page.wait_for_url(f"{url}danh-muc/chu-the/{NEW}/#{OLD_PRODUCT}")
        assert page.locator("h1").inner_text() == "Cơ sở sản xuất Cơm cháy Huy Hoàng"
        assert (
            page.locator(f"#{OLD_PRODUCT}").is_visible()
            or page.locator(f"#{NEW_PRODUCT}").is_visible()
        )
    finally:
        page.close()
        server.shutdown()
    assert errors == []
