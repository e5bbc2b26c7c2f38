"""The national catalogue against the engine's floor, in one table.

Usage: .venv/bin/python -m bench.scale --producers 1000 [10000 ...] [--runs 3]

For each N: synthetic data (`ocop demo-data`), then the first build from nothing: the real
`ocop build` command with every cache empty (validate, generate, draw beside the engine, the
engine, the steps after it and the host check), after which everything it made is removed; then
the time to validate with empty caches and
again with unchanged files; to validate, generate the pages and draw the producers' files with
the drawings' cache empty, again with only the files drawn kept, and again with unchanged data;
to build the site with an empty page cache and again with unchanged data; the time a one-file
data change takes to show in `ocop serve`; peak memory; number of files, size, mean and largest
page of the site; the split search index (whole, and the pieces a query loads: the manifest, a
word shard per query word, chunks of rows); and, in the same run, a plain MkDocs build of N
minimal pages with the same theme kept out of the navigation: the engine's floor. With Zensical
at hand, the floor's pages and the catalogue's generated pages are also built by Zensical, cold
and again unchanged. Then the built site against the static hosts' limits: which kinds of file
(by extension and by role) hold the bytes and the count, the folder with the most files and the
largest file.

The build and the floor are timed `--runs` times, alternately (floor, cold build, unchanged build,
floor, ...), each after `sync` so that no step pays for the writing of the one before (a cold
run draws and writes its files just before the first build), the cold ones with the engine's page
cache emptied; the table gives the median and the spread (lowest-highest) of each, and of their
ratio within a run, with the machine's load average (`/proc/loadavg`) before and after, since the
machine may be shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.preview import change_latency
from generator.drawings.photos import PHOTO_FOLDER
from generator.generate.run import generate
from generator.model.loading import load_catalogue
from generator.publish.build import build_site
from generator.reference.units import load_units
from generator.render.export import OPEN_DATA, RECORD
from generator.render.search import INDEX_FILE, INDEX_FOLDER
from generator.settings import GENERATED_FOLDER, Settings
from generator.staff.demo import write_demo
from generator.urls import BADGE_SVG, CARD, QR_SVG, producer_path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 24)


def project(target: Path) -> Path:
    for name in ("content", "theme_overrides", "generator"):
        shutil.copytree(
            ROOT / name,
            target / name,
            ignore=shutil.ignore_patterns(GENERATED_FOLDER, "__pycache__"),
        )
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def clock(step) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def settled(root: Path) -> None:
    """Wait until the site a build replaced, removed by a process of its own, is gone: the next
    figure must not share the disk with that removal."""
    while any(root.glob("site.old-*")):
        time.sleep(0.1)


def floor(target: Path, pages: int) -> float:
    """A plain MkDocs + Material build of `pages` short pages outside the navigation (the project
    stays in `target`, so another engine can build the same pages)."""
    docs = target / "docs"
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    for n in range(pages):
        (docs / "p" / f"{n}.md").write_text(
            f"# Sản phẩm {n}\n\nHợp tác xã số {n}, 4 sao, còn hiệu lực.\n", encoding="utf-8"
        )
    (target / "mkdocs.yml").write_text(
        "site_name: Floor\nsite_url: https://example.vn/\ntheme:\n  name: material\n"
        "  language: vi\n  font: false\nplugins: []\nnav:\n  - index.md\n"
        "validation:\n  omitted_files: ignore\n",
        encoding="utf-8",
    )
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(target / "mkdocs.yml"), site_dir=str(target / "site"))
    return clock(lambda: build(config))


def zensical_builds(target: Path, executable: str) -> tuple[float, float] | str:
    """A project built by Zensical, which reads the same mkdocs.yml: cold (its cache cleared
    first), then again with nothing changed (its cache kept); "failed" when it fails (why is
    printed; the other figures of the run are kept).

    Zensical builds its own search index unless told not to; MkDocs, with `plugins: []`, builds
    none: the copy of mkdocs.yml Zensical reads turns its search off, so that both engines do
    the same work (the catalogue has its own search)."""
    shutil.rmtree(target / "site", ignore_errors=True)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nplugins: []\n" in config, "the engines are compared without a search plugin"
    config = config.replace("\nplugins: []\n", "\nplugins:\n  - search:\n      enabled: false\n")
    (target / "zensical.yml").write_text(config, encoding="utf-8")
    command = [executable, "build", "--config-file", str(target / "zensical.yml")]
    times = []
    for extra in (["--clean"], []):
        start = time.perf_counter()
        done = subprocess.run([*command, *extra], cwd=target, capture_output=True, text=True)
        if done.returncode:
            error = (done.stderr.strip().splitlines() or ["no message"])[-1]
            print(f"Zensical failed in {target}: {error}", file=sys.stderr)
            return "failed"
        times.append(time.perf_counter() - start)
    return times[0], times[1]


def engine_copy(root: Path, target: Path) -> Path:
    """The generated catalogue's pages and theme in a project of their own, so that another
    engine's cache (Zensical's `.cache/`, which `--clean` empties) is not the generator's."""
    for name in ("content", "theme_overrides"):
        shutil.copytree(root / name, target / name, copy_function=os.link)
    shutil.copy2(root / "mkdocs.yml", target / "mkdocs.yml")
    return target


