"""Reports for staff: certificates about to lapse or lapsed, producers not inspected for a while,
recommendations past their deadline. Rows are plain values; the CLI and the site format them."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from generator.model import Catalogue, Status, add_months
from generator.render import vndate
from generator.settings import EXPIRING_DAYS

NOT_INSPECTED_MONTHS = 12


@dataclass
class Section:
    """One list of the report: a title, column names and rows of text."""

    key: str
    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)  # the province (ID) of each row

    def add(self, province: str, row: list[str]) -> None:
        self.provinces.append(province)
        self.rows.append(row)

    def of(self, province: str) -> Section:
        """The same list with the rows of one province only."""
        rows = [row for row, p in zip(self.rows, self.provinces, strict=True) if p == province]
        return Section(self.key, self.title, self.columns, rows, [province] * len(rows))


def build_report(
    catalogue: Catalogue, within_days: int = EXPIRING_DAYS, months: int = NOT_INSPECTED_MONTHS
) -> list[Section]:
    """The five lists, each sorted by urgency (products with no group last, in name order)."""
    as_of = catalogue.as_of
    expiring = Section(
        "expiring",
        f"Chứng nhận hết hạn trong {within_days} ngày tới",
        ["Hết hạn", "Còn (ngày)", "Sản phẩm", "Chủ thể", "Tỉnh", "Quyết định"],
    )
    expired = Section(
        "expired",
        "Chứng nhận đã hết hiệu lực (chưa đánh giá lại)",
        ["Hết hạn từ", "Sản phẩm", "Chủ thể", "Tỉnh", "Quyết định"],
    )
    for producer, product in sorted(
        catalogue.products(), key=lambda pair: (pair[1].current.expires, pair[1].id)
    ):
        cert = product.current
        decision = f"{cert.decision_number} ({vndate(cert.decision_date)})"
        if cert.status in {Status.VALID, Status.EXPIRING} and cert.days_left <= within_days:
            expiring.add(
                producer.province.id,
                [
                    vndate(cert.expires),
                    str(cert.days_left),
                    product.name,
                    producer.name,
                    producer.province.name,
                    decision,
                ],
            )
        elif cert.status is Status.EXPIRED:
            expired.add(
                producer.province.id,
                [
                    vndate(cert.expires),
                    product.name,
                    producer.name,
                    producer.province.name,
                    decision,
                ],
            )
    cutoff = add_months(as_of, -months)
    stale = Section(
        "not-inspected",
        f"Chủ thể chưa được kiểm tra trong {months} tháng",
        ["Lần kiểm tra gần nhất", "Chủ thể", "Tỉnh"],
    )
    for producer in sorted(
        catalogue.producers,
        key=lambda p: (p.last_inspection.round.date if p.last_inspection else as_of.min, p.id),
    ):
        last = producer.last_inspection
        if last is None or last.round.date < cutoff:
            stale.add(
                producer.province.id,
                [
                    vndate(last.round.date) if last else "chưa có",
                    producer.name,
                    producer.province.name,
                ],
            )
    overdue = Section(
        "overdue", "Kiến nghị đã quá hạn", ["Hạn", "Đợt kiểm tra", "Gửi tới / chủ thể", "Nội dung"]
    )
    items = []
    for round_ in catalogue.rounds:
        for rec in round_.recommendations:
            if rec.deadline and rec.deadline < as_of:
                items.append(
                    (rec.deadline, round_.title, rec.to, "; ".join(rec.items), round_.province.id)
                )
        for entry in round_.entries:
            if entry.deadline and entry.deadline < as_of:
                who = catalogue.producer(entry.producer_id)
                items.append(
                    (
                        entry.deadline,
                        round_.title,
                        who.name,
                        "; ".join(entry.recommendations) or entry.outcome_label,
                        who.province.id,
                    )
                )
    for day, title, to, text, province in sorted(items):
        overdue.add(province, [vndate(day), title, to, text])
    no_group = Section(
        "no-group",
        "Sản phẩm chưa rõ nhóm (cần bổ sung trường group)",
        ["Sản phẩm", "Chủ thể", "Tỉnh", "Hồ sơ dữ liệu"],
    )
    for producer, product in catalogue.products():
        if product.group is None:
            no_group.add(
                producer.province.id,
                [product.name, producer.name, producer.province.name, producer.source_file],
            )
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
    """The report as one CSV (UTF-8 with a byte-order mark for Excel), a list per block."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for section in sections:
        writer.writerow([section.title])
        writer.writerow(section.columns)
        writer.writerows(section.rows)
        writer.writerow([])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
