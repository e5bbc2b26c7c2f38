"""Load YAML files into plain values; the line and column of every value and key are read when a
problem needs them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.load import numbers
from generator.problems import Problem

try:  # libyaml's composer is several times faster; the pure-Python one gives the same nodes
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_RESOLVER = yaml.resolver.Resolver()


def _resolve_plain(value: str) -> str:
    """YAML 1.1's tag of an unquoted scalar, except for numbers: only decimal notation is one
    (`numbers`), and YAML 1.1's other number notations are text."""
    tag = numbers.decimal_tag(value) or _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    return _STR if tag in _NUMBER_TAGS and numbers.decimal_tag(value) is None else tag


_plain_tag = functools.lru_cache(maxsize=1 << 12)(_resolve_plain)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The tag of an unquoted scalar depends on its text alone, and keys and many short values
    repeat in every file: each is worked out once."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            return _plain_tag(value) if len(value) <= 64 else _resolve_plain(value)
        return super().resolve(kind, value, implicit)


MAX_FILE_BYTES = 1_000_000
MAX_NODES = 100_000
MAX_DEPTH = 32  # values nested deeper than any data file needs (they need 6)
# libyaml's composer recurses in C: nested deep enough (about 100,000 `[`) it overflows the stack
# and the process dies. Up to this many openers it is safe, and the builder refuses the depth.
_SAFE_OPENERS = 1_000

Path_ = tuple[str | int, ...]
_SCALARS = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_KEEP_AS_TEXT = {_STR, "tag:yaml.org,2002:timestamp"}
_NUMBER_TAGS = {numbers.INT_TAG, numbers.FLOAT_TAG}
_CONSTRUCTORS = {
    "tag:yaml.org,2002:null": lambda node: None,
    "tag:yaml.org,2002:bool": lambda node: _SCALARS.bool_values.get(node.value.lower(), node.value),
    numbers.INT_TAG: lambda node: numbers.read(node.value),
    numbers.FLOAT_TAG: lambda node: numbers.read(node.value),
}
# Characters the YAML reader refuses in a file (YAML 1.1's printable set, as PyYAML has it).
UNREADABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class Document:
    """One loaded file: its data and where each value and key stands in it."""

    path: Path
    rel: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # the text values holding a character that does not print (looked at by `characters`)
    unprintable: list[Path_] = field(default_factory=list)

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
        except (OSError, UnicodeDecodeError, yaml.YAMLError, _TooManyNodes, _TooDeep):
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


class _TooDeep(Exception):
    """Raised at the first value nested deeper than MAX_DEPTH."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line, self.column = line, column


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
        if len(path) > MAX_DEPTH:
            raise _TooDeep(*self._at(node))
        if self.locate:
            self.doc.positions[path] = self._at(node)
        if node.tag.startswith("!") or (node.tag.startswith("tag:yaml.org,2002:python")):
            self._problem(node, "yaml-unsupported", path, reason="tag", tag=node.tag)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        constructor = _CONSTRUCTORS.get(node.tag)
        value = constructor(node) if constructor else node.value
        if not self.locate and isinstance(value, str) and not value.isprintable():
            self.doc.unprintable.append(path)
        return value

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


def _position(text: str, index: int) -> tuple[int, int]:
    """Line and column of the character at `index`."""
    start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - start + 1


def _syntax_problem(rel: str, error: yaml.YAMLError, text: str) -> Problem:
    if isinstance(error, yaml.reader.ReaderError):  # a character no YAML file may hold
        found = UNREADABLE.search(text)
        if found:
            line, column = _position(text, found.start())
            return Problem(rel, line, column, "control-character", {"char": _code(found.group())})
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = getattr(error, "problem", None) or str(error)
    if "\t" in problem or "'\\t'" in problem or re.search(r"\btabs?\b", problem.lower()):
        return Problem(rel, line, column, "yaml-tab", {})
    if line is not None:
        source_line = text.splitlines()[line - 1] if line - 1 < len(text.splitlines()) else ""
        if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
            return Problem(rel, line, column, "yaml-tab", {})
    context = getattr(error, "context", None)
    detail = f"{context}, {problem}" if context else problem
    return Problem(rel, line, column, "yaml-syntax", {"detail": detail})


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def _too_deep(rel: str, text: str) -> Problem | None:
    """A problem at the first value nested deeper than MAX_DEPTH, found from the parser's
    events (it keeps no stack of its own, unlike the composer, which a deep enough file makes
    overflow)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH + 1:  # the document's own mapping is depth 1
                    mark = event.start_mark
                    return _deep_problem(rel, mark.line + 1, mark.column + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # the composer reports it
    return None


def _deep_problem(rel: str, line: int, column: int) -> Problem:
    return Problem(rel, line, column, "yaml-too-deep", {"limit": MAX_DEPTH})


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
    if text.count("[") + text.count("{") > _SAFE_OPENERS:  # the composer could overflow
        deep = _too_deep(rel, text)
        if deep:
            return None, [deep]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        return None, [_syntax_problem(rel, error, text)]
    except RecursionError:  # block nesting too deep for the pure-Python composer
        return None, [_too_deep(rel, text) or _deep_problem(rel, 1, 1)]
    if node is None:
        return None, [Problem(rel, 1, 1, "yaml-not-mapping", {"found": "empty"})]
    builder = _Builder(doc, locate=False)  # most files have no problem to place
    try:
        doc.data = builder.build(node, ())
    except _TooDeep as deep:
        return None, [_deep_problem(rel, deep.line, deep.column)]
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


def plain_scalar(text: str) -> Any:
    """What an unquoted scalar written as `text` loads as (a number, a boolean, None or text)."""
    tag = _plain_tag(text) if len(text) <= 64 else _resolve_plain(text)
    constructor = _CONSTRUCTORS.get(tag)
    return constructor(yaml.ScalarNode(tag, text)) if constructor else text


def document_of(path: Path, root: Path, data: dict[str, Any]) -> Document:
    """The document of a file just written from `data`, given as the plain values loading it
    gives: what `load_document` would return, without parsing the file again (the positions
    are read from the file when a problem needs one)."""
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = str(path)
    doc = Document(path=path, rel=rel, data=data)

    def walk(node: Any, at: Path_) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*at, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, (*at, i))
        elif isinstance(node, str) and not node.isprintable():
            doc.unprintable.append(at)

    walk(data, ())
    return doc
