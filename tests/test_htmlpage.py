"""Generated pages whose body is HTML: their table of contents, ids and links, as the engine
would have found them in Markdown, and links checked as strictly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.render.htmlpage import (
    Link,
    anchors_and_links,
    is_html_page,
    read_html_page,
    toc_tokens,
)
from generator.render.pages import Anchors
from generator.settings import Settings
from tests.conftest import AS_OF, copy_project

BODY = """<h1 id="htx">HTX &#60;Mẫu&#62;</h1>
<p><a href="../../dia-phuong/cao-bang/">tỉnh</a> <a href="#tra">trà</a>
<a href="https://shop.vn/a?b=1&amp;c=2">shop</a> <a href="tel:0206">gọi</a>
<img src="tra/huy-hieu.svg" alt=""> <a href="../../../sao-ocop/#hang">sao</a></p>
<h2 id="san-pham">Sản phẩm</h2>
<h3 id="tra">Trà</h3><span id="tra-cu"></span>
<h3 id="mien">Miến</h3>
<h2 id="lien-he">Liên hệ</h2>
"""


def test_headings_become_a_nested_table_of_contents() -> None:
    [top] = toc_tokens(BODY)
    assert (top["level"], top["id"], top["name"]) == (1, "htx", "HTX &#60;Mẫu&#62;")
    assert [t["id"] for t in top["children"]] == ["san-pham", "lien-he"]
    assert [t["id"] for t in top["children"][0]["children"]] == ["tra", "mien"]


def test_ids_and_links_inside_the_site_resolved_against_the_page_address() -> None:
    ids, found = anchors_and_links(BODY, "danh-muc/chu-the/htx-mau/")
    assert ids == {"htx", "san-pham", "tra", "tra-cu", "mien", "lien-he"}
    assert found == [
        Link("../../dia-phuong/cao-bang/", "danh-muc/dia-phuong/cao-bang", ""),
        Link("#tra", "", "tra"),
        Link("tra/huy-hieu.svg", "danh-muc/chu-the/htx-mau/tra/huy-hieu.svg", ""),
        Link("../../../sao-ocop/#hang", "sao-ocop", "hang"),
    ]  # other sites, tel: and mailto: are not the engine's to check


def test_heading_ids_are_those_the_markdown_engine_made() -> None:
    anchor = Anchors(taken=["tra"])
    assert anchor("Sản phẩm OCOP") == "san-pham-ocop"
    assert anchor("Sản phẩm OCOP") == "san-pham-ocop_1"
    assert anchor("Trà") == "tra_1"  # an id already taken gets a suffix
    assert anchor("HTX <b>Đồng</b> & co") == "htx-bongb-co"  # data is text, "tags" too


def test_broken_links_in_a_generated_html_page_stop_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from generator.generate.run import generate
    from generator.publish.build import SiteBuildError, build_site

    settings = Settings(root=copy_project(tmp_path), as_of=AS_OF)
    assert generate(settings).report.ok
    page = settings.generated_dir / "chu-the" / "ha-bun-kho-co-luyen" / "index.md"
    text = page.read_text(encoding="utf-8")
    assert is_html_page(text)
    broken = '<p><a href="#khong-co">a</a> <a href="../../khong-co/">b</a></p>\n'
    page.write_text(text + broken, encoding="utf-8")
    with pytest.raises(SiteBuildError, match="strict"):
        build_site(settings)
    assert "'#khong-co', but there is no such anchor on this page" in caplog.text
    assert "'../../khong-co/', but the target 'danh-muc/khong-co' is not found" in caplog.text


def test_a_producer_page_built_from_html_has_its_table_of_contents(sample_site: Path) -> None:
    page = sample_site / "site/danh-muc/chu-the/ha-htx-che-tai-ho-sin/index.html"
    html = page.read_text(encoding="utf-8")
    toc = html[html.index('data-md-component="toc"') : html.index("<article")]
    for anchor in ("san-pham-ocop", "tra-xanh-tai-ho-sin", "lich-su-kiem-tra", "quang-ba"):
        assert f'href="#{anchor}"' in toc, anchor
    # the products are nested under their section, as in Material's own table of contents
    products = re.search(
        r'href="#san-pham-ocop".*?<nav class="md-nav" aria-label="Sản phẩm OCOP">\s*'
        r'<ul class="md-nav__list">(.*?)</ul>',
        toc,
        re.S,
    )
    assert products and 'href="#tra-xanh-tai-ho-sin"' in products[1]
    assert 'href="#lich-su-kiem-tra"' not in products[1]
    assert html.count("<h1") == 1 and "ocop_body" not in html


@pytest.mark.parametrize(
    "golden", ["producer-ha-htx-che-tai-ho-sin.html", "round-2024-01-23-quan-hoa.html"]
)
def test_front_matter_read_fast_is_what_yaml_reads(golden: str) -> None:
    text = (Path(__file__).parent / "golden" / golden).read_text(encoding="utf-8")
    meta, body = read_html_page(text)  # type: ignore[misc]
    front, rest = text[4:].split("\n---\n", 1)
    assert meta == yaml.safe_load(front) and body == rest
    assert read_html_page(text.replace('title: "', "title: ", 1)) is None  # not as written: YAML
