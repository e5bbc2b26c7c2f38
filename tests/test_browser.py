"""A real browser (Playwright driving Debian's Chromium) on the built sample site."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(
            "CI needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)"
        )
    pytest.skip(
        "Debian's Chromium is not installed (apt-get install chromium)", allow_module_level=True
    )

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

# Headless Chromium without the background services that would try to reach the network.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


@pytest.mark.parametrize(
    ("query", "producer", "product"),
    [
        ("Cơm cháy", "ha-com-chay-huy-hoang", "com-chay-huy-hoang"),
        ("rượu chuối", "qh-hkd-ruou-chuoi-hoi-xuan", "ruou-chuoi-men-la-quan-hoa"),
    ],
)
def test_search_a_product_and_open_its_producer(
    phone: Page, site_url: str, query: str, producer: str, product: str
) -> None:
    phone.goto(site_url)
    phone.locator('label.md-header__button[for="__search"]').click()
    search = phone.locator("input.md-search__input")
    expect(search).to_be_focused()
    search.press_sequentially(query, delay=50)
    result = phone.locator(f'.md-search-result__link[href*="chu-the/{producer}/"]').first
    expect(result).to_be_visible(timeout=15_000)
    result.click()
    expect(phone).to_have_url(re.compile(re.escape(f"{site_url}danh-muc/chu-the/{producer}/")))
    expect(phone.locator(f"#{product}")).to_be_visible()
    expect(phone.locator("h1")).to_be_visible()


def test_producer_page_on_a_phone(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}danh-muc/chu-the/ha-htx-che-tai-ho-sin/")
    expect(phone.locator("h1")).to_have_text("Hợp tác xã Chè Tài Hồ Sìn")
    expect(phone.locator(".ocop-stars-text").first).to_have_text("4 sao")
    expect(phone.locator(".ocop-status--valid").first).to_contain_text(
        "Còn hiệu lực đến 16/06/2028"
    )
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing overflows a phone screen sideways
