"""The core pipeline: discover -> load -> validate -> model; and generation of the pages."""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.cache import UNREADABLE, ResultCache, folder_digest, from_json, to_json
from generator.check.validate import DataFiles, Validator
from generator.load.yaml_reader import Document, load_document
from generator.model.catalogue import Catalogue, build_catalogue, build_producer, build_round
from generator.parallel import PARALLEL_FROM, batches, run_all
from generator.problems import Problem, Report
from generator.reference.data import load_reference
from generator.settings import Settings


@dataclass
class Loaded:
    """The outcome of loading and validating the data: a catalogue only when the report is ok
    (and the model was asked for)."""

    report: Report
    files_checked: int
    catalogue: Catalogue | None
    # each data file (relative path) -> a hash of its bytes and of everything its checks use
    sources: dict[str, str] = field(default_factory=dict)


def discover(settings: Settings) -> tuple[list[Path], list[Path], list[Problem]]:
    """Producer and inspection files, and a problem for every YAML file in the wrong place."""
    found: list[tuple[tuple[str, ...], str]] = []  # (parts inside the data folder, path)
    data = settings.data_dir
    folders: list[tuple[tuple[str, ...], str]] = [((), str(data))] if data.is_dir() else []
    inside = os.path.join(os.path.realpath(data), "")
    prefix = data.relative_to(settings.root).as_posix()
    problems: list[Problem] = []
    while folders:
        parts, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                is_data = entry.name.endswith((".yaml", ".yml")) or entry.is_dir()
                if is_data and entry.is_symlink():
                    target = os.path.realpath(entry.path)
                    if not target.startswith(inside):  # published from outside data/: refused
                        rel = f"{prefix}/{'/'.join((*parts, entry.name))}"
                        problems.append(
                            Problem(
                                rel, None, None, "file-outside", {"file": rel, "target": target}
                            )
                        )
                        continue
                if entry.is_dir(follow_symlinks=False):  # as os.walk: links not followed
                    folders.append(((*parts, entry.name), entry.path))
                elif entry.name.endswith((".yaml", ".yml")) and entry.is_file():
                    found.append(((*parts, entry.name), entry.path))
    producers, inspections = [], []
    for parts, text in sorted(found):
        path = Path(text)
        rel = f"{prefix}/{'/'.join(parts)}"
        if parts[0] == "reference":
            continue
        if path.suffix == ".yml":
            problems.append(Problem(rel, None, None, "misplaced-file", {"reason": "yml-extension"}))
        elif parts[0] == "producers" and len(parts) == 3:
            producers.append(path)
        elif parts[0] == "inspections" and len(parts) == 2:
            inspections.append(path)
        else:
            problems.append(
                Problem(
                    rel,
                    None,
                    None,
                    "misplaced-file",
                    {"reason": "outside-folders"},
                )
            )
    return producers, inspections, problems


PACKAGE = Path(__file__).parent.parent  # the checks' code and schemas


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused: loading and rendering make many objects that live to the
    end of the run, and the collector would walk them over and over (half the time of loading a
    national catalogue) to find almost nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _photo_files(doc: Document) -> list[Path]:
    """The photo files a document names (the checks open them)."""
    found: list[Path] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "photos" and isinstance(value, list):
                    found.extend(
                        doc.path.parent / photo["file"]
                        for photo in value
                        if isinstance(photo, dict) and isinstance(photo.get("file"), str)
                    )
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc.data)
    return found


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except (OSError, ValueError):
        return None
    return stat.st_size, stat.st_mtime_ns


Outcome = tuple[Document | None, list[Problem], list[tuple[Path, tuple[int, int] | None]]]
Written = Mapping[Path, tuple[bytes, Document]]  # files just written: their bytes, their data


def _check_file(
    path: Path, root: Path, kind: str, validator: Validator | None, raw: bytes | None
) -> Outcome:
    """One file loaded and checked on its own (only loaded when the reference data is broken),
    with the stamps of the photos it names: the outcome holds while they stay the same."""
    doc, problems = load_document(path, root, raw)
    if doc is not None and validator is not None:
        problems = problems + validator.file(doc, kind)
    photos = _photo_files(doc) if doc is not None else []
    return doc, problems, [(photo, _stamp(photo)) for photo in photos]


