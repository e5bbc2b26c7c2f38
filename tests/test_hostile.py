"""Hostile data in every text field builds into a site that shows every attack as plain text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.generate.run import generate
from generator.publish.build import build_site
from generator.render.search import INDEX_FOLDER, read_rows
from generator.settings import Settings
from tests.conftest import AS_OF, FIXTURES, copy_project

ATTACK = (
    "<script>alert(1)</script><x-evil onerror=alert(2)>*b* _i_ | `c` "
    "[x](javascript:alert(3)) {{ 7*7 }} {% if 1 %}jinja{% endif %} &amp; &lt;i&gt;"
)
# Valid but unusual text: closing XML markers, combining marks, a no-break space, an emoji
# sequence, closed direction controls and right-to-left letters at the end.
ODD = (
    " ]]> --> e\u0301 \u00a0 \U0001f469\u200d\U0001f469\u200d\U0001f467"
    " \u202bאב\u202c \u2067x\u2069 שלום"
)
ATTACK += ODD
BLOCK_ATTACK = (
    "---\n\n- <x-evil onerror=alert(4)>\n\n# <x-evil>\n\n[y](data:text/html,<x-evil>)"
    "\n\ncột\tcột\u2028dòng" + ODD
)


def _hostile_producer(data: dict[str, Any]) -> None:
    data["name"] = "HTX " + ATTACK
    data["address"].update(as_given=ATTACK, district=ATTACK)
    data["contacts"]["phones"] = ["0206 <x-evil> 3860"]
    data["description"] = BLOCK_ATTACK
    data["sources"] = [ATTACK]
    product = data["products"][0]
    product.update(
        name="Trà " + ATTACK,
        description=BLOCK_ATTACK,
        where_to_buy=[{"name": ATTACK, "address": ATTACK, "phone": ATTACK}],
    )
    cert = product["certifications"][0]
    cert["decision"].update(number=ATTACK, issuer=ATTACK)
    cert["revoked"] = {"date": "2026-01-05", "reason": ATTACK, "decision": ATTACK}


def _hostile_round(data: dict[str, Any]) -> None:
    data.update(
        title="Đợt " + ATTACK,
        body=ATTACK,
        reference=ATTACK,
        report=ATTACK,
        summary=BLOCK_ATTACK,
        findings=[ATTACK, BLOCK_ATTACK],
        recommendations=[{"to": ATTACK, "items": [ATTACK]}],
    )
    data["area"]["as_given"] = ATTACK
    entry = data["entries"][0]
    entry["checks"][0]["note"] = ATTACK
    entry.update(recommendations=[ATTACK], note=BLOCK_ATTACK)


def _rewrite(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("hostile"), data=FIXTURES / "base" / "data")
    _rewrite(root / "data/producers/cao-bang/htx-mau.yaml", _hostile_producer)
    _rewrite(root / "data/inspections/2025-06-01-mau.yaml", _hostile_round)
    settings = Settings(root=root, as_of=AS_OF)
    loaded = generate(settings)
    assert loaded.report.ok, loaded.report.format_text()
    build_site(settings)
    return root / "site"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        kind = dict(attrs).get("type") or "text/javascript"
        self._in_script = tag == "script" and "javascript" in kind  # not JSON-LD data

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def pages(site: Path) -> dict[str, _Page]:
    parsed = {}
    for path in site.rglob("*.html"):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[str(path.relative_to(site))] = page
    return parsed


def test_no_attack_becomes_markup(hostile_site: Path) -> None:
    for name, page in pages(hostile_site).items():
        assert "x-evil" not in page.tags, name
        assert not [a for a in page.attributes if a[0].startswith("on")], name
        hrefs = [v.lower() for k, v in page.attributes if k in {"href", "src"}]
        assert not [h for h in hrefs if h.startswith(("javascript:", "data:"))], name
        assert not any("alert(" in script for script in page.scripts), name


def test_attacks_read_as_text(hostile_site: Path) -> None:
    producer = pages(hostile_site)["danh-muc/chu-the/htx-mau/index.html"]
    text = " ".join(" ".join(producer.text).split())
    assert "HTX <script>alert(1)</script><x-evil onerror=alert(2)>*b* _i_ | `c`" in text
    assert "{{ 7*7 }} {% if 1 %}jinja{% endif %} &amp; &lt;i&gt;" in text
    assert "Đã thu hồi ngày 05/01/2026: <script>alert(1)</script>" in text
    title = next(t for t in producer.text if t.startswith("HTX"))
    assert title.startswith("HTX <script>")


def test_json_ld_keeps_attacks_as_data(hostile_site: Path) -> None:
    html = (hostile_site / "danh-muc/chu-the/htx-mau/index.html").read_text(encoding="utf-8")
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["@graph"][0]["name"] == "HTX " + ATTACK


def test_search_index_keeps_attacks_as_data(hostile_site: Path) -> None:
    folder = hostile_site / "danh-muc"
    files = {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in (folder / INDEX_FOLDER).iterdir()
    }
    assert any(row[1] == "Trà " + ATTACK for row in read_rows(files))


@pytest.mark.browser
def test_attacks_run_nothing_in_the_browser(browser: Any, hostile_site: Path) -> None:
    from tests.conftest import serve_folder

    url, server = serve_folder(hostile_site)
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in [
            "danh-muc/chu-the/htx-mau/",
            "danh-muc/kiem-tra/2025-06-01-mau/",
            "danh-muc/",
            "tim-kiem/?q=script+alert",
        ]:
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
        assert page.locator(".ocop-result__title").first.inner_text().startswith("Trà <script>")
        assert page.locator("x-evil").count() == 0
    finally:
        page.close()
        server.shutdown()
    assert dialogs == []


def test_every_xml_and_svg_file_is_well_formed(hostile_site: Path) -> None:
    """The Atom feed, the sitemap, the badges and QR codes parse as XML with every odd but
    valid character in the data (control characters are refused before they get there)."""
    files = sorted([*hostile_site.rglob("*.xml"), *hostile_site.rglob("*.svg")])
    assert {p.name for p in files} >= {"sitemap.xml", "huy-hieu.svg", "ma-qr.svg"}
    assert any(p.suffix == ".xml" and p.name != "sitemap.xml" for p in files)  # the feed
    for path in files:
        ET.parse(path)  # raises on a character or a construct XML does not allow
    feed = next(p for p in files if p.suffix == ".xml" and p.name != "sitemap.xml")
    assert "שלום" in feed.read_text(encoding="utf-8")


def test_right_to_left_data_is_isolated_and_never_in_an_attribute(hostile_site: Path) -> None:
    producer = pages(hostile_site)["danh-muc/chu-the/htx-mau/index.html"]
    assert "bdi" in producer.tags
    for name, page in pages(hostile_site).items():
        assert not [a for a in page.attributes if "<bdi" in a[1] or "&lt;bdi" in a[1]], name


RTL_NAME = "Trà Mẫu שלום"


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small catalogue with a product and its producer named partly in Hebrew."""
    root = copy_project(tmp_path_factory.mktemp("rtl"), data=FIXTURES / "base" / "data")
    path = root / "data/producers/cao-bang/htx-mau.yaml"
    text = path.read_text(encoding="utf-8").replace("name: Trà Mẫu", f"name: {RTL_NAME}")
    path.write_text(text.replace("name: Hợp tác xã Mẫu", "name: HTX שלום"), encoding="utf-8")
    settings = Settings(root=root, as_of=AS_OF)
    assert generate(settings).report.ok
    build_site(settings)
    return root / "site"


