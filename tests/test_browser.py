"""A real browser (Playwright driving Debian's Chromium) on the built sample site."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pypdfium2 as pdfium
import pytest
import zxingcpp
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser
LOOPBACK = "http://127.0.0.1:"


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    yield page
    context.close()
    assert errors == []
    # every request stays on the loopback server of a built site: nothing from a third party
    assert [url for url in requests if not url.startswith((LOOPBACK, "data:"))] == []


def results(page: Page, site_url: str, query: str) -> list[str]:
    """The result titles the search page shows for `query`."""
    page.goto(f"{site_url}tim-kiem/")
    page.locator("#ocop-q").fill(query)
    expect(page.locator(".ocop-search__status")).to_contain_text(query)
    return page.locator(".ocop-result__title").all_inner_texts()


def test_search_from_home_lands_on_the_producer_page(phone: Page, site_url: str) -> None:
    phone.goto(site_url)
    phone.locator("#home-q").fill("ruou chuoi men la")
    phone.locator(".ocop-home-search button").click()
    expect(phone).to_have_url(re.compile(r"/tim-kiem/\?q=ruou\+chuoi\+men\+la$"))
    first = phone.locator(".ocop-result__title").first
    expect(first).to_have_text("Rượu chuối men lá Quan Hóa")
    expect(phone.locator(".ocop-result").first).to_contain_text("3 sao")
    first.click()
    expect(phone).to_have_url(
        f"{site_url}danh-muc/chu-the/qh-hkd-ruou-chuoi-hoi-xuan/#ruou-chuoi-men-la-quan-hoa"
    )
    expect(phone.locator("#ruou-chuoi-men-la-quan-hoa")).to_be_in_viewport()


@pytest.mark.parametrize(
    ("plain", "marked", "expected"),
    [
        ("ruou chuoi", "rượu chuối", "Rượu chuối men lá Quan Hóa"),
        ("mat ong", "mật ong", "Mật ong rừng tự nhiên"),
        ("com chay", "cơm cháy", "Cơm cháy Huy Hoàng"),
        ("tra xanh", "trà xanh", "Trà xanh Tài Hồ Sìn"),
        ("bun kho", "bún khô", "Bún khô Cô Luyến"),
        ("mang dang", "măng đắng", "Măng đắng khô Nam Xuân"),
    ],
)
def test_search_without_diacritics(
    phone: Page, site_url: str, plain: str, marked: str, expected: str
) -> None:
    found = results(phone, site_url, plain)
    assert found == results(phone, site_url, marked)
    assert found[0] == expected


def test_search_prefix_and_ranking(phone: Page, site_url: str) -> None:
    found = results(phone, site_url, "mật")
    assert found[:2] == ["Mật ong rừng tự nhiên", "Mật ong Trung Thành"]
    # names first; an inspection round that only mentions the word comes last
    assert found[-1].startswith("Kiểm tra")


def test_a_word_matching_nothing_does_not_widen_results(phone: Page, site_url: str) -> None:
    assert results(phone, site_url, "mat ong xyzzy") == []
    expect(phone.locator(".ocop-search__status")).to_contain_text("Không tìm thấy")


def test_search_is_shareable_and_in_every_header(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}tim-kiem/?q=tra%20xanh")
    expect(phone.locator(".ocop-result__title").first).to_have_text("Trà xanh Tài Hồ Sìn")
    phone.goto(f"{site_url}sao-ocop/")
    phone.locator(".ocop-header-search").click()
    expect(phone).to_have_url(f"{site_url}tim-kiem/")


def test_producer_page_on_a_phone(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}danh-muc/chu-the/ha-htx-che-tai-ho-sin/")
    expect(phone.locator("h1")).to_have_text("Hợp tác xã Chè Tài Hồ Sìn")
    expect(phone.locator(".ocop-stars-text").first).to_have_text("4 sao")
    expect(phone.locator(".ocop-status--valid").first).to_contain_text(
        "Còn hiệu lực đến 16/06/2028"
    )
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing overflows a phone screen sideways


def test_filters_narrow_the_list_and_live_in_the_address(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}danh-muc/")
    cards = phone.locator(".ocop-card:visible")
    count = phone.locator(".ocop-filter-count")
    expect(count).to_have_text("4 / 18 sản phẩm")  # valid certificates only, by default
    phone.locator("select[name=sao]").select_option("4")
    phone.locator("select[name=nhom]").select_option("do-uong")
    phone.locator("select[name=tinh]").select_option("cao-bang")
    expect(cards).to_have_count(1)
    expect(cards.first.locator(".ocop-card__title")).to_have_text("Trà xanh Tài Hồ Sìn")
    phone.locator("select[name=chung-nhan]").select_option("tat-ca")
    expect(cards).to_have_count(2)
    expect(phone).to_have_url(
        f"{site_url}danh-muc/?sao=4&nhom=do-uong&tinh=cao-bang&chung-nhan=tat-ca"
    )
    phone.reload()
    expect(phone.locator("select[name=tinh]")).to_have_value("cao-bang")
    expect(cards).to_have_count(2)
    phone.locator("select[name=sap-xep]").select_option("cong-nhan")
    expect(cards.first.locator(".ocop-card__title")).to_have_text("Trà xanh Tài Hồ Sìn")


def test_a_province_filter_shared_before_the_catalogue_grew_still_works(
    phone: Page, split_site_url: str
) -> None:
    phone.goto(f"{split_site_url}danh-muc/?tinh=cao-bang&sao=4&chung-nhan=tat-ca")
    expect(phone).to_have_url(
        f"{split_site_url}danh-muc/dia-phuong/cao-bang/?sao=4&chung-nhan=tat-ca"
    )
    expect(phone.locator("h1")).to_have_text("Sản phẩm OCOP tỉnh Cao Bằng")
    expect(phone.locator("select[name=sao]")).to_have_value("4")
    expect(phone.locator(".ocop-card:visible")).to_have_count(3)
    phone.locator("select[name=xa]").select_option("nguyen-hue")
    expect(phone.locator(".ocop-card:visible")).to_have_count(0)
    expect(phone.locator(".ocop-filter-count")).to_have_text("0 / 10 sản phẩm")


def test_without_javascript_every_product_is_listed(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}danh-muc/")
    expect(page.locator(".ocop-card:visible")).to_have_count(18)
    expect(page.locator(".ocop-filters")).to_be_hidden()
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "",
        "danh-muc/",
        "danh-muc/chu-the/ha-htx-che-tai-ho-sin/",
        "tim-kiem/?q=mat+ong",
        "danh-muc/kiem-tra/2024-01-23-quan-hoa/",
        "danh-muc/dia-phuong/cao-bang/",
        "sao-ocop/",
        "huong-dan/du-lieu/",
        "large:danh-muc/",
        "large:danh-muc/sao/",
        "large:danh-muc/dia-phuong/",
        "danh-muc/bao-cao/",
        "large:danh-muc/bao-cao/",
        "large:danh-muc/bao-cao/cao-bang/",
    ],
)
def test_axe_finds_no_accessibility_violation(
    phone: Page, path: str, request: pytest.FixtureRequest
) -> None:
    large, _, path = path.rpartition(":")  # "large:" pages are of the sample built as a large one
    base = request.getfixturevalue("split_site_url" if large else "site_url")
    phone.goto(base + path)
    phone.wait_for_load_state("networkidle")
    violations = Axe().run(phone).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []


def test_photos_load_from_srcset(browser: Browser, photo_site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    page.goto(f"{photo_site_url}danh-muc/chu-the/ha-com-chay-huy-hoang/")
    first = page.locator(".ocop-photo img").first
    expect(first).to_have_attribute("width", "1000")
    expect(first).to_have_attribute("height", "1600")
    expect(first).to_have_attribute("fetchpriority", "high")
    page.wait_for_function("document.querySelector('.ocop-photo img').complete")
    current = first.evaluate("img => img.currentSrc")
    assert re.search(r"/danh-muc/anh/[0-9a-f]{20}-(640|1000)[.]webp$", current), current
    assert first.evaluate("img => img.naturalWidth") > 0
    product_photo = page.locator("#com-chay-huy-hoang ~ .ocop-photo img").first
    expect(product_photo).to_have_attribute("loading", "lazy")
    context.close()


def test_content_security_policy_refuses_injected_scripts(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    refused: list[str] = []
    page.on("console", lambda msg: refused.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{site_url}danh-muc/")
    page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.injected = true'; document.body.appendChild(s); }"""
    )
    assert page.evaluate("window.injected") is None
    assert any("Content Security Policy" in text for text in refused)
    expect(page.locator(".ocop-filter-count")).to_have_text("4 / 18 sản phẩm")  # own JS still runs
    page.close()


