"""Photos served from object storage behind a CDN instead of the static host: which published
files go there, the address pages use for them, and their upload with rclone (docs/hosting.md)."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from generator.drawings.photos import PHOTO_FOLDER
from generator.problems import OcopError
from generator.settings import GENERATED_FOLDER, Settings

# The published files served from the media address: the photos, the one kind of file that
# grows with what producers send (a real photo in three widths weighs 100-300 KB, so 25,000
# products pass 1 GB) and that no one links to by its address. Drawn files stay on the site:
# badges and QR codes are embedded and printed by their permanent address there.
MEDIA_PREFIX = f"{GENERATED_FOLDER}/{PHOTO_FOLDER}/"
# Only what changed is sent, judged by size and checksum: object stores list both without a
# request per file (a modification time costs one each), and a photo encoded again under the
# same name (another Pillow) is still sent. `copy` never deletes: pages cached anywhere keep
# finding the photos they name.
RCLONE_COPY = ("rclone", "copy", "--checksum", "--use-json-log", "--log-level", "INFO")


class MediaError(OcopError):
    """The media address or the upload cannot be used as set."""


def check_media_url(url: str) -> str:
    """The media address as set, or a stop with what is wrong: pages may only load photos from
    an https address (http only for a preview on this machine)."""
    parts = urlsplit(url)
    local = parts.hostname in {"127.0.0.1", "localhost"}
    if (
        not parts.hostname
        or parts.scheme not in {"https", "http"}
        or (parts.scheme == "http" and not local)
    ):
        raise MediaError("media-url-not-https", url=url)
    if parts.query or parts.fragment:
        raise MediaError("media-url-query", url=url)
    return url


def origin(url: str) -> str:
    """The origin of the media address (scheme, host, port): what the CSP allows images from."""
    if not url:
        return ""
    parts = urlsplit(check_media_url(url))
    return f"{parts.scheme}://{parts.netloc.lower()}"


def photo_base(settings: Settings) -> str:
    """What a photo's path inside the generated folder is appended to in a page: the media
    address's copy of that folder, or empty when photos are part of the site."""
    url = settings.media_url
    return f"{check_media_url(url)}{GENERATED_FOLDER}/" if url else ""


def split(published: dict[str, str], media_url: str) -> tuple[dict[str, str], dict[str, str]]:
    """The published files (path inside the site -> cached file) that go into the site, and
    those served from the media address instead (none when it is unset)."""
    if not media_url:
        return published, {}
    site, media = {}, {}
    for rel, cached in published.items():
        (media if rel.startswith(MEDIA_PREFIX) else site)[rel] = cached
    return site, media


@dataclass(frozen=True)
class Upload:
    """What one upload did."""

    sent: int  # files sent (new or changed)
    files: int  # files in the folder uploaded
    remote: str


def upload_command(settings: Settings, dry_run: bool = False) -> list[str]:
    """The rclone command line that sends the media folder's new and changed files."""
    if not settings.media_remote:
        raise MediaError("media-remote-missing")
    return [
        *RCLONE_COPY,
        *(["--dry-run"] if dry_run else []),
        f"{settings.media_dir}/",
        settings.media_remote,
    ]


def upload(settings: Settings, dry_run: bool = False) -> Upload:
    """Send the photos of the last build to the media remote; only new and changed files go."""
    command = upload_command(settings, dry_run)
    if not settings.media_dir.is_dir():
        raise MediaError("media-not-built", folder=settings.media_dir.name)
    if shutil.which("rclone") is None:
        raise MediaError("rclone-missing")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    records = [_record(line) for line in done.stderr.splitlines()]
    if done.returncode != 0:
        errors = [r.get("msg", "") for r in records if r.get("level") == "error"]
        detail = "; ".join(errors[:5]) or done.stderr.strip()[-500:]
        raise MediaError(
            "rclone-failed", remote=settings.media_remote, status=done.returncode, detail=detail
        )
    stats = [r["stats"] for r in records if isinstance(r.get("stats"), dict)]
    sent = int(stats[-1].get("transfers", 0)) if stats else 0  # a dry run counts what it would
    files = sum(1 for path in settings.media_dir.rglob("*") if path.is_file())
    return Upload(sent, files, settings.media_remote)


def _record(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except ValueError:
        return {"level": "info", "msg": line}
    return record if isinstance(record, dict) else {}
