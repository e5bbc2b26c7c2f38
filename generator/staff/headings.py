"""Column headings as offices write them, and the field of the catalogue each one fills.

A heading is compared folded (no case, no marks, "đ" as "d"), with or without what it says in
brackets ("Địa chỉ (huyện, thị xã)" is an address). A two-row heading is read as its upper and
lower parts ("Quyết định công nhận" over "Số" is the decision number)."""

from __future__ import annotations

import re

from generator.render.search import fold

# Folded heading -> field; None marks a column known to carry nothing to import (the row number).
HEADINGS: dict[str, str | None] = {
    **dict.fromkeys(["stt", "tt", "so tt", "so thu tu", "thu tu", "ly do chua nhap"], None),
    **dict.fromkeys(
        ["ten san pham", "san pham", "san pham ocop", "ten san pham ocop", "ten sp", "ten hang"],
        "product",
    ),
    **dict.fromkeys(
        [
            "chu the",
            "ten chu the",
            "chu the san xuat",
            "ten chu the san xuat",
            "chu the ocop",
            "co so san xuat",
            "ten co so san xuat",
            "ten co so",
            "don vi san xuat",
            "don vi",
            "ten don vi",
            "chu the co so san xuat",
            "ten doanh nghiep",
            "ten to chuc ca nhan",
            "to chuc ca nhan",
        ],
        "producer",
    ),
    **dict.fromkeys(
        ["dia chi", "dia chi chu the", "dia chi san xuat", "dia chi co so", "noi san xuat"],
        "address",
    ),
    **dict.fromkeys(
        ["huyen", "huyen thi xa", "huyen thi xa thanh pho", "huyen tp", "don vi cap huyen"],
        "district",
    ),
    **dict.fromkeys(["xa", "xa phuong", "xa phuong thi tran", "xa phuong dac khu"], "commune"),
    **dict.fromkeys(["tinh", "tinh thanh pho", "tinh tp"], "province"),
    **dict.fromkeys(
        ["phan nhom", "nhom", "nhom san pham", "nganh hang", "nhom nganh", "phan loai"], "group"
    ),
    **dict.fromkeys(
        [
            "so sao",
            "hang sao",
            "xep hang",
            "xep hang sao",
            "sao",
            "hang",
            "phan hang",
            "ket qua phan hang",
            "ket qua xep hang",
            "ket qua danh gia phan hang",
            "hang sao ocop",
            "so sao dat duoc",
        ],
        "stars",
    ),
    **dict.fromkeys(["diem", "tong diem", "diem danh gia", "so diem", "diem so"], "score"),
    **dict.fromkeys(
        [
            "quyet dinh",
            "quyet dinh cong nhan",
            "so ngay quyet dinh",
            "so va ngay quyet dinh",
            "quyet dinh cong nhan so ngay",
            "so quyet dinh ngay ban hanh",
            "can cu quyet dinh",
        ],
        "decision",
    ),
    **dict.fromkeys(
        ["so quyet dinh", "quyet dinh so", "so qd", "qd so", "so hieu quyet dinh"],
        "decision_number",
    ),
    **dict.fromkeys(
        [
            "ngay quyet dinh",
            "ngay cong nhan",
            "ngay ky",
            "ngay ban hanh",
            "ngay qd",
            "ngay ky quyet dinh",
        ],
        "decision_date",
    ),
    **dict.fromkeys(
        ["co quan cong nhan", "co quan ban hanh", "cap cong nhan", "don vi cong nhan"], "issuer"
    ),
    **dict.fromkeys(["loai hinh", "loai hinh chu the", "loai hinh to chuc"], "kind"),
    **dict.fromkeys(["bo tieu chi"], "criteria"),
}
# What a lower heading under a decision heading means ("Quyết định" over "Số", "Ngày").
UNDER_DECISION = {
    **dict.fromkeys(["so", "so hieu", "so quyet dinh", "so qd"], "decision_number"),
    **dict.fromkeys(
        ["ngay", "ngay thang", "ngay ky", "ngay ban hanh", "ngay thang nam"], "decision_date"
    ),
    **dict.fromkeys(["co quan", "co quan ban hanh", "cap", "cap cong nhan"], "issuer"),
}
FIELDS = frozenset(v for v in HEADINGS.values() if v) | {"decision"}
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def field_of(upper: str, lower: str, mapping: dict[str, str | None]) -> tuple[bool, str | None]:
    """The field a column's heading fills, as (known, field): `known` is False when the heading
    means nothing to the importer (the column is then named in the output as unused). `mapping`
    holds folded headings the office gave with --mapping; it wins over the usual headings."""
    if not lower and " / " in upper:  # a two-row heading as the rejects file writes it
        upper, lower = upper.split(" / ", 1)
    whole = " ".join(part for part in (upper, lower) if part)
    for text in dict.fromkeys([whole, lower, upper]):
        if text and fold(text) in mapping:
            return True, mapping[fold(text)]
    if upper and lower and upper != lower:
        top = _lookup(upper)
        if top[0] and top[1] == "decision" and fold(lower) in UNDER_DECISION:
            return True, UNDER_DECISION[fold(lower)]
        for text in (whole, lower):
            found = _lookup(text)
            if found[0]:
                return found
        return top
    return _lookup(whole)


def lower_known(upper: str, lower: str, mapping: dict[str, str | None]) -> bool:
    """Whether `lower`, under `upper`, is a heading itself (a second heading row), not data."""
    if fold(lower) in mapping or fold(f"{upper} {lower}") in mapping:
        return True
    if _lookup(upper) == (True, "decision") and fold(lower) in UNDER_DECISION:
        return True
    return _lookup(lower)[0] or _lookup(f"{upper} {lower}")[0]


def _lookup(text: str) -> tuple[bool, str | None]:
    for candidate in (fold(text), fold(_BRACKETS.sub(" ", text))):
        if candidate in HEADINGS:
            return True, HEADINGS[candidate]
    return False, None
