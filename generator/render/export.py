"""Open data: the catalogue as JSON (one record per producer and the whole) and CSV, the JSON
Schemas of the data files, and a data dictionary made from them. All deterministic."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from typing import Any, NamedTuple

from generator.csvcells import Column, csv_bytes, headings, row_of
from generator.load.schema import SCHEMAS, load_schema, open_data_fields, plain_fields, resolve
from generator.model.catalogue import Catalogue, Certification, Producer, Product
from generator.urls import PRODUCERS, absolute, producer_path, product_path

OPEN_DATA = "du-lieu"  # folder inside the generated folder
RECORD = "du-lieu.json"  # a producer's record, beside its page


# Where each kind of record sits in the producer schema.
PRODUCER, PRODUCT, CERTIFICATION = (), ("products",), ("products", "certifications")


def _fields(prefix: str, fields: frozenset[str]) -> list[str]:
    return [f"{prefix}{f}" for f in sorted(fields)]


@functools.cache
def declared(path: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """The plain fields of the producer schema's object at `path` marked `x-open-data`, each with
    its CSV heading or None: the open data writes them from the model's attribute of the same
    name, with no code here."""
    plain = set(plain_fields("producer", *path))
    return tuple((f, heading) for f, heading in open_data_fields("producer", *path) if f in plain)


def _record(
    item: Any, path: tuple[str, ...], head: dict[str, Any], tail: dict[str, Any]
) -> dict[str, Any]:
    """A record: the values composed here (`head`), the schema's declared fields that `head` and
    `tail` do not already write, then `tail` (the marks and the lists)."""
    extra = {f: getattr(item, f) for f, _ in declared(path) if f not in head and f not in tail}
    return head | extra | tail


def _certification(cert: Certification) -> dict[str, Any]:
    head = {
        "stars": cert.stars,
        "score": cert.score,
        "criteria": cert.criteria.id,
        "decision": {
            "number": cert.decision_number,
            "date": cert.decision_date.isoformat(),
            "issuer": cert.issuer,
        },
        "expires": cert.expires.isoformat(),
        "status": cert.status.value,
        "revoked": {"date": cert.revoked_date.isoformat(), "reason": cert.revoked_reason}
        if cert.revoked_date
        else None,
    }
    tail = {
        "illustrative": sorted(cert.illustrative),
        "derived": sorted(cert.derived),
        "unknown": ["decision.issuer"] if cert.issuer is None else [],
    }
    return _record(cert, CERTIFICATION, head, tail)


def _product(producer: Producer, p: Product, site_url: str) -> dict[str, Any]:
    head = {
        "id": p.id,
        "url": absolute(site_url, product_path(producer.id, p.id)),
        "name": p.name,
        "group": p.group,
        "stars": p.stars,
    }
    tail = {
        "illustrative": sorted(p.illustrative),
        "derived": sorted(p.derived),
        "unknown": ["group"] if p.group is None else [],
        "certifications": [_certification(c) for c in p.certifications],
    }
    return _record(p, PRODUCT, head, tail)


def producer_record(producer: Producer, site_url: str, as_of: str) -> dict[str, Any]:
    """A producer with its products, certifications (with derived expiry and status) and visits:
    what is composed here, and the plain fields the schema marks `x-open-data` by their name."""
    head = {
        "id": producer.id,
        "url": absolute(site_url, producer_path(producer.id)),
        "as_of": as_of,
        "name": producer.name,
        "kind": producer.kind,
        "address": {
            "as_given": producer.address,
            "district": producer.district,
            "province": producer.province.id,
            "commune": producer.commune_id,
            "province_code": producer.province.code,
            "commune_code": producer.commune_code,
            "former": producer.former or None,
        },
        "contacts": {
            "phones": producer.phones,
            "email": producer.email,
            "website": producer.website,
            "facebook": producer.facebook,
            "zalo": producer.zalo,
        },
    }
    tail = {
        "illustrative": sorted(producer.illustrative),
        "derived": sorted(producer.derived),
        "unknown": ["kind"] if producer.kind is None else [],
        "products": [_product(producer, p, site_url) for p in producer.products],
        "inspections": [
            {
                "round": e.round.id,
                "date": e.round.date.isoformat(),
                "body": e.round.body,
                "outcome": e.outcome,
                "products": e.product_ids,
            }
            for e in producer.inspections
        ],
    }
    return _record(producer, PRODUCER, head, tail)


def _json(value: Any) -> str:
    """One JSON value on one line (the standard library's fast encoder only writes unindented)."""
    return json.dumps(value, ensure_ascii=False)


class Listed(NamedTuple):
    """One product as a row of the open-data CSV."""

    producer: Producer
    product: Product
    url: str  # the product's address on the site


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _marked(row: Listed, kind: str) -> list[str]:
    """The fields of a row's producer, product and certification marked `kind` (illustrative,
    derived), each named by its place."""
    cert = row.product.current
    return (
        _fields("", getattr(row.producer, kind))
        + _fields("product.", getattr(row.product, kind))
        + _fields("certification.", getattr(cert, kind))
    )


def _unknown(row: Listed) -> list[str]:
    """The fields a source does not give, empty in open data and named here."""
    return [
        field
        for field, value in (
            ("kind", row.producer.kind),
            ("group", row.product.group),
            ("decision.issuer", row.product.current.issuer),
        )
        if value is None
    ]


def _last_inspected(row: Listed) -> str:
    last = row.producer.last_inspection
    return last.round.date.isoformat() if last else ""


# The open-data CSV, column by column: the one definition of its headings and their values
# composed here; the schema's declared fields follow them (`product_columns`).
PRODUCT_COLUMNS: list[Column[Listed]] = [
    Column("ma_san_pham", lambda row: row.product.id),
    Column("ten_san_pham", lambda row: row.product.name),
    Column("nhom", lambda row: row.product.group_name),
    Column("so_sao", lambda row: row.product.current.stars),
    Column("diem", lambda row: row.product.current.score),
    Column("bo_tieu_chi", lambda row: row.product.current.criteria.name),
    Column("so_quyet_dinh", lambda row: row.product.current.decision_number),
    Column("ngay_quyet_dinh", lambda row: _iso(row.product.current.decision_date)),
    Column("co_quan", lambda row: row.product.current.issuer),
    Column("hieu_luc_den", lambda row: _iso(row.product.current.expires)),
    Column("tinh_trang", lambda row: row.product.current.status.value),
    Column("ngay_thu_hoi", lambda row: _iso(row.product.current.revoked_date)),
    Column("ly_do_thu_hoi", lambda row: row.product.current.revoked_reason),
    Column("ma_chu_the", lambda row: row.producer.id),
    Column("ten_chu_the", lambda row: row.producer.name),
    Column("loai_hinh", lambda row: row.producer.kind_label),
    Column("dia_chi", lambda row: row.producer.address),
    Column("xa_phuong", lambda row: row.producer.commune_name),
    Column("tinh", lambda row: row.producer.province.name),
    Column("ma_xa_phuong", lambda row: row.producer.commune_code),
    Column("ma_tinh", lambda row: row.producer.province.code),
    Column("truoc_01_7_2025", lambda row: row.producer.former_label),
    Column("kiem_tra_gan_nhat", _last_inspected),
    Column("dia_chi_trang", lambda row: row.url),
    Column("gia_tri_minh_hoa", lambda row: " ".join(_marked(row, "illustrative"))),
    Column("gia_tri_suy_ra", lambda row: " ".join(_marked(row, "derived"))),
    Column("chua_ro", lambda row: " ".join(_unknown(row))),
]


# Each kind of record in a CSV row, in the order their columns come.
_ROW_PARTS: list[tuple[tuple[str, ...], Callable[[Listed], Any]]] = [
    (PRODUCT, lambda row: row.product),
    (CERTIFICATION, lambda row: row.product.current),
    (PRODUCER, lambda row: row.producer),
]


def _attribute(part: Callable[[Listed], Any], name: str) -> Callable[[Listed], object]:
    return lambda row: getattr(part(row), name)


def product_columns() -> list[Column[Listed]]:
    """The CSV's columns: those composed here, then each declared field with an `x-csv`
    heading not among them (product, certification, producer), so no column moves."""
    written = set(headings(PRODUCT_COLUMNS))
    return PRODUCT_COLUMNS + [
        Column(heading, _attribute(part, name))
        for path, part in _ROW_PARTS
        for name, heading in declared(path)
        if heading and heading not in written
    ]


def products_csv(catalogue: Catalogue, site_url: str) -> bytes:
    """Every product a row, as the project writes every CSV (`csvcells.csv_bytes`)."""
    columns = product_columns()
    rows = (
        Listed(producer, product, absolute(site_url, product_path(producer.id, product.id)))
        for producer, product in catalogue.products()
    )
    return csv_bytes([headings(columns), *(row_of(columns, r) for r in rows)])


def open_data_files(catalogue: Catalogue, site_url: str) -> dict[str, str | bytes]:
    """Every open-data file, keyed by path inside the generated folder."""
    as_of = catalogue.as_of.isoformat()
    records = [producer_record(p, site_url, as_of) for p in catalogue.producers]
    lines = {record["id"]: _json(record) for record in records}
    files: dict[str, str | bytes] = {
        f"{PRODUCERS}/{pid}/{RECORD}": line + "\n" for pid, line in lines.items()
    }
    # The whole catalogue: one producer a line, each the same text as its own file.
    files[f"{OPEN_DATA}/danh-muc.json"] = (
        f'{{"as_of": {_json(as_of)}, "producers": [\n' + ",\n".join(lines.values()) + "\n]}\n"
    )
    files[f"{OPEN_DATA}/san-pham.csv"] = products_csv(catalogue, site_url)
    for name in SCHEMAS:
        files[f"{OPEN_DATA}/{name}.schema.json"] = (
            json.dumps(load_schema(name), ensure_ascii=False, indent=1) + "\n"
        )
    return files


def _published(node: dict[str, Any]) -> str:
    """Where the open data carries a field (`x-open-data`, `x-csv`), for the data dictionary."""
    if not node.get("x-open-data"):
        return ""
    return f"JSON, CSV {node['x-csv']}" if node.get("x-csv") else "JSON"


def dictionary(name: str) -> list[dict[str, str]]:
    """The fields of one data file, from its JSON Schema: path, type, required, meaning, and
    where the open data carries it."""
    root = load_schema(name)
    rows: list[dict[str, str]] = []

    def walk(node: dict[str, Any], prefix: str) -> None:
        node = resolve(node, root)
        if node.get("type") == "array" and "items" in node:
            walk(node["items"], prefix + "[]")
            return
        required = set(node.get("required", []))
        for field, child in node.get("properties", {}).items():
            child = resolve(child, root)
            path = f"{prefix}.{field}" if prefix else field
            kind = child.get("type") or ("lựa chọn" if "enum" in child else "")
            if "enum" in child:
                labels = child.get("x-labels", {})
                values = ", ".join(
                    f"{v} ({labels[v]})" if v in labels else v for v in child["enum"]
                )
                meaning = f"{child.get('description', '')}: {values}"
            else:
                meaning = child.get("description", "")
            if child.get("format"):
                kind += f" ({child['format']})"
            rows.append(
                {
                    "field": path,
                    "type": kind,
                    "required": "có" if field in required else "",
                    "meaning": meaning,
                    "published": _published(child),
                }
            )
            if child.get("type") in {"object", "array"}:
                walk(child, path)

    walk(root, "")
    return rows
