"""One settings object with defaults; every path is resolved against the project root."""

from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

GENERATED_FOLDER = "danh-muc"
AS_OF_ENV = "OCOP_AS_OF"
EXPIRING_DAYS = 90  # a certificate this close to its expiry is "expiring soon"
# Above this many products the lists of the whole catalogue become one page per province (a
# list of every product would be megabytes on a phone); OCOP_LISTING_LIMIT overrides it.
LISTING_LIMIT_ENV = "OCOP_LISTING_LIMIT"
LISTING_LIMIT = 1000


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
    lang: str = "vi"
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


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without acting on its tags (such as !ENV or !!python/name)."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_site_url(config_file: Path) -> str:
    """`site_url` from an mkdocs.yml, with a trailing slash."""
    if not config_file.is_file():
        return "http://127.0.0.1:8000/"  # no site configured: addresses of the local preview
    stat = config_file.stat()
    return _site_url(str(config_file), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=16)
def _site_url(config_file: str, size: int, mtime_ns: int) -> str:  # read again once changed
    config = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    url = str(config.get("site_url") or "http://127.0.0.1:8000/")
    return url if url.endswith("/") else url + "/"
