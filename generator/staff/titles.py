"""What the rows above a list's heading say for every row: the decision it is an annex of
("Kèm theo Quyết định số 1693/QĐ-UBND ngày 22/8/2022 của UBND tỉnh Trà Vinh"), the body that
issued it, and the province the list is of."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.staff.cellvalues import Decision, decisions_cited
from generator.staff.places import Places
from generator.staff.recase import Recaser

_ISSUER = re.compile(
    r"\b(?:của|do)\s+(?:chủ tịch\s+)?((?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|bộ)\s+[^,;()]+)",
    re.IGNORECASE,
)
_PROVINCE = re.compile(r"\b(?:tỉnh|thành phố)\s+([^\d,;()]+)", re.IGNORECASE)
_TAIL = re.compile(r"\s+(năm|giai đoạn|đợt|về việc|v/v|ban hành|đạt|được)\b.*$", re.IGNORECASE)


@dataclass(frozen=True)
class TitleFacts:
    """Facts for every row, as the title states them (None when it states none or several)."""

    decision: Decision | None = None
    issuer: str | None = None
    province: str | None = None


def read_title(lines: list[str], places: Places, recaser: Recaser) -> TitleFacts:
    """The decision, issuer and province the title rows cite, each only when exactly one is
    (names in capitals re-cased: "UBND TỈNH TRÀ VINH" -> "UBND tỉnh Trà Vinh")."""
    text = " ".join(lines)
    cited = decisions_cited(text)
    issuers = list(dict.fromkeys(_TAIL.sub("", m.group(1)).strip() for m in _ISSUER.finditer(text)))
    provinces = []
    for match in _PROVINCE.finditer(text):
        name = _TAIL.sub("", match.group(1)).strip()
        if name and places.province_id(name) and name not in provinces:
            provinces.append(name)
    ids = {places.province_id(p) for p in provinces}
    return TitleFacts(
        cited[0] if len(cited) == 1 else None,
        recaser.issuer(issuers[0]) if len(issuers) == 1 else None,
        recaser.place(provinces[0]) if len(ids) == 1 else None,
    )
