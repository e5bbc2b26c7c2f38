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

from charset_normalizer import from_bytes

# The encodings an office's CSV comes in, for the detector to choose from: a file that is not
# UTF-8 is Excel's "CSV" (the Windows code page, Windows-1258 in Vietnam) or its "Unicode text".
ENCODINGS = ["utf_8", "cp1258", "utf_16", "utf_16_le", "utf_16_be"]
BOMS = ((b"\xef\xbb\xbf", "utf_8_sig"), (b"\xff\xfe", "utf_16"), (b"\xfe\xff", "utf_16"))
SEPARATORS = ",;\t"
MAX_BYTES = 50 * 1024 * 1024


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
    """The cells of the file's first sheet that has any, by the file's content."""
    try:
        data = path.read_bytes()
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
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as error:
        raise Unreadable("import-unreadable", reason=type(error).__name__) from None
    except Exception as error:  # openpyxl raises many kinds on damaged XML inside a good zip
        raise Unreadable("import-unreadable", reason=type(error).__name__) from None
    for sheet in book.worksheets:
        cells = [list(row) for row in sheet.iter_rows(values_only=True)]
        if not any(v not in (None, "") for row in cells for v in row):
            continue
        # A merged cell's value stands for every cell it covers: "Quyết định công nhận" over
        # "Số" and "Ngày", a producer over its three products.
        for merged in sheet.merged_cells.ranges:
            top = (
                cells[merged.min_row - 1][merged.min_col - 1]
                if merged.min_row <= len(cells)
                else None
            )
            for r in range(merged.min_row - 1, min(merged.max_row, len(cells))):
                row = cells[r]
                row.extend([None] * (merged.max_col - len(row)))
                for c in range(merged.min_col - 1, merged.max_col):
                    row[c] = top
        return Grid([[_nfc(v) for v in row] for row in cells])
    return Grid([])


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