def default_zensical() -> str | None:
    """Zensical beside this Python (a test dependency), if it is there."""
    found = Path(sys.executable).with_name("zensical")
    return str(found) if found.is_file() else None


def preview_latency(root: Path, settings: Settings) -> float | None:
    """Rename the first producer in its data file; seconds until the preview shows it."""
    catalogue = load_catalogue(settings).catalogue
    assert catalogue is not None
    producer = catalogue.producers[0]
    page = producer_path(producer.id)
    return change_latency(
        root, root / producer.source_file, producer.name, producer.name + " Mới", page
    )


def first_build(settings: Settings) -> float:
    """`ocop build` on a project with nothing built and no cache, as a fresh CI runner runs
    it; then everything it made is removed, so the steps measured after start from nothing."""
    command = [str(Path(sys.executable).with_name("ocop")), "build", "--root", str(settings.root)]
    shutil.rmtree(settings.cache_dir, ignore_errors=True)  # the unit tables `write_demo` cached
    os.sync()
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "--as-of", AS_OF.isoformat()], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if done.returncode:
        print(f"ocop build ended with {done.returncode}: {done.stderr[-500:]}", file=sys.stderr)
    for made in (settings.cache_dir, settings.generated_dir, settings.site_dir):
        shutil.rmtree(made, ignore_errors=True)
    load_units(settings.cache_dir)  # as `write_demo` left them for the steps after
    settled(settings.root)
    os.sync()
    return seconds


def measure(
    producers: int, preview_up_to: int, zensical: str | None, runs: int = 3
) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        root = project(Path(tmp) / "site-project")
        counts = write_demo(root, producers, 1, AS_OF)
        settings = Settings(root=root, as_of=AS_OF)
        first = first_build(settings)
        validate = clock(lambda: load_catalogue(settings))
        revalidate = clock(lambda: load_catalogue(settings))
        cold = clock(lambda: generate(settings))
        markdown = clock(lambda: generate(settings))
        for kept in ("checked.sqlite", "rendered.sqlite"):  # checks and pages forgotten
            (settings.cache_dir / kept).unlink()
        regenerate = clock(lambda: generate(settings))  # the drawn files stay in their cache
        load_before = load_average()
        floors, builds, rebuilds = [], [], []
        floor_root = Path(tmp) / "floor"
        for _ in range(runs):
            shutil.rmtree(floor_root, ignore_errors=True)
            floors.append(floor(floor_root, counts["producers"] + counts["rounds"]))
            shutil.rmtree(settings.cache_dir / "pages", ignore_errors=True)  # a cold build
            os.sync()
            builds.append(clock(lambda: build_site(settings)))
            settled(root)
            os.sync()
            rebuilds.append(clock(lambda: build_site(settings)))
            settled(root)
        load_after = load_average()
        build, rebuild, engine_floor = (statistics.median(t) for t in (builds, rebuilds, floors))
        site = root / "site"
        files = [p for p in site.rglob("*") if p.is_file()]
        pages = [p for p in files if p.suffix == ".html"]
        index = {p.name: p.read_bytes() for p in (site / GENERATED_FOLDER / INDEX_FOLDER).iterdir()}
        packed = {name: len(gzip.compress(data)) for name, data in index.items()}
        manifest = packed[INDEX_FILE.rsplit("/", 1)[1]]
        shard = max(size for name, size in packed.items() if name.startswith("w-"))
        chunk = max(size for name, size in packed.items() if name.startswith("r-"))
        site_bytes = sum(p.stat().st_size for p in files)
        page_sizes = [p.stat().st_size for p in pages]
        kinds = site_kinds(site, files)
        latency = preview_latency(root, settings) if producers <= preview_up_to else None
        other = other_floor = None
        if zensical:
            other_floor = zensical_builds(floor_root, zensical)
            other = zensical_builds(engine_copy(root, Path(tmp) / "zensical"), zensical)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    shown = "n/a" if latency is None else f"{latency:.1f}"
    return {
        "producers": f"{counts['producers']}",
        "products": f"{counts['products']}",
        "validate, cold (s)": f"{validate:.1f}",
        "validate, unchanged (s)": f"{revalidate:.1f}",
        "validate + generate + draw, cold (s)": f"{cold:.1f}",
        "validate + generate, files already drawn (s)": f"{regenerate:.1f}",
        "validate + generate, unchanged (s)": f"{markdown:.1f}",
        "build, cold (s)": _spread(builds),
        "build, unchanged (s)": _spread(rebuilds),
        "first build, every cache empty: ocop build (s)": f"{first:.1f}",
        "validate, generate, build, one after another (s)": f"{validate + cold + builds[0]:.1f}",
        "engine floor (s)": _spread(floors),
        "Zensical floor: cold, unchanged (s)": _pair(other_floor),
        "Zensical catalogue: cold, unchanged (s)": _pair(other),
        "build / floor, cold": _spread([b / f for b, f in zip(builds, floors, strict=True)], 2),
        "build / floor, unchanged": _spread(
            [b / f for b, f in zip(rebuilds, floors, strict=True)], 2
        ),
        "runs of build and floor": f"{runs}",
        "load average: before, after": f"{load_before}, {load_after}",
        "cold / unchanged build": f"{build / rebuild:.1f}",
        "preview of a change (s)": shown,
        "peak memory (MB)": f"{peak:.0f}",
        "site files": f"{len(files)}",
        "site size (MB)": f"{site_bytes / 1e6:.1f}",
        "mean page (KB)": f"{sum(page_sizes) / len(pages) / 1024:.1f}",
        "largest page (KB)": f"{max(page_sizes) / 1024:.0f}",
        "search index, whole (gz KB)": f"{sum(packed.values()) / 1024:.0f}",
        "search: manifest (gz KB)": f"{manifest / 1024:.1f}",
        "search: largest shard (gz KB)": f"{shard / 1024:.1f}",
        "search: row chunk (gz KB)": f"{chunk / 1024:.1f}",
        **kinds,
    }


