"""Text shared by every stage: Vietnamese folded to plain ASCII words, slugs made from it, and
dates as Vietnamese readers write them.

The same folding runs in the browser (theme_overrides/assets/javascripts/ocop.js): lower case,
"đ" -> "d", tone and vowel marks removed, anything else that is not a letter or digit a space.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from markupsafe import Markup

_MARKS = re.compile("[\u0300-\u036f]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


@functools.lru_cache(maxsize=1 << 16)  # names of places, groups and kinds repeat on many rows
def fold(text: str) -> str:
    """Text as searchable ASCII words: "Rượu chuối Đồng Văn" -> "ruou chuoi dong van"."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return _NON_WORD.sub(" ", _MARKS.sub("", text)).strip()


def slug(text: str) -> str:
    """Folded words joined by hyphens: "Hồi Xuân" -> "hoi-xuan"."""
    return "-".join(fold(text).split())


def vndate(day: dt.date | None) -> Markup:
    """DD/MM/YYYY, as Vietnamese readers write dates (digits and slashes: safe as markup)."""
    return Markup(f"{day.day:02}/{day.month:02}/{day.year}") if day else Markup("")


# Legal forms, abbreviations and codes that keep their capitals when a name is re-cased.
CAPITAL_WORDS = frozenset(
    "HTX HTXNN HTXDV TNHH CP CTCP MTV DNTN UBND HĐND OCOP THT HKD CSSX SXKD SX KD TM DV XNK "
    "QĐ TTG VN VNĐ QR".split()
)
_WORD = re.compile(r"[^\W_]+")


def all_capitals(text: str) -> bool:
    """Whether the text is written wholly in capitals: at least two letters, none lower case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def proper_case(text: str) -> str:
    """Each word capitalised as a Vietnamese proper name ("ĐẶC SẢN" -> "Đặc Sản"); known
    abbreviations and words with digits keep their capitals (NFC in, NFC out)."""

    def word(match: re.Match[str]) -> str:
        token = match.group(0)
        if token.upper() in CAPITAL_WORDS or any(c.isdigit() for c in token):
            return token
        return token[:1].upper() + token[1:].lower()

    return unicodedata.normalize("NFC", _WORD.sub(word, unicodedata.normalize("NFC", text)))
