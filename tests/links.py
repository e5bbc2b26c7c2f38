"""Every link inside a built site checked against the files it was built into."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    """Collects link targets and element ids of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in {"href", "src"} and value and tag in {"a", "link", "script", "img"}:
                self.targets.append(value)


def broken_links(site: Path) -> list[str]:
    """Each link of a page of `site` to a file or anchor that is not there, as "page -> link"
    (external and absolute links are checked elsewhere; the site_url's path is "/")."""
    pages: dict[Path, _Links] = {}
    for path in site.rglob("*.html"):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path] = parser
    broken = []
    for path, parser in pages.items():
        for target in parser.targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc:
                continue
            base = site if parts.path.startswith("/") else path.parent
            resolved = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else path
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.is_file():
                broken.append(f"{path.relative_to(site)} -> {target}")
            elif parts.fragment and resolved in pages and parts.fragment not in pages[resolved].ids:
                broken.append(f"{path.relative_to(site)} -> {target} (no such anchor)")
    return broken
