"""Reference data kept as data: criteria sets (bands, groups, validity) from data/reference/, and
the country's administrative units from the maintained package (generator/reference/units.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.load.schema import check_schema
from generator.load.yaml_reader import load_document
from generator.problems import Problem
from generator.reference.units import Commune, Province, Units, load_units

__all__ = ["Band", "Commune", "CriteriaSet", "Province", "Reference", "load_reference"]

CRITERIA_FILE = "criteria.yaml"


@dataclass(frozen=True)
class Band:
    """The score range that earns a number of stars."""

    stars: int
    low: float
    high: float


@dataclass(frozen=True)
class CriteriaSet:
    """A legal set of criteria: its bands, product groups and certificate validity."""

    id: str
    name: str
    source: str
    effective_from: dt.date
    validity_months: int
    bands: tuple[Band, ...]
    groups: dict[str, str]

    def band(self, stars: int) -> Band | None:
        return next((b for b in self.bands if b.stars == stars), None)


@dataclass(frozen=True)
class Reference:
    """All reference data of a catalogue."""

    criteria: dict[str, CriteriaSet]
    units: Units

    @property
    def provinces(self) -> dict[str, Province]:
        """Today's provinces by ID, each with its communes."""
        return self.units.provinces

    def group_name(self, group_id: str) -> str:
        """The name of a product group, from the newest criteria set that has it."""
        for criteria in sorted(
            self.criteria.values(), key=lambda c: c.effective_from, reverse=True
        ):
            if group_id in criteria.groups:
                return criteria.groups[group_id]
        return group_id

    def all_groups(self) -> dict[str, str]:
        """Every group id with its name, newest criteria set first."""
        groups: dict[str, str] = {}
        for criteria in sorted(
            self.criteria.values(), key=lambda c: c.effective_from, reverse=True
        ):
            for gid, name in criteria.groups.items():
                groups.setdefault(gid, name)
        return groups


def _criteria(item: dict[str, Any]) -> CriteriaSet:
    return CriteriaSet(
        id=item["id"],
        name=item["name"],
        source=item["source"],
        effective_from=dt.date.fromisoformat(str(item["effective_from"])),
        validity_months=int(item["validity_months"]),
        bands=tuple(Band(int(b["stars"]), float(b["min"]), float(b["max"])) for b in item["bands"]),
        groups={g["id"]: g["name"] for g in item["groups"]},
    )


def load_reference(reference_dir: Path, root: Path) -> tuple[Reference | None, list[Problem]]:
    """Load the criteria sets, checked against their schema (criteria.schema.json), and the
    administrative units; a broken criteria file is a problem at its line, not a crash."""
    problems: list[Problem] = []
    criteria_doc, found = load_document(reference_dir / CRITERIA_FILE, root)
    problems += found + (check_schema(criteria_doc, "criteria") if criteria_doc else [])
    if criteria_doc is None or problems:
        return None, problems
    try:
        criteria = {c.id: c for c in map(_criteria, criteria_doc.data["criteria_sets"])}
    except (KeyError, TypeError, ValueError) as error:  # what the schema cannot say
        return None, [
            criteria_doc.problem((), "reference-invalid", schema="criteria", detail=error)
        ]
    return Reference(criteria, load_units(root / ".cache")), problems
