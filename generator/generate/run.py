"""Write the generated pages into content/danh-muc/, touching only what changed; the drawn files
and photos stay in the cache and a manifest says where each is published."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from generator import __version__, parallel
from generator.cache import DrawingCache, IntactRecord, Pending, ResultCache, folder_digest
from generator.drawings.assets import drawn_assets, start_assets
from generator.drawings.photos import PhotoCache, WebPhoto
from generator.generate.media import photo_base, split
from generator.generate.plan import Reuse, page_plan
from generator.generate.tree import Entry, TreeWriter
from generator.lock import project_lock
from generator.model.catalogue import Catalogue
from generator.model.loading import PACKAGE, Loaded, collector_paused, load_catalogue
from generator.render.events import KIND_LABELS, catalogue_events, last_changes
from generator.render.export import OPEN_DATA, open_data_files
from generator.render.feed import FEED_FILE, atom_feed
from generator.render.pages import changes_page, open_data_page, report_pages
from generator.render.redirects import redirect_pages
from generator.render.search import search_files
from generator.render.staff_report import build_report
from generator.settings import GENERATED_FOLDER, Settings
from generator.urls import CHANGES, page_file

STAMP = ".inputs"
# Which cached file each published binary file is: path inside the generated folder -> path
# inside the cache folder. Not a page of its own (exclude_docs: danh-muc/_*).
FILES_MANIFEST = "_files.json"
DRAWINGS = "drawings"  # the drawing cache's folder, in the cache folder
WRITTEN_RECORD = "written.json"  # in the cache folder: what TreeWriter last wrote

# Drawings `generate(draw_later=True)` left running while the engine builds; published files
# are listed only once they are drawn (`finish_drawing`).
_drawing: list[Pending] = []


def inputs_digest(settings: Settings) -> str:
    """A hash of everything the generated pages depend on, the build date included."""
    digest = hashlib.sha256(
        f"{__version__}|{settings.as_of.isoformat()}|{settings.listing_limit}|"
        f"{settings.media_url}".encode()
    )
    for folder in (settings.data_dir, PACKAGE):
        folder_digest(folder, digest)
    return digest.hexdigest()


def _report_files(catalogue: Catalogue, listing_limit: int) -> dict[str, str]:
    return report_pages(catalogue, build_report(catalogue), listing_limit)


def _files_written(
    writer: TreeWriter, make: Callable[[], Mapping[str, str | bytes]]
) -> dict[str, Entry]:
    return writer.put(make())


def _manifest(photos: dict[str, str], drawn: dict[str, str], cache: str) -> str:
    """The files manifest: every photo and drawn file (this one named by its key alone), by
    its path inside the generated folder."""
    return json.dumps(
        {rel: path.removeprefix(cache) for rel, path in {**photos, **drawn}.items()},
        sort_keys=True,
        separators=(",\n", ": "),  # a file a line, written by json's C encoder (indent is not)
    )


def generate(settings: Settings, draw_later: bool = False) -> Loaded:
    """Validate the data and, when it is valid, write every page and draw every file not in
    the cache; invalid data writes nothing. One at a time in a project (`project_lock`).
    `draw_later`: the drawing goes on on every processor after this returns, beside the
    engine's build (one processor's work), until `finish_drawing`."""
    with project_lock(settings.cache_dir):
        return _generate(settings, draw_later)


def finish_drawing() -> None:
    """Wait for the drawings `generate` left running; a drawing's error is raised here."""
    while _drawing:
        _drawing.pop().wait()


def stop_drawing() -> None:
    """Give up on the drawings `generate` left running (a build that failed)."""
    while _drawing:
        _drawing.pop().stop()


@collector_paused()
def _generate(settings: Settings, draw_later: bool = False) -> Loaded:
    stop_drawing()  # left by an earlier generate of this process that no build published
    loaded = load_catalogue(settings)
    catalogue = loaded.catalogue
    if catalogue is None:
        return loaded
    photos, published = web_photos(
        catalogue, PhotoCache(settings.cache_dir / "photos"), photo_base(settings)
    )
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
    drawings = DrawingCache(settings.cache_dir / DRAWINGS)
    writer = TreeWriter(settings.generated_dir, settings.cache_dir / WRITTEN_RECORD, [STAMP])
    cache = f"{settings.cache_dir}{os.sep}"  # every published file is inside the cache

    def in_worker(make: Callable[..., Mapping[str, str | bytes]], *args: Any) -> Callable[[], Any]:
        """`make(*args)`'s files, written by the worker that makes them."""
        return functools.partial(_files_written, writer, functools.partial(make, *args))

    # The workers write what they make themselves and hand back only the record of it: the
    # files other than pages first, longest first, then the pages left to render, a batch at a
    # time (each batch cached in one transaction).
    others: dict[str, Callable[[], Any]] = {
        "assets": functools.partial(drawn_assets, catalogue, settings.site_url, drawings),
        "search": in_worker(search_files, catalogue),
        "open data": in_worker(open_data_files, catalogue, settings.site_url),
        "report": in_worker(_report_files, catalogue, settings.listing_limit),
        "stamp": functools.partial(inputs_digest, settings),
    }
    batches = [in_worker(pages.render, batch) for batch in parallel.batches(pages.missing)]
    results = parallel.run_all(
        [*others.values(), *batches],
        parallel=len(catalogue.producers) + len(pages.missing) >= parallel.PARALLEL_FROM,
    )
    made = dict(zip(others, results[: len(others)], strict=True))
    written: dict[str, Entry] = {}
    for entries in [made["search"], made["open data"], made["report"], *results[len(others) :]]:
        written.update(entries)
    keyed, undrawn = made["assets"]
    pending = start_assets(catalogue, settings.site_url, drawings, undrawn)
    if draw_later:
        _drawing.append(pending)
    else:
        pending.wait()
    newest = events[0].date if events else None
    files: dict[str, str | bytes] = {
        **pages.reused,
        page_file(CHANGES): changes_page(events, KIND_LABELS),
        page_file(OPEN_DATA): open_data_page(catalogue, newest),
        FEED_FILE: atom_feed(events, settings.site_url, "Danh mục sản phẩm OCOP"),
        FILES_MANIFEST: _manifest(published, keyed, cache),
        **redirect_pages(catalogue, settings.site_url),
    }
    written.update(writer.put(files))
    writer.finish(written)
    pages.forget_stale()
    (settings.generated_dir / STAMP).write_text(made["stamp"] + "\n")
    return loaded


