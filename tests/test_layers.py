"""The package layout is the pipeline: a stage imports only from itself, from earlier stages and
from the shared modules, never from a later stage (read from the source, so no import is missed)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# The stages in pipeline order; a module imports from its own stage or an earlier one.
STAGES = [
    "load",
    "reference",
    "check",
    "model",
    "drawings",
    "render",
    "generate",
    "publish",
    "staff",
]
# Shared by every stage: they import from no stage.
SHARED = {
    "settings",
    "problems",
    "messages",
    "text",
    "urls",
    "parallel",
    "cache",
    "plaincache",
    "lock",
    "csvcells",
    "terminal",
    "diskerrors",
}
# Imports that run against the order, each with its reason (none may be added without one).
EXCEPTIONS = {
    ("generator.messages", "generator.load.schema"): (
        "a missing field's hint quotes the field's description from its schema, read only when "
        "the message is shown"
    ),
}
# The entry points, above every stage.
ENTRY = {"cli", "bootstrap", "__init__"}


def _place(module: str) -> int | None:
    """The rank of `generator.<...>` in the pipeline: -1 shared, len(STAGES) entry points,
    None outside the package."""
    parts = module.split(".")
    if parts[0] != "generator":
        return None
    if len(parts) == 1 or parts[1].startswith("__"):
        return -1  # the package itself: `from generator import __version__`
    head = parts[1]
    if head in STAGES:
        return STAGES.index(head)
    if head in SHARED:
        return -1
    if head in ENTRY:
        return len(STAGES)
    raise AssertionError(f"generator.{head} belongs to no stage: add it to a stage or SHARED")


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    return ".".join(rel.parts).removesuffix(".__init__")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "generator":  # `from generator import render`
                found.extend((node.lineno, f"generator.{a.name}") for a in node.names)
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names)
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_place() -> None:
    for path in MODULES:
        _place(_module_name(path))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_no_stage_imports_from_a_later_one(path: Path) -> None:
    assert backward_imports(path, _module_name(path)) == []


def backward_imports(path: Path, name: str) -> list[str]:
    """The imports of module `name` (at `path`) from a later stage, as `file:line: module`."""
    own = _place(name)
    assert own is not None
    return [
        f"{path.name}:{line}: {module}"
        for line, module in _imports(path)
        if (rank := _place(module)) is not None and rank > own and (name, module) not in EXCEPTIONS
    ]


def test_the_check_catches_a_backward_import(tmp_path: Path) -> None:
    """The rule itself: a drawing module importing the renderer, or a shared module importing a
    stage, even inside a function, is found; an import from an earlier stage is not."""
    module = tmp_path / "badges.py"
    module.write_text(
        "from generator.model.catalogue import Catalogue\n"
        "def draw():\n    from generator.render.pages import stars\n",
        encoding="utf-8",
    )
    assert backward_imports(module, "generator.drawings.badges") == [
        "badges.py:3: generator.render.pages"
    ]
    assert backward_imports(module, "generator.text") == [
        "badges.py:1: generator.model.catalogue",
        "badges.py:3: generator.render.pages",
    ]
