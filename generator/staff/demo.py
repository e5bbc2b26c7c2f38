"""A deterministic, valid, national-scale synthetic catalogue for benchmarks and demonstrations.

Every name in it is invented and every file says so; it is never published as real data.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

from generator.reference.units import load_units
from generator.staff.scaffold import q, slugify

PLACES = (
    "An Bình Phú Xuân Hòa Tân Lợi Thịnh Hưng Long Thuận Đông Tây Nam Bắc Trung Sơn Thủy "
    "Lâm Hải Phong Quang Minh Thành Đức Nghĩa Hiệp Mỹ Vĩnh"
).split()
PRODUCTS = {
    "thuc-pham": [
        "Mật ong rừng",
        "Miến dong",
        "Bún khô",
        "Cơm cháy",
        "Lạp sườn",
        "Măng khô",
        "Nước mắm",
        "Gạo nếp",
        "Bánh khảo",
        "Thịt trâu gác bếp",
        "Hồng không hạt",
    ],
    "do-uong": [
        "Rượu chuối men lá",
        "Trà xanh",
        "Chè shan tuyết",
        "Cà phê",
        "Rượu gạo",
        "Trà hoa vàng",
    ],
    "duoc-lieu": ["Tinh dầu quế", "Trà giảo cổ lam", "Cao actiso", "Tinh dầu sả"],
    "thu-cong-my-nghe": ["Khăn thổ cẩm", "Giỏ mây tre đan", "Gốm", "Nón lá"],
    "sinh-vat-canh": ["Lan rừng", "Đào cảnh"],
    "du-lich": ["Du lịch cộng đồng bản", "Điểm du lịch sinh thái"],
    # groups of the 1048 criteria set, for products last certified before 2023
    "thao-duoc": ["Trà giảo cổ lam", "Tinh dầu quế", "Cao actiso"],
    "luu-niem-noi-that": ["Giỏ mây tre đan", "Gốm", "Nón lá"],
    "vai-may-mac": ["Khăn thổ cẩm", "Vải lanh"],
}
GROUPS = {
    "qd-148-2023": [
        "thuc-pham",
        "do-uong",
        "duoc-lieu",
        "thu-cong-my-nghe",
        "sinh-vat-canh",
        "du-lich",
    ],
    "qd-1048-2019": ["thuc-pham", "do-uong", "thao-duoc", "luu-niem-noi-that", "vai-may-mac"],
}
KINDS = [
    ("htx", "Hợp tác xã"),
    ("ho-kinh-doanh", "Hộ kinh doanh"),
    ("doanh-nghiep", "Công ty TNHH"),
    ("to-hop-tac", "Tổ hợp tác"),
]
BANDS = {3: (50, 69), 4: (70, 89), 5: (90, 100)}
NOTE = "Dữ liệu tổng hợp cho đo đạc: mọi tên đều do máy tạo, không phải thông tin thật."


def _certification(rng: random.Random, as_of: dt.date) -> tuple[str, str, dt.date]:
    stars = rng.choice((3, 3, 3, 4, 4, 5))
    decided = as_of - dt.timedelta(days=rng.randint(30, 6 * 365))
    criteria = "qd-148-2023" if decided >= dt.date(2023, 2, 24) else "qd-1048-2019"
    lines = [
        f"      - stars: {stars}",
        f"        score: {rng.randint(*BANDS[stars])}",
        f"        criteria: {criteria}",
        "        decision:",
        f'          number: "{rng.randint(100, 9999)}/QĐ-UBND"',
        f"          date: {decided.isoformat()}",
        '          issuer: "UBND tỉnh"',
    ]
    if rng.random() < 0.03:
        revoked = min(as_of, decided + dt.timedelta(days=rng.randint(60, 700)))
        lines += [
            "        revoked:",
            f"          date: {revoked.isoformat()}",
            '          reason: "Không duy trì được tiêu chí sau kiểm tra"',
        ]
    return "\n".join(lines), criteria, decided


def write_demo(
    out: Path, producers: int, seed: int, as_of: dt.date, communes_per_province: int = 40
) -> dict[str, int]:
    """Write data/ (reference, producers, inspections) under `out`; returns counts. Producers
    lie in today's real provinces and communes (the first `communes_per_province` of each by
    code); their names, products and decisions are invented, and they have no phone number."""
    rng = random.Random(seed)
    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    (data / "reference").mkdir(parents=True)
    shutil.copy2(
        Path(__file__).resolve().parents[2] / "data/reference/criteria.yaml",
        data / "reference/criteria.yaml",
    )
    provinces = load_units(out / ".cache").provinces
    communes = {
        pid: sorted(p.communes.values(), key=lambda c: c.code)[:communes_per_province]
        for pid, p in sorted(provinces.items())
    }
    counts = {"producers": 0, "products": 0, "rounds": 0}
    roster: dict[str, list[tuple[str, list[str]]]] = {}
    for i in range(producers):
        province = rng.choice(sorted(communes))
        commune = rng.choice(communes[province])
        kind, prefix = rng.choice(KINDS)
        name = f"{prefix} {rng.choice(PLACES)} {rng.choice(PLACES)} số {i + 1}"
        producer_id = f"{slugify(name)}"
        lines = [
            f"# {NOTE}",
            f"id: {producer_id}",
            f"name: {q(name)}",
            f"kind: {kind}",
            "address:",
            f"  as_given: {q(commune.name + ', ' + provinces[province].full_name)}",
            f"  province: {province}",
            f"  commune: {commune.id}",
            "products:",
        ]
        product_ids = []
        for j in range(rng.randint(1, 4)):
            certs = [_certification(rng, as_of - dt.timedelta(days=400))]
            if rng.random() < 0.15:  # re-evaluated (up, down or the same)
                certs.append(_certification(rng, as_of))
            latest = max(certs, key=lambda c: c[2])[1]
            group = rng.choice(GROUPS[latest])
            pname = f"{rng.choice(PRODUCTS[group])} {rng.choice(PLACES)} {i + 1}-{j + 1}"
            pid = slugify(pname)
            product_ids.append(pid)
            lines += [
                f"  - id: {pid}",
                f"    name: {q(pname)}",
                f"    group: {group}",
                "    certifications:",
                *(text for text, _, _ in certs),
            ]
        folder = data / "producers" / province
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{producer_id}.yaml").write_text("\n".join(lines) + "\n", "utf-8")
        roster.setdefault(province, []).append((producer_id, product_ids))
        counts["producers"] += 1
        counts["products"] += len(product_ids)
    (data / "inspections").mkdir()
    for province, members in sorted(roster.items()):
        for start in range(0, len(members), 12):
            group = members[start : start + rng.randint(5, 20)]
            held = as_of - dt.timedelta(days=rng.randint(1, 3 * 365))
            round_id = f"{held.isoformat()}-{province}-{start // 12 + 1}"
            lines = [
                f"# {NOTE}",
                f"id: {round_id}",
                f"date: {held.isoformat()}",
                'body: "Văn phòng Điều phối nông thôn mới tỉnh"',
                "area:",
                f"  as_given: {q(provinces[province].full_name)}",
                f"  province: {province}",
                'summary: "Các chủ thể cơ bản duy trì tiêu chí; một số cần hoàn thiện tem nhãn."',
                "entries:",
            ]
            for producer_id, product_ids in group:
                passed = rng.random() < 0.8
                lines += [
                    f"  - producer: {producer_id}",
                    f"    products: [{product_ids[0]}]",
                    "    checks:",
                    f"      - {{check: labels, result: {'passed' if passed else 'failed'}}}",
                    "      - {check: traceability, result: passed}",
                    f"    outcome: {'maintained' if passed else 'maintained-with-recommendations'}",
                ]
                if not passed:
                    deadline = held + dt.timedelta(days=90)
                    lines += [
                        f"    deadline: {deadline.isoformat()}",
                        '    recommendations: ["Bổ sung tem truy xuất nguồn gốc"]',
                    ]
            (data / "inspections" / f"{round_id}.yaml").write_text("\n".join(lines) + "\n", "utf-8")
            counts["rounds"] += 1
    return counts
