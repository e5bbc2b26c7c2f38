"""Where a row's producer is: the province, district and commune a list names (in their own
columns, in the address text, in a section row or the title), resolved to today's units."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.reference import Reference
from generator.search import fold

_COMMUNE = re.compile(r"\b(xã|phường|thị trấn|đặc khu)\s+([^,;()]+)", re.IGNORECASE)
_DISTRICT = re.compile(r"\b(huyện|thị xã|thành phố|tp\.?)\s+([^,;()]+)", re.IGNORECASE)
_PROVINCE = re.compile(r"^\s*(tỉnh|thành phố|tp\.?)\s+([^,;()]+)$", re.IGNORECASE)
_PREFIXES = re.compile(r"^(tinh|thanh pho|tp|huyen|thi xa|xa|phuong|thi tran|dac khu)\s+")


@dataclass(frozen=True)
class Place:
    """Today's province and commune of a row, and what the source said."""

    province: str | None
    commune: str | None = None
    candidates: tuple[str, ...] = ()
    derived: bool = False
    former: dict[str, str] = field(default_factory=dict)
    problem: str | None = None
    province_text: str = ""
    commune_text: str = ""


def bare(name: str) -> str:
    """A unit's name folded without its level ("tỉnh Trà Vinh" -> "tra vinh")."""
    return _PREFIXES.sub("", fold(name))


def units_in(address: str) -> dict[str, str]:
    """The units an address text names, by level ("xã Hòa An, huyện Hòa An, tỉnh Cao Bằng")."""
    found: dict[str, str] = {}
    parts = [p.strip() for p in address.split(",") if p.strip()]
    if parts and _PROVINCE.match(parts[-1]):
        found["province"] = parts.pop()
    for part in parts:
        commune = _COMMUNE.search(part)
        if commune and "commune" not in found:
            found["commune"] = commune.group(0).strip()
            continue
        district = _DISTRICT.search(part)
        if district and "district" not in found:
            found["district"] = district.group(0).strip()
    return found


class Places:
    """Resolves the places a list names to today's units of the catalogue's reference data."""

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        self._provinces = {}
        for province in reference.provinces.values():
            self._provinces[bare(province.name)] = province.id
            self._provinces[bare(province.id.replace("-", " "))] = province.id

    def province_id(self, text: str) -> str | None:
        """Today's province id of a province name or id, or None."""
        return self._provinces.get(bare(text)) if text else None

    def resolve(self, address: str, given: dict[str, str]) -> Place:
        """Today's units for a row: its own columns first, then what its address names."""
        named = units_in(address)
        province_text = given.get("province") or named.get("province", "")
        commune_text = given.get("commune") or named.get("commune", "")
        province = self.province_id(province_text)
        if province is None:
            return Place(None, province_text=province_text, commune_text=commune_text)
        commune = None
        if commune_text:
            communes = self.reference.provinces[province].communes
            commune = next(
                (c.id for c in communes.values() if bare(c.name) == bare(commune_text)), None
            )
        return Place(province, commune, province_text=province_text, commune_text=commune_text)
