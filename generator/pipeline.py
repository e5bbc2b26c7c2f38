"""The core pipeline: discover -> load -> validate -> model; and generation of the pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.load import Document, load_document
from generator.model import Catalogue, build_catalogue, build_producer, build_round
from generator.problems import Problem, Report
from generator.reference import load_reference
from generator.settings import Settings
from generator.validate import DataFiles, Validator


@dataclass
class Loaded:
    """The outcome of loading and validating the data: a catalogue only when the report is ok."""

    report: Report
    files_checked: int
    catalogue: Catalogue | None


def discover(settings: Settings) -> tuple[list[Path], list[Path], list[Problem]]:
    """Producer and inspection files, and a problem for every YAML file in the wrong place."""
    producers, inspections, problems = [], [], []
    data = settings.data_dir
    for path in sorted(data.rglob("*")):
        if path.suffix not in {".yaml", ".yml"} or not path.is_file():
            continue
        parts = path.relative_to(data).parts
        rel = path.relative_to(settings.root).as_posix()
        if parts[0] == "reference":
            continue
        if path.suffix == ".yml":
            problems.append(
                Problem(rel, None, None, "misplaced-file", {"detail": "đuôi .yml, hãy dùng .yaml"})
            )
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
                    {"detail": "không thuộc data/producers/<tỉnh>/ hay data/inspections/"},
                )
            )
    return producers, inspections, problems


def _load_all(paths: list[Path], root: Path, report: Report) -> list[Document]:
    docs = []
    for path in paths:
        doc, problems = load_document(path, root)
        report.extend(problems)
        if doc is not None:
            docs.append(doc)
    return docs


def load_catalogue(settings: Settings) -> Loaded:
    """Load and validate every data file; build the model when nothing is wrong."""
    report = Report()
    reference, problems = load_reference(settings.reference_dir, settings.root)
    report.extend(problems)
    producer_paths, inspection_paths, problems = discover(settings)
    report.extend(problems)
    producers = _load_all(producer_paths, settings.root, report)
    loaded_paths = {doc.path for doc in producers}
    files = DataFiles(
        producers,
        _load_all(inspection_paths, settings.root, report),
        frozenset(p.stem for p in producer_paths if p not in loaded_paths),
    )
    checked = len(producer_paths) + len(inspection_paths) + 2
    if reference is None:
        return Loaded(report, checked, None)
    report.extend(Validator(reference, settings.data_dir, settings.as_of).run(files))
    if not report.ok:
        return Loaded(report, checked, None)
    producers = [
        build_producer(
            d.data, d.path.parent, d.rel, reference, settings.as_of, settings.expiring_days
        )
        for d in files.producers
    ]
    rounds = [build_round(d.data, reference) for d in files.inspections]
    return Loaded(report, checked, build_catalogue(producers, rounds, reference, settings.as_of))
