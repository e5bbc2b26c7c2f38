"""The JSON Schemas of the data files, and their errors turned into positioned problems."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from generator.load import numbers
from generator.load.yaml_reader import Document
from generator.messages import suggestion_params
from generator.problems import Problem

SCHEMA_DIR = Path(__file__).parent / "schemas"
SCHEMAS = ("producer", "inspection")
# Checked with fullmatch: Python's `$` also matches before a final newline.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EMAIL = re.compile(r"[^@\s<>\"',;]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")

FORMATS = FormatChecker(formats=())


@FORMATS.checks("date")
def is_date(value: object) -> bool:
    """An ISO date that exists in the calendar."""
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return not isinstance(value, str)
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@FORMATS.checks("url")
def is_url(value: object) -> bool:
    """An absolute http(s) address with a host and no spaces."""
    if not isinstance(value, str):
        return True
    if not value.isprintable() or " " in value:  # urlsplit drops tabs and line breaks
        return False
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and "." in parts.netloc


@FORMATS.checks("email")
def is_email(value: object) -> bool:
    """A plain address such as name@domain.vn."""
    return not isinstance(value, str) or bool(_EMAIL.fullmatch(value))


FORMAT_CODES = {"date": "bad-date", "url": "bad-url", "email": "bad-email"}


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one kind of data file ("producer" or "inspection")."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def python_patterns(node: Any) -> Any:
    """The schema with each `pattern` as Python must read it: a schema's patterns are
    ECMA-262, where `$` ends the text, while Python's `$` also matches before a final newline
    (and both checkers search rather than match), so a final `$` becomes `\\Z`."""
    if isinstance(node, dict):
        return {
            k: _end_anchored(v) if k == "pattern" else python_patterns(v) for k, v in node.items()
        }
    if isinstance(node, list):
        return [python_patterns(item) for item in node]
    return node


def _end_anchored(pattern: str) -> str:
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        return pattern[:-1] + "\\Z"
    return pattern


def inline(node: Any, root: dict[str, Any]) -> Any:
    """The schema with every local `$ref` replaced by its target (ours have no cycles); checking
    against it is much faster than resolving references for every value."""
    if isinstance(node, dict):
        node = resolve(node, root)
        return {k: inline(v, root) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [inline(item, root) for item in node]
    return node


@functools.cache
def validator(name: str) -> Draft202012Validator:
    """The checker that reports every error of a document, with its place in the schema."""
    schema = load_schema(name)
    return Draft202012Validator(python_patterns(inline(schema, schema)), format_checker=FORMATS)


_FAST_FORMATS = {"date": is_date, "url": is_url, "email": is_email}
_FAST_SKIPS = {"$schema", "$id"}  # our schemas use no keyword beyond draft 7 once inlined


@functools.cache
def fast_validator(name: str) -> Any:
    """The same schema compiled to Python code (fastjsonschema): it stops at the first error,
    but tells a valid document many times faster. Only a document it rejects goes through the
    full checker, which finds every error and where each one is."""
    schema = load_schema(name)
    inlined = python_patterns(inline(schema, schema))
    compiled = {k: v for k, v in inlined.items() if k not in _FAST_SKIPS}
    return fastjsonschema.compile(compiled, formats=_FAST_FORMATS, use_default=False)


def is_valid(data: Any, name: str) -> bool:
    """True when the document meets its schema (the compiled check); False also when the
    compiled check cannot tell (the full checker then looks at it)."""
    try:
        fast_validator(name)(data)
    except Exception:  # a rejection, or a value it cannot handle
        return False
    return True


def resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref`, keeping the referring node's own keywords on top."""
    while "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def labels(name: str, *path: str) -> dict[str, str]:
    """The `x-labels` of an enum field, found by its property path (lists are stepped into)."""
    return dict(_labels(name, path))


def _node(name: str, path: tuple[str, ...]) -> dict[str, Any]:
    """The schema node at a property path, lists stepped into."""
    root = load_schema(name)
    node = resolve(root, root)
    for part in path:
        while "items" in node and "properties" not in node:
            node = resolve(node["items"], root)
        node = resolve(node["properties"][part], root)
    return node


@functools.cache
def _labels(name: str, path: tuple[str, ...]) -> dict[str, str]:
    return _node(name, path).get("x-labels", {})


