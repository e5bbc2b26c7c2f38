"""How long `ocop validate` takes: the sample data, and N producers made from it.

Usage: .venv/bin/python -m bench.validate --producers 10000

Copies every sample producer file under new IDs until there are N producers (each with its
products renamed too), adds the sample rounds, and times loading and validation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

from generator.model.loading import load_catalogue
from generator.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def scaled_copy(target: Path, producers: int) -> None:
    """A data folder with `producers` producers made from the sample ones."""
    shutil.copytree(ROOT / "data" / "reference", target / "data" / "reference")
    samples = sorted((ROOT / "data" / "producers").glob("*/*.yaml"))
    for n in range(producers):
        source = samples[n % len(samples)]
        text = source.read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.startswith(("id: ", "  - id: ")):
                old = line.split("id: ", 1)[1].split()[0]
                text = text.replace(f"id: {old}\n", f"id: {old}-{n}\n")
        path = target / "data" / "producers" / source.parent.name / f"{source.stem}-{n}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def timed(root: Path) -> tuple[float, int, bool]:
    start = time.perf_counter()
    loaded = load_catalogue(Settings(root=root, as_of=dt.date(2026, 11, 24)))
    return time.perf_counter() - start, loaded.files_checked, loaded.report.ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--producers", type=int, default=10_000)
    args = parser.parse_args(argv)
    seconds, files, ok = timed(ROOT)
    print(f"sample data        {files:>7} files  {seconds:6.2f} s  valid={ok}")
    with tempfile.TemporaryDirectory() as tmp:
        scaled_copy(Path(tmp), args.producers)
        seconds, files, ok = timed(Path(tmp))
    print(f"{args.producers} producers {files:>7} files  {seconds:6.2f} s  valid={ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
