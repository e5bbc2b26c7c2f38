"""`ocop report`: lapsing and lapsed certificates, stale producers, overdue recommendations."""

from __future__ import annotations

import csv
import io
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
    assert lines[1].startswith("   05/12/2026 | 11 | Khăn thổ cẩm Hồi Xuân")
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
