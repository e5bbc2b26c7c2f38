"""Plain typed objects of the catalogue, with derived facts computed once on a given date."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import enum
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.load.schema import labels, plain_fields
from generator.reference.data import CriteriaSet, Province, Reference

# How a page says that the source does not give a value (the value is then absent in the data).
UNKNOWN = {"kind": "chưa rõ loại hình", "group": "chưa rõ nhóm", "issuer": "chưa rõ cơ quan"}


class Status(enum.Enum):
    """A certificate's status on the build date."""

    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    REVOKED = "revoked"


@functools.lru_cache(maxsize=1 << 14)
def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole months, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Declared:
    """A record that also carries, by name, the plain fields of its schema that it has no
    attribute of its own for (`plain`): a field declared in the schema reaches the templates
    and the open data under its own name with no code in the model."""

    plain: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        plain = self.__dict__.get("plain")  # not there yet while a copy is being made
        if plain is not None and name in plain:
            return plain[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


@dataclass
class Photo:
    """A photo file of a producer or product, resolved to an absolute path."""

    path: Path
    caption: str


@dataclass
class Certification(Declared):
    """One certification decision and what follows from it on the build date."""

    stars: int
    score: float | None
    criteria: CriteriaSet
    decision_number: str
    decision_date: dt.date
    issuer: str | None  # None: the source does not say ("chưa rõ cơ quan")
    revoked_date: dt.date | None
    revoked_reason: str | None
    revoked_decision: str | None
    illustrative: frozenset[str]
    derived: frozenset[str] = frozenset()
    plain: dict[str, Any] = field(default_factory=dict)
    expires: dt.date = field(init=False)
    status: Status = field(init=False)
    days_left: int = field(init=False)

    def judge(self, as_of: dt.date, expiring_days: int) -> None:
        """Compute expiry and status on `as_of`."""
        self.expires = add_months(self.decision_date, self.criteria.validity_months)
        self.days_left = (self.expires - as_of).days
        if self.revoked_date and self.revoked_date <= as_of:
            self.status = Status.REVOKED
        elif self.days_left <= 0:
            self.status = Status.EXPIRED
        elif self.days_left <= expiring_days:
            self.status = Status.EXPIRING
        else:
            self.status = Status.VALID


@dataclass
class Shop:
    name: str
    address: str | None
    url: str | None
    phone: str | None


@dataclass
class Product(Declared):
    """A product and its certifications, oldest first."""

    id: str
    name: str
    group: str | None  # None: not known yet ("chưa rõ nhóm", listed in the staff report)
    group_name: str | None
    description: str | None
    photos: list[Photo]
    where_to_buy: list[Shop]
    certifications: list[Certification]
    illustrative: frozenset[str]
    derived: frozenset[str] = frozenset()
    producer_id: str = ""
    aliases: list[str] = field(default_factory=list)
    reevaluation_since: dt.date | None = None
    reevaluation_note: str | None = None
    plain: dict[str, Any] = field(default_factory=dict)

    @property
    def current(self) -> Certification:
        """The latest certification decides the product's stars and status."""
        return self.certifications[-1]

    @property
    def stars(self) -> int:
        return self.current.stars

    @property
    def group_label(self) -> str:
        """The group's name for a page, or that it is not known."""
        return self.group_name or UNKNOWN["group"]


@dataclass
class Check:
    check: str
    label: str
    result: str
    result_label: str
    note: str | None


@dataclass
class Response:
    """A producer's reply to an inspection's findings, published beside them."""

    date: dt.date
    text: str


@dataclass
class Entry:
    """What one inspection round found at one producer."""

    round: InspectionRound
    producer_id: str
    product_ids: list[str]
    visited: bool
    checks: list[Check]
    outcome: str
    outcome_label: str
    stars_after: int | None
    deadline: dt.date | None
    recommendations: list[str]
    note: str | None
    illustrative: frozenset[str]
    responses: list[Response] = field(default_factory=list)


@dataclass
class Recommendation:
    to: str
    items: list[str]
    deadline: dt.date | None


@dataclass
class InspectionRound:
    """One inspection round with its entries."""

    id: str
    title: str
    date: dt.date
    body: str
    reference: str | None
    report: str | None
    area: str
    province: Province
    summary: str | None
    findings: list[str]
    recommendations: list[Recommendation]
    sources: list[str]
    illustrative: frozenset[str]
    source_file: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Producer(Declared):
    """A producer, its products and the inspections that visited it (newest first)."""

    id: str
    name: str
    kind: str | None  # None: the source does not say ("chưa rõ loại hình")
    kind_label: str | None
    address: str
    district: str | None
    province: Province
    commune_id: str | None
    latitude: float | None
    longitude: float | None
    phones: list[str]
    email: str | None
    website: str | None
    facebook: str | None
    zalo: str | None
    description: str | None
    photos: list[Photo]
    sources: list[str]
    illustrative: frozenset[str]
    products: list[Product]
    source_file: str
    inspections: list[Entry] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    derived: frozenset[str] = frozenset()
    former: dict[str, str] = field(default_factory=dict)  # old units, as the source gave them
    former_label: str = ""  # the same for a page: "huyện Tiểu Cần, tỉnh Trà Vinh"
    plain: dict[str, Any] = field(default_factory=dict)

    @property
    def kind_text(self) -> str:
        """The kind for a page, or that it is not known."""
        return self.kind_label or UNKNOWN["kind"]

    @property
    def commune_code(self) -> str | None:
        commune = self.province.communes.get(self.commune_id or "")
        return commune.code if commune else None

    @property
    def commune_name(self) -> str | None:
        commune = self.province.communes.get(self.commune_id or "")
        return commune.name if commune else None

    @property
    def last_inspection(self) -> Entry | None:
        return self.inspections[0] if self.inspections else None

    @property
    def best_stars(self) -> int:
        return max(p.stars for p in self.products)


@dataclass
class Catalogue:
    """The whole catalogue on one date."""

    reference: Reference
    as_of: dt.date
    producers: list[Producer]
    rounds: list[InspectionRound]

    def products(self) -> list[tuple[Producer, Product]]:
        """Every (producer, product), by product name."""
        pairs = [
            (producer, product) for producer in self.producers for product in producer.products
        ]
        return sorted(pairs, key=lambda pair: (pair[1].name.casefold(), pair[1].id))

    def producer(self, producer_id: str) -> Producer:
        return self._by_id[producer_id]

    def __post_init__(self) -> None:
        self._by_id = {p.id: p for p in self.producers}


# -- building the model from validated data -----------------------------------------------


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _marked(record: dict[str, Any]) -> frozenset[str]:
    return frozenset(record.get("illustrative", []))


def _former(address: dict[str, Any]) -> dict[str, str]:
    """The old units a source names: `former`, or the older `district` field alone."""
    if address.get("former"):
        return dict(address["former"])
    return {"district": address["district"]} if address.get("district") else {}


def _derived(record: dict[str, Any]) -> frozenset[str]:
    return frozenset(record.get("derived", []))


@functools.cache
def _unmodelled(cls: type, path: tuple[str, ...]) -> tuple[str, ...]:
    """The plain fields of the producer schema's object at `path` that `cls` has no attribute
    of its own for."""
    own = {f.name for f in dataclasses.fields(cls)}
    return tuple(f for f in plain_fields("producer", *path) if f not in own and not hasattr(cls, f))


def _plain(record: dict[str, Any], cls: type, *path: str) -> dict[str, Any]:
    """What `Declared.plain` holds: the record's value (or None) of each unmodelled plain field."""
    return {f: record.get(f) for f in _unmodelled(cls, path)}


def _photos(record: dict[str, Any], folder: Path) -> list[Photo]:
    return [
        Photo((folder / p["file"]).resolve(), p.get("caption", ""))
        for p in record.get("photos", [])
    ]


def _certification(
    item: dict[str, Any], reference: Reference, as_of: dt.date, expiring_days: int
) -> Certification:
    revoked = item.get("revoked") or {}
    cert = Certification(
        stars=item["stars"],
        score=item.get("score"),
        criteria=reference.criteria[item["criteria"]],
        decision_number=item["decision"]["number"],
        decision_date=_date(item["decision"]["date"]),
        issuer=item["decision"].get("issuer"),
        revoked_date=_date(revoked.get("date")),
        revoked_reason=revoked.get("reason"),
        revoked_decision=revoked.get("decision"),
        illustrative=_marked(item),
        derived=_derived(item),
        plain=_plain(item, Certification, "products", "certifications"),
    )
    cert.judge(as_of, expiring_days)
    return cert


def build_producer(
    data: dict[str, Any],
    folder: Path,
    rel: str,
    reference: Reference,
    as_of: dt.date,
    expiring_days: int,
) -> Producer:
    """A Producer from one validated producer document."""
    kinds = labels("producer", "kind")
    address, contacts = data["address"], data.get("contacts", {})
    products = []
    for item in data["products"]:
        certs = sorted(
            (_certification(c, reference, as_of, expiring_days) for c in item["certifications"]),
            key=lambda c: c.decision_date,
        )
        products.append(
            Product(
                id=item["id"],
                name=item["name"],
                group=item.get("group"),
                group_name=reference.group_name(item["group"]) if item.get("group") else None,
                description=item.get("description"),
                photos=_photos(item, folder),
                where_to_buy=[
                    Shop(s["name"], s.get("address"), s.get("url"), s.get("phone"))
                    for s in item.get("where_to_buy", [])
                ],
                certifications=certs,
                illustrative=_marked(item),
                derived=_derived(item),
                producer_id=data["id"],
                aliases=list(item.get("aliases", [])),
                reevaluation_since=_date((item.get("reevaluation") or {}).get("since")),
                reevaluation_note=(item.get("reevaluation") or {}).get("note"),
                plain=_plain(item, Product, "products"),
            )
        )
    return Producer(
        id=data["id"],
        name=data["name"],
        kind=data.get("kind"),
        kind_label=kinds[data["kind"]] if data.get("kind") else None,
        address=address["as_given"],
        district=address.get("district"),
        province=reference.provinces[address["province"]],
        commune_id=address.get("commune"),
        latitude=address.get("latitude"),
        longitude=address.get("longitude"),
        phones=list(contacts.get("phones", [])),
        email=contacts.get("email"),
        website=contacts.get("website"),
        facebook=contacts.get("facebook"),
        zalo=contacts.get("zalo"),
        description=data.get("description"),
        photos=_photos(data, folder),
        sources=list(data.get("sources", [])),
        illustrative=_marked(data),
        products=products,
        source_file=rel,
        aliases=list(data.get("aliases", [])),
        derived=_derived(data),
        former=_former(address),
        former_label=reference.units.former_label(_former(address)),
        plain=_plain(data, Producer),
    )


def build_round(data: dict[str, Any], rel: str, reference: Reference) -> InspectionRound:
    """An InspectionRound (with entries) from one validated inspection document."""
    check_labels = labels("inspection", "entries", "checks", "check")
    result_labels = labels("inspection", "entries", "checks", "result")
    outcome_labels = labels("inspection", "entries", "outcome")
    held = _date(data["date"])
    round_ = InspectionRound(
        id=data["id"],
        title=data.get("title") or data["area"]["as_given"],
        date=held,
        body=data["body"],
        reference=data.get("reference"),
        report=data.get("report"),
        area=data["area"]["as_given"],
        province=reference.provinces[data["area"]["province"]],
        summary=data.get("summary"),
        findings=list(data.get("findings", [])),
        recommendations=[
            Recommendation(r["to"], list(r["items"]), _date(r.get("deadline")))
            for r in data.get("recommendations", [])
        ],
        sources=list(data.get("sources", [])),
        illustrative=_marked(data),
        source_file=rel,
    )
    for item in data["entries"]:
        round_.entries.append(
            Entry(
                round=round_,
                producer_id=item["producer"],
                product_ids=list(item.get("products", [])),
                visited=bool(item.get("visited", False)),
                checks=[
                    Check(
                        c["check"],
                        check_labels[c["check"]],
                        c["result"],
                        result_labels[c["result"]],
                        c.get("note"),
                    )
                    for c in item.get("checks", [])
                ],
                outcome=item["outcome"],
                outcome_label=outcome_labels[item["outcome"]],
                stars_after=item.get("stars_after"),
                deadline=_date(item.get("deadline")),
                recommendations=list(item.get("recommendations", [])),
                note=item.get("note"),
                illustrative=_marked(item),
                responses=[
                    Response(_date(r["date"]), r["text"]) for r in item.get("responses", [])
                ],
            )
        )
    return round_


def build_catalogue(
    producers: list[Producer], rounds: list[InspectionRound], reference: Reference, as_of: dt.date
) -> Catalogue:
    """Link rounds to producers (an old ID in `aliases` still finds its record) and sort
    everything deterministically."""
    by_id = {p.id: p for p in producers} | {a: p for p in producers for a in p.aliases}
    product_ids = {a: q.id for p in producers for q in p.products for a in q.aliases}
    rounds = sorted(rounds, key=lambda r: (r.date, r.id), reverse=True)
    for round_ in rounds:
        for entry in round_.entries:
            producer = by_id[entry.producer_id]
            entry.producer_id = producer.id
            entry.product_ids = [product_ids.get(pid, pid) for pid in entry.product_ids]
            producer.inspections.append(entry)
    return Catalogue(reference, as_of, sorted(producers, key=lambda p: p.id), rounds)
