"""Text shared by every stage: Vietnamese folded to plain ASCII words, and slugs made from it.

The same folding runs in the browser (theme_overrides/assets/javascripts/ocop.js): lower case,
"đ" -> "d", tone and vowel marks removed, anything else that is not a letter or digit a space.
"""

from __future__ import annotations

import functools
import re
import unicodedata

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
