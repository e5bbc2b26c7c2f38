"""QR codes, badges and share cards: decoded, measured, checked for missing glyphs, and drawn
again when their cache is damaged or their inputs change."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import zxingcpp
from fontTools.ttLib import TTFont
from PIL import Image

from generator.cache import INTACT_RECORD, DrawingCache, code_digest, drawing_key
from generator.drawings.assets import badge, card, draw_assets, drawn_assets
from generator.drawings.badges import badge_svg
from generator.drawings.cards import share_card
from generator.drawings.fonts import font_path
from generator.drawings.qr import QrCode, qr_svg
from generator.model.catalogue import Catalogue, Status
from generator.model.loading import load_catalogue
from generator.model.words import status_text
from generator.settings import GENERATED_FOLDER, Settings
from generator.urls import BADGE_SVG, PRODUCERS
from tests.conftest import AS_OF, REPO, copy_project
from tests.qr_pixels import qr_pixels

SITE = "https://ocop.example.vn/"


def producer_assets(catalogue: Catalogue, site_url: str, cache: DrawingCache) -> dict[str, str]:
    """Every drawn file of every producer by its path in the site, the missing ones drawn
    first, as `ocop generate` lists and draws them."""
    keyed, undrawn = drawn_assets(catalogue, site_url, cache)
    drawn = draw_assets(catalogue, site_url, cache, undrawn)
    found = cache.resolve(keyed.values())
    assert all(drawn[target] == found[keyed[target]] for target in drawn)
    return {target: found[key] for target, key in keyed.items()}


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


def decode(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_every_producer_and_product_has_its_files(catalogue, assets) -> None:
    expected = set()
    for producer in catalogue.producers:
        expected |= {f"chu-the/{producer.id}/{name}" for name in ("ma-qr.svg", "the-chia-se.png")}
        for product in producer.products:
            expected |= {
                f"chu-the/{producer.id}/{product.id}/{name}" for name in ("ma-qr.svg", BADGE_SVG)
            }
    assert set(assets) == expected  # the PNGs and the flyer are made in the browser


def test_qr_codes_decode_to_the_page_address(catalogue, assets) -> None:
    for producer in catalogue.producers:
        page = f"{SITE}danh-muc/chu-the/{producer.id}/"
        assert decode(qr_pixels(assets[f"chu-the/{producer.id}/ma-qr.svg"])) == [page]
        for product in producer.products:
            svg = assets[f"chu-the/{producer.id}/{product.id}/ma-qr.svg"]
            assert decode(qr_pixels(svg)) == [f"{page}#{product.id}"]
            assert f"<title>{page}#{product.id}</title>".encode() in svg


def test_qr_survives_damage() -> None:
    url = SITE + "danh-muc/chu-the/ha-com-chay-huy-hoang/"
    damaged = qr_pixels(qr_svg(QrCode(url)), module=20)
    width, height = damaged.size
    # a scuff across the middle of the code, as on a worn package
    damaged.paste(255, (width // 2 - 60, height // 3, width // 2 + 60, height // 3 + 120))
    assert decode(damaged) == [url]


def test_badges_tell_the_status(catalogue) -> None:
    valid = catalogue.producer("ha-htx-che-tai-ho-sin").products[0]
    expired = catalogue.producer("ha-bun-kho-co-luyen").products[0]
    assert "Hiệu lực đến 16/06/2028" in badge_svg(badge(valid)).decode()
    assert "Hết hiệu lực 20/07/2024" in badge_svg(badge(expired)).decode()
    cert = dataclasses.replace(
        valid.current, revoked_date=dt.date(2026, 3, 1), revoked_reason="Không duy trì tiêu chí"
    )
    cert.judge(AS_OF, 90)
    revoked = dataclasses.replace(valid, certifications=[cert])
    assert cert.status is Status.REVOKED
    assert "Đã thu hồi 01/03/2026" in badge_svg(badge(revoked)).decode()


def test_share_cards(assets) -> None:
    for path, data in assets.items():
        if path.endswith("the-chia-se.png"):
            with Image.open(io.BytesIO(data)) as image:
                assert image.size == (1200, 630)
                assert not image.getexif() and "exif" not in image.info


def test_a_drawing_is_keyed_by_every_value_it_shows(catalogue) -> None:
    """The share card of a producer whose best product gains a star is drawn again: its key
    comes from the value the card is drawn from (stars, status, names...), not from a list
    of inputs written by hand beside it."""
    producer = catalogue.producer("ha-htx-che-tai-ho-sin")
    best = max(producer.products, key=lambda p: (p.stars, p.name))
    cert = dataclasses.replace(best.current, stars=best.stars + 1)
    cert.judge(AS_OF, 90)
    starred = dataclasses.replace(best, certifications=[cert])
    more = dataclasses.replace(
        producer, products=[starred if p is best else p for p in producer.products]
    )
    before, after = card(producer, "ocop.example.vn"), card(more, "ocop.example.vn")
    assert before != after
    assert drawing_key(share_card, before) != drawing_key(share_card, after)
    assert drawing_key(share_card, before) == drawing_key(
        share_card, card(producer, "ocop.example.vn")
    )
    # the code that draws is part of the key: the card's module and what it draws with
    assert code_digest("generator.drawings.cards") != code_digest("generator.drawings.qr")


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
    assert DrawingCache(tmp_path).resolve(planned.values()) == {}
    first = DrawingCache(tmp_path)
    files = producer_assets(catalogue, SITE, first)
    assert drawn_assets(catalogue, SITE, DrawingCache(tmp_path)) == (planned, [])
    found = DrawingCache(tmp_path).resolve(planned.values())
    assert {target: found[key] for target, key in planned.items()} == files
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
    assert third.drawn == 1  # that product's badge: its name is on it
    assert first.drawn > 0 and second.drawn == 0
    # a producer leaves the catalogue: its drawings leave the cache, the others stay
    gone = catalogue.producers[0]
    fewer = dataclasses.replace(catalogue, producers=catalogue.producers[1:])
    kept = producer_assets(fewer, SITE, DrawingCache(tmp_path))
    cached = {str(p) for p in tmp_path.rglob("*") if p.is_file() and p.name != INTACT_RECORD}
    assert cached == set(kept.values())
    assert {rel for rel in files if rel.startswith(f"{PRODUCERS}/{gone.id}/")}
    assert all(Path(files[rel]).exists() == (rel in kept) for rel in files)


def test_damaged_drawings_are_drawn_again(catalogue, assets, tmp_path: Path) -> None:
    cache = DrawingCache(tmp_path)
    producer_assets(catalogue, SITE, cache)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            path.write_bytes(b"<svg>garbage</svg>")
    again = DrawingCache(tmp_path)
    files = producer_assets(catalogue, SITE, again)
    assert again.drawn == len(assets)
    assert {rel: Path(path).read_bytes() for rel, path in files.items()} == assets


def test_files_found_intact_are_not_read_again(
    catalogue, assets, tmp_path: Path, monkeypatch
) -> None:
    """The record of files found intact spares reading every file at every run, but a file
    rewritten in place, even to the same size, is read, found damaged and drawn again."""
    import generator.cache

    producer_assets(catalogue, SITE, DrawingCache(tmp_path))
    read: list[str] = []
    real = generator.cache.intact
    monkeypatch.setattr(generator.cache, "intact", lambda path: read.append(path) or real(path))
    again = DrawingCache(tmp_path)
    producer_assets(catalogue, SITE, again)
    assert again.drawn == 0 and read == []
    victim = next(p for p in (tmp_path / "qr_svg").iterdir())
    size = victim.stat().st_size
    victim.write_bytes(b"<svg>" + b"x" * (size - 11) + b"</svg>")
    assert victim.stat().st_size == size
    third = DrawingCache(tmp_path)
    files = producer_assets(catalogue, SITE, third)
    assert read == [str(victim)] and third.drawn == 1
    assert {rel: Path(path).read_bytes() for rel, path in files.items()} == assets


def test_a_poisoned_drawing_cache_is_never_published(tmp_path: Path) -> None:
    """Garbage in every cached drawing (a CI cache restored from elsewhere): `ocop build`
    draws them again and publishes the right files."""
    from click.testing import CliRunner

    from generator.cli import cli
    from generator.publish.build import build_site

    root = copy_project(tmp_path)
    runner = CliRunner()
    build = ["build", "--root", str(root), "--as-of", AS_OF.isoformat()]
    assert runner.invoke(cli, build).exit_code == 0
    site = root / "site" / GENERATED_FOLDER
    drawn = {p: p.read_bytes() for p in site.rglob("*") if p.suffix in (".svg", ".png")}
    assert len(drawn) > 60

    def poison() -> None:
        for path in (p for p in (root / ".cache" / "drawings").rglob("*") if p.is_file()):
            path.write_bytes(b"\x89PNG garbage")  # in place: the site's hard links change too

    poison()
    assert runner.invoke(cli, build).exit_code == 0
    assert {p: p.read_bytes() for p in drawn} == drawn
    poison()  # and when the engine is run alone on pages already generated
    build_site(Settings(root=root, as_of=AS_OF))
    assert {p: p.read_bytes() for p in drawn} == drawn


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
    assert graph[1]["image"] == card  # a product is a part of its producer's page


def test_drawn_files_are_published_from_the_cache_not_copied(sample_site: Path) -> None:
    generated = sample_site / "content" / "danh-muc"
    assert not list(generated.rglob("*.png")) and not list(generated.rglob("*.pdf"))
    manifest = json.loads((generated / "_files.json").read_text(encoding="utf-8"))
    assert "_files.json" not in {p.name for p in (sample_site / "site").rglob("*")}
    for rel, cached in manifest.items():
        published = sample_site / "site" / "danh-muc" / rel
        if cached.startswith("drawings/"):  # named by its key alone: the file adds its hash
            [cached] = [
                str(p.relative_to(sample_site / ".cache"))
                for p in (sample_site / ".cache").glob(f"{cached}.*")
            ]
        assert published.samefile(sample_site / ".cache" / cached), rel  # a hard link


def test_a_link_to_a_file_not_published_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from generator.generate.run import FILES_MANIFEST, generate
    from generator.publish.build import SiteBuildError, build_site

    settings = Settings(root=copy_project(tmp_path), as_of=AS_OF)
    assert generate(settings).report.ok
    manifest = settings.generated_dir / FILES_MANIFEST
    published = json.loads(manifest.read_text(encoding="utf-8"))
    missing = f"{PRODUCERS}/ha-htx-che-tai-ho-sin/tra-xanh-tai-ho-sin/{BADGE_SVG}"
    del published[missing]
    manifest.write_text(json.dumps(published), encoding="utf-8")
    with pytest.raises(SiteBuildError, match="strict"):
        build_site(settings)
    assert f"{GENERATED_FOLDER}/{missing}' is not found" in caplog.text  # the engine names it
    assert not (settings.site_dir / "index.html").exists()  # nothing half-built was swapped in


def _demo_project(target: Path, producers: int) -> Settings:
    from generator.staff.demo import write_demo

    root = copy_project(target)
    write_demo(root, producers, 7, AS_OF)
    return Settings(root=root, as_of=AS_OF)


def test_ocop_build_draws_beside_the_engine(tmp_path: Path) -> None:
    """`ocop build` leaves the drawing running on every processor while the engine builds the
    pages, and publishes the files once drawn: the very files a drawing done first gives."""
    import generator.generate.run as run
    from generator.publish.build import build_site

    settings = _demo_project(tmp_path / "later", 30)
    assert run.generate(settings, draw_later=True).report.ok
    [pending] = run._drawing  # still drawing, in workers of their own
    assert pending.started.pool is not None and run.is_current(settings)
    build_site(settings)
    assert run._drawing == []
    site = settings.site_dir / GENERATED_FOLDER
    later = {
        p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.suffix in (".svg", ".png")
    }
    assert len(later) > 100
    first = _demo_project(tmp_path / "first", 30)
    assert run.generate(first).report.ok and run._drawing == []
    build_site(first)
    site = first.site_dir / GENERATED_FOLDER
    assert {
        p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.suffix in (".svg", ".png")
    } == later


def test_a_drawing_that_fails_beside_the_engine_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A drawing error raised in a worker while the engine builds (the font missing) ends
    `ocop build` in its message, with no half-built site and the old one kept."""
    from click.testing import CliRunner

    from generator.cli import cli
    from generator.drawings.fonts import FONT_DIR_ENV

    settings = _demo_project(tmp_path, 30)
    build = ["build", "--root", str(settings.root), "--as-of", AS_OF.isoformat()]
    assert CliRunner().invoke(cli, build).exit_code == 0
    (settings.site_dir / "old.txt").write_text("kept", encoding="utf-8")
    shutil.rmtree(settings.cache_dir / "drawings")
    (tmp_path / "no-fonts").mkdir()
    monkeypatch.setenv(FONT_DIR_ENV, str(tmp_path / "no-fonts"))
    result = CliRunner().invoke(cli, build)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "fonts-dejavu-core" in result.output and "Traceback" not in result.output
    assert (settings.site_dir / "old.txt").read_text(encoding="utf-8") == "kept"
    assert not list(settings.root.glob("site.building-*"))