def test_producer_page_prints_on_a4_with_its_qr_code(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}danh-muc/chu-the/ha-htx-che-tai-ho-sin/")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator("img.ocop-qr").first).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
    page.close()


PRODUCER_PAGE = "danh-muc/chu-the/qh-hkd-ruou-chuoi-hoi-xuan/"
PRODUCT = "ruou-chuoi-men-la-quan-hoa"
PUBLIC = "https://ocop.example.vn/"  # the site_url the sample's codes point at


def downloaded_png(page: Page, button: str) -> Image.Image:
    with page.expect_download() as download:
        page.locator(button).click()
    with open(download.value.path(), "rb") as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
    return image


def test_qr_code_and_badge_download_as_png_on_a_phone(phone: Page, site_url: str) -> None:
    """The PNGs are drawn by the phone's browser from the published SVGs: the QR code's is at
    least 1000 px and decodes to the product's address."""
    phone.goto(site_url + PRODUCER_PAGE)
    code = downloaded_png(phone, f'button[data-ocop-png="{PRODUCT}/ma-qr.svg"]')
    assert min(code.size) >= 1000
    texts = [r.text for r in zxingcpp.read_barcodes(code.convert("L"))]
    assert texts == [f"{PUBLIC}{PRODUCER_PAGE}#{PRODUCT}"]
    page_code = downloaded_png(phone, 'button[data-ocop-png="ma-qr.svg"]')
    assert [r.text for r in zxingcpp.read_barcodes(page_code.convert("L"))] == [
        PUBLIC + PRODUCER_PAGE
    ]
    badge = downloaded_png(phone, f'button[data-ocop-png="{PRODUCT}/huy-hieu.svg"]')
    assert badge.size == (640, 128)
    assert badge.convert("RGB").getpixel((20, 64)) == (0x1B, 0x5E, 0x20)  # drawn, not blank


def test_flyer_prints_on_a5_with_a_working_code(phone: Page, site_url: str) -> None:
    """The flyer, laid out by the browser from the page's data and printed to PDF, is one A5
    page whose QR code (read back by PDFium and zxing-cpp) opens the product."""
    phone.add_init_script("window.print = function () { window.printed = true; };")
    phone.goto(site_url + PRODUCER_PAGE)
    phone.locator(f'button[data-ocop-flyer="{PRODUCT}"]').click()
    phone.wait_for_function("window.printed === true")
    flyer = phone.locator(".ocop-flyer")
    expect(flyer).to_contain_text("Rượu chuối men lá Quan Hóa")
    pdf = phone.pdf(prefer_css_page_size=True, print_background=True)
    document = pdfium.PdfDocument(pdf)
    assert len(document) == 1
    width, height = document[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (148, 210)  # millimetres
    text = " ".join(document[0].get_textpage().get_text_range().split())  # lines joined
    assert "Rượu chuối men lá Quan Hóa" in text and "SẢN PHẨM OCOP" in text
    image = document[0].render(scale=150 / 72).to_pil().convert("L")
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [f"{PUBLIC}{PRODUCER_PAGE}#{PRODUCT}"]
