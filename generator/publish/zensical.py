"""Zensical as the site engine: it reads the same mkdocs.yml, skips its `hooks:` (the pages
are generated before, by `ocop build`) and builds into the `site_dir` of its configuration."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from generator.publish.build import SiteBuildError
from generator.settings import Settings

ZENSICAL = Path(sys.executable).with_name("zensical")
_SITE_DIR = re.compile(r"^site_dir:.*$", re.MULTILINE)


def build_with_zensical(settings: Settings, staging: Path, verbose: bool) -> None:
    """Build the site into `staging` through a configuration next to mkdocs.yml (its relative
    paths stay right) that differs from it only in `site_dir`."""
    source = settings.config_file.read_text(encoding="utf-8")
    line = f"site_dir: {staging.resolve().as_posix()!r}"
    text = _SITE_DIR.sub(lambda _: line, source, count=1)
    if text == source:
        text = f"{source.rstrip()}\n{line}\n"
    config = settings.config_file.with_name(f".{staging.name}.yml")
    config.write_text(text, encoding="utf-8")
    try:
        done = subprocess.run(
            [str(ZENSICAL), "build", "--config-file", str(config)],
            cwd=settings.root,
            capture_output=not verbose,
            text=True,
            check=False,
        )
    except OSError as error:  # not installed
        raise SiteBuildError("site-build", engine="Zensical", detail=error) from None
    finally:
        config.unlink(missing_ok=True)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout or "").strip()[-2000:] or f"exit {done.returncode}"
        raise SiteBuildError("site-build", engine="Zensical", detail=detail)
    if not staging.is_dir():
        raise SiteBuildError("site-build", engine="Zensical", detail=f"{staging} not written")
