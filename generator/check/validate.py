"""Checks beyond the schema: references, bands, dates, photos, unique IDs across files."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from generator.check import characters
from generator.load.schema import check_schema
from generator.load.yaml_reader import Document
from generator.messages import suggestion_params
from generator.problems import Problem
from generator.reference.data import Reference
from generator.reference.units import resolve


@dataclass
class DataFiles:
    """The loaded data documents, by kind."""

    producers: list[Document]
    inspections: list[Document]
    unloadable_producers: frozenset[str] = (
        frozenset()
    )  # file stems of producers that failed to load


def parse_date(value: Any) -> dt.date | None:
    """An ISO date, or None for anything else (the schema reports it)."""
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _dicts(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, item) for the mapping items of a list; anything else yields nothing."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # whole string: fullmatch


def is_id(value: Any) -> bool:
    """A well-formed ID; malformed ones are reported by the schema, not looked up."""
    return isinstance(value, str) and bool(_ID.fullmatch(value))


def _close(name: Any, candidates: list[str]) -> dict[str, str]:
    match = difflib.get_close_matches(str(name), candidates, n=1, cutoff=0.6)
    return suggestion_params(match[0] if match else None)


MAX_PHOTO_BYTES = 20_000_000
MAX_PHOTO_PIXELS = 50_000_000


def check_photo(path: Path) -> tuple[str, dict[str, Any]] | None:
    """(code, params) when a photo is too large, not an image, or cannot be fully decoded."""
    size = path.stat().st_size
    if size > MAX_PHOTO_BYTES:
        limit = MAX_PHOTO_BYTES // 1_000_000
        return "photo-too-large", {
            "reason": "bytes",
            "size_mb": size // 1_000_000,
            "limit_mb": limit,
        }
    try:
        with Image.open(path) as image:
            pixels = image.width * image.height
            if pixels > MAX_PHOTO_PIXELS:
                size = {"width": image.width, "height": image.height}
                return "photo-too-large", {"reason": "pixels", **size}
            image.load()  # a full decode finds truncated files that verify() lets through
    except UnidentifiedImageError:
        return "photo-unreadable", {"reason": "not-image"}
    except Image.DecompressionBombError:
        return "photo-too-large", {"reason": "bomb"}
    except (OSError, SyntaxError, ValueError) as error:
        return "photo-unreadable", {
            "reason": "decode",
            "detail": str(error) or type(error).__name__,
        }
    return None


class Validator:
    """Runs every check over every document and collects all problems."""

    def __init__(self, reference: Reference, data_dir: Path, as_of: dt.date) -> None:
        self.reference = reference
        self.data_dir = data_dir.resolve()
        self.as_of = as_of

    def file(self, doc: Document, kind: str) -> list[Problem]:
        """The checks of one file on its own: its schema ("producer" or "inspection"), then
        the rules the schema cannot say."""
        own = self.producer if kind == "producer" else self.inspection
        return check_schema(doc, kind) + list(characters.check(doc, kind)) + own(doc)

    def across(self, files: DataFiles) -> list[Problem]:
        """The checks that need every file: unique IDs and references between files."""
        return self.unique_ids(files) + self.inspection_references(files)

    # -- one producer file -------------------------------------------------------------
    def producer(self, doc: Document) -> list[Problem]:
        data = doc.data
        problems = self._file_name(doc)
        address = data.get("address")
        if isinstance(address, dict):
            problems += self._unit(doc, ("address",), address)
            province = address.get("province")
            folder = doc.path.parent.name
            if province in self.reference.provinces and province != folder:
                problems.append(
                    doc.problem(
                        ("address", "province"), "folder-mismatch", province=province, folder=folder
                    )
                )
        problems += self._photos(doc, (), data)
        problems += self._illustrative(doc, (), data)
        for i, product in _dicts(data.get("products")):
            problems += self._product(doc, ("products", i), product)
        return problems

    def _product(self, doc: Document, path: tuple, product: dict[str, Any]) -> list[Problem]:
        problems = self._photos(doc, path, product)
        problems += self._illustrative(doc, path, product)
        latest: tuple[dt.date, str] | None = None
        for j, cert in _dicts(product.get("certifications")):
            problems += self._certification(doc, (*path, "certifications", j), cert)
            decision = cert.get("decision")
            decided = parse_date(decision.get("date")) if isinstance(decision, dict) else None
            criteria = cert.get("criteria")
            if (
                decided
                and criteria in self.reference.criteria
                and (not latest or decided >= latest[0])
            ):
                latest = (decided, criteria)
        group = product.get("group")
        if latest and isinstance(group, str):
            criteria = self.reference.criteria[latest[1]]
            if group not in criteria.groups:
                problems.append(
                    doc.problem(
                        (*path, "group"),
                        "group-not-in-criteria",
                        group=group,
                        criteria=criteria.id,
                        allowed=", ".join(criteria.groups),
                    )
                )
        return problems

    def _certification(self, doc: Document, path: tuple, cert: dict[str, Any]) -> list[Problem]:
        problems = self._illustrative(doc, path, cert)
        criteria_id = cert.get("criteria")
        criteria = (
            self.reference.criteria.get(criteria_id) if isinstance(criteria_id, str) else None
        )
        if is_id(criteria_id) and criteria is None:
            known = list(self.reference.criteria)
            problems.append(
                doc.problem(
                    (*path, "criteria"),
                    "unknown-criteria",
                    id=criteria_id,
                    allowed=", ".join(known),
                    **_close(criteria_id, known),
                )
            )
        stars, score = cert.get("stars"), cert.get("score")
        if (
            criteria
            and isinstance(stars, int)
            and isinstance(score, int | float)
            and not isinstance(score, bool)
        ):
            band = criteria.band(stars)
            if band and not band.low <= score <= band.high:
                problems.append(
                    doc.problem(
                        (*path, "score"),
                        "score-band",
                        score=score,
                        stars=stars,
                        criteria=criteria.id,
                        low=f"{band.low:g}",
                        high=f"{band.high:g}",
                    )
                )
        decision = cert.get("decision")
        decided = parse_date(decision.get("date")) if isinstance(decision, dict) else None
        if decided and decided > self.as_of:
            problems.append(
                doc.problem(
                    (*path, "decision", "date"),
                    "future-date",
                    field="decision.date",
                    value=decided.isoformat(),
                    today=self.as_of.isoformat(),
                )
            )
        revoked = cert.get("revoked")
        revoked_on = parse_date(revoked.get("date")) if isinstance(revoked, dict) else None
        if revoked_on and decided and revoked_on < decided:
            problems.append(
                doc.problem(
                    (*path, "revoked", "date"),
                    "revoked-before-decision",
                    value=revoked_on.isoformat(),
                    decided=decided.isoformat(),
                )
            )
        return problems

    def _unit(self, doc: Document, path: tuple, area: dict[str, Any]) -> list[Problem]:
        province_id = area.get("province")
        if not is_id(province_id):
            return []
        units = self.reference.units
        province = self.reference.provinces.get(province_id)
        if province is None:
            old = resolve(units, province_id.replace("-", " "))
            if old.province is not None and old.derived:
                return [
                    doc.problem(
                        (*path, "province"), "former-unit", id=province_id, candidates=old.province
                    )
                ]
            return [
                doc.problem(
                    (*path, "province"),
                    "unknown-province",
                    id=province_id,
                    **_close(province_id, list(self.reference.provinces)),
                )
            ]
        commune = area.get("commune")
        if is_id(commune) and commune not in province.communes:
            former = area.get("former") if isinstance(area.get("former"), dict) else {}
            district = former.get("district") or area.get("district")
            old = resolve(
                units,
                province.name,
                district if isinstance(district, str) else None,
                commune.replace("-", " "),
            )
            found = (old.commune,) if old.commune else old.candidates
            if old.derived and found:
                return [
                    doc.problem(
                        (*path, "commune"), "former-unit", id=commune, candidates=", ".join(found)
                    )
                ]
            return [
                doc.problem(
                    (*path, "commune"),
                    "unknown-commune",
                    id=commune,
                    province=province_id,
                    **_close(commune, list(province.communes)),
                )
            ]
        return []

    def _photos(self, doc: Document, path: tuple, record: dict[str, Any]) -> list[Problem]:
        problems = []
        for k, photo in _dicts(record.get("photos")):
            name = photo.get("file")
            if not isinstance(name, str) or not name or characters.bad_character(name, False):
                continue  # no file to look for (the character is reported on its own)
            where = (*path, "photos", k, "file")
            target = (doc.path.parent / name).resolve()
            if not target.is_relative_to(self.data_dir):
                problems.append(doc.problem(where, "photo-outside", file=name))
            elif not target.is_file():
                problems.append(doc.problem(where, "photo-missing", file=name))
            else:
                problem = check_photo(target)
                if problem:
                    code, params = problem
                    problems.append(doc.problem(where, code, file=name, **params))
        return problems

    def _illustrative(self, doc: Document, path: tuple, record: dict[str, Any]) -> list[Problem]:
        marked = record.get("illustrative")
        if not isinstance(marked, list):
            return []
        return [
            doc.problem((*path, "illustrative", i), "illustrative-unknown", value=name)
            for i, name in enumerate(marked)
            if isinstance(name, str) and name.split(".")[0] not in record
        ]

    # -- one inspection file -----------------------------------------------------------
    def inspection(self, doc: Document) -> list[Problem]:
        data = doc.data
        problems = self._file_name(doc)
        problems += self._illustrative(doc, (), data)
        if isinstance(data.get("area"), dict):
            problems += self._unit(doc, ("area",), data["area"])
        held = parse_date(data.get("date"))
        if held and held > self.as_of:
            problems.append(
                doc.problem(
                    ("date",),
                    "future-date",
                    field="date",
                    value=held.isoformat(),
                    today=self.as_of.isoformat(),
                )
            )
        for i, entry in _dicts(data.get("entries")):
            path = ("entries", i)
            problems += self._illustrative(doc, path, entry)
            outcome = entry.get("outcome")
            needs = {"star-change": "stars_after", "maintained-with-recommendations": "deadline"}
            if outcome in needs and needs[outcome] not in entry:
                problems.append(
                    doc.problem(
                        (*path, "outcome"), "outcome-needs", outcome=outcome, field=needs[outcome]
                    )
                )
            deadline = parse_date(entry.get("deadline"))
            if deadline and held and deadline < held:
                problems.append(
                    doc.problem(
                        (*path, "deadline"),
                        "deadline-before-date",
                        value=deadline.isoformat(),
                        date=held.isoformat(),
                    )
                )
        return problems

    # -- across files ------------------------------------------------------------------
    def _file_name(self, doc: Document) -> list[Problem]:
        ident = doc.data.get("id")
        if isinstance(ident, str) and doc.path.stem != ident:
            return [doc.problem(("id",), "file-name-mismatch", id=ident, expected=f"{ident}.yaml")]
        return []

    def unique_ids(self, files: DataFiles) -> list[Problem]:
        problems: list[Problem] = []
        seen: dict[tuple[str, str], tuple[Document, tuple]] = {}  # where each ID is first used

        def claim(doc: Document, path: tuple, kind: str, ident: Any) -> None:
            if not isinstance(ident, str):
                return
            key = (kind, ident)
            if key in seen:
                first, first_path = seen[key]
                other = f"{first.rel}:{first.position(first_path)[0]}"
                problems.append(doc.problem(path, "duplicate-id", kind=kind, id=ident, other=other))
            else:
                seen[key] = doc, path

        def claim_aliases(doc: Document, path: tuple, record: dict, kind: str) -> None:
            aliases = record.get("aliases")
            for k, alias in enumerate(aliases if isinstance(aliases, list) else []):
                claim(doc, (*path, "aliases", k), kind, alias)

        for doc in files.producers:
            claim(doc, ("id",), "producer", doc.data.get("id"))
            claim_aliases(doc, (), doc.data, "producer")
            for i, product in _dicts(doc.data.get("products")):
                claim(doc, ("products", i, "id"), "product", product.get("id"))
                claim_aliases(doc, ("products", i), product, "product")
        for doc in files.inspections:
            claim(doc, ("id",), "inspection", doc.data.get("id"))
        return problems

    def inspection_references(self, files: DataFiles) -> list[Problem]:
        products: dict[str, list[str]] = {}  # producer ID or alias -> product IDs and aliases
        for doc in files.producers:
            ident, aliases = doc.data.get("id"), doc.data.get("aliases")
            known = []
            for _, product in _dicts(doc.data.get("products")):
                more = product.get("aliases")
                known += [product.get("id"), *(more if isinstance(more, list) else [])]
            for name in [ident, *(aliases if isinstance(aliases, list) else [])]:
                if isinstance(name, str):
                    products[name] = known
        problems = []
        for doc in files.inspections:
            for i, entry in _dicts(doc.data.get("entries")):
                producer = entry.get("producer")
                if not is_id(producer) or producer in files.unloadable_producers:
                    continue  # malformed (the schema says so) or its file could not be read
                if producer not in products:
                    problems.append(
                        doc.problem(
                            ("entries", i, "producer"),
                            "unknown-producer",
                            id=producer,
                            **_close(producer, list(products)),
                        )
                    )
                    continue
                checked = entry.get("products")
                for k, product in enumerate(checked if isinstance(checked, list) else []):
                    if is_id(product) and product not in products[producer]:
                        problems.append(
                            doc.problem(
                                ("entries", i, "products", k),
                                "unknown-product",
                                id=product,
                                producer=producer,
                                **_close(product, [p for p in products[producer] if p]),
                            )
                        )
        return problems
