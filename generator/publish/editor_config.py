"""The browser editor's configuration (Decap CMS), generated from the JSON Schemas of the data
and the reference data: one form field for every schema field, with the schema's wording."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.load.schema import _EMAIL, inline, load_schema
from generator.messages import render_hint, render_message
from generator.reference.data import Reference

# Fields whose text runs to sentences get a multi-line box; every other text is one line.
LONG_TEXT = frozenset({"description", "summary", "note", "text", "reason"})
# Codes whose fix hint makes sense in a form (the others speak of YAML syntax).
HINT_IN_FORM = frozenset({"bad-id", "bad-url", "bad-email"})
REQUIRED_WHEN_FILLED = "Bắt buộc khi điền mục này."
URL_PATTERN = r"^https?://[^\s/]+\.[^\s]+$"
DATE_FORMAT = "YYYY-MM-DD"  # what the data holds (ISO); the picker shows the browser's format
# A list's "Thêm …" button names one item; the schema names the whole list.
ITEM_LABELS = {
    ("aliases",): "mã cũ",
    ("contacts", "phones"): "số điện thoại",
    ("photos",): "ảnh",
    ("sources",): "văn bản nguồn",
    ("products",): "sản phẩm",
    ("products", "aliases"): "mã cũ",
    ("products", "photos"): "ảnh",
    ("products", "where_to_buy"): "nơi bán",
    ("products", "certifications"): "lần công nhận",
    ("findings",): "tồn tại, hạn chế",
    ("recommendations",): "nhóm đề nghị",
    ("recommendations", "items"): "đề nghị",
    ("entries",): "chủ thể được kiểm tra",
    ("entries", "checks"): "nội dung kiểm tra",
    ("entries", "recommendations"): "kiến nghị",
    ("entries", "responses"): "phản hồi",
}
# Lists of the record's own field paths the site marks ("minh họa", "suy ra").
MARKS = ("illustrative", "derived")
# Closed list items whose name alone says little.
SUMMARIES = {
    ("products", "certifications"): "{{fields.stars}} sao, ngày {{fields.decision.date}}",
    ("entries",): "Chủ thể {{fields.producer}}: {{fields.outcome}}",
    ("entries", "checks"): "Nội dung {{fields.check}}: {{fields.result}}",
}
# Where the data files are is the build's business, not a form's: a hint naming a file such
# as "(data/reference/…yaml)" is dropped (the select already lists the reference values).
FILE_NOTE = re.compile(r"\s*\([^()]*\.ya?ml\)")


def form_message(code: str) -> str:
    """The wording `ocop validate` uses for a refused value, without the value itself."""
    message = render_message(code, {"value": ""})
    message = re.sub(r"\s*''\s*", " ", message).replace("  ", " ").strip()
    if code in HINT_IN_FORM:
        message = f"{message}. {render_hint(code, {})}"
    return message


def label_and_hint(description: str | None, name: str) -> tuple[str, str]:
    """A short label (the description up to its first `;` or parenthesis) and, when that cut
    something off, the whole description as the hint."""
    if not description:
        return name, ""
    description = FILE_NOTE.sub("", description)
    label = re.split(r"\s*[;(]", description, maxsplit=1)[0].strip() or description
    return label, ("" if label == description else description)


def field_paths(node: dict[str, Any], prefix: str = "") -> Iterator[str]:
    """Every property path of an inlined schema (lists stepped into), e.g. `products.name`."""
    while node.get("type") == "array" and isinstance(node.get("items"), dict):
        node = node["items"]
    for name, child in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        yield path
        yield from field_paths(child, f"{path}.")


class FormBuilder:
    """Turns an inlined JSON Schema into Decap CMS fields, with selects from reference data."""

    def __init__(self, reference: Reference) -> None:
        self.reference = reference

    def fields(self, node: dict[str, Any], path: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        """The form fields of an object's properties, in the schema's order."""
        required = set(node.get("required", ()))
        return [
            self.field(name, child, (*path, name), name in required)
            for name, child in node.get("properties", {}).items()
        ]

    def field(
        self, name: str, node: dict[str, Any], path: tuple[str, ...], required: bool
    ) -> dict[str, Any]:
        """One form field: label, hint, required flag and the widget the schema calls for."""
        label, hint = label_and_hint(node.get("description"), name)
        field: dict[str, Any] = {"name": name, "label": label}
        if hint:
            field["hint"] = hint
        field["required"] = required
        field.update(self.widget(name, node, path))
        if not required and field["widget"] == "object":
            # The form checks required fields even in an object left empty, so an optional
            # object's own required fields are checked by `ocop validate` instead.
            _loosen(field["fields"])
        return field

    def widget(self, name: str, node: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
        """The widget and its options for one schema node."""
        special = self.reference_widget(name, path)
        if special:
            return special
        if "enum" in node:
            labels = node.get("x-labels", {})
            options = [{"label": labels.get(v, v), "value": v} for v in node["enum"]]
            return {"widget": "select", "options": options}
        kind = node.get("type")
        if kind == "object":
            return {"widget": "object", "collapsed": False, "fields": self.fields(node, path)}
        if kind == "array":
            return self.list_widget(name, node, path)
        if kind == "boolean":
            return {"widget": "boolean", "default": False}
        if kind in {"integer", "number"}:
            return self.number_widget(node)
        return self.string_widget(name, node)

    def reference_widget(self, name: str, path: tuple[str, ...]) -> dict[str, Any] | None:
        """Selects whose options are reference data or other records, not schema enums."""
        if name == "province" and len(path) == 2:
            options = [
                {"label": p.name, "value": p.id}
                for p in sorted(self.reference.provinces.values(), key=lambda p: p.name)
            ]
            return {"widget": "select", "options": options}
        if path == ("address", "commune"):  # not `address.former`: old units are text
            # Thousands of communes: one select that filters as you type, each commune named
            # with its province because names repeat across provinces.
            options = [
                {"label": f"{c.name} ({p.name})", "value": c.id}
                for p in sorted(self.reference.provinces.values(), key=lambda p: p.name)
                for c in sorted(p.communes.values(), key=lambda c: c.name)
            ]
            return {"widget": "select", "options": options}
        if name == "group" and path[0] == "products":
            return {"widget": "select", "options": self.group_options()}
        if name == "criteria" and path[0] == "products":
            options = [
                {"label": c.name, "value": c.id}
                for c in sorted(
                    self.reference.criteria.values(), key=lambda c: c.effective_from, reverse=True
                )
            ]
            return {"widget": "select", "options": options}
        if name == "producer" and path[0] == "entries":
            return {
                "widget": "relation",
                "collection": "producers",
                "value_field": "id",
                "search_fields": ["name", "id"],
                "display_fields": ["name"],
                "options_length": 50,
            }
        if name == "products" and path[0] == "entries":
            return {
                "widget": "relation",
                "collection": "producers",
                "value_field": "products.*.id",
                "search_fields": ["products.*.name", "products.*.id"],
                "display_fields": ["products.*.name"],
                "multiple": True,
                "options_length": 50,
            }
        return None

    def group_options(self) -> list[dict[str, str]]:
        """Product groups, each named with the criteria sets that define it (newest first)."""
        sets = sorted(
            self.reference.criteria.values(), key=lambda c: c.effective_from, reverse=True
        )
        options = []
        for group_id, group_name in self.reference.all_groups().items():
            where = ", ".join(
                c.id.upper().replace("-", " ", 1) for c in sets if group_id in c.groups
            )
            options.append({"label": f"{group_name} ({where})", "value": group_id})
        return options

    def list_widget(self, name: str, node: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
        """A list: of objects (a sub-form per item), of choices, or of single values."""
        items = node.get("items", {})
        widget: dict[str, Any] = {"widget": "list"}
        if path in ITEM_LABELS:
            widget["label_singular"] = ITEM_LABELS[path]
        if node.get("minItems"):
            widget["min"] = node["minItems"]
        if name in MARKS:
            # The fields this record could mark as illustrative or derived, a multiple choice.
            return {"widget": "select", "multiple": True, "options": list(self.marked_fields(path))}
        if items.get("type") == "object":
            widget["fields"] = self.fields(items, path)
            widget["collapsed"] = True
            widget["summary"] = SUMMARIES.get(path) or self.summary(path, items)
            return widget
        item_field = {"name": name, "label": label_and_hint(node.get("description"), name)[0]}
        item_field.update(self.widget(name, items, path))
        widget["field"] = item_field
        return widget

    def summary(self, path: tuple[str, ...], items: dict[str, Any]) -> str:
        """What a closed item shows: its kind and its name (or first field). The kind is never
        empty, so Decap does not fall back to its English "No <field>"."""
        properties = items.get("properties", {})
        first = "name" if "name" in properties else next(iter(properties), "")
        kind = ITEM_LABELS.get(path, path[-1])
        return f"{kind[:1].upper()}{kind[1:]}: {{{{fields.{first}}}}}"

    def marked_fields(self, path: tuple[str, ...]) -> Iterator[str]:
        """The field paths `illustrative` and `derived` may name at `path`, as the site marks
        them."""
        yield from self._marked.get(path[:-1], ())

    def number_widget(self, node: dict[str, Any]) -> dict[str, Any]:
        widget: dict[str, Any] = {
            "widget": "number",
            "value_type": "int" if node.get("type") == "integer" else "float",
        }
        for key in ("minimum", "maximum"):
            if key in node:
                widget[key[:3]] = node[key]
        if node.get("x-code") and "minimum" in node and "maximum" in node:
            low, high = int(node["minimum"]), int(node["maximum"])
            allowed = "".join(str(n) for n in range(low, high + 1))
            widget["pattern"] = [f"^[{allowed}]$", form_message(node["x-code"])]
        return widget

    def string_widget(self, name: str, node: dict[str, Any]) -> dict[str, Any]:
        fmt = node.get("format")
        if fmt == "date":
            return {
                "widget": "datetime",
                "format": DATE_FORMAT,
                "date_format": True,
                "time_format": False,
            }
        widget: dict[str, Any] = {"widget": "text" if name in LONG_TEXT else "string"}
        if fmt == "url":
            widget["pattern"] = [URL_PATTERN, form_message("bad-url")]
        elif fmt == "email":
            widget["pattern"] = [_EMAIL.pattern, form_message("bad-email")]
        elif "pattern" in node:
            widget["pattern"] = [node["pattern"], form_message(node.get("x-code", "bad-value"))]
        return widget

    def build(self, schema: dict[str, Any]) -> list[dict[str, Any]]:
        """Every field of one kind of data file."""
        self._marked = _markable(schema)
        return self.fields(schema)


def _loosen(fields: list[dict[str, Any]]) -> None:
    """Mark the fields of an optional object as optional (nested objects too, not list items)."""
    for field in fields:
        if field["required"]:
            field["required"] = False
            field["hint"] = " ".join(filter(None, [field.get("hint"), REQUIRED_WHEN_FILLED]))
        if field["widget"] == "object":
            _loosen(field["fields"])


def _markable(schema: dict[str, Any]) -> dict[tuple[str, ...], list[str]]:
    """For each object that has `illustrative`, the paths of its fields (nested objects' too,
    but not the lists of records that mark their own)."""
    found: dict[tuple[str, ...], list[str]] = {}

    def walk(node: dict[str, Any], path: tuple[str, ...]) -> None:
        while node.get("type") == "array" and isinstance(node.get("items"), dict):
            node = node["items"]
        properties = node.get("properties", {})
        if "illustrative" in properties:
            found[path] = [p for p in _own_paths(node) if p not in MARKS]
        for name, child in properties.items():
            walk(child, (*path, name))

    walk(schema, ())
    return found


def _own_paths(node: dict[str, Any], prefix: str = "") -> Iterator[str]:
    for name, child in node.get("properties", {}).items():
        if child.get("type") == "array" and child.get("items", {}).get("type") == "object":
            if "illustrative" in child["items"].get("properties", {}):
                continue  # its items carry their own `illustrative`
        yield f"{prefix}{name}"
        if child.get("type") == "object":
            yield from _own_paths(child, f"{prefix}{name}.")


GUIDE = {
    "producers": (
        "Mỗi mục là một chủ thể (HTX, doanh nghiệp, hộ kinh doanh, tổ hợp tác) cùng các sản phẩm "
        "OCOP và các lần công nhận của từng sản phẩm; lưu vào data/producers/<tỉnh>/<mã>.yaml. "
        "Bấm Lưu là ghi một commit vào kho dữ liệu; CI kiểm tra toàn bộ dữ liệu (ocop validate) "
        "trước khi trang web công khai được cập nhật."
    ),
    "inspections": (
        "Mỗi mục là một đợt kiểm tra, đánh giá của Văn phòng Điều phối nông thôn mới, với kết quả "
        "từng chủ thể; lưu vào data/inspections/<mã>.yaml. Bấm Lưu là ghi một commit; CI kiểm tra "
        "dữ liệu trước khi công bố."
    ),
}


def collections(reference: Reference) -> list[dict[str, Any]]:
    """The producer and inspection collections, their folders and their fields."""
    builder = FormBuilder(reference)
    producer = inline(load_schema("producer"), load_schema("producer"))
    inspection = inline(load_schema("inspection"), load_schema("inspection"))
    return [
        {
            "name": "producers",
            "label": "Chủ thể và sản phẩm",
            "label_singular": "chủ thể",
            "description": GUIDE["producers"],
            "folder": "data/producers",
            # Decap turns every "." of a folder path into "-" before it reads the fields
            # (prepareSlug), so `address.province` is named with brackets, which its field
            # lookup (keyToPathArray) also splits on. The path's depth (two parts) is also
            # how deep Decap lists the folder, so every province's producers are listed.
            "path": "{{address[province]}}/{{slug}}",
            "slug": "{{id}}",
            "identifier_field": "id",
            "summary": "{{name}} ({{address.province}})",
            "extension": "yaml",
            "format": "yaml",
            "create": True,
            "media_folder": "",  # photos beside the file, named relative to its folder
            "public_folder": "",
            "fields": builder.build(producer),
        },
        {
            "name": "inspections",
            "label": "Đợt kiểm tra",
            "label_singular": "đợt kiểm tra",
            "description": GUIDE["inspections"],
            "folder": "data/inspections",
            "slug": "{{id}}",
            "identifier_field": "id",
            "summary": "{{date}}: {{title}}",
            "extension": "yaml",
            "format": "yaml",
            "create": True,
            "fields": builder.build(inspection),
        },
    ]


def form_paths(fields: list[dict[str, Any]], prefix: str = "") -> Iterator[str]:
    """Every field path of a form, as `field_paths` names the schema's."""
    for field in fields:
        path = f"{prefix}{field['name']}"
        yield path
        yield from form_paths(field.get("fields", []), f"{path}.")