def _encoded(outcome: Outcome) -> bytes | None:
    """An outcome as JSON, the form it is cached and sent back in; None when some value in
    it is not plain data (it is then sent as it is and not cached)."""
    doc, problems, stamps = outcome
    try:
        return to_json(
            [
                None if doc is None else [str(doc.path), doc.rel, doc.data],
                [[p.file, p.line, p.column, p.code, p.params, p.path] for p in problems],
                [[str(photo), None if stamp is None else list(stamp)] for photo, stamp in stamps],
            ]
        )
    except (TypeError, ValueError, RecursionError):
        return None


def _is(value: Any, kind: type) -> bool:
    return type(value) is kind  # a JSON true is not a line number


def _position(value: Any) -> bool:
    return value is None or (_is(value, int) and value > 0)


def _decoded(blob: bytes) -> Outcome | None:
    """The outcome a cached blob holds, or None unless it has exactly the shape `_encoded`
    writes (a damaged or foreign cache is checked again, never trusted)."""
    value = from_json(blob)
    if value is UNREADABLE or not _is(value, list) or len(value) != 3:
        return None
    doc_value, problem_values, stamp_values = value
    if not (_is(problem_values, list) and _is(stamp_values, list)):
        return None
    doc = None
    if doc_value is not None:
        if not (_is(doc_value, list) and len(doc_value) == 3):
            return None
        path, rel, data = doc_value
        if not (_is(path, str) and _is(rel, str) and _is(data, dict)):
            return None
        doc = Document(Path(path), rel, data)
    problems = []
    for item in problem_values:
        if not (_is(item, list) and len(item) == 6):
            return None
        file, line, column, code, params, dotted = item
        if not (
            _is(file, str)
            and _position(line)
            and _position(column)
            and _is(code, str)
            and _is(params, dict)
            and _is(dotted, str)
        ):
            return None
        problems.append(Problem(file, line, column, code, params, dotted))
    stamps: list[tuple[Path, tuple[int, int] | None]] = []
    for item in stamp_values:
        if not (_is(item, list) and len(item) == 2 and _is(item[0], str)):
            return None
        stamp = item[1]
        if stamp is not None and not (
            _is(stamp, list) and len(stamp) == 2 and all(_is(n, int) for n in stamp)
        ):
            return None
        stamps.append((Path(item[0]), None if stamp is None else (stamp[0], stamp[1])))
    return doc, problems, stamps


def _still_holds(blob: bytes) -> bool:
    """True when a cached outcome can be used: of the right shape, and its photos unchanged."""
    outcome = _decoded(blob)
    return outcome is not None and all(_stamp(photo) == stamp for photo, stamp in outcome[2])


def _check_known(
    path: Path, root: Path, kind: str, validator: Validator | None, raw: bytes, doc: Document
) -> Outcome:
    """A file just written, checked from the document it was written from; a file with a
    problem is loaded from its bytes, so every problem is told as loading it tells it."""
    problems = validator.file(doc, kind) if validator is not None else []
    if problems:
        return _check_file(path, root, kind, validator, raw)
    return doc, [], [(photo, _stamp(photo)) for photo in _photo_files(doc)]


def _check_batch(
    batch: list[tuple[Path, str]],
    root: Path,
    validator: Validator | None,
    cache: ResultCache | None,
    written: Written,
) -> list[tuple[bytes | Outcome, str | None]]:
    """Each file's outcome (as JSON) and its key in the cache: taken from the cache when
    neither the file, nor its photos, nor the checks changed; else loaded (or, for a file just
    written, taken as written), checked and cached (in any process, the batch in one
    transaction)."""
    raws: dict[Path, bytes] = {}
    keys: dict[Path, str] = {}
    for path, kind in batch:
        if path in written:
            raws[path] = written[path][0]
        else:
            try:
                raws[path] = path.read_bytes()
            except OSError:
                continue  # reported when the file is loaded
        if cache is not None:
            keys[path] = cache.key(path.relative_to(root).as_posix(), kind, raws[path])
    stored = cache.blobs(keys.values()) if cache is not None else {}
    results: list[tuple[bytes | Outcome, str | None]] = []
    new: dict[str, bytes] = {}
    for path, kind in batch:
        key = keys.get(path)
        blob: bytes | Outcome | None = stored.get(key) if key else None
        if blob is None or not _still_holds(blob):
            if path in written:
                outcome = _check_known(path, root, kind, validator, *written[path])
            else:
                outcome = _check_file(path, root, kind, validator, raws.get(path))
            blob = _encoded(outcome) or outcome
            if key and isinstance(blob, bytes):
                new[key] = blob
        results.append((blob, key))
    if cache is not None and new:
        cache.store(new)
    return results