# Where the first digit of the site's own text after a link stands against the link's last
# line box: [on the same line, at or after its right edge].
_AFTER_LINK = """(link) => {
  const text = link.nextSibling;
  const range = document.createRange();
  const at = text.textContent.search(/[0-9]/);
  range.setStart(text, at);
  range.setEnd(text, at + 1);
  const digit = range.getBoundingClientRect();
  const boxes = link.getClientRects();
  const last = boxes[boxes.length - 1];
  return [Math.abs(digit.top - last.top) < 3, digit.left >= last.right - 0.5];
}"""
# How each element holding exactly `name` as its text is laid out: its unicode-bidi.
_ISOLATION = """(name) => [...document.querySelectorAll("main *")]
  .filter((node) => node.textContent === name)
  .map((node) => getComputedStyle(node).unicodeBidi)"""


@pytest.mark.browser
def test_right_to_left_names_do_not_reorder_the_site_labels(browser: Any, rtl_site: Path) -> None:
    from tests.conftest import serve_folder

    url, server = serve_folder(rtl_site)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        for path in ("danh-muc/kiem-tra/2025-06-01-mau/", "danh-muc/chu-the/htx-mau/"):
            page.goto(url + path)
            isolation = page.evaluate(_ISOLATION, RTL_NAME)
            assert isolation and "isolate" in isolation, path  # the name is laid out alone
        # the round page writes "<a>name</a> (4 sao)": the 4 stays after the name
        page.goto(url + "danh-muc/kiem-tra/2025-06-01-mau/")
        link = page.locator("td a", has_text=RTL_NAME)
        assert link.evaluate(_AFTER_LINK) == [True, True]
        # the search results built by the site's script isolate each piece of data
        page.goto(url + "tim-kiem/?q=tra+mau")
        result = page.locator(".ocop-result").first
        result.wait_for()
        data = result.locator("bdi")
        assert data.all_inner_texts() == [RTL_NAME, "HTX שלום", "Đồ uống", "Cao Bằng"]
        assert {b.evaluate("(n) => getComputedStyle(n).unicodeBidi") for b in data.all()} == {
            "isolate"
        }
        assert result.locator(".ocop-result__meta bdi").count() == 0  # the site's own words
    finally:
        page.close()
        server.shutdown()