def _properties(name: str, path: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """The properties of the object at a path (the object of a list's items for a list)."""
    root = load_schema(name)
    node = _node(name, path)
    while "items" in node and "properties" not in node:
        node = resolve(node["items"], root)
    return {field: resolve(child, root) for field, child in node.get("properties", {}).items()}


def is_plain(node: dict[str, Any]) -> bool:
    """A field holding one text, number, truth value or choice: what the model carries and the
    open data writes by the field's name, with no code of its own."""
    return node.get("type") in {"string", "number", "integer", "boolean"} or (
        "enum" in node and "type" not in node
    )


@functools.cache
def plain_fields(name: str, *path: str) -> tuple[str, ...]:
    """The plain fields (`is_plain`) of the object at a path, in schema order."""
    return tuple(f for f, node in _properties(name, path).items() if is_plain(node))


@functools.cache
def open_data_fields(name: str, *path: str) -> tuple[tuple[str, str | None], ...]:
    """The fields of the object at a path that the open data publishes (`x-open-data`), in
    schema order, each with its heading in the open-data CSV (`x-csv`) or None."""
    return tuple(
        (field, node.get("x-csv"))
        for field, node in _properties(name, path).items()
        if node.get("x-open-data")
    )


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def _short(value: Any) -> str:
    """The value as a message shows it: shortened, and a character that does not print (a
    line break, a control) written as its escape, so the message stays on its line."""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    text = text if len(text) <= 40 else text[:37] + "…"
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _field(path: tuple[str | int, ...]) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else ""


def describe(name: str, pointer: str, field: str) -> str:
    """The `description` of `field` in the object at `pointer` (slash-separated) of a schema
    as checked (its references inlined); the field's name when it has none."""
    node: Any = validator(name).schema
    try:
        for part in filter(None, pointer.split("/")):
            node = node[int(part)] if isinstance(node, list) else node[part]
        return str(node["properties"][field].get("description", field))
    except (KeyError, IndexError, ValueError, TypeError):
        return field


def _problems(
    doc: Document, error: ValidationError, root: dict[str, Any], name: str
) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    schema = resolve(error.schema, root) if isinstance(error.schema, dict) else {}
    kind = error.validator
    if kind == "required":
        pointer = "/".join(map(str, list(error.schema_path)[:-1]))  # the object's schema
        for missing in error.validator_value:
            if isinstance(error.instance, dict) and missing not in error.instance:
                parent = {"parent": _field(path)} if path else {}
                problem = doc.problem(
                    path, "missing-field", field=missing, schema=name, pointer=pointer, **parent
                )
                yield Problem(
                    problem.file,
                    problem.line,
                    problem.column,
                    problem.code,
                    problem.params,
                    f"{problem.path}.{missing}".lstrip("."),
                )
    elif kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        for key in error.instance:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                yield doc.problem(
                    (*path, key),
                    "unknown-field",
                    key=True,
                    field=key,
                    allowed=", ".join(allowed),
                    **suggestion_params(close[0] if close else None),
                )
    elif kind == "type":
        expected = error.validator_value
        expected = expected[0] if isinstance(expected, list) else expected
        decimal = numbers.decimal_for(error.instance) if isinstance(error.instance, str) else None
        if expected in {"integer", "number"} and decimal is not None:
            yield doc.problem(
                path,
                "number-notation",
                field=_field(path),
                value=_short(error.instance),
                decimal=decimal,
            )
            return
        code = schema.get("x-code-type", "wrong-type")
        yield doc.problem(
            path,
            code,
            field=_field(path),
            value=_short(error.instance),
            expected=expected,
            actual=_type_of(error.instance),
        )
    elif kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        close = difflib.get_close_matches(str(error.instance), allowed, n=1, cutoff=0.5)
        yield doc.problem(
            path,
            "bad-value",
            field=_field(path),
            value=_short(error.instance),
            allowed=", ".join(allowed),
            **suggestion_params(close[0] if close else None),
        )
    elif kind == "format":
        code = FORMAT_CODES.get(error.validator_value, "bad-value")
        yield doc.problem(path, code, field=_field(path), value=_short(error.instance))
    elif kind in {"minimum", "maximum"}:
        code = schema.get("x-code", "out-of-range")
        bounds = f"{schema.get('minimum', '')}–{schema.get('maximum', '')}"
        yield doc.problem(
            path, code, field=_field(path), value=_short(error.instance), bounds=bounds
        )
    elif kind in {"minLength", "minItems"}:
        yield doc.problem(path, "empty", field=_field(path))
    elif kind == "pattern":
        yield doc.problem(
            path,
            schema.get("x-code", "bad-value"),
            field=_field(path),
            value=_short(error.instance),
            allowed=error.validator_value,
        )
    else:
        yield doc.problem(
            path,
            "bad-value",
            field=_field(path),
            value=_short(error.instance),
            allowed=error.message,
        )


def check_schema(doc: Document, name: str) -> list[Problem]:
    """Every schema problem of one document."""
    if is_valid(doc.data, name):
        return []
    checker = validator(name)
    root = checker.schema
    problems: list[Problem] = []
    for error in checker.iter_errors(doc.data):
        problems.extend(_problems(doc, error, root, name))
    return problems
