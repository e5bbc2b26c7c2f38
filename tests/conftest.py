"""Shared fixtures: copies of the project in temporary folders, and the built sample site."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.settings import GENERATED_FOLDER, Settings

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = dt.date(2026, 11, 24)


def copy_project(target: Path, data: Path | None = None) -> Path:
    """A buildable copy of the project in `target`, with the repository's data or `data`."""
    ignore = shutil.ignore_patterns(GENERATED_FOLDER, "__pycache__")
    for name in ("content", "theme_overrides", "generator"):
        shutil.copytree(REPO / name, target / name, ignore=ignore)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(data or REPO / "data", target / "data")
    return target


def overlay(target: Path, *sources: Path) -> Path:
    """Copy each source tree over `target` (fixtures add or replace files)."""
    for source in sources:
        shutil.copytree(source, target, dirs_exist_ok=True)
    return target


def with_photos(root: Path) -> Path:
    """A project with phone photos added to one producer (its workshop, 1600x1000) and to its
    first product (1200x900); returns `root`."""
    from tests.photo_factory import phone_photo

    data = root / "data" / "producers" / "cao-bang" / f"{PHOTO_PRODUCER}.yaml"
    phone_photo(data.parent / "anh" / "xuong.jpg")
    phone_photo(data.parent / "anh" / "com-chay.jpg", (1200, 900))
    text = data.read_text(encoding="utf-8")
    text = text.replace(
        "sources:", "photos:\n  - file: anh/xuong.jpg\n    caption: Xưởng sản xuất\nsources:", 1
    )
    text = text.replace(
        "    certifications:", "    photos:\n      - file: anh/com-chay.jpg\n    certifications:", 1
    )
    data.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalogue built once with the real MkDocs, judged on AS_OF."""
    from generator.generate.run import generate
    from generator.publish.build import build_site

    root = copy_project(tmp_path_factory.mktemp("sample"))
    settings = Settings(root=root, as_of=AS_OF)
    assert generate(settings).report.ok
    build_site(settings)
    return root


@pytest.fixture(scope="session")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample catalogue built as a large one: above the listing limit (lowered to 5 here) its
    lists of the whole catalogue become one page per province."""
    from generator.publish.build import build_site

    root = copy_project(tmp_path_factory.mktemp("split"))
    build_site(Settings(root=root, as_of=AS_OF, listing_limit=5))
    yield root


PHOTO_PRODUCER = "ha-com-chay-huy-hoang"


@pytest.fixture(scope="session")
def photo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalogue with phone photos added to one producer and its product, built."""
    from generator.generate.run import generate
    from generator.publish.build import build_site

    root = with_photos(copy_project(tmp_path_factory.mktemp("photos")))
    settings = Settings(root=root, as_of=AS_OF)
    assert generate(settings).report.ok
    build_site(settings)
    return root


def serve_folder(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve a folder over HTTP on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


CHROMIUM = Path("/usr/bin/chromium")
# Headless Chromium without the background services that would try to reach the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright; skipped where it is missing, except in CI."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(
                "CI needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)"
            )
        pytest.skip("Debian's Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(sample_site: Path) -> Iterator[str]:
    """The built sample site served over HTTP on the loopback address."""
    url, server = serve_folder(sample_site / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def split_site_url(split_site: Path) -> Iterator[str]:
    """The sample site built as a large catalogue, served over HTTP on the loopback address."""
    url, server = serve_folder(split_site / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def photo_site_url(photo_site: Path) -> Iterator[str]:
    """The sample site with photos, served over HTTP on the loopback address."""
    url, server = serve_folder(photo_site / "site")
    yield url
    server.shutdown()
