"""New records for staff: valid, commented YAML files in the right place, with an ID made from the
Vietnamese name ("Hợp tác xã Chè Tài Hồ Sìn" -> htx-che-tai-ho-sin). Never overwrites a file."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from generator.load.yaml_reader import load_document
from generator.problems import OcopError
from generator.render.search import fold
from generator.settings import Settings

# Usual Vietnamese legal-form prefixes, shortened the way offices write them in IDs.
ABBREVIATIONS = [
    ("cong ty trach nhiem huu han", "cty-tnhh"),
    ("cong ty tnhh", "cty-tnhh"),
    ("cong ty co phan", "ctcp"),
    ("hop tac xa", "htx"),
    ("to hop tac", "tht"),
    ("ho kinh doanh", "hkd"),
    ("doanh nghiep", "dn"),
    ("co so", "cs"),
]


class ScaffoldError(OcopError):
    """A new record cannot be written (the file exists, or its producer is unknown)."""


def slugify(name: str, max_words: int = 8) -> str:
    """An ID from a Vietnamese name: folded, legal form abbreviated, words joined by hyphens."""
    text = fold(name)
    for long, short in ABBREVIATIONS:
        text = re.sub(rf"^{long}\b", short, text)
    return "-".join(text.replace("-", " ").split()[:max_words]) or "ban-ghi"


def q(value: str) -> str:
    """A YAML scalar that stays text whatever it contains (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def existing_ids(settings: Settings) -> set[str]:
    """Every producer, product and round ID (and alias) already in the data."""
    ids: set[str] = set()
    for path in sorted(settings.data_dir.glob("*/**/*.yaml")):
        doc, _ = load_document(path, settings.root)
        if doc is None or not isinstance(doc.data, dict):
            continue
        ids.update(
            v for v in [doc.data.get("id"), *doc.data.get("aliases", [])] if isinstance(v, str)
        )
        for product in (
            doc.data.get("products", []) if isinstance(doc.data.get("products"), list) else []
        ):
            if isinstance(product, dict) and isinstance(product.get("id"), str):
                ids.add(product["id"])
    return ids


def unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


@dataclass
class NewProduct:
    name: str
    group: str
    stars: int
    criteria: str
    decision_number: str
    decision_date: dt.date
    issuer: str


def product_block(product_id: str, product: NewProduct) -> str:
    """A product entry for the `products:` list of a producer file."""
    return f"""  - id: {product_id}                 # mã cố định: đừng đổi khi đổi tên
    name: {q(product.name)}
    group: {product.group}                # nhóm theo bộ tiêu chí (data/reference/criteria.yaml)
    # description: "Mô tả ngắn"
    certifications:
      - stars: {product.stars}                     # 3, 4 hoặc 5
        # score: 72                    # tổng điểm nếu biết
        criteria: {product.criteria}
        decision:
          number: {q(product.decision_number)}
          date: {product.decision_date.isoformat()}
          issuer: {q(product.issuer)}
"""


def write_new(path: Path, text: str) -> Path:
    """Write a new file; refuse to replace one."""
    if path.exists():
        raise ScaffoldError("file-exists", path=path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:
        out.write(text)
    return path


def new_producer(
    settings: Settings,
    name: str,
    kind: str,
    province: str,
    address: str,
    commune: str | None,
    product: NewProduct,
) -> Path:
    """Write data/producers/<province>/<id>.yaml with one product."""
    taken = existing_ids(settings)
    producer_id = unique_id(slugify(name), taken)
    product_id = unique_id(slugify(product.name), taken | {producer_id})
    commune_line = (
        f"  commune: {commune}" if commune else "  # commune: ma-xa  (xã hiện hành, vd. hoi-xuan)"
    )
    text = f"""# Hồ sơ chủ thể OCOP. Hướng dẫn: trang "Hướng dẫn cập nhật dữ liệu" của trang web.
id: {producer_id}                       # mã cố định, trùng tên tệp: đừng đổi khi đổi tên
name: {q(name)}
kind: {kind}                            # htx | doanh-nghiep | ho-kinh-doanh | to-hop-tac
address:
  as_given: {q(address)}
  province: {province}
{commune_line}
# contacts:
#   phones: ["0000 000 000"]           # số ví dụ; số điện thoại luôn đặt trong dấu nháy
#   email: lienhe@example.vn
#   website: https://example.vn
# description: "Giới thiệu ngắn về chủ thể"
products:
{product_block(product_id, product)}"""
    return write_new(settings.data_dir / "producers" / province / f"{producer_id}.yaml", text)


def find_producer_file(settings: Settings, producer_id: str) -> Path:
    matches = sorted(settings.data_dir.glob(f"producers/*/{producer_id}.yaml"))
    if not matches:
        raise ScaffoldError("no-such-producer", id=producer_id)
    return matches[0]


def new_product(settings: Settings, producer_id: str, product: NewProduct) -> tuple[Path, str]:
    """Add a product at the end of a producer's `products:` list; returns the file and the ID."""
    path = find_producer_file(settings, producer_id)
    product_id = unique_id(slugify(product.name), existing_ids(settings))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith("products:")), None)
    if start is None:
        raise ScaffoldError("no-products-line", path=path)
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if lines[i].strip() and not lines[i].startswith((" ", "#", "-"))
        ),
        len(lines),
    )
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    lines.insert(end, product_block(product_id, product))
    path.write_text("".join(lines), encoding="utf-8")
    return path, product_id


def new_inspection(
    settings: Settings, date: dt.date, body: str, area: str, province: str, producers: list[str]
) -> Path:
    """Write data/inspections/<date>-<area>.yaml with an entry per producer visited."""
    round_id = unique_id(f"{date.isoformat()}-{slugify(area, 4)}", existing_ids(settings))
    entries = "".join(
        f"""  - producer: {producer}
    # products: [ma-san-pham]
    checks:
      - {{check: labels, result: not-checked}}   # passed | failed | not-checked | no-result-given
    # outcome: maintained | maintained-with-recommendations | star-change | revoked | not-stated
    outcome: maintained
"""
        for producer in producers
    )
    text = f"""# Một đợt kiểm tra. Hướng dẫn: trang "Hướng dẫn cập nhật dữ liệu" của trang web.
id: {round_id}                       # mã cố định, trùng tên tệp
date: {date.isoformat()}
body: {q(body)}
# reference: "Công văn số ... ngày ..."
area:
  as_given: {q(area)}
  province: {province}
# summary: |
#   Đánh giá chung.
entries:
{entries}"""
    return write_new(settings.data_dir / "inspections" / f"{round_id}.yaml", text)
