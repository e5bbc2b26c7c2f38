"""The rows an import left out, written back as a CSV (UTF-8 with BOM, so Excel opens it in
Vietnamese): the title rows, the heading, each row as it was and a column giving every reason.
The office fixes the rows there and imports that file again."""

from __future__ import annotations

from pathlib import Path

from generator.csvcells import csv_bytes
from generator.messages import say
from generator.staff.cellvalues import text_of
from generator.staff.importer import Plan


def write_rejects(plan: Plan, path: Path, lang: str = "vi") -> int:
    """Write the rejected rows of `plan` to `path`; the number of rows written."""
    layout = plan.layout
    assert layout is not None
    width = max([c.index for c in layout.columns] + [0]) + 1
    headings = [""] * width
    for column in layout.columns:
        headings[column.index] = column.heading
    rows: list[list[str]] = [[line] for line in layout.title]  # the title's decision stays
    rows.append([*headings, say("rejects-reasons", lang)])
    for rejected in plan.rejected:
        cells = [text_of(v) for v in rejected.row.cells[:width]]
        cells += [""] * (width - len(cells))
        reasons = "; ".join(dict.fromkeys(p.message(lang) for p in rejected.problems))
        rows.append([*cells, reasons])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_bytes(rows))
    return len(plan.rejected)
