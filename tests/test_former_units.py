"""A producer named with pre-2025 units and unknown values, in a real built site: the page shows
today's unit and what the source said, the labels, no invented value in JSON-LD; search finds the
old names; the staff report lists the product with no group."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from generator.reference.units import load_units
from generator.render.search import INDEX_FOLDER, fold, read_rows
from generator.render.staff_report import build_report
from generator.settings import Settings
from tests.conftest import AS_OF, copy_project

PRODUCER = """\
id: htx-tieu-can
name: Hợp tác xã Nông nghiệp Tiểu Cần
kind: htx
address:
  as_given: thị trấn Cầu Quan, huyện Tiểu Cần, tỉnh Trà Vinh
  former: {province: Trà Vinh, district: huyện Tiểu Cần, commune: thị trấn Cầu Quan}
  province: vinh-long
  commune: tan-hoa
contacts:
  phones: ["0294 0000 000"]
illustrative: [contacts]
derived: [address.province, address.commune, kind]
products:
  - id: mam-tieu-can
    name: Mắm Tiểu Cần
    certifications:
      - stars: 3
        criteria: qd-148-2023
        decision:
          number: "1693/QĐ-UBND"
          date: 2022-08-22
"""


@pytest.fixture(scope="module")
def former_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.generate.run import generate
    from generator.publish.build import build_site

    root = copy_project(tmp_path_factory.mktemp("former"))
    folder = root / "data/producers/vinh-long"
    folder.mkdir(parents=True)
    (folder / "htx-tieu-can.yaml").write_text(PRODUCER, "utf-8")
    settings = Settings(root=root, as_of=AS_OF)
    assert generate(settings).report.ok
    build_site(settings)
    return root


def _page(root: Path) -> str:
    return (root / "site/danh-muc/chu-the/htx-tieu-can/index.html").read_text("utf-8")


def test_page_shows_today_and_what_the_source_said(former_site: Path) -> None:
    html = _page(former_site)
    assert "xã Tân Hòa" in html and "tỉnh Vĩnh Long" in html
    assert "trước 01/7/2025: thị trấn Cầu Quan, huyện Tiểu Cần, tỉnh Trà Vinh" in html
    assert "mã 29344" not in html  # the old code is not shown as today's
    code = load_units().provinces["vinh-long"].communes["tan-hoa"].code
    assert f"(mã {code})" in html


def test_derived_and_unknown_values_are_labelled(former_site: Path) -> None:
    html = _page(former_site)
    assert re.search(r'Hợp tác xã <span class="ocop-derived"[^>]*>suy ra</span>', html)
    assert "chưa rõ nhóm" in html and "chưa rõ cơ quan" in html


def test_illustrative_and_unknown_values_stay_out_of_json_ld(former_site: Path) -> None:
    html = _page(former_site)
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    graph = json.loads(script.group(1))["@graph"]
    assert "telephone" not in graph[0]
    assert "category" not in graph[1]
    sample = (former_site / "site/danh-muc/chu-the/ha-htx-che-tai-ho-sin/index.html").read_text()
    assert "0206 3860 204" not in sample


def test_open_data_marks_them(former_site: Path) -> None:
    record = json.loads(
        (former_site / "site/danh-muc/chu-the/htx-tieu-can/du-lieu.json").read_text("utf-8")
        if (former_site / "site/danh-muc/chu-the/htx-tieu-can/du-lieu.json").exists()
        else next((former_site / "site").rglob("htx-tieu-can/*.json")).read_text("utf-8")
    )
    assert record["address"]["former"]["district"] == "huyện Tiểu Cần"
    assert record["derived"] == ["address.commune", "address.province", "kind"]
    assert record["products"][0]["group"] is None
    assert record["products"][0]["unknown"] == ["group"]
    assert record["products"][0]["certifications"][0]["unknown"] == ["decision.issuer"]
    text = next((former_site / "site").rglob("san-pham.csv")).read_text("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    row = dict(zip(header, next(r for r in reader if r[0] == "mam-tieu-can"), strict=True))
    assert header[-3:] == ["gia_tri_minh_hoa", "gia_tri_suy_ra", "chua_ro"]
    assert row["chua_ro"] == "group decision.issuer"
    assert "contacts" in row["gia_tri_minh_hoa"].split()


@pytest.mark.parametrize("query", ["tra vinh", "tieu can", "cau quan"])
def test_search_for_an_old_name_finds_the_producer(former_site: Path, query: str) -> None:
    folder = former_site / "site/danh-muc"
    files = {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in (folder / INDEX_FOLDER).iterdir()
    }
    rows = read_rows(files)
    hits = None
    for word in fold(query).split():  # every word must match, as the browser's search does
        shard = json.loads(files[f"{INDEX_FOLDER}/w-{word[:2]}.json"])
        numbers = set(shard[word][0]) | set(shard[word][1])
        hits = numbers if hits is None else hits & numbers
    found = {rows[n][1] for n in hits}
    assert {"Hợp tác xã Nông nghiệp Tiểu Cần", "Mắm Tiểu Cần"} <= found


def test_report_lists_products_with_no_group(former_site: Path) -> None:
    from generator.model.loading import load_catalogue

    catalogue = load_catalogue(Settings(root=former_site, as_of=AS_OF)).catalogue
    section = next(s for s in build_report(catalogue) if s.key == "no-group")
    assert [row[0] for row in section.rows] == ["Mắm Tiểu Cần"]
