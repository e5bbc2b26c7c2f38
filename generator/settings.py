"""One settings object with defaults; every path is resolved against the project root."""

from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# The languages are the catalogue's (stdlib-only, for the set-up); named here as well for the
# modules that read every setting from this one.
from generator.messages import LANG_ENV as LANG_ENV
from generator.messages import LANGUAGES as LANGUAGES
from generator.messages import language

GENERATED_FOLDER = "danh-muc"
AS_OF_ENV = "OCOP_AS_OF"
EXPIRING_DAYS = 90  # a certificate this close to its expiry is "expiring soon"
# Above this many products the lists of the whole catalogue become one page per province (a
# list of every product would be megabytes on a phone); OCOP_LISTING_LIMIT overrides it.
LISTING_LIMIT_ENV = "OCOP_LISTING_LIMIT"
LISTING_LIMIT = 1000
# Where the site is published, and where its photos are served from when they outgrow that host
# (docs/hosting.md): `extra: ocop:` of mkdocs.yml, each overridden by its environment variable
# (CI templates set the host that way).
HOST_ENV = "OCOP_HOST"
MEDIA_URL_ENV = "OCOP_MEDIA_URL"
MEDIA_REMOTE_ENV = "OCOP_MEDIA_REMOTE"
ENGINE_ENV = "OCOP_ENGINE"
MEDIA_FOLDER = "site.media"  # beside site/: the files to upload to the media address


def today() -> dt.date:
    """The build date: OCOP_AS_OF when set (reproducible builds), else the local date."""
    pinned = os.environ.get(AS_OF_ENV)
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def listing_limit() -> int:
    """How many products one list of the whole catalogue may hold (OCOP_LISTING_LIMIT when it is
    a whole number, else 1000)."""
    value = os.environ.get(LISTING_LIMIT_ENV, "").strip()
    return int(value) if value.isdigit() else LISTING_LIMIT


@dataclass(frozen=True)
class Settings:
    """Where things are and which date the catalogue is judged on."""

    root: Path = field(default_factory=Path.cwd)
    as_of: dt.date = field(default_factory=today)
    lang: str = field(default_factory=language)
    expiring_days: int = EXPIRING_DAYS
    listing_limit: int = field(default_factory=listing_limit)

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root).resolve())

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def reference_dir(self) -> Path:
        return self.data_dir / "reference"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def generated_dir(self) -> Path:
        """The folder of content/ the generator owns; git ignores it."""
        return self.content_dir / GENERATED_FOLDER

    @property
    def cache_dir(self) -> Path:
        """Processed photos and other work kept between builds; git ignores it."""
        return self.root / ".cache"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def site_url(self) -> str:
        """The public address of the site: `site_url` of mkdocs.yml, the one place it is set."""
        return read_site_url(self.config_file)

    @property
    def host(self) -> str:
        """The static host the site is published on (`extra.ocop.host` of mkdocs.yml or
        OCOP_HOST; generator/publish/hosts.py names them); `none` when unset."""
        return _setting(self.config_file, "host", HOST_ENV) or "none"

    @property
    def engine(self) -> str:
        """The engine that builds the site (`extra.ocop.engine` of mkdocs.yml or OCOP_ENGINE;
        generator/publish/build.py names them); `mkdocs` when unset."""
        return _setting(self.config_file, "engine", ENGINE_ENV) or "mkdocs"

    @property
    def media_url(self) -> str:
        """The address photos are served from instead of the site (`extra.ocop.media_url` or
        OCOP_MEDIA_URL), with a trailing slash; empty: photos are part of the site."""
        url = _setting(self.config_file, "media_url", MEDIA_URL_ENV)
        return url if not url or url.endswith("/") else url + "/"

    @property
    def media_remote(self) -> str:
        """The rclone destination of `ocop upload` (`extra.ocop.media_remote` or
        OCOP_MEDIA_REMOTE), such as `r2:ocop-anh`; its credentials stay in rclone's own config."""
        return _setting(self.config_file, "media_remote", MEDIA_REMOTE_ENV)

    @property
    def media_dir(self) -> Path:
        """The files served from the media address, as `ocop build` laid them out to upload."""
        return self.root / MEDIA_FOLDER


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without acting on its tags (such as !ENV or !!python/name)."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_site_url(config_file: Path) -> str:
    """`site_url` from an mkdocs.yml, with a trailing slash."""
    url = str(_config(config_file).get("site_url") or "http://127.0.0.1:8000/")
    return url if url.endswith("/") else url + "/"  # unset: addresses of the local preview


def _setting(config_file: Path, key: str, env: str) -> str:
    """One of the project's own settings: its environment variable when set, else
    `extra.ocop.<key>` of mkdocs.yml, else empty."""
    if value := os.environ.get(env, "").strip():
        return value
    extra = _config(config_file).get("extra")
    ours = extra.get("ocop") if isinstance(extra, dict) else None
    value = ours.get(key) if isinstance(ours, dict) else None
    return str(value).strip() if value is not None else ""


def _config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as a mapping (empty when there is none)."""
    if not config_file.is_file():
        return {}
    stat = config_file.stat()
    return _read_config(str(config_file), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=16)
def _read_config(config_file: str, size: int, mtime_ns: int) -> dict[str, Any]:
    # keyed by size and time too: read again once the file changed
    config = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return config if isinstance(config, dict) else {}
