"""What the engine needs to know about a generated page whose body is already HTML: its
headings (the table of contents), the ids it holds and the addresses it links to.

The generator writes these pages itself, so the forms are fixed: attributes in double quotes,
headings as `<hN id="...">text</hN>`."""

from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass
from typing import Any

_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)</h\1>', re.DOTALL)
_ID = re.compile(r'\sid="([^"]+)"')
_TARGET = re.compile(r'\s(?:href|src)="([^"]*)"')
_TAGS = re.compile(r"<[^>]*>")
_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/)", re.IGNORECASE)  # scheme, host or root


def toc_tokens(body: str) -> list[dict[str, Any]]:
    """The headings as the engine's table of contents tokens, nested by level."""
    tokens: list[dict[str, Any]] = []
    open_: list[dict[str, Any]] = []  # the last token of each level still open
    for level, anchor, text in _HEADING.findall(body):
        token = {"level": int(level), "id": anchor, "name": _TAGS.sub("", text), "children": []}
        while open_ and open_[-1]["level"] >= token["level"]:
            open_.pop()
        (open_[-1]["children"] if open_ else tokens).append(token)
        open_.append(token)
    return tokens


def anchor_ids(body: str) -> set[str]:
    return {html.unescape(value) for value in _ID.findall(body)}


@dataclass(frozen=True)
class Link:
    written: str  # as written in the page
    target: str  # the address inside the site it leads to, without its anchor ("" : this page)
    anchor: str


def links(body: str, page_url: str) -> list[Link]:
    """The links and sources of the page that stay inside the site, resolved against the
    page's address (relative to the site: "danh-muc/chu-the/x/")."""
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    found = (_resolve(folder, written) for written in dict.fromkeys(_TARGET.findall(body)))
    return [link for link in found if link is not None]


@functools.lru_cache(maxsize=1 << 16)  # pages in one folder link to the same lists and pages
def _resolve(folder: str, written: str) -> Link | None:
    address = html.unescape(written)
    if not address or _OUTSIDE.match(address):
        return None
    path, _, anchor = address.partition("#")
    path = path.partition("?")[0]
    target = posixpath.normpath(posixpath.join(folder, path)) if path else ""
    return Link(written, target, anchor)
