"""What changed, derived from the data: new certifications, star changes, revocations and
inspection rounds, each with a stable ID, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.model.catalogue import Catalogue
from generator.text import vndate
from generator.urls import producer_path, product_path, round_path


@dataclass(frozen=True)
class Event:
    """One dated change of the catalogue."""

    id: str  # stable: made of kind, IDs and date, never of names or the build date
    date: dt.date
    kind: str
    title: str
    summary: str
    path: str  # page address from the site root


KIND_LABELS = {
    "certified": "Công nhận mới",
    "stars-changed": "Thay đổi hạng sao",
    "recertified": "Đánh giá lại",
    "revoked": "Thu hồi",
    "inspection": "Đợt kiểm tra",
}


def catalogue_events(catalogue: Catalogue) -> list[Event]:
    """Every event of the catalogue up to its date, newest first."""
    events: list[Event] = []
    for producer in catalogue.producers:
        for product in producer.products:
            path = product_path(producer.id, product.id)
            previous = None
            for cert in product.certifications:
                day = cert.decision_date
                if previous is None:
                    kind, title = "certified", f"{product.name} được công nhận {cert.stars} sao"
                elif previous.stars != cert.stars:
                    kind = "stars-changed"
                    title = f"{product.name}: từ {previous.stars} sao thành {cert.stars} sao"
                else:
                    kind, title = (
                        "recertified",
                        f"{product.name} được đánh giá lại, giữ {cert.stars} sao",
                    )
                summary = (
                    f"{producer.name}, {producer.province.name}. Quyết định số "
                    f"{cert.decision_number} ngày {vndate(day)} của {cert.issuer}."
                )
                events.append(Event(f"{kind}/{product.id}/{day}", day, kind, title, summary, path))
                if cert.revoked_date and cert.revoked_date <= catalogue.as_of:
                    day = cert.revoked_date
                    events.append(
                        Event(
                            f"revoked/{product.id}/{day}",
                            day,
                            "revoked",
                            f"Thu hồi chứng nhận {cert.stars} sao của {product.name}",
                            f"{producer.name}. Lý do: {cert.revoked_reason}.",
                            path,
                        )
                    )
                previous = cert
    for round_ in catalogue.rounds:
        events.append(
            Event(
                f"inspection/{round_.id}",
                round_.date,
                "inspection",
                f"Đợt kiểm tra: {round_.title}",
                f"{round_.body}; {len(round_.entries)} chủ thể.",
                round_path(round_.id),
            )
        )
    return sorted(events, key=lambda e: (e.date, e.id), reverse=True)


def last_changes(catalogue: Catalogue, events: list[Event]) -> dict[str, dt.date]:
    """The newest dated change of each producer's page (its sitemap `lastmod`)."""
    newest: dict[str, dt.date] = {}
    owners = {producer_path(p.id): p.id for p in catalogue.producers}
    for event in events:
        owner = owners.get(event.path.split("#")[0])
        if owner and event.date > newest.get(owner, dt.date.min):
            newest[owner] = event.date
    for producer in catalogue.producers:
        if producer.last_inspection:
            day = producer.last_inspection.round.date
            newest[producer.id] = max(day, newest.get(producer.id, day))
    return newest
