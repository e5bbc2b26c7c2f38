"""Reports for staff: certificates about to lapse or lapsed, producers not inspected for a while,
recommendations past their deadline. Rows are plain values; the CLI and the site format them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from generator.csvcells import Column, csv_bytes, headings, row_of
from generator.messages import OUTCOME_NAMES_EN, say
from generator.model.catalogue import Catalogue, Entry, Producer, Product, Status, add_months
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


def _outcome(entry: Entry, lang: str) -> str:
    """An outcome in the report's language (the schema's label in Vietnamese)."""
    return OUTCOME_NAMES_EN[entry.outcome] if lang == "en" else entry.outcome_label


def tables(lang: str = "vi") -> dict[str, list[Column[Any]]]:
    """Each list's columns by its key: one definition of a heading (a line of the message
    catalogue, in `lang`) and its value, for the text, the CSV and the pages alike."""

    def column(key: str, value: Any) -> Column[Any]:
        return Column(say(key, lang), value)

    def last_inspected(producer: Producer) -> str:
        last = producer.last_inspection
        return vndate(last.round.date) if last else say("report-never-inspected", lang)

    product = column("report-product", lambda pair: pair[1].name)
    producer = column("report-producer", lambda pair: pair[0].name)
    province = column("report-province", lambda pair: pair[0].province.name)
    return {
        "expiring": [
            column("report-expires", lambda pair: vndate(pair[1].current.expires)),
            column("report-days-left", lambda pair: pair[1].current.days_left),
            product,
            producer,
            province,
            column("report-decision", _decision),
        ],
        "expired": [
            column("report-expired-on", lambda pair: vndate(pair[1].current.expires)),
            product,
            producer,
            province,
            column("report-decision", _decision),
        ],
        "not-inspected": [
            column("report-last-inspected", last_inspected),
            column("report-producer", lambda producer: producer.name),
            column("report-province", lambda producer: producer.province.name),
        ],
        "overdue": [
            column("report-deadline", lambda item: vndate(item.deadline)),
            column("report-round", lambda item: item.round_title),
            column("report-to", lambda item: item.to),
            column("report-content", lambda item: item.text),
        ],
        "no-group": [
            product,
            producer,
            province,
            column("report-data-file", lambda pair: pair[0].source_file),
        ],
    }


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
    catalogue: Catalogue,
    within_days: int = EXPIRING_DAYS,
    months: int = NOT_INSPECTED_MONTHS,
    lang: str = "vi",
) -> list[Section]:
    """The five lists, each sorted by urgency (products with no group last, in name order), with
    their titles and headings in `lang` (the site's page and CSV: Vietnamese)."""
    as_of = catalogue.as_of
    table = tables(lang)

    def section(key: str, **params: int) -> Section:
        return Section(key, say(f"report-{key}", lang, **params), table[key])

    expiring = section("expiring", days=within_days)
    expired = section("expired")
    for pair in sorted(
        catalogue.products(), key=lambda pair: (pair[1].current.expires, pair[1].id)
    ):
        cert = pair[1].current
        if cert.status in {Status.VALID, Status.EXPIRING} and cert.days_left <= within_days:
            expiring.add(pair[0].province.id, pair)
        elif cert.status is Status.EXPIRED:
            expired.add(pair[0].province.id, pair)
    cutoff = add_months(as_of, -months)
    stale = section("not-inspected", months=months)
    for producer in sorted(
        catalogue.producers,
        key=lambda p: (p.last_inspection.round.date if p.last_inspection else as_of.min, p.id),
    ):
        last = producer.last_inspection
        if last is None or last.round.date < cutoff:
            stale.add(producer.province.id, producer)
    overdue = section("overdue")
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
                        "; ".join(entry.recommendations) or _outcome(entry, lang),
                        who.province.id,
                    )
                )
    for item in sorted(items):
        overdue.add(item.province, item)
    no_group = section("no-group")
    for pair in catalogue.products():
        if pair[1].group is None:
            no_group.add(pair[0].province.id, pair)
    return [expiring, expired, stale, overdue, no_group]


def report_text(sections: list[Section]) -> str:
    """The report as plain text for the terminal or an e-mail."""
    lines = []
    for section in sections:
        lines.append(f"== {section.title}: {len(section.rows)}")
        if section.rows:  # the headings say what each cell is (a number of days, a date)
            lines += ["   " + " | ".join(row) for row in [section.columns, *section.rows]]
        lines.append("")
    return "\n".join(lines)


def report_csv(sections: list[Section]) -> bytes:
    """The report as one CSV (`csvcells.csv_bytes`), a list per block."""
    rows: list[list[str]] = []
    for section in sections:
        rows += [[section.title], section.columns, *section.rows, []]
    return csv_bytes(rows)
