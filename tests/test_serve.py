"""`ocop serve`: the preview regenerates and shows a change to a data file within seconds."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import copy_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, seconds: float) -> float | None:
    """Seconds until `text` appears at `url`, or None if it never does."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if text in fetch(url):
            return time.monotonic() - start
        time.sleep(0.2)
    return None


def test_serve_shows_a_data_change(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "serve",
            "--root",
            str(root),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    page = f"http://127.0.0.1:{port}/danh-muc/chu-the/ha-bun-kho-co-luyen/"
    try:
        assert wait_for(page, "Bún khô Cô Luyến", 60) is not None, "preview did not start"
        data = root / "data" / "producers" / "cao-bang" / "ha-bun-kho-co-luyen.yaml"
        data.write_text(
            data.read_text().replace("name: Bún khô Cô Luyến", "name: Bún khô Cô Luyến Mới")
        )
        assert wait_for(page, "Bún khô Cô Luyến Mới", 20) is not None, "change not shown"
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert "Traceback" not in output, output
