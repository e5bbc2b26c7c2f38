"""QR codes, badges, share cards and flyers: decoded, measured and checked for missing glyphs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
from html import unescape
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from fontTools.ttLib import TTFont
from PIL import Image

from generator.assets import drawn_assets, producer_assets
from generator.badges import badge_png, badge_svg
from generator.cache import DrawingCache
from generator.fonts import font_path
from generator.model import Status
from generator.pipeline import load_catalogue
from generator.qr import qr_png, qr_svg
from generator.render import status_text
from generator.settings import GENERATED_FOLDER, Settings
from generator.urls import FLYER, PRODUCERS
from tests.conftest import AS_OF, REPO, copy_project

SITE = "https://ocop.example.vn/"


@pytest.fixture(scope="module")
def catalogue():
    loaded = load_catalogue(Settings(root=REPO, as_of=AS_OF))
    assert loaded.catalogue is not None
    return loaded.catalogue


@pytest.fixture(scope="module")
def assets(catalogue, tmp_path_factory) -> dict[str, bytes]:
    cache = DrawingCache(tmp_path_factory.mktemp("drawings"))
    files = producer_assets(catalogue, SITE, cache)
    return {rel: Path(path).read_bytes() for rel, path in files.items()}


def decode(png: bytes) -> list[str]:
    with Image.open(io.BytesIO(png)) as image:
        return [result.text for result in zxingcpp.read_barcodes(image.convert("L"))]


def test_every_producer_and_product_has_its_files(catalogue, assets) -> None:
    for producer in catalogue.producers:
        for name in ("ma-qr.svg", "ma-qr.png", "the-chia-se.png"):
            assert f"chu-the/{producer.id}/{name}" in assets
        for product in producer.products:
            for name in (
                "ma-qr.svg",
                "ma-qr.png",
                "huy-hieu.svg",
                "huy-hieu.png",
                "the-chia-se.png",
                "to-roi-a5.pdf",
            ):
                assert f"chu-the/{producer.id}/{product.id}/{name}" in assets


def test_qr_codes_decode_to_the_page_address(assets) -> None:
    page = SITE + "danh-muc/chu-the/qh-hkd-ruou-chuoi-hoi-xuan/"
    png = assets["chu-the/qh-hkd-ruou-chuoi-hoi-xuan/ma-qr.png"]
    assert decode(png) == [page]
    product = assets["chu-the/qh-hkd-ruou-chuoi-hoi-xuan/ruou-chuoi-men-la-quan-hoa/ma-qr.png"]
    assert decode(product) == [page + "#ruou-chuoi-men-la-quan-hoa"]
    with Image.open(io.BytesIO(png)) as image:
        assert min(image.size) >= 1000


def test_qr_survives_damage() -> None:
    url = SITE + "danh-muc/chu-the/ha-com-chay-huy-hoang/"
    with Image.open(io.BytesIO(qr_png(url))) as image:
        damaged = image.convert("L")
    width, height = damaged.size
    # a scuff across the middle of the code, as on a worn package
    damaged.paste(255, (width // 2 - 60, height // 3, width // 2 + 60, height // 3 + 120))
    assert [r.text for r in zxingcpp.read_barcodes(damaged)] == [url]
    assert b"<title>" + url.encode() + b"</title>" in qr_svg(url)


def test_badges_tell_the_status(catalogue) -> None:
    valid = catalogue.producer("ha-htx-che-tai-ho-sin").products[0]
    expired = catalogue.producer("ha-bun-kho-co-luyen").products[0]
    assert "Hiệu lực đến 16/06/2028" in badge_svg(valid).decode()
    assert "Hết hiệu lực 20/07/2024" in badge_svg(expired).decode()
    cert = dataclasses.replace(
        valid.current, revoked_date=dt.date(2026, 3, 1), revoked_reason="Không duy trì tiêu chí"
    )
    cert.judge(AS_OF, 90)
    revoked = dataclasses.replace(valid, certifications=[cert])
    assert cert.status is Status.REVOKED
    assert "Đã thu hồi 01/03/2026" in badge_svg(revoked).decode()
    with Image.open(io.BytesIO(badge_png(revoked))) as image:
        assert image.size == (640, 128)


def test_share_cards_and_flyers(assets) -> None:
    for path, data in assets.items():
        if path.endswith("the-chia-se.png"):
            with Image.open(io.BytesIO(data)) as image:
                assert image.size == (1200, 630)
                assert not image.getexif() and "exif" not in image.info
        if path.endswith(".pdf"):
            assert data.startswith(b"%PDF-") and len(data) < 60_000


def test_flyer_prints_as_a5_with_a_working_code(assets) -> None:
    """Rendered by PDFium (Chromium's PDF engine): A5, titled, and its QR code opens the product."""
    producer, product = "qh-hkd-ruou-chuoi-hoi-xuan", "ruou-chuoi-men-la-quan-hoa"
    document = pdfium.PdfDocument(assets[f"chu-the/{producer}/{product}/to-roi-a5.pdf"])
    assert len(document) == 1
    width, height = document[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (148, 210)  # millimetres
    assert document.get_metadata_dict()["Title"] == "Rượu chuối men lá Quan Hóa"
    page = document[0].render(scale=150 / 72).to_pil().convert("L")
    assert [r.text for r in zxingcpp.read_barcodes(page)] == [
        f"{SITE}danh-muc/chu-the/{producer}/#{product}"
    ]


def test_font_draws_every_character(catalogue) -> None:
    covered = set(TTFont(font_path("regular"))["cmap"].getBestCmap()) & set(
        TTFont(font_path("bold"))["cmap"].getBestCmap()
    )
    texts = ["★☆…×ĐđƠơƯư", "SẢN PHẨM OCOP", "Đã thu hồi Hiệu lực đến sao OCOP sản phẩm"]
    for producer in catalogue.producers:
        texts += [producer.name, producer.province.name, producer.commune_name or ""]
        for product in producer.products:
            texts += [product.name, status_text(product.current, reason=False)]
    vietnamese = "".join(chr(c) for c in range(0x1EA0, 0x1EFA))  # every precomposed letter
    missing = {ch for ch in "".join(texts) + vietnamese if ch.strip() and ord(ch) not in covered}
    assert missing == set()


def test_unchanged_drawings_are_not_drawn_again(catalogue, tmp_path: Path) -> None:
    planned, undrawn = drawn_assets(catalogue, SITE, DrawingCache(tmp_path))
    assert sorted(undrawn) == sorted(p.id for p in catalogue.producers)  # nothing drawn yet
    first = DrawingCache(tmp_path)
    files = producer_assets(catalogue, SITE, first)
    assert files == planned
    second = DrawingCache(tmp_path)
    assert producer_assets(catalogue, SITE, second) == files
    # one product renamed: only its producer has files to draw again, and only those are drawn
    producer = catalogue.producers[0]
    product = dataclasses.replace(producer.products[0], name="Tên mới")
    renamed = dataclasses.replace(producer, products=[product, *producer.products[1:]])
    changed = dataclasses.replace(catalogue, producers=[renamed, *catalogue.producers[1:]])
    third = DrawingCache(tmp_path)
    assert drawn_assets(changed, SITE, third)[1] == [producer.id]
    producer_assets(changed, SITE, third)
    assert third.drawn == 4  # the badge (SVG, PNG), the card and the flyer of that product
    assert first.drawn > 0 and second.drawn == 0
    # a producer leaves the catalogue: its drawings leave the cache, the others stay
    gone = catalogue.producers[0]
    fewer = dataclasses.replace(catalogue, producers=catalogue.producers[1:])
    kept = producer_assets(fewer, SITE, DrawingCache(tmp_path))
    cached = {str(p) for p in tmp_path.rglob("*") if p.is_file()}
    assert cached == set(kept.values())
    assert {rel for rel in files if rel.startswith(f"{PRODUCERS}/{gone.id}/")}
    assert all(Path(files[rel]).exists() == (rel in kept) for rel in files)


def test_producer_page_carries_share_metadata(sample_site: Path) -> None:
    page = sample_site / "site/danh-muc/chu-the/ha-htx-che-tai-ho-sin/index.html"
    html = unescape(page.read_text(encoding="utf-8"))
    card = SITE + "danh-muc/chu-the/ha-htx-che-tai-ho-sin/the-chia-se.png"
    assert f'<meta property="og:image" content="{card}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:title" content="Hợp tác xã Chè Tài Hồ Sìn">' in html
    assert f'<link rel="canonical" href="{SITE}danh-muc/chu-the/ha-htx-che-tai-ho-sin/">' in html
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    graph = json.loads(block)["@graph"]
    assert graph[0]["@type"] == "Organization" and graph[0]["name"] == "Hợp tác xã Chè Tài Hồ Sìn"
    # its stars and decision are illustrative in the sample: no award is published for machines
    assert graph[1]["@type"] == "Product" and "award" not in graph[1]
    assert "telephone" not in graph[0]
    assert (
        sample_site
        / "site/danh-muc/chu-the/ha-htx-che-tai-ho-sin/tra-xanh-tai-ho-sin"
        / "to-roi-a5.pdf"
    ).is_file()


def test_drawn_files_are_published_from_the_cache_not_copied(sample_site: Path) -> None:
    generated = sample_site / "content" / "danh-muc"
    assert not list(generated.rglob("*.png")) and not list(generated.rglob("*.pdf"))
    manifest = json.loads((generated / "_files.json").read_text(encoding="utf-8"))
    assert "_files.json" not in {p.name for p in (sample_site / "site").rglob("*")}
    for rel, cached in manifest.items():
        published = sample_site / "site" / "danh-muc" / rel
        assert published.samefile(sample_site / ".cache" / cached), rel  # a hard link


def test_a_link_to_a_file_not_published_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from generator.engine import SiteBuildError, build_site
    from generator.output import FILES_MANIFEST, generate

    settings = Settings(root=copy_project(tmp_path), as_of=AS_OF)
    assert generate(settings).report.ok
    manifest = settings.generated_dir / FILES_MANIFEST
    published = json.loads(manifest.read_text(encoding="utf-8"))
    missing = f"{PRODUCERS}/ha-htx-che-tai-ho-sin/tra-xanh-tai-ho-sin/{FLYER}"
    del published[missing]
    manifest.write_text(json.dumps(published), encoding="utf-8")
    with pytest.raises(SiteBuildError, match="strict"):
        build_site(settings)
    assert f"{GENERATED_FOLDER}/{missing}' is not found" in caplog.text  # the engine names it
    assert not (settings.site_dir / "index.html").exists()  # nothing half-built was swapped in
