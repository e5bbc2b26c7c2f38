"""Write the generated pages into content/danh-muc/, touching only what changed; the drawn files
and photos stay in the cache and a manifest says where each is published."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from generator import __version__, parallel
from generator.assets import draw_assets, drawn_assets
from generator.cache import DrawingCache, ResultCache, folder_digest
from generator.events import KIND_LABELS, catalogue_events, last_changes
from generator.export import OPEN_DATA, open_data_files
from generator.feed import FEED_FILE, atom_feed
from generator.model import Catalogue
from generator.photos import PhotoCache, WebPhoto
from generator.pipeline import PACKAGE, Loaded, collector_paused, load_catalogue
from generator.redirects import redirect_pages
from generator.render import Reuse, changes_page, open_data_page, page_plan, report_pages
from generator.reports import build_report
from generator.search import search_files
from generator.settings import Settings

STAMP = ".inputs"
# Which cached file each published binary file is: path inside the generated folder -> path
# inside the cache folder. Not a page of its own (exclude_docs: danh-muc/_*).
FILES_MANIFEST = "_files.json"
WRITTEN_RECORD = "written.json"  # in the cache folder: what write_tree last wrote


def inputs_digest(settings: Settings) -> str:
    """A hash of everything the generated pages depend on, the build date included."""
    digest = hashlib.sha256(
        f"{__version__}|{settings.as_of.isoformat()}|{settings.listing_limit}".encode()
    )
    for folder in (settings.data_dir, PACKAGE):
        folder_digest(folder, digest)
    return digest.hexdigest()


def _same(path: str, data: bytes) -> bool:
    try:
        with open(path, "rb") as existing:
            return existing.read(len(data) + 1) == data
    except OSError:
        return False  # not there yet (or unreadable): written


def _listing(target: str) -> dict[str, tuple[int, int]]:
    """Every file under `target`: path inside it -> (size, modification time in ns)."""
    found: dict[str, tuple[int, int]] = {}
    folders = [("", target)]
    while folders:
        prefix, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((f"{prefix}{entry.name}/", entry.path))
                else:
                    info = entry.stat(follow_symlinks=False)
                    found[prefix + entry.name] = (info.st_size, info.st_mtime_ns)
    return found


def write_tree(target: Path, files: dict[str, str | bytes], record: Path | None = None) -> int:
    """Make `target` hold exactly `files`; return how many files were written or removed.

    `record` keeps, for each file written, its size, time and a hash of its bytes: a file still
    as it was written is known to be the same without reading it back."""
    changed = 0
    target.mkdir(parents=True, exist_ok=True)
    root = f"{target}{os.sep}"
    present = _listing(str(target))
    try:
        known = json.loads(record.read_text(encoding="utf-8")) if record else {}
    except (OSError, ValueError):
        known = {}  # no record (or a damaged one): files are compared by their bytes
    written: dict[str, list[int | str]] = {}
    for rel, text in sorted(files.items()):
        data = text.encode("utf-8") if isinstance(text, str) else text
        digest = hashlib.sha256(data).hexdigest()[:32]
        stat = present.get(rel)
        if stat and (known.get(rel) == [*stat, digest] or _same(root + rel, data)):
            written[rel] = [*stat, digest]
            continue
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)  # never a half-written page, even when a preview reads it
        info = path.stat()
        written[rel] = [info.st_size, info.st_mtime_ns, digest]
        changed += 1
    emptied: set[str] = set()  # folders a file was removed from
    for rel in present:
        if rel not in files and rel != STAMP:
            os.unlink(root + rel)
            changed += 1
            emptied.add(os.path.dirname(root + rel))
    for folder in sorted(emptied, key=len, reverse=True):  # the deepest first
        while folder.startswith(root) and os.path.isdir(folder) and not os.listdir(folder):
            os.rmdir(folder)
            folder = os.path.dirname(folder)
    if record:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps(written), encoding="utf-8")
    return changed


def _report_files(catalogue: Catalogue, listing_limit: int) -> dict[str, str]:
    return report_pages(catalogue, build_report(catalogue), listing_limit)


def _as_bytes(make: Callable[[], Mapping[str, str | bytes]]) -> dict[str, bytes]:
    """Files made in a worker as the bytes to write: bytes cross between processes ten times
    faster than text."""
    return {
        rel: data.encode("utf-8") if isinstance(data, str) else data for rel, data in make().items()
    }


@collector_paused()
def generate(settings: Settings) -> Loaded:
    """Validate the data and, when it is valid, write every page; invalid data writes nothing."""
    loaded = load_catalogue(settings)
    catalogue = loaded.catalogue
    if catalogue is None:
        return loaded
    photos, published = web_photos(catalogue, PhotoCache(settings.cache_dir / "photos"))
    events = catalogue_events(catalogue)
    pages = page_plan(
        catalogue,
        photos,
        site_url=settings.site_url,
        lastmods=last_changes(catalogue, events),
        listing_limit=settings.listing_limit,
        reuse=Reuse(
            ResultCache(
                settings.cache_dir / "rendered.sqlite",
                f"{settings.site_url}|{settings.listing_limit}",
            ),
            loaded.sources,
        ),
    )
    drawings = DrawingCache(settings.cache_dir / "drawings")
    # The files other than pages are made beside the pages left to render, longest first.
    others: dict[str, Callable[[], Any]] = {
        "assets": functools.partial(drawn_assets, catalogue, settings.site_url, drawings),
        "search": functools.partial(_as_bytes, functools.partial(search_files, catalogue)),
        "open data": functools.partial(
            _as_bytes, functools.partial(open_data_files, catalogue, settings.site_url)
        ),
        "report": functools.partial(
            _as_bytes, functools.partial(_report_files, catalogue, settings.listing_limit)
        ),
        "stamp": functools.partial(inputs_digest, settings),
    }
    missing = pages.missing
    results = parallel.run_all(
        [*others.values(), *missing.values()],
        parallel=len(catalogue.producers) + len(missing) >= parallel.PARALLEL_FROM,
    )
    made = dict(zip(others, results[: len(others)], strict=True))
    files: dict[str, str | bytes] = {**pages.finish(results[len(others) :])}
    files["cap-nhat.md"] = changes_page(events, KIND_LABELS)
    files.update(made["open data"])
    newest = events[0].date if events else None
    files[f"{OPEN_DATA}/index.md"] = open_data_page(catalogue, newest)
    files.update(made["report"])
    files[FEED_FILE] = atom_feed(events, settings.site_url, "Danh mục sản phẩm OCOP")
    assets, undrawn = made["assets"]
    draw_assets(catalogue, settings.site_url, drawings, undrawn)  # on every processor
    published.update(assets)
    cache = f"{settings.cache_dir}{os.sep}"  # every published file is inside the cache
    files[FILES_MANIFEST] = json.dumps(
        {rel: path.removeprefix(cache) for rel, path in published.items()},
        sort_keys=True,
        separators=(",\n", ": "),  # a file a line, written by json's C encoder (indent is not)
    )
    files.update(redirect_pages(catalogue, settings.site_url))
    files.update(made["search"])
    with ThreadPoolExecutor(1) as keeper:  # started after the last fork (draw_assets)
        kept = keeper.submit(pages.keep)  # the pages cached while the files are written
        write_tree(settings.generated_dir, files, settings.cache_dir / WRITTEN_RECORD)
        kept.result()
    (settings.generated_dir / STAMP).write_text(made["stamp"] + "\n")
    return loaded


def web_photos(
    catalogue: Catalogue, cache: PhotoCache
) -> tuple[dict[Path, WebPhoto], dict[str, str]]:
    """Every photo of the catalogue, processed (or taken from the cache), and its cached files
    (their paths as text)."""
    photos: dict[Path, WebPhoto] = {}
    files: dict[str, str] = {}
    records = [
        *catalogue.producers,
        *(p for producer in catalogue.producers for p in producer.products),
    ]
    for record in records:
        for photo in record.photos:
            if photo.path not in photos:
                photos[photo.path], produced = cache.get(photo.path)
                files.update((rel, str(path)) for rel, path in produced.items())
    return photos, files


def published_files(settings: Settings) -> dict[str, str]:
    """The drawn files and photos to publish: path inside the generated folder -> cached file
    (as text)."""
    manifest = settings.generated_dir / FILES_MANIFEST
    if not manifest.is_file():
        return {}
    listed = json.loads(manifest.read_text(encoding="utf-8"))
    cache = f"{settings.cache_dir}{os.sep}"
    return {rel: cache + cached for rel, cached in listed.items()}


def is_current(settings: Settings) -> bool:
    """True when the generated pages were made from exactly the current inputs and every
    file they publish is still in the cache."""
    stamp = settings.generated_dir / STAMP
    if not stamp.is_file() or stamp.read_text().strip() != inputs_digest(settings):
        return False
    listed: dict[str, set[str]] = {}  # folder -> its files: one listing, not a check a file
    for path in published_files(settings).values():
        folder, name = os.path.split(path)
        if folder not in listed:
            listed[folder] = set(os.listdir(folder)) if os.path.isdir(folder) else set()
        if name not in listed[folder]:
            return False
    return True


def publish(files: dict[str, str], target: str, already: dict[str, str]) -> None:
    """Put the cached files (path inside `target` -> cached file) into the built site in one
    pass: hard links, or copies where the cache is on another disk. `already` is what an
    earlier build put into the same folder (a preview's rebuild): only what changed is put again."""
    folders: set[str] = set()
    for rel, source in files.items():
        if already.get(rel) == source:
            continue
        path = f"{target}/{rel}"
        folder = path.rpartition("/")[0]
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        try:
            os.link(source, path)
        except OSError:  # already there, or no hard links on this disk
            _replace(source, path)


def _replace(source: str, target: str) -> None:
    """Link or copy `source` to `target`; a file already there is replaced whole, never
    half-written."""
    temporary = f"{target}.tmp"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)
    try:
        os.link(source, temporary)
    except OSError:
        shutil.copyfile(source, temporary)
    os.replace(temporary, target)


def ensure_generated(settings: Settings) -> Loaded | None:
    """Generate unless the pages are current; None when nothing had to be done."""
    return None if is_current(settings) else generate(settings)
