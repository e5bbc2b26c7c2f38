"""Every command has help with an example, and the README documents it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


COMMANDS = sorted(
    [name] + [f"{name} {sub}" for sub in getattr(command, "commands", {})]
    for name, command in cli.commands.items()
)
COMMANDS = sorted(name for group in COMMANDS for name in group)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_and_example(name: str) -> None:
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0
    assert "Ví dụ: ocop" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented_in_readme(name: str) -> None:
    assert f"ocop {name}" in README


def test_every_problem_code_is_documented() -> None:
    from generator.messages import MESSAGES

    guide = (REPO / "content" / "huong-dan" / "du-lieu.md").read_text(encoding="utf-8")
    codes = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
    missing = [code for code in MESSAGES if f"`{code}`" not in codes + guide]
    assert missing == []
