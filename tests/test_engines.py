"""The generated pages and the theme overrides build with Zensical too, the engine the project
can move to (it reads the same mkdocs.yml): every page MkDocs makes, with every link between
them working."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.generate.run import generate, publish, published_files
from generator.settings import GENERATED_FOLDER, Settings
from tests.conftest import AS_OF, copy_project
from tests.links import broken_links

ZENSICAL = Path(sys.executable).with_name("zensical")


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalogue generated, built by Zensical, and its drawn files published as the
    MkDocs hook publishes them after its build."""
    settings = Settings(root=copy_project(tmp_path_factory.mktemp("zensical")), as_of=AS_OF)
    assert generate(settings).report.ok
    built = subprocess.run(
        [str(ZENSICAL), "build"], cwd=settings.root, capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    publish(published_files(settings), str(settings.site_dir), {})
    return settings.site_dir


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_zensical_builds_every_page_mkdocs_builds(zensical_site: Path, sample_site: Path) -> None:
    assert _pages(sample_site / "site") - _pages(zensical_site) == set()


def test_no_link_is_broken_in_the_zensical_build(zensical_site: Path) -> None:
    assert broken_links(zensical_site) == []


def test_zensical_shows_what_mkdocs_shows(zensical_site: Path, sample_site: Path) -> None:
    """The same page in both engines: the same headings, links and words in its content."""

    def content(site: Path) -> str:
        html = site / GENERATED_FOLDER / "chu-the" / "ha-htx-che-tai-ho-sin" / "index.html"
        text = html.read_text(encoding="utf-8")
        article = text[text.index("<article") : text.index("</article>")]
        return re.sub(r"\s+", " ", re.sub(r"<a [^>]*?(href=\"[^\"]*\")[^>]*>", r"<a \1>", article))

    mkdocs, zensical = content(sample_site / "site"), content(zensical_site)
    assert re.findall(r"<h[1-6][^>]*>", zensical) == re.findall(r"<h[1-6][^>]*>", mkdocs)
    assert re.findall(r'href="[^"]*"', zensical) == re.findall(r'href="[^"]*"', mkdocs)
    assert "4 sao" in zensical and "Trà xanh Tài Hồ Sìn" in zensical
