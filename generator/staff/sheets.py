"""Office files as a grid of cells: the first sheet of an .xlsx with merged cells filled in, or a
CSV in whichever encoding and separator it was saved with. Text comes out in NFC (Windows-1258,
what Excel in Vietnam saves, writes tone marks as combining characters)."""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from charset_normalizer import from_bytes

# The encodings an office's CSV comes in, for the detector to choose from: a file that is not
# UTF-8 is Excel's "CSV" (the Windows code page, Windows-1258 in Vietnam) or its "Unicode text".
ENCODINGS = ["utf_8", "cp1258", "utf_16", "utf_16_le", "utf_16_be"]
BOMS = ((b"\xef\xbb\xbf", "utf_8_sig"), (b"\xff\xfe", "utf_16"), (b"\xfe\xff", "utf_16"))
SEPARATORS = ",;\t"
MAX_BYTES = 50 * 1024 * 1024
MERGE_GROWTH = 256  # rows or columns a merged range may add past a sheet's last value


class Unreadable(Exception):
    """The file is not a spreadsheet this reader knows (its reason is a problem code)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass
class Grid:
    """The cells of a sheet, row by row, and how the file was read."""

    cells: list[list[Any]]
    encoding: str | None = None  # a CSV's encoding, None for a workbook
    separator: str | None = None


def read_grid(path: Path) -> Grid:
    """The cells of the file's first sheet that has any, by the file's content; a file larger
    than MAX_BYTES, or one that is not a plain file (a device, a pipe), is refused unread."""
    try:
        if not path.is_file():
            raise Unreadable("import-unreadable", reason="not-a-file")
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise Unreadable("import-unreadable", reason=type(error).__name__) from None
    if len(data) > MAX_BYTES:
        raise Unreadable("import-unreadable", reason="size")
    if data.startswith(b"PK"):
        return _workbook(data)
    if data.startswith(b"\xd0\xcf\x11\xe0") or path.suffix.lower() in {".xls", ".ods"}:
        raise Unreadable("import-format", suffix=path.suffix.lower() or "-")
    return read_csv(data)


def _workbook(data: bytes) -> Grid:
    """The first sheet with a value, read in openpyxl's read-only mode (three times quicker than
    the full one) with its merged ranges read from the sheet's XML, which that mode skips."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            for sheet in book.worksheets:
                sheet.reset_dimensions()  # a writer's stated size can be wrong: read every cell
                cells = [list(row) for row in sheet.iter_rows(values_only=True)]
                if any(v not in (None, "") for row in cells for v in row):
                    merged = _merged_ranges(book._archive, sheet._worksheet_path)
                    return Grid([[_nfc(v) for v in row] for row in _filled(cells, merged)])
        finally:
            book.close()
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as error:
        raise Unreadable("import-unreadable", reason=type(error).__name__) from None
    except Exception as error:  # openpyxl raises many kinds on damaged XML inside a good zip
        raise Unreadable("import-unreadable", reason=type(error).__name__) from None
    return Grid([])


def _merged_ranges(archive: zipfile.ZipFile, member: str) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a sheet as (first column, first row, last column, last row), from
    its `<mergeCell ref="A1:C3">` elements (elements cleared as read: the sheet can be large)."""
    from openpyxl.utils.cell import range_boundaries

    ranges = []
    with archive.open(member) as source:
        for _event, element in ElementTree.iterparse(source):
            if element.tag.rpartition("}")[2] == "mergeCell":
                bounds = range_boundaries(element.get("ref", ""))
                if None in bounds:
                    raise ValueError("merged range")
                ranges.append(bounds)
            element.clear()
    return ranges


def _filled(cells: list[list[Any]], merged: list[tuple[int, int, int, int]]) -> list[list[Any]]:
    """The rows padded to one width, and a merged cell's value in every cell it covers ("Quyết
    định công nhận" over "Số" and "Ngày", a producer over its three products). As in openpyxl's
    full mode, the covered cells belong to the sheet even past its last value, but a damaged
    range adds no more than `MERGE_GROWTH` rows and columns."""
    width = max((len(row) for row in cells), default=0)
    height = len(cells)
    if merged:
        width = max(width, min(max(m[2] for m in merged), width + MERGE_GROWTH))
        height = max(height, min(max(m[3] for m in merged), height + MERGE_GROWTH))
    cells.extend([] for _ in range(height - len(cells)))
    for row in cells:
        row.extend([None] * (width - len(row)))
    for min_col, min_row, max_col, max_row in merged:
        if min_row > height or min_col > width:
            continue
        top = cells[min_row - 1][min_col - 1]
        last = min(max_col, width)
        for r in range(min_row - 1, min(max_row, height)):
            cells[r][min_col - 1 : last] = [top] * (last - min_col + 1)
    return cells


def _nfc(value: Any) -> Any:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read in."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf_8"), "utf_8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=ENCODINGS).best()
    if best is not None:
        return str(best), best.encoding
    return data.decode("cp1258", errors="replace"), "cp1258"


def read_csv(data: bytes) -> Grid:
    """A CSV file's cells: encoding from its BOM or the detector, separator by which one splits
    its lines most consistently."""
    text, encoding = decode(data)
    text = unicodedata.normalize("NFC", text.replace("\x00", ""))
    separator = _separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        cells: list[list[Any]] = [list(row) for row in reader]
    except csv.Error:
        cells = [line.split(separator) for line in text.splitlines()]
    return Grid(cells, encoding, separator)


def _separator(text: str) -> str:
    """The separator by which the most of the first lines split into the same number (more than
    one) of cells, quotes respected (a comma inside a quoted cell does not count)."""
    sample = "\n".join(text[:65536].splitlines()[:60])
    best, score = ",", 0
    for separator in SEPARATORS:
        try:
            widths = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=separator)]
        except csv.Error:
            continue
        widths = [w for w in widths if w > 1]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        if widths.count(common) > score:
            best, score = separator, widths.count(common)
    return best
