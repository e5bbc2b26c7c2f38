"""Which characters the data's text may hold. Refused everywhere: control characters (U+0000 to
U+001F, U+007F to U+009F), noncharacters (U+FFFE, U+FFFF and the other 64) and lone surrogates,
which no XML file (the Atom feed, the SVG badges) may carry and no page shows; tab and line
breaks are allowed in multi-line text only (the schemas mark it `x-multiline`). Bidirectional
controls (U+202A to U+202E, U+2066 to U+2069) must be closed within their paragraph, else they
reverse the text that follows them."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from generator.load.schema import inline, load_schema, resolve
from generator.load.yaml_reader import Document, Path_
from generator.problems import Problem

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_ALWAYS = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS
_LINE_BREAKS = "\t\n\u2028\u2029"
_IN_LINE = re.compile(f"[{_ALWAYS}{_LINE_BREAKS}]")
_IN_PARAGRAPHS = re.compile(f"[{_ALWAYS}]")

# Bidirectional controls: the openers and what closes each; a paragraph break closes them all.
_EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO, closed by PDF (U+202C)
_ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI, closed by PDI (U+2069)
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\n\u2029]")


def code_point(char: str) -> str:
    """`U+0007` for a character."""
    return f"U+{ord(char):04X}"


def bad_character(text: str, multiline: bool) -> str | None:
    """The first character `text` may not hold, if any."""
    found = (_IN_PARAGRAPHS if multiline else _IN_LINE).search(text)
    return found.group() if found else None


def unclosed_bidi(text: str) -> str | None:
    """The first bidirectional control left open at the end of its paragraph, or closing
    nothing; None when every one is closed."""
    stack: list[str] = []
    for found in _BIDI.finditer(text):
        char = found.group()
        if char in _EMBEDDINGS or char in _ISOLATES:
            stack.append(char)
        elif char == "\u202c":  # PDF closes the latest embedding, never across an isolate
            if not stack or stack[-1] not in _EMBEDDINGS:
                return char
            stack.pop()
        elif char == "\u2069":  # PDI closes the latest isolate and what was opened inside it
            if stack and stack[-1] in _EMBEDDINGS:
                return stack[-1]
            if not stack:
                return char
            stack.pop()
        elif stack:  # a paragraph break with controls still open
            return stack[0]
    return stack[0] if stack else None


@functools.cache
def _text_fields(name: str) -> dict[tuple[str | None, ...], bool]:
    """The free-text fields of a schema (strings with no pattern, format or list of values):
    their path, with None for any list index, and whether they may span lines."""
    root = load_schema(name)
    fields: dict[tuple[str | None, ...], bool] = {}

    def walk(node: Any, path: tuple[str | None, ...]) -> None:
        node = resolve(node, root) if isinstance(node, dict) else {}
        if node.get("type") == "string" and not {"pattern", "format", "enum"} & set(node):
            fields[path] = bool(node.get("x-multiline"))
        for key, child in node.get("properties", {}).items():
            walk(child, (*path, key))
        if "items" in node:
            walk(node["items"], (*path, None))

    walk(inline(root, root), ())
    return fields


def check(doc: Document, name: str) -> Iterator[Problem]:
    """A problem for each free-text value of `doc` (of schema `name`) holding a character it
    may not; only the values the loader found unprintable are looked at."""
    fields = _text_fields(name)
    for path in doc.unprintable:
        multiline = fields.get(_general(path))
        if multiline is None:
            continue  # not free text: its own check (an ID's pattern, a date's format) refuses it
        value = _value_at(doc.data, path)
        if not isinstance(value, str):
            continue
        char = bad_character(value, multiline)
        if char is not None:
            yield doc.problem(path, "control-character", char=code_point(char))
            continue
        char = unclosed_bidi(value)
        if char is not None:
            yield doc.problem(path, "bidi-unclosed", char=code_point(char))


def _general(path: Path_) -> tuple[str | None, ...]:
    return tuple(None if isinstance(part, int) else part for part in path)


def _value_at(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
