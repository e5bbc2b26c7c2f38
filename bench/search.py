"""Search at national scale: what a visitor downloads for a query, and how soon the first result
shows in headless Chromium.

Usage, after `python3 -m generator.bootstrap build`:

    .venv/bin/python -m bench.search --producers 10000 [--query "mat ong"]

Writes a synthetic national catalogue (`ocop demo-data`), builds the real split index from it
(generator/render/search.py), puts it into a copy of the built site, serves that compressed like a
production host, opens the search page with the query in Debian's Chromium, and reads from the
browser's own resource timing which index files it fetched and how many bytes came over the wire.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus

from bench.server import serve
from generator.model.loading import load_catalogue
from generator.render.search import INDEX_FILE, INDEX_FOLDER, search_files
from generator.settings import GENERATED_FOLDER, Settings
from generator.staff.demo import write_demo

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 24)


def in_browser(url: str) -> tuple[float, list[tuple[str, int]]]:
    """Milliseconds from the page's load event to the first result, and the index files fetched
    with their compressed sizes."""
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
        fetched = page.evaluate(
            f"""performance.getEntriesByType('resource')
                .filter(e => e.name.includes('/{INDEX_FOLDER}/'))
                .map(e => [e.name.split('/').pop(), e.encodedBodySize])"""
        )
        browser.close()
    return max(elapsed, 0.0), [(name, size) for name, size in fetched]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--producers", type=int, default=10_000)
    parser.add_argument("--query", default="mat ong")
    args = parser.parse_args(argv)
    if not (ROOT / "site" / "tim-kiem" / "index.html").is_file():
        print("Chưa có site/: chạy `python3 -m generator.bootstrap build` trước.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        write_demo(project, args.producers, 1, AS_OF)
        catalogue = load_catalogue(Settings(root=project, as_of=AS_OF)).catalogue
        assert catalogue is not None
        start = time.perf_counter()
        files = search_files(catalogue)
        built = time.perf_counter() - start
        site = Path(tmp) / "site"
        shutil.copytree(ROOT / "site", site)
        folder = site / GENERATED_FOLDER
        shutil.rmtree(folder / INDEX_FOLDER)
        for rel, text in files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text, encoding="utf-8")
        base, server = serve(site)
        try:
            wait, fetched = in_browser(f"{base}tim-kiem/?q={quote_plus(args.query)}")
        finally:
            server.shutdown()
    raw = {rel: len(text.encode()) for rel, text in files.items()}
    packed = {rel: len(gzip.compress(text.encode())) for rel, text in files.items()}
    shards = [size for rel, size in packed.items() if "/w-" in rel]
    print(f"producers                     {args.producers:>10}")
    print(f"products                      {len(catalogue.products()):>10}")
    print(f"index files                   {len(files):>10}")
    print(f"index build (s)               {built:>10.2f}")
    print(f"whole index raw (KB)          {sum(raw.values()) / 1024:>10.0f}")
    print(f"whole index gzip (KB)         {sum(packed.values()) / 1024:>10.0f}")
    print(f"manifest gzip (KB)            {packed[INDEX_FILE] / 1024:>10.1f}")
    print(f"largest word shard gzip (KB)  {max(shards) / 1024:>10.1f}")
    print(f"query                         {args.query!r:>10}")
    print(f"files fetched for it          {len(fetched):>10}   {' '.join(n for n, _ in fetched)}")
    print(f"downloaded for it (KB)        {sum(s for _, s in fetched) / 1024:>10.1f}   compressed")
    print(f"first result (ms)             {wait:>10.0f}   after the page's load event")
    return 0


if __name__ == "__main__":
    sys.exit(main())
