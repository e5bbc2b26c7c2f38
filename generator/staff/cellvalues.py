"""Values of spreadsheet cells as offices write them: stars ("3", "3 sao", "3★", "★★★", "Ba
sao"), dates (d/m/yyyy, dd.mm.yyyy, yyyy-mm-dd, "ngày 22 tháng 8 năm 2022", Excel date cells and
serial numbers) and a decision number with its date in one cell ("Quyết định số 1693/QĐ-UBND
ngày 22/8/2022"). Each parser returns None for what it cannot read, never raises."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from generator.render.search import fold

STAR_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5}
STAR_SIGNS = "★☆✩✪✫✬✭✮✯✰⭐*"
# Excel counts days from 1899-12-30 (its leap-year bug included); serials from 1955 to 2119.
EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_SERIALS = range(20000, 80000)

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?!\d)")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})(?!\d)")
_WORDS_DATE = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
# A decision number: digits, a slash and the issuing office's sign ("1693/QĐ-UBND", "15/QĐ-TTg").
_NUMBER = re.compile(r"\d+\s*/\s*[0-9A-Za-zĐđ][0-9A-Za-zĐđ\-–./&]*")
_NUMBER_ONLY = re.compile(r"^\s*(?:số|so)?\s*[:.]?\s*(\d+\s*/\s*\S+)\s*$", re.IGNORECASE)


def text_of(value: Any) -> str:
    """A cell as text, in NFC with its spacing tidied; dates as d/m/yyyy, whole numbers without
    ".0"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def stars(value: Any) -> int | None:
    """The number of stars a cell gives, or None when it gives none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else None
    text = text_of(value)
    signs = text.replace(" ", "")
    if signs and all(ch in STAR_SIGNS for ch in signs):
        filled = sum(ch not in "☆✩" for ch in signs)
        return filled or None
    digits = re.findall(r"(?<![\d.,])\d+(?:[.,]\d+)?", text)
    if digits:
        return int(digits[0]) if digits[0].isdigit() and len(digits[0]) == 1 else None
    for word in fold(text).split():
        if word in STAR_WORDS:
            return STAR_WORDS[word]
    return None


def date(value: Any, serials: bool = True) -> dt.date | None:
    """The date a cell gives (a date cell, an Excel serial number or text), or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _serial(value) if serials else None
    text = text_of(value)
    if serials and re.fullmatch(r"\d{5}(\.0+)?", text):
        return _serial(float(text))
    return date_in(text)


def date_in(text: str) -> dt.date | None:
    """The first date written in a text ("... ngày 22/8/2022", "22.08.2022", "2022-08-22")."""
    folded = fold(text.replace("/", " / ").replace(".", " . ").replace("-", " - "))
    found = _WORDS_DATE.search(folded)
    if found:
        return _make(found.group(3), found.group(2), found.group(1))
    for match in _YEAR_MONTH_DAY.finditer(text):
        made = _make(match.group(1), match.group(2), match.group(3))
        if made:
            return made
    for match in _DAY_MONTH_YEAR.finditer(text):
        made = _make(match.group(3), match.group(2), match.group(1))
        if made:
            return made
    return None


def _make(year: str, month: str, day: str) -> dt.date | None:
    number = int(year)
    if len(year) == 2:
        number += 2000
    try:
        return dt.date(number, int(month), int(day))
    except ValueError:
        return None


def _serial(number: float) -> dt.date | None:
    if int(number) not in EXCEL_SERIALS:
        return None
    return EXCEL_EPOCH + dt.timedelta(days=int(number))


@dataclass(frozen=True)
class Decision:
    """A decision as a cell or a title cites it; either part may be missing."""

    number: str | None
    date: dt.date | None


def decision(value: Any) -> Decision:
    """The decision number and date one cell gives: "Quyết định số 1693/QĐ-UBND ngày 22/8/2022",
    "1693/QĐ-UBND, 22/8/2022", "1693/QĐ-UBND" or just a number."""
    text = text_of(value)
    number = decision_number(text)
    rest = text.replace(number, " ", 1) if number else text
    return Decision(number, date_in(rest))


def decision_number(text: str) -> str | None:
    """The decision number in a text, spaces around its slash removed; a cell holding only a
    number without slash ("1693") is taken as it is."""
    whole = _NUMBER_ONLY.match(text)
    found = whole.group(1) if whole else None
    if found is None:
        match = _NUMBER.search(text)
        found = match.group(0) if match else None
    if found is None:
        bare = re.fullmatch(r"\s*(?:số|so)?\s*[:.]?\s*(\d+[A-Za-z]?)\s*", text, re.IGNORECASE)
        return bare.group(1) if bare else None
    return re.sub(r"\s*/\s*", "/", found).rstrip(".,;–-")


def decisions_cited(text: str) -> list[Decision]:
    """Every decision a title or note cites with both number and date, in order, once each."""
    found: list[Decision] = []
    for match in re.finditer(r"(?:quyết định|qđ)\s*(?:số)?\s*[:.]?\s*", text, re.IGNORECASE):
        tail = text[match.end() : match.end() + 80]
        number = _NUMBER.match(tail)
        if not number:
            continue
        cited = Decision(
            re.sub(r"\s*/\s*", "/", number.group(0)).rstrip(".,;–-"),
            date_in(tail[number.end() : number.end() + 40]),
        )
        if cited.date and cited not in found:
            found.append(cited)
    return found
