"""The site with other engines: `ocop build --engine zensical` (Zensical reads the same
mkdocs.yml and skips its hook, so the steps after the engine do what the hook does for MkDocs)
makes every page MkDocs makes, with every link working, the Content-Security-Policy on every
HTML file and the drawn files published; ProperDocs, the maintained fork of MkDocs 1.x, builds
the very same site from the same mkdocs.yml and hook."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.generate.run import published_files
from generator.publish.csp import policy_for
from generator.settings import AS_OF_ENV, GENERATED_FOLDER, Settings
from tests.conftest import AS_OF, copy_project
from tests.links import broken_links

_POLICY = re.compile(r'http-equiv="Content-Security-Policy" content="([^"]*)"')


def _ocop_build(root: Path, *options: str, env: dict[str, str] | None = None) -> None:
    done = CliRunner().invoke(
        cli, ["build", "--root", str(root), "--as-of", AS_OF.isoformat(), *options], env=env
    )
    assert done.exit_code == 0, done.output


@pytest.fixture(scope="module")
def zensical_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample project built by `ocop build --engine zensical`."""
    root = copy_project(tmp_path_factory.mktemp("zensical"))
    _ocop_build(root, "--engine", "zensical")
    return root


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def assert_every_page_secured(site: Path) -> None:
    """Each HTML file of a built site carries one policy, the one its own scripts need."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        html, path = page.read_text(encoding="utf-8"), page.relative_to(site).as_posix()
        assert _POLICY.findall(html) == [policy_for(html, path)], path


def test_zensical_builds_every_page_mkdocs_builds(zensical_root: Path, sample_site: Path) -> None:
    mkdocs = _pages(sample_site / "site")
    assert len(mkdocs) > 30
    assert mkdocs - _pages(zensical_root / "site") == set()


def test_no_link_is_broken_in_the_zensical_build(zensical_root: Path) -> None:
    assert broken_links(zensical_root / "site") == []


def test_every_zensical_page_has_its_policy(zensical_root: Path) -> None:
    assert_every_page_secured(zensical_root / "site")


def test_the_drawn_files_are_published_after_zensical(zensical_root: Path) -> None:
    published = published_files(Settings(root=zensical_root, as_of=AS_OF))
    assert any(path.endswith(".svg") for path in published)
    site = zensical_root / "site"
    missing = [path for path in published if not (site / path).is_file()]
    assert missing == []
    assert not list(zensical_root.glob(".site*.yml"))  # its configuration is not left behind


def test_zensical_shows_what_mkdocs_shows(zensical_root: Path, sample_site: Path) -> None:
    """The same page in both engines: the same headings, links and words in its content."""

    def content(site: Path) -> str:
        html = site / GENERATED_FOLDER / "chu-the" / "ha-htx-che-tai-ho-sin" / "index.html"
        text = html.read_text(encoding="utf-8")
        article = text[text.index("<article") : text.index("</article>")]
        return re.sub(r"\s+", " ", re.sub(r"<a [^>]*?(href=\"[^\"]*\")[^>]*>", r"<a \1>", article))

    mkdocs, zensical = content(sample_site / "site"), content(zensical_root / "site")
    assert re.findall(r"<h[1-6][^>]*>", zensical) == re.findall(r"<h[1-6][^>]*>", mkdocs)
    assert re.findall(r'href="[^"]*"', zensical) == re.findall(r'href="[^"]*"', mkdocs)
    assert "4 sao" in zensical and "Trà xanh Tài Hồ Sìn" in zensical


def test_an_unknown_engine_stops_before_anything_is_built(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    done = CliRunner().invoke(
        cli, ["build", "--root", str(root), "--lang", "en"], env={"OCOP_ENGINE": "hugo"}
    )
    assert done.exit_code == 1
    assert "The site engine 'hugo'" in done.output and "mkdocs, zensical" in done.output
    assert not (root / "site").exists() and not (root / GENERATED_FOLDER).exists()
    assert "Traceback" not in done.output


PROPERDOCS = Path(sys.executable).with_name("properdocs")
_GENERATOR_META = re.compile(r'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample project built by a plain `properdocs build`: the drop-in fork of
    MkDocs 1.x runs the hook, which generates the pages and does the steps after the engine."""
    root = copy_project(tmp_path_factory.mktemp("properdocs"))
    epoch = int(dt.datetime(AS_OF.year, AS_OF.month, AS_OF.day, tzinfo=dt.UTC).timestamp())
    env = {k: v for k, v in os.environ.items() if not k.startswith("OCOP_")}
    env |= {AS_OF_ENV: AS_OF.isoformat(), "SOURCE_DATE_EPOCH": str(epoch)}
    built = subprocess.run(
        [str(PROPERDOCS), "build", "-f", "mkdocs.yml"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    return root / "site"


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a built site; HTML without the engine's name and version."""
    found = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".html":
            data = _GENERATOR_META.sub("", data.decode("utf-8")).encode("utf-8")
        found[path.relative_to(site).as_posix()] = data
    return found


def test_properdocs_builds_the_site_mkdocs_builds(properdocs_site: Path, sample_site: Path) -> None:
    """The same files with the same bytes, but for the engine's name in each page's head."""
    properdocs, mkdocs = _files(properdocs_site), _files(sample_site / "site")
    assert len(mkdocs) > 100
    assert sorted(properdocs) == sorted(mkdocs)
    assert [path for path in mkdocs if properdocs[path] != mkdocs[path]] == []
    assert b"ProperDocs 1.6.7" in (properdocs_site / "index.html").read_bytes()


def test_the_properdocs_site_has_every_link_and_policy(properdocs_site: Path) -> None:
    assert broken_links(properdocs_site) == []
    assert_every_page_secured(properdocs_site)
