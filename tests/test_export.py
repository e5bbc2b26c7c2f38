"""Open data and every CSV the project writes: golden files of a fixture catalogue (one
producer's record, the CSV header and rows, the report CSV), cells that a spreadsheet would run
as formulas kept as text (by the rule, and in LibreOffice when it is installed).

Refresh the golden files after an intended change as tests/golden.py says."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.csvcells import FORMULA_STARTS, csv_bytes, headings, safe_cell
from generator.load import schema as schema_module
from generator.model.catalogue import Catalogue
from generator.model.loading import load_catalogue
from generator.render import export
from generator.render.export import PRODUCT_COLUMNS, RECORD, open_data_files, products_csv
from generator.render.staff_report import build_report, report_csv
from generator.settings import Settings
from generator.urls import PRODUCERS
from tests.conftest import AS_OF, FIXTURES, overlay
from tests.golden import check_golden

URL = "https://ocop.example.vn/"
HOSTILE = "ho-cong-thuc"  # the fixture producer whose text looks like formulas


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    root = overlay(tmp_path_factory.mktemp("open-data"), FIXTURES / "base", FIXTURES / "open-data")
    loaded = load_catalogue(Settings(root=root, as_of=AS_OF))
    assert loaded.catalogue is not None, loaded.report.format_text()
    return loaded.catalogue


def _record_text(catalogue: Catalogue) -> str:
    published = open_data_files(catalogue, URL)[f"{PRODUCERS}/{HOSTILE}/{RECORD}"]
    assert isinstance(published, str) and published.count("\n") == 1  # one line a record
    return json.dumps(json.loads(published), ensure_ascii=False, indent=1) + "\n"


def _csv_text(catalogue: Catalogue) -> str:
    return products_csv(catalogue, URL).decode("utf-8")


def test_golden_producer_record(catalogue: Catalogue) -> None:
    check_golden(f"record-{HOSTILE}.json", _record_text(catalogue))


def test_golden_products_csv(catalogue: Catalogue) -> None:
    text = _csv_text(catalogue)
    assert text.startswith("\ufeff") and text.endswith("\r\n")  # Excel reads it as UTF-8
    check_golden("san-pham.csv", text)


def test_golden_report_csv(catalogue: Catalogue) -> None:
    sections = build_report(catalogue, within_days=1200, months=6)
    check_golden("bao-cao.csv", report_csv(sections).decode("utf-8"))


def test_golden_files_catch_a_broken_export(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OCOP_UPDATE_GOLDEN", raising=False)  # compare, never rewrite, here
    swapped = list(PRODUCT_COLUMNS)
    swapped[1], swapped[2] = swapped[2], swapped[1]  # two columns swapped
    monkeypatch.setattr(export, "PRODUCT_COLUMNS", swapped)
    with pytest.raises(AssertionError, match="san-pham.csv differs"):
        check_golden("san-pham.csv", _csv_text(catalogue))
    monkeypatch.setattr(export, "PRODUCT_COLUMNS", PRODUCT_COLUMNS)
    record = export.producer_record

    def without_contacts(*args: object) -> dict[str, object]:
        found = record(*args)  # type: ignore[arg-type]
        found.pop("contacts")  # a field dropped from the record
        return found

    monkeypatch.setattr(export, "producer_record", without_contacts)
    with pytest.raises(AssertionError, match="differs"):
        check_golden(f"record-{HOSTILE}.json", _record_text(catalogue))


def test_csv_columns_are_one_table(catalogue: Catalogue) -> None:
    rows = list(csv.reader(io.StringIO(_csv_text(catalogue).removeprefix("\ufeff"))))
    assert rows[0] == [column.heading for column in export.product_columns()]
    assert len({len(row) for row in rows}) == 1  # every row has every column
    assert len(rows) == 1 + len(catalogue.products())


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_a_cell_a_spreadsheet_would_run_is_made_text(start: str) -> None:
    assert safe_cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("text", ["", "Trà xanh", "'=1", " =1", "1-2", "a=b", "4"])
def test_other_cells_are_kept_as_they_are(text: str) -> None:
    assert safe_cell(text) == text


@given(st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=4), max_size=5))
def test_every_cell_written_reads_back_safe(rows: list[list[str]]) -> None:
    raw = csv_bytes(rows)
    read = list(csv.reader(io.StringIO(raw.decode("utf-8").removeprefix("\ufeff"), newline="")))
    assert read == [[safe_cell(cell) for cell in row] for row in rows]
    assert not any(cell.startswith(FORMULA_STARTS) for row in read for cell in row)


def test_hostile_text_stays_text_in_both_csv_files(catalogue: Catalogue) -> None:
    products = _csv_text(catalogue)
    assert '"\'=HYPERLINK(""http://evil.example"",""x"")"' in products
    assert "\"'@SUM(1+1)*cmd|' /C calc'!A0\"" in products
    assert '"\'+84 bản Chiềng, huyện Quan Hóa"' in products
    assert '"\'-7/QĐ-UBND"' in products
    assert '"\'\tSản phẩm khác sản phẩm đã công nhận"' in products  # a tab first, in a paragraph
    report = report_csv(build_report(catalogue, within_days=1200, months=6)).decode("utf-8")
    assert "\"'=HYPERLINK(" in report and '"=HYPERLINK(' not in report


OFFICE = shutil.which("soffice")
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _cells(sheet: Path) -> list[tuple[str | None, str]]:
    """Each non-empty cell of a flat OpenDocument spreadsheet: its formula (if any) and text."""
    found = []
    for cell in ET.parse(sheet).getroot().iter(f"{{{TABLE}}}table-cell"):
        text = "\n".join("".join(p.itertext()) for p in cell.iter(f"{{{TEXT}}}p"))
        formula = cell.get(f"{{{TABLE}}}formula")
        if text or formula:
            found.append((formula, text))
    return found


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice (libreoffice-calc-nogui) not installed")
def test_libreoffice_opens_every_csv_without_a_formula(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    """The real spreadsheet engine reads the CSV files as a user opening them would (comma,
    double quotes, UTF-8), and finds no formula; the same cells written raw do run."""
    files = {
        "san-pham.csv": products_csv(catalogue, URL),
        "bao-cao.csv": report_csv(build_report(catalogue, within_days=1200, months=6)),
    }
    raw = io.StringIO()
    csv.writer(raw).writerows(csv.reader(io.StringIO(_csv_text(catalogue).lstrip("\ufeff"))))
    files["raw.csv"] = raw.getvalue().replace("'=", "=").replace("'@", "@").encode("utf-8")
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    subprocess.run(
        [
            str(OFFICE),
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "fods",
            "--infilter=CSV:44,34,76,1",  # comma, double quote, UTF-8, from the first line
            "--outdir",
            str(tmp_path / "out"),
            *(str(tmp_path / name) for name in files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for name in ("san-pham", "bao-cao"):
        cells = _cells(tmp_path / "out" / f"{name}.fods")
        assert len(cells) > 30
        assert [c for c in cells if c[0]] == [], name  # not one formula
        assert (None, '\'=HYPERLINK("http://evil.example","x")') in cells
    formulas = [f for f, _ in _cells(tmp_path / "out" / "raw.fods") if f]
    assert any("HYPERLINK" in f for f in formulas)  # written raw, the cell would run


# -- the open data follows the schema's marks (`x-open-data`, `x-csv`) -------------------------

# A producer giving every field the open data publishes (old units, a revocation, contacts).
FULL = """\
id: htx-day-du
name: Hợp tác xã Đầy Đủ
kind: htx
address:
  as_given: thị trấn Cầu Quan, huyện Tiểu Cần, tỉnh Trà Vinh
  district: huyện Tiểu Cần
  former: {province: Trà Vinh, district: huyện Tiểu Cần, commune: thị trấn Cầu Quan}
  province: cao-bang
  commune: hoa-an
