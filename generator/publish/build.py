"""`ocop build` with any engine: a staging folder, the engine, the steps after any engine
(the drawn files and photos published, the Content-Security-Policy, the editor's /admin/),
then the staged site swapped in for the old one."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.generate.media import origin
from generator.generate.run import publish, published_files, stop_drawing
from generator.lock import project_lock
from generator.messages import LANG_ENV
from generator.problems import OcopError
from generator.publish.csp import secure_site
from generator.publish.editor import publish_editor
from generator.settings import AS_OF_ENV, LISTING_LIMIT_ENV, Settings

# Set while `build_site` runs an engine: the MkDocs hook then leaves publishing and the policy
# to the steps after the engine, which a plain `mkdocs build` runs in the hook instead.
STEPS_AFTER_ENV = "OCOP_STEPS_AFTER_ENGINE"

# An engine builds the generated pages and the hand-written ones into a folder it is given.
Engine = Callable[[Settings, Path, bool], None]


class SiteBuildError(OcopError):
    """The site engine refused to build the site."""


def _mkdocs(settings: Settings, staging: Path, verbose: bool) -> None:
    from generator.publish.engine import build_with_mkdocs

    build_with_mkdocs(settings, staging, verbose)


def _zensical(settings: Settings, staging: Path, verbose: bool) -> None:
    from generator.publish.zensical import build_with_zensical

    build_with_zensical(settings, staging, verbose)


ENGINES: dict[str, Engine] = {"mkdocs": _mkdocs, "zensical": _zensical}


def engine_named(name: str) -> Engine:
    """The engine a setting or option names; stops with the names it may take otherwise."""
    if name in ENGINES:
        return ENGINES[name]
    raise SiteBuildError("unknown-engine", value=name, engines=", ".join(ENGINES))


@contextmanager
def engine_context(settings: Settings, steps_after: bool = False) -> Iterator[None]:
    """Run an engine from the project root (relative paths in mkdocs.yml) with the build date,
    the listing limit and the language pinned for the hook, and the date for the sitemap
    (reproducible output); `steps_after`: the steps after the engine are this build's, not the
    hook's."""
    as_of = settings.as_of
    epoch = int(dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC).timestamp())
    pinned = {
        AS_OF_ENV: as_of.isoformat(),
        LISTING_LIMIT_ENV: str(settings.listing_limit),
        LANG_ENV: settings.lang,
        "SOURCE_DATE_EPOCH": str(epoch),
    }
    if steps_after:
        pinned[STEPS_AFTER_ENV] = "1"
    saved = {key: os.environ.get(key) for key in (*pinned, STEPS_AFTER_ENV)}
    os.environ.pop(STEPS_AFTER_ENV, None)
    os.environ.update(pinned)
    cwd = Path.cwd()
    os.chdir(settings.root)
    try:
        yield
    finally:
        os.chdir(cwd)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build_site(settings: Settings, verbose: bool = False, engine: str | None = None) -> Path:
    """Build the site with an engine (default: the project's setting, `settings.engine`) into
    a fresh folder and swap it in only when the build succeeded; one build at a time in a
    project (`project_lock`)."""
    run = engine_named(engine or settings.engine)
    with project_lock(settings.cache_dir):
        return _build_site(settings, run, verbose)


def _build_site(settings: Settings, run: Engine, verbose: bool) -> Path:
    target = settings.site_dir
    staging = target.with_name(f"{target.name}.building-{os.getpid()}")
    retired = target.with_name(f"{target.name}.old-{os.getpid()}")
    for leftover in target.parent.glob(f"{target.name}.building-*"):
        shutil.rmtree(leftover, ignore_errors=True)  # from a build that was killed half-way
    for leftover in target.parent.glob(f"{target.name}.old-*"):
        _remove_later(leftover)  # from a removal that was stopped
    try:
        with engine_context(settings, steps_after=True):
            run(settings, staging, verbose)
        steps_after_engine(settings, staging)
    except (OcopError, OSError):  # OSError: a folder not writable, disk full
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        stop_drawing()  # drawings `generate` left running that the steps did not wait for
    if target.exists():
        os.replace(target, retired)
    os.replace(staging, target)
    _remove_later(retired)
    return target


def steps_after_engine(settings: Settings, site: Path) -> None:
    """What every engine's build is given afterwards: the drawn files and photos (once the
    drawings `generate` left running are drawn), then the policy on every HTML file it wrote
    or copied, then /admin/ with its own policy (only when the office set up editor.yml)."""
    publish(published_files(settings), str(site), {})
    secure_site(site, origin(settings.media_url))
    publish_editor(settings, site)


def _remove_later(folder: Path) -> None:
    """Remove a retired site in a process of its own: the new site is in place without waiting
    for its predecessor's files (200,000 at national scale) to be unlinked one by one."""
    if folder.exists():
        subprocess.Popen(
            [sys.executable, "-c", _REMOVE, str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # it outlives this command
        )


_REMOVE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