def web_photos(
    catalogue: Catalogue, cache: PhotoCache, base: str = ""
) -> tuple[dict[Path, WebPhoto], dict[str, str]]:
    """Every photo of the catalogue, processed (or taken from the cache), and its cached files
    (their paths as text); `base`: the address pages load them from when not the site's."""
    photos: dict[Path, WebPhoto] = {}
    files: dict[str, str] = {}
    records = [
        *catalogue.producers,
        *(p for producer in catalogue.producers for p in producer.products),
    ]
    for record in records:
        for photo in record.photos:
            if photo.path not in photos:
                web, produced = cache.get(photo.path)
                photos[photo.path] = dataclasses.replace(web, base=base)
                files.update((rel, str(path)) for rel, path in produced.items())
    return photos, files


def published_files(settings: Settings) -> dict[str, str]:
    """The drawn files and photos to publish: path inside the built site -> cached file (as
    text), what `publish` puts into the site after any engine's build; without the photos
    when they are served from the media address (`media_files`). Once every drawing is drawn
    (`finish_drawing`)."""
    finish_drawing()
    return split(_resolved(settings), settings.media_url)[0]


def listed_files(settings: Settings) -> dict[str, str]:
    """The files `published_files` gives, by their paths inside the built site, without
    waiting for them to be drawn (a drawn one named by its key alone): what the engine checks
    links against."""
    return split(_listed(settings), settings.media_url)[0]


def media_files(settings: Settings) -> dict[str, str]:
    """The files served from the media address instead of the site (path -> cached file)."""
    finish_drawing()
    return split(_resolved(settings), settings.media_url)[1]


def stage_media(settings: Settings) -> dict[str, str]:
    """Lay out the files for the media address in `settings.media_dir` under the paths pages
    use, as links to the cache made afresh (a photo no longer shown is not uploaded again)."""
    files = media_files(settings)
    shutil.rmtree(settings.media_dir, ignore_errors=True)
    if files:
        publish(files, str(settings.media_dir), {})
    return files


def _listed(settings: Settings) -> dict[str, str]:
    """Every drawn file and photo the generated pages use, wherever it is served from, as the
    manifest names it (a drawn one by its key alone)."""
    manifest = settings.generated_dir / FILES_MANIFEST
    if not manifest.is_file():
        return {}
    listed = json.loads(manifest.read_text(encoding="utf-8"))
    cache = f"{settings.cache_dir}{os.sep}"
    return {f"{GENERATED_FOLDER}/{rel}": cache + cached for rel, cached in listed.items()}


def _resolved(settings: Settings, listed: dict[str, str] | None = None) -> dict[str, str]:
    """`_listed` (or `listed`, what it gave) with each drawn file's cached file (named by its
    key and its content); one not in the cache is left out."""
    listed = _listed(settings) if listed is None else listed
    drawings = f"{settings.cache_dir / DRAWINGS}{os.sep}"
    found = DrawingCache(settings.cache_dir / DRAWINGS).resolve(
        p for p in listed.values() if p.startswith(drawings)
    )
    return {
        rel: found[path] if path.startswith(drawings) else path
        for rel, path in listed.items()
        if path in found or not path.startswith(drawings)
    }


def is_current(settings: Settings) -> bool:
    """True when the generated pages were made from exactly the current inputs and every
    file they publish is still in the cache, every drawn one intact (its bytes match the hash
    in its name, or it is the very file found so before: a damaged or poisoned cache is drawn
    again, never published), or being drawn by this process (`generate(draw_later=True)`)."""
    stamp = settings.generated_dir / STAMP
    if not stamp.is_file() or stamp.read_text().strip() != inputs_digest(settings):
        return False
    if _drawing:
        return True  # generated by this very process, its drawings checked as they finish
    listed = _listed(settings)
    resolved = _resolved(settings, listed)
    if len(resolved) != len(listed):
        return False  # a drawn file not in the cache
    folders: dict[str, set[str]] = {}  # folder -> its files: one listing, not a check a file
    drawings = f"{settings.cache_dir / DRAWINGS}{os.sep}"
    record = IntactRecord(settings.cache_dir / DRAWINGS)
    try:
        for path in resolved.values():
            if path.startswith(drawings):
                if not record.check(path):
                    return False
                continue
            folder, name = os.path.split(path)
            if folder not in folders:
                folders[folder] = set(os.listdir(folder)) if os.path.isdir(folder) else set()
            if name not in folders[folder]:
                return False
    finally:
        record.save()
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
