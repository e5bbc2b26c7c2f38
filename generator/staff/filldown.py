"""Cells of a CSV saved from a sheet with merged cells: the value stands in the first row of the
merged block only, and the rows under it are blank. For the columns where a blank under a value
means "the same as above" in these lists, the value is carried down, within a block of rows (a
section, totals, heading, note or blank row ends it) and only until a row gives its own value.
What is filled is recorded, so the import says which rows of which columns it filled."""

from __future__ import annotations

from itertools import pairwise

from generator.staff.layout import Column, DataRow, Layout

# A producer merged over its products, and what belongs to the producer: carried down only
# while the producer itself is (a new producer with an empty address has no address).
PRODUCER_FIELDS = ("producer", "address", "commune", "kind")
# Merged over many producers: a district, a group, one decision over a block of products; the
# date and issuer of a decision only while its number is carried down too. Such a column is
# carried only when it is blank in at least half of the rows it could be carried to: in a list
# that gives each row its own decision (a news list), a blank is a value missing.
AREA_FIELDS = ("district", "province", "group")
DECISION_FIELDS = ("decision", "decision_number", "decision_date", "issuer")
# Never carried down: a blank there is a value missing (product, stars, score, criteria and any
# column the import does not use, a phone number among them).


def fill_down(layout: Layout) -> dict[int, list[int]]:
    """Fill the blank cells of the carried columns from the row above; the row numbers filled,
    by column index."""
    columns = {
        name: column
        for name in PRODUCER_FIELDS + AREA_FIELDS + DECISION_FIELDS
        if (column := layout.column(name)) is not None
    }
    given = dict(columns)  # a field depends on its lead's column even when that is not carried
    for name in AREA_FIELDS + DECISION_FIELDS:
        if name in columns and not _merged_style(layout, columns[name].index):
            del columns[name]
    filled: dict[int, list[int]] = {}
    previous = None
    for row in layout.rows:
        if previous is None or row.number != previous.number + 1:
            previous = row  # the first row of a block keeps its blanks
            continue
        width = max(len(row.cells), len(previous.cells))
        row.cells += [None] * (width - len(row.cells))
        row.texts += [""] * (width - len(row.texts))
        carried = {name: _carry(row, previous, column.index) for name, column in columns.items()}
        for name, column in columns.items():
            if not carried[name]:
                continue
            lead = _lead(name, given)
            if lead is not None and lead != name and not carried.get(lead):
                continue  # the producer (or decision number) is this row's own: so is this
            row.cells[column.index] = previous.cells[column.index]
            row.texts[column.index] = previous.texts[column.index]
            filled.setdefault(column.index, []).append(row.number)
        previous = row
    return filled


def _merged_style(layout: Layout, index: int) -> bool:
    """Whether a column is blank in at least half of the rows under another row of its block."""
    under = [row for prev, row in pairwise(layout.rows) if row.number == prev.number + 1]
    blank = sum(1 for row in under if index >= len(row.texts) or not row.texts[index])
    return bool(under) and blank * 2 >= len(under)


def _carry(row: DataRow, previous: DataRow, index: int) -> bool:
    """Whether the cell at `index` is blank in `row` and given in the row above."""
    here = row.texts[index] if index < len(row.texts) else ""
    above = previous.texts[index] if index < len(previous.texts) else ""
    return not here and bool(above) and index < len(row.cells)


def _lead(name: str, columns: dict[str, Column]) -> str | None:
    """The field whose carrying down a field's own depends on, when the list has its column."""
    if name in PRODUCER_FIELDS:
        return "producer" if "producer" in columns else None
    if name in ("decision_date", "issuer"):
        for lead in ("decision_number", "decision"):
            if lead in columns:
                return lead
    return None


def spans(numbers: list[int]) -> str:
    """Row numbers as short runs: 10, 11, 12, 15 -> "10–12, 15"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in runs)
