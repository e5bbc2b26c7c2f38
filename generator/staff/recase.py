"""Names an office wrote wholly in capitals ("HTX NÔNG NGHIỆP TÂN HỘI", "XÃ HIẾU TỬ, HUYỆN TIỂU
CẦN", "UBND TỈNH TRÀ VINH") written as the catalogue writes names: a unit as the administrative
units spell it, its type word in lower case; a producer or product name with each word capitalised,
its legal form as the sample data writes it and abbreviations in capitals. Text with any lower-case
letter is kept exactly as written."""

from __future__ import annotations

import re

from generator.reference.units import Units, spelling
from generator.text import all_capitals, fold, proper_case

# Legal forms and bodies, as the catalogue writes them wherever they stand in a name.
PHRASES = (
    "Liên hiệp hợp tác xã",
    "Hợp tác xã",
    "Tổ hợp tác",
    "Hộ kinh doanh",
    "Cơ sở sản xuất",
    "Doanh nghiệp tư nhân",
    "Công ty",
    "trách nhiệm hữu hạn",
    "cổ phần",
    "một thành viên",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Chủ tịch",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Nông nghiệp và Môi trường",
)
# Type words that open a part of an address, lower case in running text ("thôn Nà Rụa").
PLACE_WORDS = (
    "tổ dân phố",
    "thành phố",
    "thị trấn",
    "thị xã",
    "đặc khu",
    "khu phố",
    "số nhà",
    "xã",
    "phường",
    "huyện",
    "quận",
    "tỉnh",
    "thôn",
    "xóm",
    "bản",
    "ấp",
    "tổ",
    "khu",
    "làng",
    "đường",
    "phố",
    "số",
)
_ABBREVIATED = frozenset(("tp", "t p", "tx", "tt", "q", "h", "p", "x"))  # "TP.", "T.P", "TX"
# Where an issuer's place begins: "UBND | tỉnh Trà Vinh".
_ISSUER_PLACE = re.compile(r"\s(?=(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã)\s)", re.IGNORECASE)


def _alternatives(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the phrases as whole words, the longest first (so "Liên hiệp hợp tác xã" is one)."""
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, ordered))})(?!\w)", re.IGNORECASE)


_PHRASES = _alternatives(PHRASES)
_WRITTEN = {p.lower(): p for p in PHRASES}
_PLACE_WORD = _alternatives(PLACE_WORDS)


class Recaser:
    """Re-cases the all-capital names of one import and counts them, for staff to check."""

    def __init__(self, units: Units) -> None:
        self.units = units
        self.recased: set[str] = set()  # the texts as the office wrote them
        self._done: dict[tuple[str, str], str] = {}

    def name(self, text: str) -> str:
        """A producer's or product's name: "HTX CHÈ TÀI HỒ SÌN" -> "HTX Chè Tài Hồ Sìn"."""
        return self._once("name", text, self._name)

    def place(self, text: str) -> str:
        """An address or unit: "XÃ HIẾU TỬ, HUYỆN TIỂU CẦN" -> "xã Hiếu Tử, huyện Tiểu Cần"."""
        return self._once("place", text, self._place)

    def issuer(self, text: str) -> str:
        """An issuing body: "UBND TỈNH TRÀ VINH" -> "UBND tỉnh Trà Vinh"."""
        return self._once("issuer", text, self._issuer)

    def _once(self, kind: str, text: str, recase: object) -> str:
        if not all_capitals(text):
            return text
        key = (kind, text)
        if key not in self._done:
            self._done[key] = recase(text)  # type: ignore[operator]
        if self._done[key] != text:
            self.recased.add(text)
        return self._done[key]

    def _name(self, text: str) -> str:
        cased = _PHRASES.sub(lambda m: _WRITTEN[m.group(0).lower()], proper_case(text))
        return cased[:1].upper() + cased[1:]

    def _place(self, text: str) -> str:
        return ", ".join(self._unit(part.strip()) for part in text.split(","))

    def _unit(self, part: str) -> str:
        """One part of an address: its type word in lower case (an abbreviation such as "TP."
        kept), its name as the units spell it when they know it."""
        words = part.split()
        bare = spelling(self.units, part)
        if bare is not None and fold(" ".join(words[-len(bare.split()) :])) == fold(bare):
            kind = words[: len(words) - len(bare.split())]
            return " ".join([*(_type_word(w) for w in kind), bare])
        cased = proper_case(part)
        match = _PLACE_WORD.match(cased)
        return cased[: match.end()].lower() + cased[match.end() :] if match else cased

    def _issuer(self, text: str) -> str:
        body, *place = _ISSUER_PLACE.split(text, maxsplit=1)
        cased = self._name(body)
        return f"{cased} {self._place(place[0])}" if place else cased


def _type_word(word: str) -> str:
    """A type word in lower case; an abbreviation ("TP.", "TX") as the office wrote it."""
    return word if fold(word) in _ABBREVIATED else word.lower()
