"""Load YAML files into plain values; the line and column of every value and key are read when a
problem needs them."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.problems import Problem

try:  # libyaml's composer is several times faster; the pure-Python one gives the same nodes
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_RESOLVER = yaml.resolver.Resolver()


@functools.lru_cache(maxsize=1 << 12)
def _plain_tag(value: str) -> str:
    return _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The tag of an unquoted scalar depends on its text alone, and keys and many short values
    repeat in every file: each is worked out once."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode and implicit[0] and len(value) <= 64:
            return _plain_tag(value)
        return super().resolve(kind, value, implicit)


MAX_FILE_BYTES = 1_000_000
MAX_NODES = 100_000

Path_ = tuple[str | int, ...]
_SCALARS = yaml.constructor.SafeConstructor()
_KEEP_AS_TEXT = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}
_CONSTRUCTORS = {
    "tag:yaml.org,2002:null": lambda node: None,
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
}


@dataclass
class Document:
    """One loaded file: its data and where each value and key stands in it."""

    path: Path
    rel: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def __reduce__(self) -> tuple[Any, ...]:
        # Kept (and sent between processes) without the positions, most of its size: they are
        # read from the file again when a problem found later needs one.
        return _unpickled, (str(self.path), self.rel, self.data)

    def position(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or key) at `path`, else of its closest ancestor."""
        if not self.positions:
            self._locate()
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def _locate(self) -> None:
        try:
            node = yaml.compose(self.path.read_text(encoding="utf-8-sig"), Loader=_Loader)
            if node is not None:
                _Builder(self).build(node, ())
        except (OSError, UnicodeDecodeError, yaml.YAMLError, _TooManyNodes):
            pass  # changed since it was checked: the problem points at the file's start
        self.positions.setdefault((), (1, 1))

    def problem(self, path: Path_, code: str, key: bool = False, **params: Any) -> Problem:
        """A problem located at `path` in this document."""
        line, column = self.position(path, key=key)
        return Problem(self.rel, line, column, code, params, dotted(path))


def _unpickled(path: str, rel: str, data: Any) -> Document:
    return Document(Path(path), rel, data)


def dotted(path: Path_) -> str:
    """`products[0].certifications[1].stars` from a path tuple."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _TooManyNodes(Exception):
    """Raised when aliases expand a document past MAX_NODES."""


class _Builder:
    """Turn a composed node tree into plain values and, with `locate`, position tables."""

    def __init__(self, doc: Document, locate: bool = True) -> None:
        self.doc = doc
        self.locate = locate
        self.problems: list[Problem] = []
        self.count = 0

    def _at(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _problem(self, node: yaml.Node, code: str, path: Path_, **params: Any) -> None:
        line, column = self._at(node)
        self.problems.append(Problem(self.doc.rel, line, column, code, params, dotted(path)))

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooManyNodes
        if self.locate:
            self.doc.positions[path] = self._at(node)
        if node.tag.startswith("!") or (node.tag.startswith("tag:yaml.org,2002:python")):
            self._problem(node, "yaml-unsupported", path, reason="tag", tag=node.tag)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if node.tag in _KEEP_AS_TEXT:
            return node.value
        constructor = _CONSTRUCTORS.get(node.tag)
        return constructor(node) if constructor else node.value

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._problem(key_node, "yaml-unsupported", path, reason="merge")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                self._problem(
                    key_node, "yaml-key-not-text", path, key=getattr(key_node, "value", "?")
                )
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first_seen:
                self._problem(
                    key_node,
                    "yaml-duplicate-key",
                    (*path, key),
                    key=key,
                    first_line=first_seen[key],
                )
                continue
            first_seen[key] = line
            if self.locate:
                self.doc.key_positions[(*path, key)] = self._at(key_node)
            result[key] = self.build(value_node, (*path, key))
        return result


def _syntax_problem(rel: str, error: yaml.YAMLError, text: str) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = getattr(error, "problem", None) or str(error)
    if "\t" in problem or "'\\t'" in problem or "tab" in problem.lower():
        return Problem(rel, line, column, "yaml-tab", {})
    if line is not None:
        source_line = text.splitlines()[line - 1] if line - 1 < len(text.splitlines()) else ""
        if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
            return Problem(rel, line, column, "yaml-tab", {})
    context = getattr(error, "context", None)
    detail = f"{context}, {problem}" if context else problem
    return Problem(rel, line, column, "yaml-syntax", {"detail": detail})


def load_document(
    path: Path, root: Path, raw: bytes | None = None
) -> tuple[Document | None, list[Problem]]:
    """Load one YAML file (`raw`: its bytes, when already read); return the document (None if
    unusable) and its problems."""
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = str(path)
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as error:
        return None, [Problem(rel, None, None, "yaml-syntax", {"detail": error.strerror})]
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(rel, 1, 1, "file-too-large", {"size": len(raw), "limit": MAX_FILE_BYTES})
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(rel, line, None, "file-encoding", {})]
    doc = Document(path=path, rel=rel, data=None)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        return None, [_syntax_problem(rel, error, text)]
    if node is None:
        return None, [Problem(rel, 1, 1, "yaml-not-mapping", {"found": "empty"})]
    builder = _Builder(doc, locate=False)  # most files have no problem to place
    try:
        doc.data = builder.build(node, ())
    except _TooManyNodes:
        return None, [
            Problem(
                rel,
                1,
                1,
                "yaml-unsupported",
                {"reason": "too-many-nodes", "limit": MAX_NODES},
            )
        ]
    if not isinstance(doc.data, dict):
        found = "list" if isinstance(doc.data, list) else "scalar"
        builder.problems.append(Problem(rel, 1, 1, "yaml-not-mapping", {"found": found}))
        return None, builder.problems
    return doc, builder.problems
