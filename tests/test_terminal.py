"""What the `ocop` command prints: control characters from the data shown escaped, never raw."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.terminal import printable
from tests.conftest import AS_OF, FIXTURES, REPO, overlay

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
DATE = ["--as-of", AS_OF.isoformat()]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07"),  # retitles the window
        ("\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H"),  # clears the screen
        ("tên\rghi đè", "tên\\x0dghi đè"),  # overwrites the line
        ("a\u202eb", "a\\u202eb"),  # reverses what follows
        ("\x9b31m", "\\x9b31m"),  # the one-byte CSI
        ("lone \ud800", "lone \\ud800"),  # no terminal can even write it
        ("Trà xanh\tTài Hồ Sìn\n", "Trà xanh\tTài Hồ Sìn\n"),  # tab and newline kept
    ],
)
def test_control_characters_are_shown_escaped(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_validate_and_report_print_no_raw_control_character(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    data = root / "data/producers/cao-bang/htx-mau.yaml"
    text = data.read_text(encoding="utf-8")
    hostile = text.replace("name: Hợp tác xã Mẫu", 'name: "HTX \\e]0;pwned\\a\\e[2J Mẫu"')
    data.write_text(hostile, encoding="utf-8")
    runner = CliRunner()
    for command in (["report"], ["report", "--format", "csv"], ["validate"]):
        result = runner.invoke(cli, [*command, "--root", str(root), *DATE])
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert not RAW.search(result.output), (command, result.output)
    # an unknown field named with an escape sequence: its name is quoted in the message
    data.write_text(text.replace("name:", '"nam\\e[2J":', 1), encoding="utf-8")
    for lang in ("vi", "en"):
        result = runner.invoke(cli, ["validate", "--root", str(root), "--lang", lang, *DATE])
        assert result.exit_code == 1 and "[unknown-field]" in result.output
        assert "\\x1b[2J" in result.output and not RAW.search(result.output)


def test_every_printer_goes_through_echo() -> None:
    """No module prints by itself: `terminal.echo` is the one way out to the terminal
    (bootstrap runs before the packages are installed and prints only its own words)."""
    for path in sorted((REPO / "generator").glob("*.py")):
        if path.name in {"terminal.py", "bootstrap.py"}:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                called = ast.unparse(node.func)
                assert called not in {"print", "click.echo", "click.secho"}, (path.name, called)
                assert not called.startswith(("sys.stdout", "sys.stderr")), (path.name, called)
