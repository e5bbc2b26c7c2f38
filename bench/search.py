"""Search at national scale: index size and time to the first result in headless Chromium.

Usage, after `python3 -m generator.bootstrap build`:

    .venv/bin/python -m bench.search --producers 10000

Builds the real search index (generator/search.py) from a synthetic catalogue of N producers with
1-3 products each, puts it into a copy of the built site, serves it compressed, and measures in
Debian's Chromium how long after the page load the first result of a query appears.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.server import serve
from generator.model import Catalogue, Certification, Producer, Product, build_catalogue
from generator.reference import load_reference
from generator.search import INDEX_FILE, search_index

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "rượu chuối men lá mật ong rừng trà xanh shan tuyết cơm cháy bún khô miến dong lạp sườn "
    "bánh khảo măng đắng thịt trâu gác bếp cá suối gạo nếp nương chè búp hồng không hạt "
    "tinh dầu quế hồi nấm hương đặc sản thổ cẩm mây tre đan gốm nước mắm cà phê"
).split()
KINDS = ("htx", "doanh-nghiep", "ho-kinh-doanh", "to-hop-tac")


def synthetic_catalogue(producers: int, seed: int = 1) -> Catalogue:
    """A catalogue of `producers` producers with realistic Vietnamese names."""
    rng = random.Random(seed)
    reference, _ = load_reference(ROOT / "data" / "reference", ROOT)
    criteria = reference.criteria["qd-148-2023"]
    provinces = list(reference.provinces.values())
    items = []
    for i in range(producers):
        province = rng.choice(provinces)
        products = []
        for j in range(rng.randint(1, 3)):
            name = " ".join(rng.sample(WORDS, 3)).capitalize()
            cert = Certification(
                rng.choice((3, 4, 5)),
                None,
                criteria,
                f"{i}/QĐ",
                dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 600)),
                "UBND tỉnh",
                None,
                None,
                None,
                frozenset(),
            )
            cert.judge(dt.date(2026, 11, 24), 90)
            products.append(
                Product(
                    f"sp-{i}-{j}",
                    name,
                    "thuc-pham",
                    "Thực phẩm",
                    None,
                    [],
                    [],
                    [cert],
                    frozenset(),
                    f"cs-{i}",
                )
            )
        kind = rng.choice(KINDS)
        items.append(
            Producer(
                f"cs-{i}",
                f"Hợp tác xã {' '.join(rng.sample(WORDS, 2))} {i}",
                kind,
                kind,
                "xã, huyện",
                None,
                province,
                None,
                None,
                None,
                [],
                None,
                None,
                None,
                None,
                None,
                [],
                [],
                frozenset(),
                products,
                "synthetic",
            )
        )
    return build_catalogue(items, [], reference, dt.date(2026, 11, 24))


def first_result_ms(url: str) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.goto(url)
        page.wait_for_selector(".ocop-result", timeout=60_000)
        elapsed = page.evaluate(
            "performance.now() - performance.getEntriesByType('navigation')[0].loadEventEnd"
        )
        browser.close()
    return max(elapsed, 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--producers", type=int, default=10_000)
    args = parser.parse_args(argv)
    if not (ROOT / "site" / "tim-kiem" / "index.html").is_file():
        print("Chưa có site/: chạy `python3 -m generator.bootstrap build` trước.", file=sys.stderr)
        return 1
    start = time.perf_counter()
    catalogue = synthetic_catalogue(args.producers)
    index = search_index(catalogue).encode()
    built = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(ROOT / "site", site)
        (site / "danh-muc" / INDEX_FILE).write_bytes(index)
        base, server = serve(site)
        try:
            wait = first_result_ms(f"{base}tim-kiem/?q=mat+ong")
        finally:
            server.shutdown()
    print(f"producers            {args.producers:>10}")
    print(f"products             {len(catalogue.products()):>10}")
    print(f"index build (s)      {built:>10.2f}")
    print(f"index raw (KB)       {len(index) / 1024:>10.0f}")
    print(f"index gzip (KB)      {len(gzip.compress(index)) / 1024:>10.0f}")
    print(f"first result (ms)    {wait:>10.0f}   after the page's load event")
    return 0


if __name__ == "__main__":
    sys.exit(main())
