"""Lighthouse (mobile profile) on the built sample site: prints scores and page weights.

Usage, after `python3 -m generator.bootstrap build`:

    .venv/bin/python -m bench.lighthouse

Installs the npm package `lighthouse` into .cache/node/ on first use and drives Debian's
Chromium (CHROME_PATH=/usr/bin/chromium). Targets: Performance >= 95, Accessibility, Best
Practices and SEO 100, a producer page under 150 KB transferred without photos.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.server import serve

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / ".cache" / "node"
LIGHTHOUSE = NODE / "node_modules" / ".bin" / "lighthouse"
VERSION = "13.5.0"
PAGES = {
    "home": "",
    "catalogue": "danh-muc/",
    "producer": "danh-muc/chu-the/ha-htx-che-tai-ho-sin/",
}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def ensure_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        NODE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(NODE),
                "--no-audit",
                "--no-fund",
                "--silent",
                f"lighthouse@{VERSION}",
            ],
            check=True,
        )


def audit(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            check=True,
            env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"),
        )
        return json.loads(out.read_text())


def weight_without_images(report: dict) -> int:
    items = report["audits"]["network-requests"]["details"]["items"]
    return sum(i.get("transferSize", 0) for i in items if i.get("resourceType") != "Image")


def main() -> int:
    site = ROOT / "site"
    if not (site / "index.html").is_file():
        print("Chưa có site/: chạy `python3 -m generator.bootstrap build` trước.", file=sys.stderr)
        return 1
    ensure_lighthouse()
    base, server = serve(site)
    try:
        print(f"{'page':<10} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'KB (no images)':>15}")
        for name, path in PAGES.items():
            report = audit(base + path)
            scores = [round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES]
            weight = weight_without_images(report) / 1024
            print(f"{name:<10} " + " ".join(f"{s:>5}" for s in scores) + f" {weight:>15.1f}")
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
