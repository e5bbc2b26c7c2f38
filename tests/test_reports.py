"""`ocop report`: lapsing and lapsed certificates, stale producers, overdue recommendations."""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import AS_OF, FIXTURES, REPO, overlay

DATE = ["--as-of", AS_OF.isoformat()]


def test_report_text_on_the_sample() -> None:
    result = CliRunner().invoke(cli, ["report", "--root", str(REPO), *DATE])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "== Chứng nhận hết hạn trong 90 ngày tới: 2"
    assert lines[1] == "   Hết hạn | Còn (ngày) | Sản phẩm | Chủ thể | Tỉnh | Quyết định"
    assert lines[2].startswith("   05/12/2026 | 11 | Khăn thổ cẩm Hồi Xuân")
    assert "== Chứng nhận đã hết hiệu lực (chưa đánh giá lại): 14" in lines
    assert "== Chủ thể chưa được kiểm tra trong 12 tháng: 13" in lines


def test_report_csv_with_an_overdue_recommendation(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    rounds = root / "data/inspections/2025-06-01-mau.yaml"
    rounds.write_text(
        rounds.read_text().replace(
            "    outcome: maintained\n",
            "    outcome: maintained-with-recommendations\n    deadline: 2025-09-01\n"
            "    recommendations: [Bổ sung tem truy xuất nguồn gốc]\n",
        )
    )
    out = tmp_path / "bao-cao.csv"
    result = CliRunner().invoke(
        cli,
        [
            "report",
            "--root",
            str(root),
            *DATE,
            "--within",
            "1200",
            "--months",
            "6",
            "--format",
            "csv",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert ["Chứng nhận hết hạn trong 1200 ngày tới"] in rows
    assert [
        "15/01/2028",
        "417",
        "Trà Mẫu",
        "Hợp tác xã Mẫu",
        "Cao Bằng",
        "100/QĐ-UBND (15/01/2025)",
    ] in rows
    assert ["01/06/2025", "Hợp tác xã Mẫu", "Cao Bằng"] in rows
    assert [
        "01/09/2025",
        "tỉnh Cao Bằng",
        "Hợp tác xã Mẫu",
        "Bổ sung tem truy xuất nguồn gốc",
    ] in rows


def test_report_page_on_the_site(sample_site: Path) -> None:
    page = (sample_site / "site/danh-muc/bao-cao/index.html").read_text(encoding="utf-8")
    assert "Chứng nhận hết hạn trong 90 ngày tới (2)" in page


def report_rows(page: Path) -> dict[str, set[tuple[str, ...]]]:
    """The rows of each list of a built report page, by the list's title."""
    text = page.read_text(encoding="utf-8")
    found: dict[str, set[tuple[str, ...]]] = {}
    for title, table in re.findall(
        r"<h2[^>]*>(.*?)\s*\(\d+\)<.*?(?:<table>(.*?)</table>|<p>)", text, re.S
    ):
        found[unescape(re.sub(r"<[^>]+>", "", title)).strip()] = {
            tuple(
                unescape(re.sub(r"<[^>]+>", "", cell)).strip()
                for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            )
            for row in re.findall(r"<tr>(.*?)</tr>", table or "", re.S)
            if "<td" in row
        }
    return found


def test_large_catalogue_report_is_split_by_province(sample_site: Path, split_site: Path) -> None:
    whole = report_rows(sample_site / "site/danh-muc/bao-cao/index.html")
    assert sum(map(len, whole.values())) > 10
    summary = (split_site / "site/danh-muc/bao-cao/index.html").read_text(encoding="utf-8")
    assert "<h2" not in summary  # counts per province only
    parts = sorted((split_site / "site/danh-muc/bao-cao").glob("*/index.html"))
    assert [p.parent.name for p in parts] == ["cao-bang", "thanh-hoa"]
    names = {"cao-bang": "Cao Bằng", "thanh-hoa": "Thanh Hóa"}
    joined: dict[str, list[tuple[str, ...]]] = {title: [] for title in whole}
    for part in parts:
        assert f'href="{part.parent.name}/"' in summary
        rows = report_rows(part)
        assert rows.keys() == whole.keys()
        for title, found in rows.items():
            joined[title] += found
            for row in found:  # a "Tỉnh" cell names the page's own province
                assert set(row) & set(names.values()) <= {names[part.parent.name]}
    assert {title: set(rows) for title, rows in joined.items()} == whole
    assert sum(map(len, joined.values())) == sum(map(len, whole.values()))  # each row once
