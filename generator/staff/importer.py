"""Spreadsheet import: a provincial office's list as it publishes it becomes producers, products
and certifications. Rows that are complete are imported; every other row is reported with each of
its reasons (and, with a rejects file, written back for the office to fix). Nothing the file does
not give is filled in: an unknown issuer, kind or group stays absent, and what is worked out (a
kind from the legal form in a name) is listed under `derived`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from generator.model.loading import collector_paused
from generator.problems import OcopError, Problem
from generator.reference.data import Reference
from generator.render.search import fold
from generator.settings import Settings
from generator.staff import cellvalues
from generator.staff.filldown import fill_down
from generator.staff.layout import Column, DataRow, Layout, find_layout
from generator.staff.matching import ProducerIndex
from generator.staff.places import Places
from generator.staff.recase import Recaser
from generator.staff.sheets import Unreadable, read_grid
from generator.staff.titles import TitleFacts, read_title

# Fields the importer fills; a mapping file names one of these for a column.
FIELDS = (
    "product producer address district commune province group stars score decision "
    "decision_number decision_date issuer kind criteria"
).split()
# Fields whose text is a name, and how a name written in capitals is re-cased (`Recaser`).
RECASED = {
    "product": "name",
    "producer": "name",
    "address": "place",
    "district": "place",
    "commune": "place",
    "province": "place",
    "issuer": "issuer",
}
KINDS = {
    "htx": "htx",
    "hop tac xa": "htx",
    "doanh nghiep": "doanh-nghiep",
    "cong ty": "doanh-nghiep",
    "ho kinh doanh": "ho-kinh-doanh",
    "to hop tac": "to-hop-tac",
}


def round_trip_yaml() -> YAML:
    """A YAML reader and writer that keeps comments and key order, in the house layout."""
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


class SpreadsheetError(OcopError):
    """The column mapping file cannot be read."""


@dataclass(frozen=True)
class Options:
    """What the office gives on the command line for the whole file."""

    province: str | None = None
    issuer: str | None = None
    group: str | None = None
    allow_similar: bool = False


@dataclass
class Rejected:
    """A row not imported, as it was, with every reason."""

    row: DataRow
    problems: list[Problem]


@dataclass
class Plan:
    """What an import would do: changes in words, the files to write, what was not taken."""

    changes: list[str] = field(default_factory=list)
    files: dict[Path, CommentedMap] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    layout: Layout | None = None
    imported_rows: int = 0
    encoding: str | None = None
    separator: str | None = None
    recased: int = 0  # names written in capitals, re-cased

    @property
    def fatal(self) -> bool:
        """Whether the file itself could not be read as a list (no row can be imported)."""
        return self.layout is None or any(p.line is None for p in self.problems)


class RowReader:
    """Reads one data row into a record, or the problems that keep it out."""

    def __init__(
        self,
        source: str,
        layout: Layout,
        reference: Reference,
        places: Places,
        title: TitleFacts,
        options: Options,
        as_of: dt.date,
        recaser: Recaser,
    ) -> None:
        self.source = source
        self.recaser = recaser
        self.layout = layout
        self.reference = reference
        self.places = places
        self.title = title
        self.options = options
        self.as_of = as_of
        self.missing_columns: list[Problem] = []
        header = layout.header_rows[0]
        for name in ("product", "producer", "stars"):
            if layout.column(name) is None:
                self.missing_columns.append(self._file_problem(header, name))
        has_number = layout.column("decision") or layout.column("decision_number")
        if not (has_number or title.decision):
            self.missing_columns.append(self._file_problem(header, "decision_number"))
        has_date = layout.column("decision") or layout.column("decision_date")
        if not (has_date or title.decision):
            self.missing_columns.append(self._file_problem(header, "decision_date"))

    def _file_problem(self, header: int, name: str) -> Problem:
        return Problem(self.source, header, None, "import-missing-column", {"field": name})

    def problem(self, row: DataRow, column: Column | None, code: str, **params: Any) -> Problem:
        """A problem at a cell: its row, column letter and heading, and what was found."""
        where = {"row": row.number, "column": column.letter if column else "-"}
        where["heading"] = column.heading if column else "-"
        return Problem(self.source, row.number, None, code, {**where, **params})

    def cell(self, row: DataRow, name: str) -> tuple[Column | None, Any]:
        column = self.layout.column(name)
        if column is None or column.index >= len(row.cells):
            return column, None
        value = row.cells[column.index]
        return column, (None if row.texts[column.index] == "" else value)

    def text(self, row: DataRow, name: str) -> str:
        """A cell's text; a name written wholly in capitals re-cased (`Recaser`)."""
        column = self.layout.column(name)
        text = row.texts[column.index] if column and column.index < len(row.texts) else ""
        recase = RECASED.get(name)
        return getattr(self.recaser, recase)(text) if recase and text else text

    def read(self, row: DataRow) -> tuple[dict[str, Any] | None, list[Problem]]:
        """The row as a record, or None and every problem found in it."""
        problems = list(self.missing_columns)
        record: dict[str, Any] = {"row": row.number, "derived": []}
        for name in ("product", "producer"):
            column, value = self.cell(row, name)
            record[name] = self.text(row, name)
            if column is not None and not record[name]:
                problems.append(self.problem(row, column, "import-missing-value", field=name))
        problems += self._stars(row, record)
        problems += self._decision(row, record)
        problems += self._place(row, record)
        problems += self._criteria_and_group(row, record)
        problems += self._kind(row, record)
        problems += self._score(row, record)
        record["issuer"] = self.text(row, "issuer") or self.title.issuer or self.options.issuer
        return (None if problems else record), problems

    def _score(self, row: DataRow, record: dict[str, Any]) -> list[Problem]:
        column, value = self.cell(row, "score")
        if value is None:
            return []
        try:
            score = float(cellvalues.text_of(value).replace(",", "."))
        except ValueError:
            return [self.problem(row, column, "import-bad-score", value=value)]
        if score != score or score in (float("inf"), float("-inf")):
            return [self.problem(row, column, "import-bad-score", value=value)]
        record["score"] = int(score) if score.is_integer() else score
        criteria = self.reference.criteria.get(record.get("criteria", ""))
        band = criteria.band(record["stars"]) if criteria and "stars" in record else None
        if band and not band.low <= score <= band.high:
            return [
                self.problem(
                    row,
                    column,
                    "import-score-band",
                    value=value,
                    stars=record["stars"],
                    criteria=criteria.name,
                    low=f"{band.low:g}",
                    high=f"{band.high:g}",
                )
            ]
        return []

    def _stars(self, row: DataRow, record: dict[str, Any]) -> list[Problem]:
        column, value = self.cell(row, "stars")
        if value is None and row.context.get("stars"):
            value = row.context["stars"]
        if value is None:
            return (
                [self.problem(row, column, "import-missing-value", field="stars")] if column else []
            )
        found = cellvalues.stars(value)
        if found is None:
            return [self.problem(row, column, "import-bad-stars", value=value)]
        if found not in (3, 4, 5):
            return [self.problem(row, column, "import-stars-range", value=value, stars=found)]
        record["stars"] = found
        return []

    def _decision(self, row: DataRow, record: dict[str, Any]) -> list[Problem]:
        """The decision number and date: from one cell holding both, from their own cells, or
        (for a row giving neither) from the one decision the title cites."""
        problems = []
        both_column, both = self.cell(row, "decision")
        number_column, number_value = self.cell(row, "decision_number")
        date_column, date_value = self.cell(row, "decision_date")
        number: str | None = None
        decided: dt.date | None = None
        unreadable = False
        if both is not None:
            cited = cellvalues.decision(both)
            number, decided = cited.number, cited.date
            if number is None:
                problems.append(self.problem(row, both_column, "import-bad-decision", value=both))
                unreadable = True
        if number_value is not None:
            inner = cellvalues.decision(number_value)
            number = inner.number or cellvalues.text_of(number_value)
            decided = decided or inner.date
        if date_value is not None:
            decided = cellvalues.date(date_value)
            if decided is None:
                problems.append(self.problem(row, date_column, "import-bad-date", value=date_value))
                unreadable = True
        if both is None and number_value is None and self.title.decision:
            number = self.title.decision.number
            decided = decided or self.title.decision.date
        number_at = number_column or both_column
        if number is None and not unreadable and number_at is not None:
            problems.append(
                self.problem(row, number_at, "import-missing-value", field="decision_number")
            )
        if decided is None and not unreadable:
            if both is not None and number is not None and date_column is None:
                problems.append(
                    self.problem(row, both_column, "import-decision-no-date", value=both)
                )
            elif date_column is not None or (both_column is not None and number is not None):
                problems.append(
                    self.problem(
                        row,
                        date_column or both_column,
                        "import-missing-value",
                        field="decision_date",
                    )
                )
        if decided and decided > self.as_of:
            column = date_column or both_column
            problems.append(
                self.problem(row, column, "import-future-date", value=decided.isoformat())
            )
        record["decision_number"], record["decision_date"] = number, decided
        return problems

    def _place(self, row: DataRow, record: dict[str, Any]) -> list[Problem]:
        given = {name: self.text(row, name) for name in ("province", "district", "commune")}
        record["address"] = self.text(row, "address")
        if not given["province"]:
            given["province"] = self.title.province or self.options.province or ""
        section = self.recaser.place(row.context.get("district", ""))
        found = self.places.resolve(record["address"], given, section)
        record["place"] = found
        if found.province is None:
            column = self.layout.column("province") if self.text(row, "province") else None
            code = "import-unknown-province" if found.province_text else "import-missing-province"
            return [self.problem(row, column, code, value=found.province_text)]
        problems = []
        if found.problem in {"unknown-commune", "ambiguous-commune"}:
            column = self.layout.column("commune") or self.layout.column("address")
            problems.append(
                self.problem(
                    row,
                    column,
                    f"import-{found.problem}",
                    value=found.commune_text,
                    candidates=", ".join(found.candidates),
                )
            )
        if not record["address"]:
            parts = [found.commune_text, given["district"] or section, found.province_text]
            record["address"] = ", ".join(p for p in parts if p)
        return problems

    def _criteria_and_group(self, row: DataRow, record: dict[str, Any]) -> list[Problem]:
        column, value = self.cell(row, "criteria")
        criteria_id = cellvalues.text_of(value)
        sets = self.reference.criteria
        if criteria_id and criteria_id not in sets:
            match = _lookup(criteria_id, {c.id: c.name for c in sets.values()})
            if match is None:
                return [self.problem(row, column, "import-unknown-criteria", value=value)]
            criteria_id = match
        if not criteria_id:
            decided = record.get("decision_date")
            ordered = sorted(sets.values(), key=lambda c: c.effective_from)
            fitting = [c for c in ordered if decided and c.effective_from <= decided]
            criteria_id = (fitting or ordered)[-1].id
        record["criteria"] = criteria_id
        column, value = self.cell(row, "group")
        text = cellvalues.text_of(value) or self.options.group or ""
        if not text:
            record["group"] = None
            return []
        record["group"] = _lookup(text, sets[criteria_id].groups)
        if record["group"] is None:
            return [
                self.problem(row, column, "import-unknown-group", value=text, criteria=criteria_id)
            ]
        return []

    def _kind(self, row: DataRow, record: dict[str, Any]) -> list[Problem]:
        from generator.staff.legalform import kind_of

        column, value = self.cell(row, "kind")
        if value is not None:
            kind = _lookup(cellvalues.text_of(value), KINDS | {v: v for v in KINDS.values()})
            if kind is None:
                return [self.problem(row, column, "import-bad-kind", value=value)]
            record["kind"] = KINDS.get(kind, kind)
            return []
        record["kind"] = kind_of(record.get("producer", ""))
        if record["kind"]:
            record["derived"].append("kind")
        return []


