"""Open data: the catalogue as JSON (one record per producer and the whole) and CSV, the JSON
Schemas of the data files, and a data dictionary made from them. All deterministic."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.model import Catalogue, Certification, Producer, Product
from generator.schema import SCHEMAS, load_schema, resolve
from generator.urls import PRODUCERS, absolute, producer_path, product_path

OPEN_DATA = "du-lieu"  # folder inside the generated folder
RECORD = "du-lieu.json"  # a producer's record, beside its page
CSV_COLUMNS = [
    "ma_san_pham",
    "ten_san_pham",
    "nhom",
    "so_sao",
    "diem",
    "bo_tieu_chi",
    "so_quyet_dinh",
    "ngay_quyet_dinh",
    "co_quan",
    "hieu_luc_den",
    "tinh_trang",
    "ngay_thu_hoi",
    "ly_do_thu_hoi",
    "ma_chu_the",
    "ten_chu_the",
    "loai_hinh",
    "dia_chi",
    "xa_phuong",
    "tinh",
    "ma_xa_phuong",
    "ma_tinh",
    "truoc_01_7_2025",
    "kiem_tra_gan_nhat",
    "dia_chi_trang",
    "gia_tri_minh_hoa",
    "gia_tri_suy_ra",
    "chua_ro",
]


def _unknown(producer: Producer, product: Product, cert: Certification) -> list[str]:
    """The fields a source does not give, empty in open data and named here."""
    return [
        field
        for field, value in (
            ("kind", producer.kind),
            ("group", product.group),
            ("decision.issuer", cert.issuer),
        )
        if value is None
    ]


def _fields(prefix: str, fields: frozenset[str]) -> list[str]:
    return [f"{prefix}{f}" for f in sorted(fields)]


def _certification(cert: Certification) -> dict[str, Any]:
    return {
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
        "illustrative": sorted(cert.illustrative),
        "derived": sorted(cert.derived),
        "unknown": ["decision.issuer"] if cert.issuer is None else [],
    }


def producer_record(producer: Producer, site_url: str, as_of: str) -> dict[str, Any]:
    """A producer with its products, certifications (with derived expiry and status) and visits."""
    return {
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
        "illustrative": sorted(producer.illustrative),
        "derived": sorted(producer.derived),
        "unknown": ["kind"] if producer.kind is None else [],
        "products": [
            {
                "id": p.id,
                "url": absolute(site_url, product_path(producer.id, p.id)),
                "name": p.name,
                "group": p.group,
                "stars": p.stars,
                "illustrative": sorted(p.illustrative),
                "derived": sorted(p.derived),
                "unknown": ["group"] if p.group is None else [],
                "certifications": [_certification(c) for c in p.certifications],
            }
            for p in producer.products
        ],
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


def _json(value: Any) -> str:
    """One JSON value on one line (the standard library's fast encoder only writes unindented)."""
    return json.dumps(value, ensure_ascii=False)


def product_rows(catalogue: Catalogue, site_url: str) -> list[list[Any]]:
    rows = []
    for producer, product in catalogue.products():
        cert = product.current
        last = producer.last_inspection
        rows.append(
            [
                product.id,
                product.name,
                product.group_name or "",
                cert.stars,
                "" if cert.score is None else cert.score,
                cert.criteria.name,
                cert.decision_number,
                cert.decision_date.isoformat(),
                cert.issuer or "",
                cert.expires.isoformat(),
                cert.status.value,
                cert.revoked_date.isoformat() if cert.revoked_date else "",
                cert.revoked_reason or "",
                producer.id,
                producer.name,
                producer.kind_label or "",
                producer.address,
                producer.commune_name or "",
                producer.province.name,
                producer.commune_code or "",
                producer.province.code,
                producer.former_label,
                last.round.date.isoformat() if last else "",
                absolute(site_url, product_path(producer.id, product.id)),
                " ".join(
                    _fields("", producer.illustrative)
                    + _fields("product.", product.illustrative)
                    + _fields("certification.", cert.illustrative)
                ),
                " ".join(
                    _fields("", producer.derived)
                    + _fields("product.", product.derived)
                    + _fields("certification.", cert.derived)
                ),
                " ".join(_unknown(producer, product, cert)),
            ]
        )
    return rows


def products_csv(catalogue: Catalogue, site_url: str) -> bytes:
    """Every product as CSV in UTF-8 with a byte-order mark, so Excel shows Vietnamese right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(product_rows(catalogue, site_url))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


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


def dictionary(name: str) -> list[dict[str, str]]:
    """The fields of one data file, from its JSON Schema: path, type, required, meaning."""
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
                }
            )
            if child.get("type") in {"object", "array"}:
                walk(child, path)

    walk(root, "")
    return rows
