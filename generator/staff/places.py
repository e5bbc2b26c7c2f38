"""Where a row's producer is: the province, district and commune a list names (in their own
columns, in the address text, in a section row or the title), resolved to today's units through
generator.reference.units, old names (before 1 July 2025) included."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.reference.data import Reference
from generator.reference.units import Units, load_units, resolve
from generator.text import fold

_COMMUNE = re.compile(r"\b(xã|phường|thị trấn|đặc khu)\s+([^,;()]+)", re.IGNORECASE)
_DISTRICT = re.compile(r"\b(huyện|quận|thị xã|thành phố|tp\.?)\s+([^,;()]+)", re.IGNORECASE)
_PROVINCE = re.compile(r"^\s*(tỉnh|thành phố|tp\.?)\s+([^,;()]+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """Today's province and commune of a row, and what the source said."""

    province: str | None
    commune: str | None = None
    candidates: tuple[str, ...] = ()  # "xã Tân Hòa (tan-hoa)", to choose from
    derived: bool = False  # today's commune worked out from a unit before the reform
    province_derived: bool = False  # today's province worked out from one before the reform
    former: dict[str, str] = field(default_factory=dict)
    problem: str | None = None  # "unknown-commune", "ambiguous-commune"
    province_text: str = ""
    commune_text: str = ""


def units_in(address: str) -> dict[str, str]:
    """The units an address text names, by level ("xã Hòa An, huyện Hòa An, tỉnh Cao Bằng").
    A last "thành phố X" is kept as "city": a province (Hà Nội) or a district-level city
    (thành phố Thanh Hóa), which only the other parts of the row can tell."""
    found: dict[str, str] = {}
    parts = [p.strip() for p in address.split(",") if p.strip()]
    if parts and _PROVINCE.match(parts[-1]):
        last = parts.pop()
        found["province" if fold(last).startswith("tinh ") else "city"] = last
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
    """Resolves the places a list names to today's units of the whole country."""

    def __init__(self, reference: Reference) -> None:
        units = getattr(reference, "units", None)
        self.units: Units = units if isinstance(units, Units) else load_units()
        self._cache: dict[tuple[str, str, str], Place] = {}

    def province_id(self, text: str) -> str | None:
        """Today's province id of a province named as of today or before the reform, or None."""
        return self.resolve("", {"province": text}).province if text.strip() else None

    def resolve(self, address: str, given: dict[str, str], section: str = "") -> Place:
        """Today's units for a row: its own columns first, then what its address names, then
        the district its section row names. A commune named by an address only is left out when
        it cannot be found (the address is kept as given); a split one is always told, with its
        candidates."""
        named = units_in(address)
        province = given.get("province") or named.get("province", "")
        district = given.get("district") or named.get("district", "")
        if "city" in named:
            if province:
                district = district or named["city"]
            else:
                province = named["city"]
        district = district or section
        commune = given.get("commune") or named.get("commune", "")
        own = given.get("commune", "")
        key = (province, district, commune, own, named.get("commune", ""))
        if key not in self._cache:
            self._cache[key] = self._resolve(province, district, commune, own, named)
        return self._cache[key]

    def _resolve(
        self, province: str, district: str, commune: str, own: str, named: dict[str, str]
    ) -> Place:
        found = resolve(self.units, province or None, district or None, commune or None)
        if found.province is None:
            return Place(None, province_text=province, commune_text=commune)
        alone = resolve(self.units, province) if district or commune else found
        if alone.province is None:
            return Place(None, province_text=province, commune_text=commune)
        if own and district:
            # a commune column naming today's commune settles an old address's split ward
            today = resolve(self.units, province, None, own)
            if today.commune and not today.derived:
                former = {k: v for k, v in found.former.items() if k != "commune"}
                if named.get("commune"):
                    former["commune"] = named["commune"]
                return Place(
                    found.province,
                    today.commune,
                    (),
                    False,
                    alone.derived,
                    former,
                    None,
                    province,
                    own,
                )
        problem = found.problem
        if not commune or (problem == "unknown-commune" and not own):
            problem = None  # no commune named, or only guessed from the address text
        communes = self.units.provinces[found.province].communes
        candidates = tuple(f"{communes[c].name} ({c})" for c in found.candidates if c in communes)
        return Place(
            found.province,
            found.commune,
            candidates if problem else (),
            found.derived and found.commune is not None,
            alone.derived,
            dict(found.former),
            problem,
            province,
            commune,
        )
