"""One build at a time in a project: a second one waits, or stops with a message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import lock
from generator.cli import cli
from tests.conftest import AS_OF, FIXTURES, REPO, copy_project, overlay

DATE = ["--as-of", AS_OF.isoformat()]
HOLD = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from generator.lock import project_lock\n"
    "with project_lock(Path(sys.argv[1])):\n"
    "    print('held', flush=True)\n"
    "    time.sleep(float(sys.argv[2]))\n"
)


def _holder(root: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the project's lock for `seconds`."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(root / ".cache"), str(seconds)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def test_a_second_command_waits_for_the_build_running(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    holder = _holder(root, 2)
    result = CliRunner().invoke(cli, ["generate", "--root", str(root), *DATE])
    assert result.exit_code == 0, result.output
    assert f"Một lệnh dựng khác đang chạy trong thư mục này (tiến trình {holder.pid})" in (
        result.output
    )
    assert holder.wait(timeout=30) == 0  # it had finished before this one went on


def test_a_second_build_stops_with_a_message_when_the_first_does_not_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.5)
    root = overlay(tmp_path, FIXTURES / "base")
    holder = _holder(root, 60)
    try:
        result = CliRunner().invoke(cli, ["build", "--root", str(root), *DATE])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert f"Một lệnh dựng khác vẫn đang chạy trong {root} (tiến trình {holder.pid}" in (
        result.output
    )
    assert not (root / "site").exists()


def test_two_real_builds_at_once_both_finish(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    ocop = Path(sys.executable).with_name("ocop")
    command = [str(ocop), "build", "--root", str(root), *DATE]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = [(run.wait(timeout=600), run.stderr.read() if run.stderr else "") for run in runs]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    assert not any("Traceback" in err for _, err in outcomes)
    assert any("Một lệnh dựng khác đang chạy" in err for _, err in outcomes)
    assert (root / "site/index.html").is_file()
