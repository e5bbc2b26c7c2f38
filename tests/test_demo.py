"""`ocop demo-data`: a deterministic synthetic catalogue that passes validation."""

from __future__ import annotations

import filecmp
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from generator.model.loading import load_catalogue
from generator.settings import Settings
from tests.conftest import AS_OF


def make(out: Path, seed: int = 7) -> str:
    result = CliRunner().invoke(
        cli,
        [
            "demo-data",
            "--producers",
            "60",
            "--seed",
            str(seed),
            "--out",
            str(out),
            "--as-of",
            AS_OF.isoformat(),
        ],
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_data_is_valid_and_deterministic(tmp_path: Path) -> None:
    assert make(tmp_path / "a").startswith("Đã tạo 60 chủ thể")
    make(tmp_path / "b")
    same = filecmp.dircmp(tmp_path / "a/data", tmp_path / "b/data")
    assert not same.diff_files and not same.left_only and not same.right_only
    loaded = load_catalogue(Settings(root=tmp_path / "a", as_of=AS_OF))
    assert loaded.report.ok, loaded.report.format_text()
    catalogue = loaded.catalogue
    assert len({p.province.id for p in catalogue.producers}) > 20
    assert {p.stars for _, p in catalogue.products()} == {3, 4, 5}
    statuses = {p.current.status.value for _, p in catalogue.products()}
    assert {"valid", "expired"} <= statuses
    assert catalogue.rounds
    assert all(1 <= len(r.entries) <= 20 for r in catalogue.rounds)
