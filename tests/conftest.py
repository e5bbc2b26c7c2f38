"""Shared fixtures: copies of the project in temporary folders, and the built sample site."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalogue built once with the real MkDocs, judged on AS_OF."""
    from generator.engine import build_site
    from generator.output import generate

    root = copy_project(tmp_path_factory.mktemp("sample"))
    settings = Settings(root=root, as_of=AS_OF)
    assert generate(settings).report.ok
    build_site(settings)
    return root


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(sample_site: Path) -> Iterator[str]:
    """The built sample site served over HTTP on the loopback address."""
    handler = functools.partial(_QuietHandler, directory=str(sample_site / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
