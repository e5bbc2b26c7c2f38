"""The Content-Security-Policy step after any engine: every HTML file of a folder, once."""

from __future__ import annotations

from pathlib import Path

from generator.publish.csp import script_hash, secure_site


def test_every_html_file_gets_the_policy_once(tmp_path: Path) -> None:
    pages = {
        "index.html": '<html><head><meta charset="utf-8"><script>a()</script></head></html>',
        "cu/index.html": "<html><head><title>t</title></head><body><script>b()</script></body>",
        "fragment.htm": "<p>no head at all</p><script>c()</script>",
    }
    for rel, html in pages.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(html, encoding="utf-8")
    (tmp_path / "note.txt").write_text("<script>d()</script>")
    assert secure_site(tmp_path) == 3
    for rel, body in (("index.html", "a()"), ("cu/index.html", "b()"), ("fragment.htm", "c()")):
        html = (tmp_path / rel).read_text(encoding="utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1
        assert html.index("Content-Security-Policy") < html.index("<script>")
        assert script_hash(body) in html
    assert (tmp_path / "note.txt").read_text() == "<script>d()</script>"
    secured = {p: p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    assert secure_site(tmp_path) == 0  # already right: nothing rewritten, the same bytes
    assert {p: p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()} == secured
