"""Spreadsheet import: provinces keep OCOP lists in Excel. Rows become producers, products and
certifications; a re-import updates what exists and never adds a duplicate."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.messages import say
from generator.problems import OcopError, Problem
from generator.reference import Reference
from generator.scaffold import existing_ids, slugify, unique_id
from generator.search import fold
from generator.settings import Settings

# Column headings as provinces write them (folded) -> field. A mapping file can add more.
DEFAULT_COLUMNS = {
    "stt": None,
    "ten san pham": "product",
    "san pham": "product",
    "chu the": "producer",
    "ten chu the": "producer",
    "dia chi": "address",
    "phan nhom": "group",
    "nhom": "group",
    "nhom san pham": "group",
    "so sao": "stars",
    "hang sao": "stars",
    "xep hang": "stars",
    "so quyet dinh": "decision_number",
    "quyet dinh so": "decision_number",
    "ngay quyet dinh": "decision_date",
    "ngay cong nhan": "decision_date",
    "co quan cong nhan": "issuer",
    "co quan ban hanh": "issuer",
    "tinh": "province",
    "tinh thanh pho": "province",
    "xa": "commune",
    "xa phuong": "commune",
    "loai hinh": "kind",
    "diem": "score",
    "bo tieu chi": "criteria",
}
REQUIRED = ["product", "producer", "address", "group", "stars", "decision_number", "decision_date"]
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
    """The spreadsheet cannot be read at all (wrong format, no heading row)."""


@dataclass
class Row:
    number: int  # as the spreadsheet shows it
    values: dict[str, Any]


@dataclass(frozen=True)
class Change:
    """One change an import makes: `kind` picks its wording in the catalogue (TEXTS), `params`
    fill it."""

    kind: str
    params: dict[str, Any]

    def text(self, lang: str = "vi") -> str:
        return say(self.kind, lang, **self.params)


@dataclass
class Plan:
    """What an import would do: its changes, and the files to write."""

    changes: list[Change] = field(default_factory=list)
    files: dict[Path, CommentedMap] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_rows(path: Path, mapping: dict[str, str | None]) -> tuple[list[Row], dict[str, str]]:
    """The data rows of the first sheet (or the CSV) and which column each field came from."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        table = [list(row) for row in sheet.iter_rows(values_only=True)]
    elif path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            table = [list(row) for row in csv.reader(handle)]
    else:
        raise SpreadsheetError("spreadsheet-format", file=path.name)
    if not table:
        raise SpreadsheetError("spreadsheet-empty", file=path.name)
    columns = {**DEFAULT_COLUMNS, **{fold(k): v for k, v in mapping.items()}}
    heading = [fold(str(cell or "")) for cell in table[0]]
    fields: dict[int, str] = {}
    letters: dict[str, str] = {}
    for index, name in enumerate(heading):
        target = columns.get(name)
        if target:
            fields[index] = target
            letters[target] = f"{_column_letter(index)} ({table[0][index]})"
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {
            fields[i]: cell
            for i, cell in enumerate(cells)
            if i in fields and cell not in (None, "")
        }
        if values:
            rows.append(Row(number, values))
    return rows, letters


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _lookup(value: Any, options: dict[str, str]) -> str | None:
    """An ID from either the ID itself or its name, compared without diacritics."""
    text = fold(str(value))
    for key, name in options.items():
        if text in {fold(key), fold(name)}:
            return key
    return None


class Importer:
    """Turns rows into a plan of changes to data/, checking every row and cell."""

    def __init__(
        self, settings: Settings, reference: Reference, source: str, defaults: dict[str, str]
    ) -> None:
        self.settings = settings
        self.reference = reference
        self.source = source
        self.defaults = defaults
        self.yaml = round_trip_yaml()

    def problem(self, row: Row, column: str, reason: str, **params: Any) -> Problem:
        """A cell's problem: `reason` picks its wording in the catalogue, `params` fill it."""
        return Problem(
            self.source,
            row.number,
            None,
            "import-row",
            {"row": row.number, "column": column, "reason": reason, **params},
        )

    def check(
        self, row: Row, letters: dict[str, str]
    ) -> tuple[dict[str, Any] | None, list[Problem]]:
        values = {**self.defaults, **row.values}
        problems = []

        def where(name: str) -> str:
            return letters.get(name, name)

        for name in REQUIRED + ["province"]:
            if not str(values.get(name, "")).strip():
                problems.append(self.problem(row, where(name), "missing", field=name))
        missing = {p.params["column"] for p in problems}
        record: dict[str, Any] = {k: str(v).strip() for k, v in values.items()}
        if where("stars") not in missing:
            try:
                record["stars"] = int(float(str(values["stars"]).split()[0]))
            except ValueError:
                record["stars"] = 0
            if record["stars"] not in (3, 4, 5):
                problems.append(self.problem(row, where("stars"), "stars", value=values["stars"]))
        record["decision_date"] = _date(values.get("decision_date", ""))
        if where("decision_date") in missing:
            pass
        elif record["decision_date"] is None:
            problems.append(
                self.problem(row, where("decision_date"), "date", value=values["decision_date"])
            )
        elif record["decision_date"] > self.settings.as_of:
            problems.append(self.problem(row, where("decision_date"), "future-date"))
        provinces = {p.id: p.name for p in self.reference.provinces.values()}
        record["province"] = _lookup(values.get("province", ""), provinces)
        if record["province"] is None and where("province") not in missing:
            problems.append(
                self.problem(row, where("province"), "province", value=values["province"])
            )
        criteria_id = str(values.get("criteria") or "")
        if not criteria_id:
            newest = max(self.reference.criteria.values(), key=lambda c: c.effective_from)
            by_date = [
                c
                for c in self.reference.criteria.values()
                if record["decision_date"] and c.effective_from <= record["decision_date"]
            ]
            criteria_id = max(by_date, key=lambda c: c.effective_from).id if by_date else newest.id
        criteria = self.reference.criteria.get(criteria_id)
        record["criteria"] = criteria_id
        groups = criteria.groups if criteria else self.reference.all_groups()
        record["group"] = _lookup(values.get("group", ""), groups)
        if record["group"] is None and where("group") not in missing:
            problems.append(
                self.problem(
                    row, where("group"), "group", value=values["group"], criteria=criteria_id
                )
            )
        kind = _lookup(values.get("kind") or "", KINDS | {v: v for v in KINDS.values()})
        record["kind"] = KINDS.get(kind, kind) if kind else _guess_kind(record.get("producer", ""))
        if "score" in values:
            try:
                record["score"] = float(str(values["score"]).replace(",", "."))
            except ValueError:
                problems.append(self.problem(row, where("score"), "score", value=values["score"]))
        return (None if problems else record), problems


