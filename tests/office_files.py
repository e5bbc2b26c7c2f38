"""Lists laid out the way offices publish them, made for the import tests: annexes of provincial
decisions (title rows, merged cells, section rows, a totals row), a district's list with a two-row
heading and Excel dates, and news lists as CSV in every encoding and separator Excel saves."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any

from openpyxl import Workbook

ANNEX_TITLE = "(Kèm theo Quyết định số 1693/QĐ-UBND ngày 22/8/2025 của UBND tỉnh Cao Bằng)"


def annex_xlsx(path: Path) -> Path:
    """A provincial decision's annex: the decision cited once in the title, no decision column,
    section rows per district, a producer merged over its two products, a totals row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    rows: list[list[Any]] = [
        ["ỦY BAN NHÂN DÂN TỈNH CAO BẰNG", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [None, None, None, None, "Độc lập - Tự do - Hạnh phúc"],
        [],
        ["DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP TỈNH CAO BẰNG NĂM 2025"],
        [ANNEX_TITLE],
        [
            "STT",
            "Tên sản phẩm",
            "Chủ thể sản xuất",
            "Địa chỉ (huyện, thị xã)",
            "Phân nhóm",
            "Hạng sao",
            "Điểm",
            "Ghi chú",
        ],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
        ["I. HUYỆN HÒA AN"],
        [
            1,
            "Trà xanh Tài Hồ Sìn",
            "HTX Chè Tài Hồ Sìn",
            "xã Nam Tuấn, huyện Hòa An",
            "Đồ uống",
            "4 sao",
            "72,5",
            None,
        ],
        [2, "Trà túi lọc Tài Hồ Sìn", None, None, "Đồ uống", "★★★", 55, None],
        [],
        ["II. HUYỆN NGUYÊN BÌNH"],
        [
            3,
            "Miến dong Nguyên Bình",
            "Hợp tác xã Miến dong Nguyên Bình",
            "huyện Nguyên Bình",
            "Thực phẩm",
            "Ba sao",
            None,
            None,
        ],
        [
            4,
            "Mật ong rừng",
            "Hộ kinh doanh Nông Văn Lực",
            "xã Nguyễn Huệ",
            "Thực phẩm",
            "3★",
            None,
            "Sản phẩm mới",
        ],
        ["Tổng cộng: 4 sản phẩm"],
        ["Ghi chú: danh sách do Văn phòng Điều phối nông thôn mới tỉnh tổng hợp"],
    ]
    for row in rows:
        sheet.append(row)
    for cells in (
        "A1:D1",
        "E1:H1",
        "E2:H2",
        "A4:H4",
        "A5:H5",
        "A8:H8",
        "C9:C10",
        "D9:D10",
        "A12:H12",
        "A15:C15",
        "A16:H16",
    ):
        sheet.merge_cells(cells)
    book.save(path)
    return path


def district_xlsx(path: Path) -> Path:
    """A district's list: "Quyết định công nhận" merged over "Số" and "Ngày", dates as Excel
    date cells, serial numbers and dd.mm.yyyy text, one producer spelled two ways."""
    book = Workbook()
    sheet = book.active
    rows: list[list[Any]] = [
        ["UBND HUYỆN QUAN HÓA"],
        ["DANH SÁCH SẢN PHẨM OCOP TRÊN ĐỊA BÀN HUYỆN"],
        [
            "STT",
            "Tên sản phẩm",
            "Tên chủ thể",
            "Địa chỉ",
            "Phân loại",
            "Xếp hạng",
            "Quyết định công nhận",
            None,
            "Cơ quan công nhận",
        ],
        [None, None, None, None, None, None, "Số", "Ngày", None],
        [
            1,
            "Chè Hồi Xuân",
            "Cty TNHH Chè Hồi Xuân",
            "xã Hồi Xuân, tỉnh Thanh Hóa",
            "Đồ uống",
            3,
            "15/QĐ-UBND",
            dt.datetime(2024, 1, 10),
            "UBND tỉnh Thanh Hóa",
        ],
        [
            2,
            "Rượu men lá",
            "HTX Rượu men lá Phú Lệ",
            "xã Phú Lệ, tỉnh Thanh Hóa",
            "Đồ uống",
            "3 sao",
            "16/QĐ-UBND",
            45301,
            "UBND tỉnh Thanh Hóa",
        ],
        [
            3,
            "Măng khô Hồi Xuân",
            "Công ty Trách nhiệm hữu hạn Chè Hồi Xuân",
            "xã Hồi Xuân, tỉnh Thanh Hóa",
            "Thực phẩm",
            "4",
            "17/QĐ-UBND",
            "12.03.2024",
            "UBND tỉnh Thanh Hóa",
        ],
        [None, "Tổng cộng: 3 sản phẩm"],
    ]
    for row in rows:
        sheet.append(row)
    for cells in ("A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:H3", "I3:I4"):
        sheet.merge_cells(cells)
    sheet["H5"].number_format = "dd/mm/yyyy"
    book.save(path)
    return path


NEWS_HEADING = ["TT", "Tên sản phẩm", "Chủ thể", "Tỉnh", "Hạng sao", "Quyết định"]
NEWS_ROWS = [
    [
        "1",
        "Trà hoa vàng",
        "Công ty CP Trà Cao Bằng",
        "Cao Bằng",
        "★★★★★",
        "Quyết định số 2735/QĐ-BNN-KTHT ngày 15/9/2025",
    ],
    [
        "2",
        "Bánh chưng đen",
        "HTX Bánh chưng Bảo Lạc",
        "tỉnh Cao Bằng",
        "5 sao",
        "2735/QĐ-BNN-KTHT, 15/9/2025",
    ],
    [
        "3",
        "Chè shan tuyết",
        "Tổ hợp tác Chè Phú Lệ",
        "Thanh Hóa",
        "Năm sao",
        "Số 2735/QĐ-BNN-KTHT ngày 15 tháng 9 năm 2025",
    ],
]


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Text as Windows-1258 stores it: letters with their vowel marks precomposed (â, ơ, ư),
    tone marks as separate combining characters after them."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def news_csv(
    path: Path,
    encoding: str = "utf-8",
    separator: str = ",",
    nfd: bool = False,  # UTF encodings only: Windows-1258 has its own decomposed form
    rows: list[list[str]] | None = None,
    title: str = "Danh sách sản phẩm OCOP 5 sao năm 2025",
) -> Path:
    """A news list of 5-star products saved as CSV the way Excel or an editor saves it."""
    lines = [title, "", separator.join(NEWS_HEADING)]
    for row in rows if rows is not None else NEWS_ROWS:
        lines.append(separator.join(f'"{c}"' if separator in c or "," in c else c for c in row))
    text = "\r\n".join(lines) + "\r\n"
    if nfd:
        text = unicodedata.normalize("NFD", text)
    if encoding == "cp1258":  # the code page has no star sign: offices write "5 sao" there
        path.write_bytes(windows_1258(text.replace("★★★★★", "5 sao")))
    else:
        path.write_bytes(text.encode(encoding))
    return path


