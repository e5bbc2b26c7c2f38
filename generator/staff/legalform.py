"""Vietnamese legal forms in producers' names: the abbreviations offices write ("HTX", "Cty TNHH",
"HKD"), folded to one spelling so a producer matches however its name is written, and the kind of
producer a name states ("Hợp tác xã ..." is a cooperative; a bare name states none)."""

from __future__ import annotations

import functools
import re

from generator.render.search import fold

# Folded abbreviation -> folded full words. Whole words only, so a brand word is never touched.
ABBREVIATIONS: dict[str, str] = {
    "htxnn": "hop tac xa nong nghiep",
    "htxdv": "hop tac xa dich vu",
    "htx": "hop tac xa",
    "cty": "cong ty",
    "ctcp": "cong ty co phan",
    "ctytnhh": "cong ty trach nhiem huu han",
    "tnhh": "trach nhiem huu han",
    "cp": "co phan",
    "mtv": "mot thanh vien",
    "1tv": "mot thanh vien",
    "dntn": "doanh nghiep tu nhan",
    "dn": "doanh nghiep",
    "hkd": "ho kinh doanh",
    "sxkd": "san xuat kinh doanh",
    "sx": "san xuat",
    "kd": "kinh doanh",
    "tm": "thuong mai",
    "dv": "dich vu",
    "xnk": "xuat nhap khau",
    "nn": "nong nghiep",
    "tht": "to hop tac",
    "cssx": "co so san xuat",
    "cs": "co so",
}
# A name's legal form (its folded, expanded beginning) -> the producer kind it states.
KIND_PREFIXES: tuple[tuple[str, str], ...] = (
    ("hop tac xa", "htx"),
    ("lien hiep hop tac xa", "htx"),
    ("to hop tac", "to-hop-tac"),
    ("ho kinh doanh", "ho-kinh-doanh"),
    ("cong ty", "doanh-nghiep"),
    ("doanh nghiep", "doanh-nghiep"),
)
# Words of a legal form, left out when two names are compared for a near match.
FORM_WORDS = frozenset(
    " ".join(ABBREVIATIONS.values()).split()
    + ["lien", "hiep", "thanh", "vien", "tu", "nhan", "mot", "hai", "tro", "len"]
)
_C_TY = re.compile(r"\bc\s+ty\b")  # "C.ty" folds to "c ty"


@functools.lru_cache(maxsize=1 << 14)  # a name is looked up, matched and indexed: folded once
def name_key(name: str) -> str:
    """A producer's name folded for matching: case, spacing, marks, tone marks and legal-form
    abbreviations ("Cty TNHH Trà Vinh FARM" and "Công ty Trách nhiệm hữu hạn Trà Vinh Farm" give
    the same key)."""
    words = _C_TY.sub("cty", fold(name)).split()
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


def core_words(key: str) -> tuple[str, ...]:
    """The words of a name key that are not its legal form: what tells two producers apart."""
    return tuple(word for word in key.split() if word not in FORM_WORDS)


def kind_of(name: str) -> str | None:
    """The producer kind the name's legal form states, or None when it states none."""
    key = name_key(name)
    for prefix, kind in KIND_PREFIXES:
        if key == prefix or key.startswith(prefix + " "):
            return kind
    return None
