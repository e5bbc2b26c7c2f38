"""How long a one-file data change takes to show in `ocop serve`'s preview."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


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


def wait_for(url: str, text: str, seconds: float, interval: float = 0.05) -> float | None:
    """Seconds until `text` appears at `url`, or None if it never does."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if text in fetch(url):
            return time.monotonic() - start
        time.sleep(interval)
    return None


@dataclass
class Preview:
    url: str
    output: str = ""  # what the server printed, once it has stopped


@contextmanager
def preview(root: Path, *options: str) -> Iterator[Preview]:
    """`ocop serve` on a free port for the project at `root`, with more `options` if given."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--root", str(root), *options]
        + ["--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    running = Preview(f"http://127.0.0.1:{port}/")
    try:
        yield running
    finally:
        server.terminate()
        running.output, _ = server.communicate(timeout=60)


def change_latency(root: Path, data_file: Path, old: str, new: str, page: str) -> float | None:
    """Start the preview, replace `old` by `new` in one data file and return the seconds until
    the page at `page` (a path from the site root) shows `new`; None if it never does."""
    with preview(root) as running:
        if wait_for(running.url + page, old, 600, interval=0.5) is None:
            return None
        data_file.write_text(data_file.read_text(encoding="utf-8").replace(old, new))
        return wait_for(running.url + page, new, 120)