def csv_file(path: Path, heading: list[str], *rows: list[Any], title: str = "") -> Path:
    """A small UTF-8 CSV with an optional title row."""
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        if title:
            writer.writerow([title])
        writer.writerow(heading)
        for row in rows:
            writer.writerow(row)
    return path


def guide_example_xlsx(path: Path) -> Path:
    """The example of the staff guide (content/huong-dan/nhap-bang-tinh.md): a section row
    straight under the heading, a producer merged over its two products."""
    book = Workbook()
    sheet = book.active
    rows: list[list[Any]] = [
        ["DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP TỈNH CAO BẰNG NĂM 2025"],
        [ANNEX_TITLE],
        [
            "STT",
            "Tên sản phẩm",
            "Chủ thể sản xuất",
            "Địa chỉ (huyện, thị xã)",
            "Phân nhóm",
            "Hạng sao",
        ],
        ["I. HUYỆN HÒA AN"],
        [
            1,
            "Trà xanh Tài Hồ Sìn",
            "HTX Chè Tài Hồ Sìn",
            "xã Nam Tuấn, huyện Hòa An",
            "Đồ uống",
            "4 sao",
        ],
        [2, "Trà túi lọc Tài Hồ Sìn", None, None, "Đồ uống", "★★★"],
        ["Tổng cộng: 2 sản phẩm"],
    ]
    for row in rows:
        sheet.append(row)
    for cells in ("A1:F1", "A2:F2", "A4:F4", "C5:C6", "D5:D6", "A7:F7"):
        sheet.merge_cells(cells)
    book.save(path)
    return path


