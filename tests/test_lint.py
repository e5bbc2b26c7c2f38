"""The code follows the house lint and format rules (ruff, configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "generator", "tests", "bench"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )


def test_ruff_lint() -> None:
    result = ruff("check")
    assert result.returncode == 0, result.stdout


def test_ruff_format() -> None:
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout
