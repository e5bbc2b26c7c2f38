"""CSV as the project writes it, in one place: columns as one table of (heading, value), UTF-8
with a byte-order mark (so Excel shows Vietnamese right), every cell quoted, and a cell that a
spreadsheet would run as a formula turned into text as OWASP recommends (CSV injection)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, NamedTuple, TypeVar

# A cell starting with one of these is read as a formula by Excel, LibreOffice or Google Sheets
# (OWASP "CSV Injection"; NUL as well, per ASVS 1.2.10).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")

T = TypeVar("T")


def safe_cell(value: str) -> str:
    """`value` with a leading apostrophe when a spreadsheet would take it for a formula: the
    spreadsheet then shows the text as it is, without the apostrophe."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class Column(NamedTuple, Generic[T]):
    """One column of a CSV or report table: its heading and how to get its value from an item."""

    heading: str
    value: Callable[[T], object]


def cell_text(value: object) -> str:
    """A value as the text of a cell: nothing for None."""
    return "" if value is None else str(value)


def headings(columns: Sequence[Column[T]]) -> list[str]:
    """The headings of a table of columns."""
    return [column.heading for column in columns]


def row_of(columns: Sequence[Column[T]], item: T) -> list[str]:
    """One item's cells, column by column."""
    return [cell_text(column.value(item)) for column in columns]


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """Rows as CSV: UTF-8 with a byte-order mark, CRLF line ends, every cell quoted (so a
    spreadsheet set to split at semicolons keeps a cell whole) and made safe (`safe_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerows([safe_cell(cell_text(cell)) for cell in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
