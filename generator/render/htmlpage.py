"""A generated page whose body is already HTML: how it is marked and its front matter read,
and what the engine needs to know about it: its headings (the table of contents), the ids it
holds and the addresses it links to.

The generator writes these pages itself, so the forms are fixed: attributes in double quotes,
headings as `<hN id="...">text</hN>`."""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from typing import Any

_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)</h\1>', re.DOTALL)
_ATTRIBUTE = re.compile(r'\s(id|href|src)="([^"]*)"')
_TAGS = re.compile(r"<[^>]*>")
_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/)", re.IGNORECASE)  # scheme, host or root


# The first line of a page whose body is HTML, handed to the engine as it is (no Markdown).
HTML_BODY_KEY = "ocop_body"
HTML_BODY = f"{HTML_BODY_KEY}: html"
_START = f"---\n{HTML_BODY}\n"


def is_html_page(text: str) -> bool:
    """True for a generated page whose body is HTML (its front matter starts with HTML_BODY)."""
    return text.startswith(_START)


def is_html_file(path: str) -> bool:
    """`is_html_page` of a file, from its first line alone."""
    try:
        with open(path, encoding="utf-8") as page:
            return is_html_page(page.read(len(_START)))
    except (OSError, ValueError):
        return False


def read_html_page(text: str) -> tuple[dict[str, str], str] | None:
    """The front matter and the body of a page in HTML, read as the generator writes them: one
    `key: "JSON string"` a line after HTML_BODY (YAML reads the same values). None when the
    text is not of that form."""
    if not is_html_page(text):
        return None
    head, end, body = text[len(_START) :].partition("\n---\n")
    if not end:
        return None
    meta = {HTML_BODY_KEY: "html"}
    for line in head.splitlines():
        key, colon, value = line.partition(": ")
        if not colon or not value.startswith('"'):
            return None
        try:
            meta[key] = json.loads(value)
        except ValueError:
            return None
    return meta, body


def strip_tags(markup: str) -> str:
    return _TAGS.sub("", markup)


def toc_tokens(body: str) -> list[dict[str, Any]]:
    """The headings as the engine's table of contents tokens, nested by level."""
    tokens: list[dict[str, Any]] = []
    open_: list[dict[str, Any]] = []  # the last token of each level still open
    for level, anchor, text in _HEADING.findall(body):
        token = {"level": int(level), "id": anchor, "name": strip_tags(text), "children": []}
        while open_ and open_[-1]["level"] >= token["level"]:
            open_.pop()
        (open_[-1]["children"] if open_ else tokens).append(token)
        open_.append(token)
    return tokens


@dataclass(frozen=True)
class Link:
    written: str  # as written in the page
    target: str  # the address inside the site it leads to, without its anchor ("" : this page)
    anchor: str


def anchors_and_links(body: str, page_url: str) -> tuple[set[str], list[Link]]:
    """The ids the page holds, and its links and sources that stay inside the site, resolved
    against the page's address (relative to the site: "danh-muc/chu-the/x/"); one pass."""
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    if folder and not folder.endswith("/"):
        folder += "/"
    ids: set[str] = set()
    found: list[Link] = []
    seen: set[str] = set()
    for name, value in _ATTRIBUTE.findall(body):
        if name == "id":
            ids.add(html.unescape(value))
        elif value in seen:
            continue
        elif _INSIDE.fullmatch(value):  # a file in the page's folder: nothing to resolve
            seen.add(value)
            found.append(Link(value, folder + value, ""))
        else:
            seen.add(value)
            address = html.unescape(value)
            if not address or _OUTSIDE.match(address):
                continue
            path, _, anchor = address.partition("#")
            path = path.partition("?")[0]
            target = posixpath.normpath(folder + path) if path else ""
            found.append(Link(value, target, anchor))
    return ids, found


_INSIDE = re.compile(r"(?:[\w-]+/)*[\w-]+\.\w+")  # names and folders only: no "..", "#", "?"
