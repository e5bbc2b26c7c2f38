"""Hostile data in every text field builds into a site that shows every attack as plain text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.engine import build_site
from generator.output import generate
from generator.search import INDEX_FOLDER, read_rows
from generator.settings import Settings
from tests.conftest import AS_OF, FIXTURES, copy_project

ATTACK = (
    "<script>alert(1)</script><x-evil onerror=alert(2)>*b* _i_ | `c` "
    "[x](javascript:alert(3)) {{ 7*7 }} {% if 1 %}jinja{% endif %} &amp; &lt;i&gt;"
)
BLOCK_ATTACK = "---\n\n- <x-evil onerror=alert(4)>\n\n# <x-evil>\n\n[y](data:text/html,<x-evil>)"


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
