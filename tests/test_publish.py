"""What staff publish besides pages: the change log and its Atom feed, sitemap dates from the
data, and open data (JSON per producer and whole, CSV with BOM, schemas, data dictionary)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

from generator.model.loading import load_catalogue
from generator.render.events import catalogue_events
from generator.settings import Settings
from tests.conftest import AS_OF, REPO

ATOM = "{http://www.w3.org/2005/Atom}"


def catalogue():
    loaded = load_catalogue(Settings(root=REPO, as_of=AS_OF))
    assert loaded.catalogue is not None
    return loaded.catalogue


def test_events_are_derived_newest_first_with_stable_ids() -> None:
    events = catalogue_events(catalogue())
    assert [e.date for e in events] == sorted((e.date for e in events), reverse=True)
    assert events[0].id == "recertified/che-xanh-phu-le/2025-09-10"
    kinds = {e.kind for e in events}
    assert {"certified", "recertified", "inspection"} <= kinds
    assert len({e.id for e in events}) == len(events)
    assert len([e for e in events if e.kind == "certified"]) == 18


def test_atom_feed(sample_site: Path) -> None:
    root = ET.parse(sample_site / "site/danh-muc/cap-nhat.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert entries[0].findtext(f"{ATOM}id") == (
        "tag:ocop.example.vn,2019:recertified/che-xanh-phu-le/2025-09-10"
    )
    assert root.findtext(f"{ATOM}updated") == "2025-09-10T00:00:00Z"  # from the data, not today
    page = (sample_site / "site/danh-muc/cap-nhat/index.html").read_text(encoding="utf-8")
    assert "Chè xanh Phú Lệ được đánh giá lại, giữ 3 sao" in page
    assert 'type="application/atom+xml"' in page


def test_sitemap_dates_come_from_the_data(sample_site: Path) -> None:
    root = ET.parse(sample_site / "site/sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    dates = {u.findtext(f"{ns}loc"): u.findtext(f"{ns}lastmod") for u in root}
    assert dates["https://ocop.example.vn/danh-muc/chu-the/ha-htx-che-tai-ho-sin/"] == "2025-06-16"
    assert dates["https://ocop.example.vn/danh-muc/kiem-tra/2024-01-23-quan-hoa/"] == "2024-01-23"
    assert AS_OF.isoformat() not in dates.values()


def test_open_data(sample_site: Path) -> None:
    data = sample_site / "site/danh-muc"
    whole = json.loads((data / "du-lieu/danh-muc.json").read_text(encoding="utf-8"))
    assert len(whole["producers"]) == 13 and whole["as_of"] == AS_OF.isoformat()
    record = json.loads((data / "chu-the/ha-htx-che-tai-ho-sin/du-lieu.json").read_text())
    assert record == next(p for p in whole["producers"] if p["id"] == "ha-htx-che-tai-ho-sin")
    current = record["products"][0]["certifications"][-1]
    assert (current["expires"], current["status"]) == ("2028-06-16", "valid")
    raw = (data / "du-lieu/san-pham.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 18
    tea = next(r for r in rows if r["ma_san_pham"] == "tra-xanh-tai-ho-sin")
    assert (tea["ten_san_pham"], tea["so_sao"], tea["hieu_luc_den"]) == (
        "Trà xanh Tài Hồ Sìn",
        "4",
        "2028-06-16",
    )
    schema = json.loads((data / "du-lieu/producer.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Chủ thể OCOP và các sản phẩm"
    page = unescape((data / "du-lieu/index.html").read_text(encoding="utf-8"))
    assert "products[].certifications[].stars" in page and "Số sao (3, 4 hoặc 5)" in page
