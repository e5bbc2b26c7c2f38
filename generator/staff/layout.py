"""Where the list is in a sheet: title and note rows above the heading, a heading of one or two
rows, then data rows among blank rows, section rows ("I. Huyện Tiểu Cần", "SẢN PHẨM 4 SAO"),
repeated headings, column-number rows and a totals row ("Tổng cộng: 40 sản phẩm")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.render.search import fold
from generator.staff.cellvalues import stars, text_of
from generator.staff.headings import field_of, lower_known

HEADER_SEARCH_ROWS = 40  # a heading lower than this is not looked for
# Fields that tell a heading row from a title: at least two of them must be found.
TELLING = {"product", "producer", "stars", "decision", "decision_number", "address", "group"}
_TOTALS = re.compile(r"^(tong cong|tong so|tong|cong(?=\s+\d|\s*$)|cong toan|cong chung)\b")
_NOTE = re.compile(r"^(ghi chu|nguon|luu y|chu thich)\b")
_SECTION_START = re.compile(
    r"^(([ivxlc]+|[a-h]|\d{1,2})\s*[.)/-]\s*\S|(huyen|thi xa|thanh pho|tp|tinh|xa|phuong|thi tran|"
    r"nhom|san pham|dia ban|khu vuc)\b)"
)
_DISTRICT = re.compile(r"\b(huyện|thị xã|thành phố|tp\.?)\s+([^()\d,:;]+)", re.IGNORECASE)
_COLUMN_NUMBER = re.compile(r"^\(?\s*(\d{1,2}|[a-z])\s*\)?$")


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Column:
    """A column of the list: where it is, its heading as the file writes it, what it fills."""

    index: int
    heading: str
    field: str | None
    known: bool

    @property
    def letter(self) -> str:
        return column_letter(self.index)


@dataclass
class DataRow:
    """A row of the list: its number as the spreadsheet shows it, its cells as read, and what
    the section above it says (stars, district)."""

    number: int
    cells: list[Any]
    context: dict[str, str] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # each cell as text (cellvalues.text_of)


@dataclass
class Layout:
    """A sheet read as a list."""

    title: list[str]
    header_rows: list[int]
    columns: list[Column]
    rows: list[DataRow]
    skipped: dict[str, list[int]] = field(default_factory=dict)
    # rows whose blank cell was filled from the row above, by column index (staff/filldown.py)
    filled: dict[int, list[int]] = field(default_factory=dict)
    _by_field: dict[str, Column] = field(default_factory=dict, repr=False)

    def column(self, name: str) -> Column | None:
        """The column filling field `name` (each field has one at most)."""
        if len(self._by_field) != len(self.columns):
            self._by_field = {c.field or f"#{c.index}": c for c in self.columns}
        return self._by_field.get(name)


def _texts(row: list[Any]) -> list[str]:
    return [text_of(v) for v in row]


def _heading_fields(upper: list[str], lower: list[str] | None, mapping: dict) -> list[tuple]:
    width = max(len(upper), len(lower or []))
    found = []
    for i in range(width):
        top = upper[i] if i < len(upper) else ""
        bottom = (lower[i] if i < len(lower) else "") if lower is not None else ""
        known, name = field_of(top, bottom if bottom != top else "", mapping)
        found.append((top, bottom, known, name))
    return found


def _score(found: list[tuple]) -> int:
    return len({name for _, _, known, name in found if known and name in TELLING})


def _filled_upper(upper: list[str], lower: list[str]) -> list[str]:
    """A group heading written once over its columns ("Quyết định" over "Số", "Ngày", the cell
    to the right of it left empty, as a CSV saves a merged cell) stands over each of them."""
    filled = list(upper) + [""] * max(0, len(lower) - len(upper))
    for i in range(1, len(filled)):
        lower_here = lower[i] if i < len(lower) else ""
        if not filled[i] and lower_here:
            j = i - 1
            while j >= 0 and not (upper[j] if j < len(upper) else ""):
                j -= 1
            left_lower = lower[j] if 0 <= j < len(lower) else ""
            if j >= 0 and left_lower and left_lower != filled[j]:
                filled[i] = filled[j]
    return filled


def _is_lower_heading(upper: list[str], lower: list[str], mapping: dict) -> bool:
    """Whether the row under a heading is its second row: every cell it adds is a heading."""
    added = [
        (i, text) for i, text in enumerate(lower) if text and (i >= len(upper) or text != upper[i])
    ]
    if not added or _is_column_numbers(lower):
        return False
    for i, text in added:
        top = upper[i] if i < len(upper) else ""
        if not lower_known(top, text, mapping) or any(ch.isdigit() for ch in text):
            return False
    return True


def _is_column_numbers(texts: list[str]) -> bool:
    filled = [t for t in texts if t]
    return len(filled) >= 3 and all(_COLUMN_NUMBER.match(fold(t) or t.lower()) for t in filled)


def find_layout(cells: list[list[Any]], mapping: dict[str, str | None]) -> Layout | None:
    """The list in a grid of cells, or None when no row reads as its heading."""
    best: tuple[int, int] | None = None
    for r, row in enumerate(cells[:HEADER_SEARCH_ROWS]):
        score = _score(_heading_fields(_texts(row), None, mapping))
        if score >= 2 and (best is None or score > best[1]):
            best = (r, score)
    if best is None:
        return None
    r = best[0]
    upper = _texts(cells[r])
    lower = _texts(cells[r + 1]) if r + 1 < len(cells) else []
    two_rows = bool(lower) and _is_lower_heading(_filled_upper(upper, lower), lower, mapping)
    if two_rows:
        upper = _filled_upper(upper, lower)
        found = _heading_fields(upper, lower, mapping)
    else:
        found = _heading_fields(upper, None, mapping)
    columns = []
    taken: set[str] = set()
    for i, (top, bottom, known, name) in enumerate(found):
        heading = " / ".join(dict.fromkeys(p for p in (top, bottom) if p))
        if not heading:
            continue
        if name in taken:  # a second column for a field: named as unused, never merged silently
            known, name = False, None
        if name:
            taken.add(name)
        columns.append(Column(i, heading, name, known))
    header_rows = [r + 1, r + 2] if two_rows else [r + 1]
    title = [" ".join(dict.fromkeys(t for t in _texts(row) if t)) for row in cells[:r]]
    layout = Layout([t for t in title if t], header_rows, columns, [])
    _data_rows(layout, cells, header_rows[-1], mapping)
    return layout


def _data_rows(layout: Layout, cells: list[list[Any]], start: int, mapping: dict) -> None:
    """Sort the rows below the heading into data and the rows that carry none."""
    heading_fields = {c.index: c.field for c in layout.columns if c.field}
    headings = {part for c in layout.columns for part in c.heading.split(" / ")}
    context: dict[str, str] = {}

    def skip(reason: str, number: int) -> None:
        layout.skipped.setdefault(reason, []).append(number)

    for r in range(start, len(cells)):
        number = r + 1
        row = cells[r]
        texts = _texts(row)
        filled = [t for t in texts if t]
        if not filled:
            skip("blank", number)
            continue
        first = fold(filled[0])
        if _is_column_numbers(texts):
            skip("column-numbers", number)
            continue
        if any(_TOTALS.match(fold(t)) for t in filled[:3]):
            skip("totals", number)
            continue
        if headings & set(filled) and _repeats_heading(texts, heading_fields, mapping):
            skip("repeated-heading", number)
            continue
        distinct = list(dict.fromkeys(filled))
        if len(distinct) == 1 and len(layout.columns) > 2:
            if _NOTE.match(first) or first.startswith("*"):
                skip("note", number)
                continue
            if _SECTION_START.match(first) or distinct[0].isupper():
                skip("section", number)
                context = _section_context(distinct[0])
                continue
        layout.rows.append(DataRow(number, list(row), dict(context), texts))


def _repeats_heading(texts: list[str], fields: dict[int, str | None], mapping: dict) -> bool:
    """Whether a row repeats the heading (a list printed over pages, then pasted together)."""
    again = sum(
        field_of(texts[i], "", mapping)[1] == name for i, name in fields.items() if i < len(texts)
    )
    return bool(fields) and again * 2 > len(fields)


def _section_context(text: str) -> dict[str, str]:
    """What a section row says about the rows under it: their stars or their district."""
    context: dict[str, str] = {}
    if "sao" in fold(text).split():
        found = stars(text)
        if found:
            context["stars"] = str(found)
    district = _DISTRICT.search(text)
    if district:
        name = district.group(2).strip(" .-–")
        if name:
            context["district"] = f"{district.group(1)} {name}"
    return context