MERGED_HEADING = [
    ["STT", "Tên sản phẩm", "Chủ thể sản xuất", "Địa chỉ", "Phân nhóm", "Hạng sao"]
    + ["Quyết định công nhận", "", "Điện thoại"],
    ["", "", "", "", "", "", "Số", "Ngày", ""],
]


def merged_export_csv(path: Path, rows: list[list[Any]]) -> Path:
    """A sheet with merged cells as Excel saves it as CSV (semicolons, a BOM): a merged cell's
    value in its first row only, blanks under it; a title, a two-row heading, the rows given."""
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP TỈNH CAO BẰNG NĂM 2025"])
        writer.writerows(MERGED_HEADING)
        writer.writerows(rows)
    return path


# Rows 4-11 of a merged export: the producer, its address, the group and the decision merged
# over their rows; a producer with no address; a new section; a totals row.
MERGED_ROWS: list[list[Any]] = [
    ["I. HUYỆN HÒA AN"],
    ["1", "Trà xanh Tài Hồ Sìn", "HTX Chè Tài Hồ Sìn", "xã Nam Tuấn, huyện Hòa An", "Đồ uống"]
    + ["4", "1693/QĐ-UBND", "22/8/2025", "0912 345 678"],
    ["2", "Trà túi lọc Tài Hồ Sìn", "", "", "", "3", "", "", ""],
    ["3", "Mật ong rừng", "Hộ kinh doanh Nông Văn Lực", "", "Thực phẩm", "3", "", "", ""],
    ["II. HUYỆN NGUYÊN BÌNH"],
    ["4", "Miến dong Nguyên Bình", "Hợp tác xã Miến dong Nguyên Bình", "huyện Nguyên Bình"]
    + ["Thực phẩm", "3", "1701/QĐ-UBND", "25/8/2025", ""],
    ["5", "Bún khô Nguyên Bình", "", "", "", "4", "", "", ""],
    ["Tổng cộng: 5 sản phẩm"],
]


# An annex written as many offices write them: title, sections and some cells wholly in capitals.
CAPITALS_ROWS: list[list[Any]] = [
    ["ỦY BAN NHÂN DÂN TỈNH TRÀ VINH", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["DANH SÁCH SẢN PHẨM OCOP TỈNH TRÀ VINH NĂM 2022"],
    ["(KÈM THEO QUYẾT ĐỊNH SỐ 1693/QĐ-UBND NGÀY 22/8/2022 CỦA UBND TỈNH TRÀ VINH)"],
    ["STT", "TÊN SẢN PHẨM", "CHỦ THỂ SẢN XUẤT", "ĐỊA CHỈ", "PHÂN NHÓM", "HẠNG SAO"],
    ["I. HUYỆN TIỂU CẦN"],
    [1, "MẬT ONG ĐẶC SẢN", "HTX NÔNG NGHIỆP TÂN HỘI", "XÃ HIẾU TỬ, HUYỆN TIỂU CẦN", "THỰC PHẨM", 3],
    [2, "Bánh tét lá cẩm", "Cơ sở Bánh tét Út Hiệp", "xã Hiếu Tử", "Thực phẩm", 4],
    ["II. HUYỆN CẦU NGANG"],
    [3, "CHÈ SHAN TUYẾT", "CÔNG TY TNHH MTV TRÀ VINH FARM", None, "ĐỒ UỐNG", 3],
    ["TỔNG CỘNG: 3 SẢN PHẨM"],
]


def capitals_xlsx(path: Path) -> Path:
    """The annex in capitals as a workbook."""
    book = Workbook()
    sheet = book.active
    for row in CAPITALS_ROWS:
        sheet.append(row)
    book.save(path)
    return path


def capitals_csv(path: Path) -> Path:
    """The annex in capitals as a CSV saved from Excel (UTF-8 with BOM, semicolons)."""
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out, delimiter=";").writerows(
            [["" if v is None else v for v in row] for row in CAPITALS_ROWS]
        )
    return path
