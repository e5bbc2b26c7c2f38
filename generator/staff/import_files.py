"""The files an import writes, all or none: every file is made in memory first, then written;
a write that fails (a full disk) takes back the files already written, so the project is left
as it was. A new file is written straight in the house layout (a whole province's list makes a
thousand new files, and ruamel.yaml would take most of the import's time) and, once written, is
checked from the values it was written from; a file that existed goes through ruamel.yaml, so
its comments and order stay, and replaces the old one only when it is whole."""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.load.yaml_reader import UNREADABLE, Document, document_of, plain_scalar
from generator.model.loading import collector_paused

if TYPE_CHECKING:
    from generator.staff.importer import Plan

# What JSON leaves as it is and YAML does not take in a quoted text: a character outside YAML's
# printable set (refused) or one YAML reads as a line break.
_ESCAPED = re.compile(f"{UNREADABLE.pattern}|[\x85\u2028\u2029]")
_PLAIN_KEY = re.compile(r"[a-z_][a-z0-9_]*")  # a field name; any other key (`no`: false) quoted


def yaml_lines(node: dict[str, Any], indent: int = 0) -> list[str]:
    """A new record as YAML lines in the house layout (lists indented by two, then "- "); text
    is always quoted (JSON strings are YAML), so no name is ever read as a number or a date."""
    pad = " " * indent
    lines = []
    for name, value in node.items():
        key = name if _PLAIN_KEY.fullmatch(name) and plain_scalar(name) == name else _scalar(name)
        if isinstance(value, dict) and value:
            lines.append(f"{pad}{key}:")
            lines += yaml_lines(value, indent + 2)
        elif isinstance(value, list) and value:
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict) and item:
                    inner = yaml_lines(item, indent + 4)
                    lines.append(f"{pad}  - {inner[0].lstrip()}")
                    lines += inner[1:]
                else:
                    lines.append(f"{pad}  - {_scalar(item)}")
        else:
            lines.append(f"{pad}{key}: {_scalar(value)}")
    return lines


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return _ESCAPED.sub(_escape, json.dumps(value, ensure_ascii=False))
    if isinstance(value, (dict, list)):  # an empty one (a full one has lines of its own)
        return "{}" if isinstance(value, dict) else "[]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return "null" if value is None else repr(value)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def loaded_form(node: Any) -> Any:
    """The values loading the lines `yaml_lines` writes gives back: text stays text, any other
    value is what its written form reads as (a date stays the text of the date, as loaded)."""
    if isinstance(node, dict):
        return {key: loaded_form(value) for key, value in node.items()}
    if isinstance(node, list):
        return [loaded_form(value) for value in node]
    return node if isinstance(node, str) else plain_scalar(_scalar(node))


def _contents(plan: Plan, root: Path) -> dict[Path, tuple[bytes, Document | None]]:
    """Every file's new bytes and, for a new file, the document it is."""
    from generator.staff.importer import round_trip_yaml

    yaml = round_trip_yaml()
    made: dict[Path, tuple[bytes, Document | None]] = {}
    for path, data in sorted(plan.files.items()):
        if path.exists():
            out = io.StringIO()
            yaml.dump(data, out)
            made[path] = (out.getvalue().encode("utf-8"), None)
        else:
            raw = ("\n".join(yaml_lines(data)) + "\n").encode("utf-8")
            made[path] = (raw, document_of(path, root, loaded_form(data)))
    return made


@collector_paused()
def write_plan(plan: Plan, root: Path) -> dict[Path, tuple[bytes, Document | None]]:
    """Write every changed file, all or none; each file written, with its bytes and (for a new
    file) the document it is, for the check that ends the import."""
    made = _contents(plan, root)
    for path, (_raw, doc) in made.items():
        _check_target(path, new=doc is not None)
    created: list[Path] = []
    replaced: dict[Path, bytes] = {}
    path = root
    try:
        for path, (raw, doc) in made.items():
            if doc is None:
                old = path.read_bytes()
                _swap(path, raw)
                replaced[path] = old
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.open("xb") as out:  # never over a file made since the plan
                    created.append(path)
                    out.write(raw)
    except OSError as error:
        _take_back(created, replaced)
        if not error.filename:  # a write that fails as its file is closed names no file
            error.filename = str(path)
        raise
    return made


def _check_target(path: Path, new: bool) -> None:
    """Raise, before any file is written, the error writing `path` would meet: a folder standing
    where the file goes, a file where one of its folders goes, a file to replace that is
    read-only (its mode, which even an administrator's write would not respect)."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(parent))
            break
    if not new and path.exists() and not path.stat().st_mode & stat.S_IWUSR:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))


def _swap(path: Path, raw: bytes) -> None:
    """Replace a file whole: the old one or the new one, never half of one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(raw)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _take_back(created: list[Path], replaced: dict[Path, bytes]) -> None:
    """The project as it was before a write failed: new files removed, old ones put back."""
    for path in created:
        path.unlink(missing_ok=True)
    for path, old in replaced.items():
        try:
            _swap(path, old)
        except OSError:
            pass  # the disk refuses even the old bytes: the error that stopped the run is told
