"""Derived facts: expiry, status on a date, current stars, last inspection."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model.catalogue import Certification, Status, add_months
from generator.model.loading import load_catalogue
from generator.reference.data import load_reference
from generator.settings import Settings
from tests.conftest import AS_OF, REPO


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(dt.date(2023, 1, 31), 1) == dt.date(2023, 2, 28)
    assert add_months(dt.date(2021, 2, 28), 36) == dt.date(2024, 2, 28)
    assert add_months(dt.date(2023, 11, 30), 36) == dt.date(2026, 11, 30)


def certification(decided: dt.date, revoked: dt.date | None = None) -> Certification:
    reference, _ = load_reference(REPO / "data" / "reference", REPO)
    return Certification(
        4,
        None,
        reference.criteria["qd-148-2023"],
        "1/QĐ",
        decided,
        "UBND",
        revoked,
        "Lý do" if revoked else None,
        None,
        frozenset(),
    )


@pytest.mark.parametrize(
    ("decided", "revoked", "status", "expires"),
    [
        (dt.date(2025, 1, 15), None, Status.VALID, dt.date(2028, 1, 15)),
        (dt.date(2023, 12, 5), None, Status.EXPIRING, dt.date(2026, 12, 5)),
        (dt.date(2023, 11, 24), None, Status.EXPIRED, dt.date(2026, 11, 24)),
        (dt.date(2025, 1, 15), dt.date(2026, 3, 1), Status.REVOKED, dt.date(2028, 1, 15)),
        (dt.date(2025, 1, 15), dt.date(2027, 3, 1), Status.VALID, dt.date(2028, 1, 15)),
    ],
)
def test_status_on_the_build_date(decided, revoked, status, expires) -> None:
    cert = certification(decided, revoked)
    cert.judge(AS_OF, 90)
    assert (cert.status, cert.expires) == (status, expires)


def test_sample_catalogue_derived_facts() -> None:
    catalogue = load_catalogue(Settings(root=REPO, as_of=AS_OF)).catalogue
    assert catalogue is not None
    assert len(catalogue.products()) == 18
    assert sorted(p.stars for _, p in catalogue.products()).count(4) == 3
    tea = catalogue.producer("ha-htx-che-tai-ho-sin")
    assert tea.products[0].current.decision_date == dt.date(2025, 6, 16)
    assert tea.products[0].current.status is Status.VALID
    assert tea.last_inspection.round.id == "2023-09-15-hoa-an"
    assert [r.id for r in catalogue.rounds] == ["2024-01-23-quan-hoa", "2023-09-15-hoa-an"]
    wine = catalogue.producer("qh-hkd-ruou-chuoi-hoi-xuan").products[0]
    assert wine.current.status is Status.EXPIRING and wine.current.days_left == 11
