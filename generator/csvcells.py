"""Cells of the CSV files the project writes, safe to open in a spreadsheet program."""

from __future__ import annotations

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets
# (CSV formula injection); OWASP's advice is a leading apostrophe, which they show as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """`value` as a cell no spreadsheet program runs as a formula ("=1+1" -> "'=1+1")."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value