def load_average() -> str:
    """The machine's load average over the last minute (others' work shares the processors)."""
    return Path("/proc/loadavg").read_text().split()[0]


def _spread(values: list[float], digits: int = 1) -> str:
    """The median of several runs and, with more than one, their range."""
    middle = f"{statistics.median(values):.{digits}f}"
    if len(values) < 2:
        return middle
    return f"{middle} ({min(values):.{digits}f}-{max(values):.{digits}f})"


ROLES = {  # a file's role in the site, by its name or its folder inside the generated folder
    QR_SVG: "QR codes",
    BADGE_SVG: "badges",
    CARD: "share cards",
    RECORD: "open data",  # a producer's record, beside its page
    f"{GENERATED_FOLDER}/{PHOTO_FOLDER}/": "photos",
    f"{GENERATED_FOLDER}/{INDEX_FOLDER}/": "search index",
    f"{GENERATED_FOLDER}/{OPEN_DATA}/": "open data",
    "assets/": "theme",
}


def role(rel: str) -> str:
    """The role of a file, by its path inside the site."""
    name = rel.rpartition("/")[2]
    for key, label in ROLES.items():
        if name == key or rel.startswith(key):
            return label
    return "pages" if name.endswith(".html") else "other"


def site_kinds(site: Path, files: list[Path]) -> dict[str, str]:
    """The files of the site by extension and by role (count, MB), the folder holding the most
    files and the largest file: what the static hosts limit."""
    count: Counter[str] = Counter()
    size: Counter[str] = Counter()
    folders: Counter[str] = Counter()
    largest = (0, "")
    for path in files:
        rel = path.relative_to(site).as_posix()
        bytes_ = path.stat().st_size
        folders[rel.rpartition("/")[0] or "."] += 1
        largest = max(largest, (bytes_, rel))
        for key in (f"extension {path.suffix or '(none)'}", f"role {role(rel)}"):
            count[key] += 1
            size[key] += bytes_
    rows = {
        f"files, MB: {key}": f"{count[key]}, {size[key] / 1e6:.1f}"
        for key in sorted(count, key=lambda k: (k.startswith("role"), -size[k]))
    }
    folder, most = folders.most_common(1)[0]
    rows["most files in one folder"] = f"{most}"
    rows["  that folder"] = _short(folder)
    rows["largest file (MB)"] = f"{largest[0] / 1e6:.2f}"
    rows["  that file"] = _short(largest[1])
    return rows


def _short(path: str, width: int = 13) -> str:
    return path if len(path) <= width else "…" + path[-(width - 1) :]


def _pair(times: tuple[float, float] | str | None) -> str:
    if times is None or isinstance(times, str):
        return times or "n/a"
    return f"{times[0]:.1f}, {times[1]:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--producers", type=int, nargs="+", default=[1000])
    parser.add_argument(
        "--preview-up-to",
        type=int,
        default=1000,
        help="measure the preview only up to this many producers (it starts a whole server)",
    )
    parser.add_argument(
        "--zensical",
        metavar="EXECUTABLE",
        default=default_zensical(),
        help="build the floor's pages and the catalogue's with this Zensical too (default: the "
        "one installed beside this Python, a test dependency; 'none' to leave Zensical out)",
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="time the build and the floor this many times"
    )
    args = parser.parse_args(argv)
    zensical = None if args.zensical == "none" else args.zensical
    columns = []
    for n in args.producers:  # each column also to stderr when done: a long run keeps its parts
        columns.append(measure(n, args.preview_up_to, zensical, args.runs))
        print(json.dumps(columns[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    keys = list(dict.fromkeys(key for column in columns for key in column))
    width = max(44, *(len(key) + 2 for key in keys))
    for key in keys:
        print(f"{key:<{width}}" + "".join(f"{column.get(key, '-'):>22}" for column in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
