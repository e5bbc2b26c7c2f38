"""Data as text: values from the data escaped so that they read the same on a page and can
never become markup, and the small description subset (paragraphs, lists, bold, italic, links)
written as HTML."""

from __future__ import annotations

import functools
import re
from typing import Any

from markupsafe import Markup, escape

# Characters that Markdown, HTML or attribute syntax could act on are written as numeric
# entities: the text then reads the same on the page and in the search index, but can never
# become markup, a link, a table cell border or an attribute break.
_ACTIVE = frozenset("\\`*_{}[]()<>#+!|~^=&\"'$%:;@")


_LIST_START = re.compile(r"^(-|\d+[.)](?=\s|$))")


_ENTITY_TABLE = {ord(ch): f"&#{ord(ch)};" for ch in _ACTIVE}

# Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and the like, their
# presentation forms and digits), the right-to-left mark and the bidirectional controls: a
# value holding one is isolated on the page (`<bdi>`), so that it cannot reorder the page's own
# words around it ("(4 sao)" after a Hebrew name would otherwise show as "(4" on its left).
_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefc"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def isolated(value: str, escaped: str) -> str:
    """`escaped` (the text of `value` as written out), in a `<bdi>` when `value` holds
    right-to-left text; as it is otherwise, so left-to-right pages stay unchanged."""
    if value.isascii() or not _RIGHT_TO_LEFT.search(value):
        return escaped
    return f"<bdi>{escaped}</bdi>"


def _entities(text: str) -> str:
    return text.translate(_ENTITY_TABLE)


def _protect_line_start(out: str) -> str:
    start = _LIST_START.match(out)  # "- x", "---" or "1. x" at a line start would be markup
    if start:
        marker = start.group(1)
        out = marker[:-1] + f"&#{ord(marker[-1])};" + out[start.end() :]
    return out


def escape_text(value: Any) -> Markup:
    """Data as inert text for Markdown and HTML (one line)."""
    return Markup(_protect_line_start(_entities(" ".join(str(value).split()))))


@functools.lru_cache(maxsize=1 << 16)
def _escape_str(value: str) -> Markup:
    # names, places and dates repeat on many pages and cards
    return Markup(isolated(value, escape_text(value)))


def attribute(value: Any) -> Markup:
    """Data as the value of an HTML attribute (quoted): inert text, never isolated markup."""
    return escape_text(value)


def finalize_markdown(value: Any) -> Any:
    """A value written into a Markdown page: markup as it is, anything else as inert text."""
    if type(value) is str:
        return _escape_str(value)
    if isinstance(value, Markup) or value is None or isinstance(value, int | float):
        return value if value is not None else ""
    return escape_text(value)


_INLINE = re.compile(
    r"\*\*(?P<strong>[^*]+?)\*\*|\*(?P<em>[^*]+?)\*|\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)"
)
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def _inline(line: str) -> str:
    """One line of the description subset: **bold**, *italic*, [text](http/https/mailto/tel)."""
    out, pos = [], 0
    for match in _INLINE.finditer(line):
        out.append(_entities(line[pos : match.start()]))
        if match["strong"]:
            out.append(f"<strong>{_entities(match['strong'])}</strong>")
        elif match["em"]:
            out.append(f"<em>{_entities(match['em'])}</em>")
        elif match["url"].lower().startswith(SAFE_SCHEMES):
            out.append(
                f'<a href="{_entities(match["url"])}" rel="nofollow">{_entities(match["text"])}</a>'
            )
        else:  # any other scheme (javascript:, data:, ...) stays visible text, never a link
            out.append(_entities(match.group(0)))
        pos = match.end()
    out.append(_entities(line[pos:]))
    return _protect_line_start("".join(out))


def paragraphs(value: str | None, after: Markup | None = None) -> Markup:
    """Multi-line text in the documented subset, as HTML: paragraphs split by a blank line,
    lists of lines starting with "- ", **bold**, *italic* and links; anything else, HTML
    included, is text. `after` ends the last paragraph."""
    if not value:
        return Markup("")
    blocks = []
    for block in re.split(r"\n\s*\n", value.strip()):
        lines = [" ".join(line.split()) for line in block.splitlines() if line.strip()]
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{_inline(line[2:])}</li>\n" for line in lines)
            blocks.append(f"<ul>\n{items}</ul>")
        else:
            blocks.append(f"<p>{_inline(' '.join(lines))}</p>")
    if after and blocks[-1].endswith("</p>"):
        blocks[-1] = f"{blocks[-1][: -len('</p>')]}{after}</p>"
    elif after:
        blocks.append(f"<p>{after}</p>")
    return Markup("\n".join(blocks))


def html_text(value: str) -> str:
    """Text escaped for HTML exactly as markupsafe.escape does it, as a plain string: no Markup
    object made for a value written out at once."""
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def finalize_html(value: Any) -> Any:
    """A value written into an HTML body: markup as it is, anything else as escaped text."""
    if type(value) is str:
        return isolated(value, html_text(value))
    if value is None:
        return ""
    return value if isinstance(value, Markup) else escape(value)