def _lookup(value: str, options: dict[str, str]) -> str | None:
    """An ID from either the ID itself or its name, compared without diacritics."""
    text = fold(value)
    for key, name in options.items():
        if text in {fold(key), fold(name)}:
            return key
    return None


def option_problems(reference: Reference, places: Places, options: Options) -> list[Problem]:
    """A bad option, reported as the option (its value is checked before any row)."""
    problems = []
    if options.province and places.resolve("", {"province": options.province}).province is None:
        problems.append(
            Problem(
                "--province",
                None,
                None,
                "import-bad-option",
                {"option": "--province", "value": options.province},
            )
        )
    if options.group and _lookup(options.group, reference.all_groups()) is None:
        problems.append(
            Problem(
                "--group",
                None,
                None,
                "import-bad-option",
                {"option": "--group", "value": options.group},
            )
        )
    return problems


@collector_paused()  # a whole province's list makes many objects that live to the end
def plan_import(
    settings: Settings,
    reference: Reference,
    path: Path,
    mapping: dict[str, str | None],
    options: Options,
) -> Plan:
    """Everything an import would change, without writing anything."""
    from generator.staff.import_writer import Writer

    plan = Plan()
    places = Places(reference)
    plan.problems += option_problems(reference, places, options)
    if plan.problems:
        return plan
    try:
        grid = read_grid(path)
    except Unreadable as error:
        plan.problems.append(Problem(path.name, None, None, error.code, error.params))
        return plan
    plan.encoding, plan.separator = grid.encoding, grid.separator
    layout = find_layout(grid.cells, mapping)
    if layout is None:
        plan.problems.append(Problem(path.name, None, None, "import-no-header", {}))
        return plan
    plan.layout = layout
    if grid.encoding is not None:  # a CSV: a merged cell's value is in its first row only
        layout.filled = fill_down(layout)
    if not layout.rows:
        plan.problems.append(
            Problem(path.name, None, None, "import-no-rows", {"row": layout.header_rows[-1]})
        )
        return plan
    recaser = Recaser(places.units)
    title = read_title(layout.title, places, recaser)
    reader = RowReader(
        path.name, layout, reference, places, title, options, settings.as_of, recaser
    )
    plan.problems += reader.missing_columns
    writer = Writer(settings, reference, ProducerIndex.scan(settings.data_dir), options, plan)
    for row in layout.rows:
        record, problems = reader.read(row)
        if record is not None:
            problems = writer.add(record, row, reader)
        plan.problems += [p for p in problems if p not in reader.missing_columns]
        if problems:
            plan.rejected.append(Rejected(row, problems))
        else:
            plan.imported_rows += 1
    plan.recased = len(recaser.recased)
    return plan


def read_mapping(path: Path | None) -> tuple[dict[str, str | None], list[Problem]]:
    """A column mapping file: `Tên cột trong bảng: trường` per line (YAML), folded headings."""
    if path is None:
        return {}, []
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8-sig"))
    except Exception:  # a mapping file that is not YAML at all is reported, not raised
        data = None
    if not isinstance(data, dict):
        return {}, [Problem(path.name, None, None, "import-bad-mapping", {"value": "-"})]
    mapping: dict[str, str | None] = {}
    problems = []
    for key, value in data.items():
        target = str(value).strip() if value else None
        if target is not None and target not in FIELDS:
            problems.append(Problem(path.name, None, None, "import-bad-mapping", {"value": target}))
        mapping[fold(str(key))] = target
    return mapping, problems
