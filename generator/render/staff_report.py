"""Reports for staff: certificates about to lapse or lapsed, producers not inspected for a while,
recommendations past their deadline. Rows are plain values; the CLI and the site format them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from generator.csvcells import Column, csv_bytes, headings, row_of
from generator.model.catalogue import Catalogue, Producer, Product, Status, add_months
from generator.settings import EXPIRING_DAYS
from generator.text import vndate

NOT_INSPECTED_MONTHS = 12


Pair = tuple[Producer, Product]


class Overdue(NamedTuple):
    """A recommendation past its deadline, to a body or to one producer."""

    deadline: dt.date
    round_title: str
    to: str
    text: str
    province: str  # ID


def _decision(pair: Pair) -> str:
    cert = pair[1].current
    return f"{cert.decision_number} ({vndate(cert.decision_date)})"


def _last_inspected(producer: Producer) -> str:
    last = producer.last_inspection
    return vndate(last.round.date) if last else "chưa có"


# Each list's columns, one definition of a heading and its value for the text, the CSV and
# the pages alike.
_PRODUCT_AND_PRODUCER: list[Column[Pair]] = [
    Column("Sản phẩm", lambda pair: pair[1].name),
    Column("Chủ thể", lambda pair: pair[0].name),
    Column("Tỉnh", lambda pair: pair[0].province.name),
    Column("Quyết định", _decision),
]
EXPIRING_COLUMNS: list[Column[Pair]] = [
    Column("Hết hạn", lambda pair: vndate(pair[1].current.expires)),
    Column("Còn (ngày)", lambda pair: pair[1].current.days_left),
    *_PRODUCT_AND_PRODUCER,
]
EXPIRED_COLUMNS: list[Column[Pair]] = [
    Column("Hết hạn từ", lambda pair: vndate(pair[1].current.expires)),
    *_PRODUCT_AND_PRODUCER,
]
NOT_INSPECTED_COLUMNS: list[Column[Producer]] = [
    Column("Lần kiểm tra gần nhất", _last_inspected),
    Column("Chủ thể", lambda producer: producer.name),
    Column("Tỉnh", lambda producer: producer.province.name),
]
NO_GROUP_COLUMNS: list[Column[Pair]] = [
    Column("Sản phẩm", lambda pair: pair[1].name),
    Column("Chủ thể", lambda pair: pair[0].name),
    Column("Tỉnh", lambda pair: pair[0].province.name),
    Column("Hồ sơ dữ liệu", lambda pair: pair[0].source_file),
]
OVERDUE_COLUMNS: list[Column[Overdue]] = [
    Column("Hạn", lambda item: vndate(item.deadline)),
    Column("Đợt kiểm tra", lambda item: item.round_title),
    Column("Gửi tới / chủ thể", lambda item: item.to),
    Column("Nội dung", lambda item: item.text),
]


@dataclass
class Section:
    """One list of the report: a title, its columns and rows of text."""

    key: str
    title: str
    table: Sequence[Column[Any]]
    rows: list[list[str]] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)  # the province (ID) of each row

    @property
    def columns(self) -> list[str]:
        return headings(self.table)

    def add(self, province: str, item: Any) -> None:
        """One item as a row, its cells from the section's columns."""
        self.provinces.append(province)
        self.rows.append(row_of(self.table, item))

    def of(self, province: str) -> Section:
        """The same list with the rows of one province only."""
        rows = [row for row, p in zip(self.rows, self.provinces, strict=True) if p == province]
        return Section(self.key, self.title, self.table, rows, [province] * len(rows))


def build_report(
    catalogue: Catalogue, within_days: int = EXPIRING_DAYS, months: int = NOT_INSPECTED_MONTHS
) -> list[Section]:
    """The five lists, each sorted by urgency (products with no group last, in name order)."""
    as_of = catalogue.as_of
    expiring = Section(
        "expiring", f"Chứng nhận hết hạn trong {within_days} ngày tới", EXPIRING_COLUMNS
    )
    expired = Section("expired", "Chứng nhận đã hết hiệu lực (chưa đánh giá lại)", EXPIRED_COLUMNS)
    for pair in sorted(
        catalogue.products(), key=lambda pair: (pair[1].current.expires, pair[1].id)
    ):
        cert = pair[1].current
        if cert.status in {Status.VALID, Status.EXPIRING} and cert.days_left <= within_days:
            expiring.add(pair[0].province.id, pair)
        elif cert.status is Status.EXPIRED:
            expired.add(pair[0].province.id, pair)
    cutoff = add_months(as_of, -months)
    stale = Section(
        "not-inspected",
        f"Chủ thể chưa được kiểm tra trong {months} tháng",
        NOT_INSPECTED_COLUMNS,
    )
    for producer in sorted(
        catalogue.producers,
        key=lambda p: (p.last_inspection.round.date if p.last_inspection else as_of.min, p.id),
    ):
        last = producer.last_inspection
        if last is None or last.round.date < cutoff:
            stale.add(producer.province.id, producer)
    overdue = Section("overdue", "Kiến nghị đã quá hạn", OVERDUE_COLUMNS)
    items = []
    for round_ in catalogue.rounds:
        for rec in round_.recommendations:
            if rec.deadline and rec.deadline < as_of:
                items.append(
                    Overdue(
                        rec.deadline, round_.title, rec.to, "; ".join(rec.items), round_.province.id
                    )
                )
        for entry in round_.entries:
            if entry.deadline and entry.deadline < as_of:
                who = catalogue.producer(entry.producer_id)
                items.append(
                    Overdue(
                        entry.deadline,
                        round_.title,
                        who.name,
                        "; ".join(entry.recommendations) or entry.outcome_label,
                        who.province.id,
                    )
                )
    for item in sorted(items):
        overdue.add(item.province, item)
    no_group = Section(
        "no-group", "Sản phẩm chưa rõ nhóm (cần bổ sung trường group)", NO_GROUP_COLUMNS
    )
    for pair in catalogue.products():
        if pair[1].group is None:
            no_group.add(pair[0].province.id, pair)
    return [expiring, expired, stale, overdue, no_group]


def report_text(sections: list[Section]) -> str:
    """The report as plain text for the terminal or an e-mail."""
    lines = []
    for section in sections:
        lines.append(f"== {section.title}: {len(section.rows)}")
        lines += ["   " + " | ".join(row) for row in section.rows]
        lines.append("")
    return "\n".join(lines)


def report_csv(sections: list[Section]) -> bytes:
    """The report as one CSV (`csvcells.csv_bytes`), a list per block."""
    rows: list[list[str]] = []
    for section in sections:
        rows += [[section.title], section.columns, *section.rows, []]
    return csv_bytes(rows)