contacts:
  phones: ["0000 000 001"]
  email: lienhe@daydu.vn
  website: https://daydu.vn
  facebook: https://facebook.com/daydu
  zalo: https://zalo.me/0000000001
illustrative: [name]
derived: [kind]
products:
  - id: mien-day-du
    name: Miến Đầy Đủ
    group: thuc-pham
    illustrative: [name]
    derived: [group]
    certifications:
      - stars: 3
        score: 60
        criteria: qd-148-2023
        decision: {number: "1/QĐ-UBND", date: 2024-01-15, issuer: UBND tỉnh Cao Bằng}
        revoked: {date: 2025-01-15, reason: Ngừng sản xuất}
        illustrative: [score]
        derived: [stars]
"""


def _paths(value: Any, prefix: str = "") -> set[str]:
    """Every key path of a JSON value, written as the data dictionary writes fields."""
    if isinstance(value, list):
        return set().union(*(_paths(item, prefix + "[]") for item in value))
    if not isinstance(value, dict):
        return set()
    found: set[str] = set()
    for key, child in value.items():
        path = f"{prefix}.{key}" if prefix else key
        found |= {path} | _paths(child, path)
    return found


def test_the_schema_marks_what_the_open_data_publishes(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base", FIXTURES / "open-data")
    (root / "data/producers/cao-bang/htx-day-du.yaml").write_text(FULL, encoding="utf-8")
    loaded = load_catalogue(Settings(root=root, as_of=AS_OF))
    assert loaded.catalogue is not None, loaded.report.format_text()
    records = [export.producer_record(p, URL, "2026-11-24") for p in loaded.catalogue.producers]
    rows = export.dictionary("producer")
    marked = {row["field"] for row in rows if row["published"]}
    published = {path for record in records for path in _paths(record)}
    # Chosen, not dumped: a field of the data file is in the record exactly when it is marked.
    assert published & {row["field"] for row in rows} == marked
    # The inspection fields the record carries, under the names the record gives them.
    visits = {key for record in records for visit in record["inspections"] for key in visit}
    assert visits == {"round", "date", "body", "outcome", "products"}
    assert {row["field"] for row in export.dictionary("inspection") if row["published"]} == {
        "id",
        "date",
        "body",
        "entries",
        "entries[].producer",
        "entries[].products",
        "entries[].outcome",
    }
    header = _csv_text(loaded.catalogue).removeprefix("\ufeff").split("\r\n")[0]
    named = {
        row["published"].removeprefix("JSON, CSV ")
        for name in ("producer", "inspection")
        for row in export.dictionary(name)
        if "CSV" in row["published"]
    }
    assert named <= set(next(csv.reader([header])))  # every heading the schema names is a column


def test_a_field_declared_in_the_schema_reaches_the_open_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A barcode added end to end by the schema and the data alone: no code of the model or of
    the export knows it, yet the model carries it and the record, the CSV and the data
    dictionary publish it."""
    schemas = tmp_path / "schemas"
    shutil.copytree(schema_module.SCHEMA_DIR, schemas)
    producer_schema = json.loads((schemas / "producer.schema.json").read_text(encoding="utf-8"))
    product = producer_schema["$defs"]["product"]["properties"]
    product["gtin"] = {
        "type": "string",
        "pattern": "^[0-9]{8,14}$",
        "description": "Mã vạch GTIN in trên bao bì",
        "x-open-data": True,
        "x-csv": "ma_vach",
    }
    product["gtin_note"] = {"type": "string", "description": "Ghi chú nội bộ, không công bố"}
    (schemas / "producer.schema.json").write_text(
        json.dumps(producer_schema, ensure_ascii=False), encoding="utf-8"
    )
    root = overlay(tmp_path / "project", FIXTURES / "base", FIXTURES / "open-data")
    data = root / "data/producers/cao-bang/htx-mau.yaml"
    text = data.read_text(encoding="utf-8")
    data.write_text(
        text.replace(
            "    group: do-uong\n",
            '    group: do-uong\n    gtin: "08935049500012"\n    gtin_note: hộp 200 g\n',
        ),
        encoding="utf-8",
    )
    _schemas_from(monkeypatch, schemas)
    try:
        loaded = load_catalogue(Settings(root=root, as_of=AS_OF))
        assert loaded.catalogue is not None, loaded.report.format_text()
        catalogue = loaded.catalogue
        files = open_data_files(catalogue, URL)
        csv_rows = list(csv.DictReader(io.StringIO(_csv_text(catalogue).removeprefix("\ufeff"))))
        dictionary = {row["field"]: row for row in export.dictionary("producer")}
    finally:
        monkeypatch.undo()
        _clear_schema_caches()
    tra = catalogue.producer("htx-mau").products[0]
    assert (tra.gtin, tra.gtin_note) == ("08935049500012", "hộp 200 g")  # for the templates
    record = json.loads(files[f"{PRODUCERS}/htx-mau/{RECORD}"])["products"][0]
    assert record["gtin"] == "08935049500012"
    assert "gtin_note" not in record  # not marked: not published
    assert list(record).index("gtin") == list(record).index("stars") + 1  # before the marks
    others = json.loads(files[f"{PRODUCERS}/{HOSTILE}/{RECORD}"])["products"][0]
    assert others["gtin"] is None  # a product without one says so
    assert list(csv_rows[0])[-1] == "ma_vach"  # after every earlier column, which keep their place
    assert {row["ma_san_pham"]: row["ma_vach"] for row in csv_rows}["tra-mau"] == "08935049500012"
    assert dictionary["products[].gtin"]["published"] == "JSON, CSV ma_vach"
    assert dictionary["products[].gtin_note"]["published"] == ""
    # The real schema is back: the golden record and CSV have no barcode.
    assert headings(export.product_columns()) == headings(PRODUCT_COLUMNS)


def _clear_schema_caches() -> None:
    """Forget everything the code has read from the schemas (the caches of `functools`)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("generator."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _schemas_from(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The code reads the schemas in `folder` from now on."""
    monkeypatch.setattr(schema_module, "SCHEMA_DIR", folder)
    _clear_schema_caches()