def _check_all(
    paths: list[tuple[Path, str]],
    settings: Settings,
    validator: Validator | None,
    report: Report,
    written: Written,
) -> tuple[list[Document], dict[str, str]]:
    """Every file loaded and checked on its own, on every processor, each from the cache when
    it can be. The usable documents, and a hash of each checked file with everything its checks
    depend on (by relative path)."""
    cache = None
    if validator is not None:
        context = folder_digest(PACKAGE, folder_digest(settings.reference_dir))
        # documents hold absolute paths: a project moved elsewhere checks its files again
        context.update(f"{settings.root}|{settings.as_of}|{settings.expiring_days}".encode())
        cache = ResultCache(settings.cache_dir / "checked.sqlite", context.hexdigest())
    results = run_all(
        [
            functools.partial(
                _check_batch,
                batch,
                settings.root,
                validator,
                cache,
                {path: written[path] for path, _ in batch if path in written},
            )
            for batch in batches(paths)
        ],
        parallel=len(paths) >= PARALLEL_FROM,
    )
    docs = []
    sources: dict[str, str] = {}
    for (path, kind), (blob, key) in zip(paths, itertools.chain(*results), strict=True):
        outcome = _decoded(blob) if isinstance(blob, bytes) else blob
        if outcome is None:  # not of the shape written (never for ours): checked again
            outcome = _check_file(path, settings.root, kind, validator, None)
        doc, problems, _ = outcome
        report.extend(problems)
        if doc is not None:
            docs.append(doc)
        if key:
            sources[doc.rel if doc else path.relative_to(settings.root).as_posix()] = key
    if cache is not None:
        cache.store({}, keep=sources.values())  # outcomes of files gone or changed forgotten
    return docs, sources


@collector_paused()
def load_catalogue(
    settings: Settings, written: Written | None = None, *, model: bool = True
) -> Loaded:
    """Load and validate every data file; build the model when nothing is wrong (unless
    `model` is False: only the verdict is wanted). `written`: files just written, with their
    bytes and the document they were written from, checked without parsing them again."""
    report = Report()
    reference, problems = load_reference(settings.reference_dir, settings.root)
    report.extend(problems)
    producer_paths, inspection_paths, problems = discover(settings)
    report.extend(problems)
    validator = Validator(reference, settings.data_dir, settings.as_of) if reference else None
    docs, sources = _check_all(
        [(p, "producer") for p in producer_paths] + [(p, "inspection") for p in inspection_paths],
        settings,
        validator,
        report,
        written or {},
    )
    loaded_paths = {doc.path for doc in docs}
    producer_set = set(producer_paths)
    files = DataFiles(
        [doc for doc in docs if doc.path in producer_set],
        [doc for doc in docs if doc.path not in producer_set],
        frozenset(p.stem for p in producer_paths if p not in loaded_paths),
    )
    checked = len(producer_paths) + len(inspection_paths) + 2
    if validator is None:
        return Loaded(report, checked, None)
    report.extend(validator.across(files))
    if not report.ok:
        return Loaded(report, checked, None)
    if not model:
        return Loaded(report, checked, None, sources)
    producers = [
        build_producer(
            d.data, d.path.parent, d.rel, reference, settings.as_of, settings.expiring_days
        )
        for d in files.producers
    ]
    rounds = [build_round(d.data, d.rel, reference) for d in files.inspections]
    catalogue = build_catalogue(producers, rounds, reference, settings.as_of)
    return Loaded(report, checked, catalogue, sources)
