"""How long `ocop import` takes on a whole province's list: 2,700 rows of a decision's annex.

Usage: .venv/bin/python -m bench.importer [--rows 2700] [--format xlsx|csv|both] [--cold]

Writes the list the way a provincial office publishes it (title rows citing the decision, a
two-row heading, a section row per district before the 2025 reform, producers merged over their
products, old communes in the addresses, legal forms spelled every way, a totals row), then runs
the real `ocop` command on a copy of the sample project, from reading to the validation that
ends the import, and prints the time of each run. The copy is first checked by `ocop validate`,
as an office's working copy has been (its .cache/ holds the units and the checked files);
`--cold` imports into a fresh copy instead.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from generator.reference.units import load_units

ROOT = Path(__file__).resolve().parent.parent
FORMS = ["HTX", "Hợp tác xã", "Công ty TNHH", "Cty CP", "Hộ kinh doanh", "Tổ hợp tác", "Cơ sở"]
THINGS = [
    "Chè",
    "Mật ong",
    "Rượu",
    "Nem chua",
    "Bánh gai",
    "Nước mắm",
    "Gạo",
    "Miến",
    "Mắm tép",
    "Chả tôm",
    "Quế",
    "Dược liệu",
    "Mây tre đan",
    "Cói",
    "Bưởi",
    "Cam",
    "Măng",
    "Tinh dầu",
]
PLACES = [
    "Xuân",
    "Thọ",
    "Quảng",
    "Hoằng",
    "Nga",
    "Vĩnh",
    "Yên",
    "Đông",
    "Hà",
    "Ngọc",
    "Thiệu",
    "Triệu",
    "Nông",
    "Lam",
    "Sơn",
    "Bá",
    "Thước",
    "Lũng",
    "Mường",
    "Lát",
    "Phú",
    "Tân",
]
GROUPS = ["Thực phẩm", "Đồ uống", "Dược liệu và sản phẩm từ dược liệu", "Hàng thủ công mỹ nghệ"]
STARS = {"3": 3, "3 sao": 3, "★★★": 3, "Ba sao": 3, "4": 4, "4 sao": 4, "★★★★": 4, "Bốn sao": 4}
BANDS = {3: (50, 69), 4: (70, 89)}
AS_OF = "2026-11-24"


def annex_rows(count: int, seed: int = 1) -> list[tuple[str, list[list[object]]]]:
    """(district, rows) sections of a Thanh Hóa annex before the reform, `count` rows in all."""
    rng = random.Random(seed)
    units = load_units()
    province = next(u for u in units.old_provinces.values() if u.name == "tỉnh Thanh Hóa")
    districts = [d for d in units.old_districts.values() if d.parent == province.code]
    # communes that went whole into one of today's (a split one asks the office to choose)
    communes = {
        d.code: [c for c in units.old_communes.values() if c.parent == d.code and len(c.today) == 1]
        for d in districts
    }
    sections: list[tuple[str, list[list[object]]]] = [(d.name, []) for d in districts]
    made, number = 0, 0
    while made < count:
        index = number % len(districts)
        district, rows = districts[index], sections[index][1]
        commune = rng.choice(communes[district.code] or [district])
        producer = f"{rng.choice(FORMS)} {rng.choice(THINGS)} {rng.choice(PLACES)} {number}"
        for k in range(min(rng.choice([1, 1, 2, 3]), count - made)):
            made += 1
            stars = rng.choice(sorted(STARS))
            rows.append(
                [
                    made,
                    f"{rng.choice(THINGS)} {rng.choice(PLACES)} loại {k + 1} số {number}",
                    producer,
                    f"thôn {rng.randint(1, 12)}, {commune.name}, {district.name}",
                    rng.choice(GROUPS),
                    stars,
                    round(rng.uniform(*BANDS[STARS[stars]]), 1),
                ]
            )
        number += 1
    return sections


TITLE = [
    ["ỦY BAN NHÂN DÂN TỈNH THANH HÓA"],
    ["DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP TỈNH THANH HÓA NĂM 2024"],
    ["(Kèm theo Quyết định số 4567/QĐ-UBND ngày 20/12/2024 của UBND tỉnh Thanh Hóa)"],
]
UPPER = [
    "STT",
    "Tên sản phẩm",
    "Chủ thể sản xuất",
    "Địa chỉ",
    "Phân nhóm",
    "Kết quả đánh giá",
    None,
]
LOWER = [None, None, None, None, None, "Hạng sao", "Điểm"]


def write_xlsx(path: Path, sections: list) -> None:
    book = Workbook()
    sheet = book.active
    for row in TITLE:
        sheet.append(row)
    sheet.append(UPPER)
    sheet.append(LOWER)
    for column in "ABCDE":
        sheet.merge_cells(f"{column}4:{column}5")
    sheet.merge_cells("F4:G4")
    for index, (district, rows) in enumerate(sections, start=1):
        sheet.append([f"{index}. {district.upper()}"])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=7
        )
        start = None
        for row in rows:
            same = start is not None and sheet.cell(start, 3).value == row[2]
            sheet.append([*row[:2], None if same else row[2], None if same else row[3], *row[4:]])
            if not same:
                start = sheet.max_row
            elif start is not None:
                for column in (3, 4):  # a producer merged over its products
                    sheet.merge_cells(
                        start_row=start,
                        start_column=column,
                        end_row=sheet.max_row,
                        end_column=column,
                    )
    sheet.append([f"Tổng cộng: {sum(len(r) for _, r in sections)} sản phẩm"])
    book.save(path)


def write_csv(path: Path, sections: list) -> None:
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerows(TITLE)
        writer.writerow(
            ["STT", "Tên sản phẩm", "Chủ thể sản xuất", "Địa chỉ", "Phân nhóm", "Hạng sao", "Điểm"]
        )
        for district, rows in sections:
            writer.writerow([district])
            writer.writerows(rows)
        writer.writerow(["Tổng cộng"])


def timed_import(sheet: Path, cold: bool) -> tuple[float, float, float, str]:
    """Wall-clock seconds and processor seconds in the program and in the system (the command
    and its workers; the system's part is mostly making the new files) of one import."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "p"
        shutil.copytree(ROOT / "data", project / "data")
        ocop = Path(sys.executable).parent / "ocop"
        if not cold:  # an office's working copy: checked before, so its .cache/ is filled
            subprocess.run(
                [str(ocop), "validate", "--root", str(project), "--as-of", AS_OF],
                check=True,
                capture_output=True,
            )
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(
            [str(ocop), "import", str(sheet), "--root", str(project), "--as-of", AS_OF],
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
        summary = [line for line in done.stdout.splitlines() if "dòng nhập được" in line]
        if done.returncode != 0:
            print(done.stdout[-2000:], done.stderr[-2000:], file=sys.stderr)
            raise SystemExit(f"ocop import failed ({done.returncode})")
        return elapsed, user, system, summary[0] if summary else ""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2700)
    parser.add_argument("--format", choices=["xlsx", "csv", "both"], default="both")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument(
        "--cold", action="store_true", help="a fresh copy of the project, with no .cache/"
    )
    args = parser.parse_args(argv)
    sections = annex_rows(args.rows)
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("xlsx", "csv") if args.format == "both" else (args.format,):
            sheet = Path(folder) / f"phu-luc.{kind}"
            (write_xlsx if kind == "xlsx" else write_csv)(sheet, sections)
            for run in range(1, args.runs + 1):
                elapsed, user, system, summary = timed_import(sheet, args.cold)
                print(
                    f"{kind} {args.rows} rows{' (cold)' if args.cold else ''}, run {run}: "
                    f"{elapsed:.2f} s wall, "
                    f"{user + system:.2f} s processor time ({user:.2f} user, {system:.2f} "
                    f"system) on {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} "
                    f"({summary})"
                )


if __name__ == "__main__":
    main()