def _guess_kind(name: str) -> str:
    for prefix, kind in (("htx", "htx"), ("tht", "to-hop-tac"), ("hkd", "ho-kinh-doanh")):
        if slugify(name).startswith(prefix + "-"):
            return kind
    return "doanh-nghiep" if fold(name).startswith(("cong ty", "doanh nghiep")) else "ho-kinh-doanh"


def _certification(record: dict[str, Any], issuer: str) -> CommentedMap:
    cert = CommentedMap()
    cert["stars"] = record["stars"]
    if "score" in record:
        cert["score"] = record["score"]
    cert["criteria"] = record["criteria"]
    decision = CommentedMap()
    decision["number"] = record["decision_number"]
    decision["date"] = record["decision_date"]
    decision["issuer"] = issuer
    cert["decision"] = decision
    return cert


def plan_import(
    settings: Settings,
    reference: Reference,
    path: Path,
    mapping: dict[str, str | None],
    defaults: dict[str, str],
) -> Plan:
    """Everything an import would change, without writing anything."""
    importer = Importer(settings, reference, path.name, defaults)
    rows, letters = read_rows(path, mapping)
    plan = Plan()
    taken = existing_ids(settings)
    loaded: dict[str, tuple[Path, CommentedMap]] = {}
    for file in sorted(settings.data_dir.glob("producers/*/*.yaml")):
        data = importer.yaml.load(file.read_text(encoding="utf-8"))
        if isinstance(data, CommentedMap) and isinstance(data.get("name"), str):
            loaded[fold(data["name"])] = (file, data)
    for row in rows:
        record, problems = importer.check(row, letters)
        plan.problems += problems
        if record is None:
            continue
        issuer = record.get("issuer") or f"UBND tỉnh {reference.provinces[record['province']].name}"
        key = fold(record["producer"])
        if key not in loaded:
            producer_id = unique_id(slugify(record["producer"]), taken)
            taken.add(producer_id)
            data = CommentedMap()
            data["id"] = producer_id
            data["name"] = record["producer"]
            data["kind"] = record["kind"]
            address = CommentedMap()
            address["as_given"] = record["address"]
            address["province"] = record["province"]
            if record.get("commune"):
                address["commune"] = slugify(record["commune"])
            data["address"] = address
            data["products"] = CommentedSeq()
            file = settings.data_dir / "producers" / record["province"] / f"{producer_id}.yaml"
            loaded[key] = (file, data)
            new = {"name": record["producer"], "id": producer_id, "row": row.number}
            plan.changes.append(Change("import-new-producer", new))
        file, data = loaded[key]
        products = data.setdefault("products", CommentedSeq())
        product = next(
            (p for p in products if fold(str(p.get("name", ""))) == fold(record["product"])), None
        )
        if product is None:
            product = CommentedMap()
            product["id"] = unique_id(slugify(record["product"]), taken)
            taken.add(product["id"])
            product["name"] = record["product"]
            product["group"] = record["group"]
            product["certifications"] = CommentedSeq()
            products.append(product)
            new = {"product": record["product"], "producer": data["name"], "row": row.number}
            plan.changes.append(Change("import-new-product", new))
        certifications = product.setdefault("certifications", CommentedSeq())
        numbers = {str(c.get("decision", {}).get("number", "")) for c in certifications}
        if record["decision_number"] in numbers:
            known = {"product": record["product"], "decision": record["decision_number"]}
            plan.changes.append(Change("import-known-decision", {**known, "row": row.number}))
            continue
        certifications.append(_certification(record, issuer))
        new = {"stars": record["stars"], "product": record["product"], "row": row.number}
        new["decision"] = record["decision_number"]
        plan.changes.append(Change("import-new-certification", new))
        plan.files[file] = data
    return plan


def write_plan(plan: Plan) -> list[Path]:
    """Write every changed file (comments and order of existing files are kept)."""
    yaml = round_trip_yaml()
    written = []
    for path, data in sorted(plan.files.items()):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(data, out)
        written.append(path)
    return written


def read_mapping(path: Path | None) -> dict[str, str | None]:
    """A column mapping file: `Tên cột trong bảng: trường` per line (YAML)."""
    if path is None:
        return {}
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise SpreadsheetError("mapping-format", path=path)
    return {str(k): (str(v) if v else None) for k, v in data.items()}
