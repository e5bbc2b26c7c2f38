"""The static hosts the site can be published on, their limits (each with the documentation it
comes from), and a built site measured against them: what `ocop build` prints and refuses, and
what the scale benchmark reports."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.messages import megabytes, number, say
from generator.problems import OcopError

GB = 1000**3  # the hosts say "1 GB"; counted in decimal, the stricter reading
MIB = 1024**2
# Written into a built site that passes its host's limits: the site is kept for inspection, and
# anyone about to publish it by hand sees why it must not be.
FLAG_FILE = "KHONG-XUAT-BAN.txt"


@dataclass(frozen=True)
class Host:
    """A place the built site is published, with the limits it sets (None: no such limit)."""

    name: str  # the setting's value; generator/messages.py names it (HOST_NAMES)
    source: str  # where the limits are documented
    max_bytes: int | None = None
    max_files: int | None = None
    folders_count: bool = False  # the file limit counts folders (and links) as entries too
    max_in_folder: int | None = None  # files directly in one folder
    max_file_bytes: int | None = None


HOSTS: dict[str, Host] = {
    host.name: host
    for host in (
        Host(
            "github-pages",
            "https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits",
            max_bytes=GB,
        ),
        Host(
            "gitlab-pages",
            "https://docs.gitlab.com/user/gitlab_com/#gitlab-pages",
            max_bytes=GB,
            max_files=200_000,
            folders_count=True,
        ),
        Host(
            "cloudflare-pages-free",
            "https://developers.cloudflare.com/pages/platform/limits/",
            max_files=20_000,
            max_file_bytes=25 * MIB,
        ),
        Host(
            "cloudflare-pages-paid",
            "https://developers.cloudflare.com/pages/platform/limits/",
            max_files=100_000,
            max_file_bytes=25 * MIB,
        ),
        Host(
            "netlify",
            "https://answers.netlify.com/ (deploys of more than 54,000 files in one folder fail)",
            max_in_folder=54_000,
        ),
        Host("none", "no limit of a static host"),
    )
}


class UnknownHost(OcopError):
    """The host setting names no host this project knows."""


def host_named(name: str) -> Host:
    """The host a setting names; stops with the names it may take otherwise."""
    if name in HOSTS:
        return HOSTS[name]
    raise UnknownHost("unknown-host", value=name, hosts=", ".join(HOSTS))


@dataclass(frozen=True)
class Kind:
    """The files of one kind (by their name's ending) in a site."""

    files: int = 0
    bytes: int = 0


@dataclass(frozen=True)
class Inventory:
    """What a built site holds, as the hosts count it (paths relative to the site's folder)."""

    files: int
    folders: int
    bytes: int
    largest_folder: str  # the folder holding the most files directly
    largest_folder_files: int
    largest_file: str
    largest_file_bytes: int
    by_kind: dict[str, Kind] = field(default_factory=dict)  # by ending ("": none), most bytes first


def inventory(folder: Path, skip: frozenset[str] = frozenset({FLAG_FILE})) -> Inventory:
    """Every file and folder under `folder` (links counted as the files they are), in one walk."""
    folders = total = 0
    busiest, busiest_files, largest, largest_bytes = "", 0, "", 0
    kinds: dict[str, list[int]] = {}
    pending = [str(folder)]
    root = len(str(folder)) + 1
    while pending:
        current = pending.pop()
        here = 0
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders += 1
                    pending.append(entry.path)
                    continue
                if entry.name in skip and current == str(folder):
                    continue
                size = entry.stat().st_size
                here += 1
                total += size
                kind = kinds.setdefault(_kind(entry.name), [0, 0])
                kind[0] += 1
                kind[1] += size
                if size > largest_bytes:
                    largest, largest_bytes = entry.path[root:], size
        if here > busiest_files:
            busiest, busiest_files = current[root:] or ".", here
    return Inventory(
        sum(kind[0] for kind in kinds.values()),
        folders,
        total,
        busiest,
        busiest_files,
        largest,
        largest_bytes,
        {
            name: Kind(count, size)
            for name, (count, size) in sorted(kinds.items(), key=lambda item: -item[1][1])
        },
    )


def _kind(name: str) -> str:
    stem, dot, ending = name.rpartition(".")
    return ending.lower() if dot and stem else ""


@dataclass(frozen=True)
class Excess:
    """One limit of the host that the site passes."""

    limit: str  # bytes, files, folder, file
    measured: int
    allowed: int
    where: str = ""  # the folder or file concerned


def excesses(site: Inventory, host: Host) -> list[Excess]:
    """Every limit of `host` that the site passes (empty: it fits)."""
    found = []
    if host.max_bytes is not None and site.bytes > host.max_bytes:
        found.append(Excess("bytes", site.bytes, host.max_bytes))
    entries = site.files + (site.folders if host.folders_count else 0)
    if host.max_files is not None and entries > host.max_files:
        found.append(Excess("files", entries, host.max_files))
    if host.max_in_folder is not None and site.largest_folder_files > host.max_in_folder:
        found.append(
            Excess("folder", site.largest_folder_files, host.max_in_folder, site.largest_folder)
        )
    if host.max_file_bytes is not None and site.largest_file_bytes > host.max_file_bytes:
        found.append(
            Excess("file", site.largest_file_bytes, host.max_file_bytes, site.largest_file)
        )
    return found


def _against(measured: str, limit: int | None, shown: str, lang: str) -> str:
    return measured + say("host-limit", lang, limit=shown) if limit is not None else measured


def summary(site: Inventory, host: Host, lang: str = "vi") -> list[str]:
    """The lines `ocop build` prints: the site's size and counts beside the host's limits."""
    entries = site.files + (site.folders if host.folders_count else 0)
    files = say("host-files", lang, files=number(site.files, lang))
    if host.folders_count:
        files += say("host-entries", lang, entries=number(entries, lang))
    kinds = ", ".join(
        say(
            "host-kind" if name else "host-kind-bare",
            lang,
            kind=name,
            files=number(kind.files, lang),
            size=megabytes(kind.bytes, lang),
        )
        for name, kind in list(site.by_kind.items())[:6]
    )
    return [
        say("host-summary", lang, host=host.name),
        _against(
            say("host-size", lang, size=megabytes(site.bytes, lang)),
            host.max_bytes,
            megabytes(host.max_bytes or 0, lang),
            lang,
        ),
        _against(files, host.max_files, number(host.max_files or 0, lang), lang),
        _against(
            say(
                "host-folder",
                lang,
                folder=site.largest_folder,
                files=number(site.largest_folder_files, lang),
            ),
            host.max_in_folder,
            number(host.max_in_folder or 0, lang),
            lang,
        ),
        _against(
            say(
                "host-file",
                lang,
                file=site.largest_file,
                size=megabytes(site.largest_file_bytes, lang),
            ),
            host.max_file_bytes,
            megabytes(host.max_file_bytes or 0, lang),
            lang,
        ),
        say("host-kinds", lang) + kinds,
    ]


def refusal(found: list[Excess], host: Host, lang: str = "vi") -> str:
    """Why the built site must not be published on `host`, and what to do, in `lang`."""
    lines = [say("host-refused", lang, host=host.name)]
    for excess in found:
        key = "entries" if excess.limit == "files" and host.folders_count else excess.limit
        shown = megabytes if excess.limit in {"bytes", "file"} else number
        lines.append(
            say(
                f"excess-{key}",
                lang,
                measured=shown(excess.measured, lang),
                allowed=shown(excess.allowed, lang),
                host=host.name,
                where=excess.where,
            )
        )
    lines.append(say("host-source", lang, source=host.source))
    return "\n".join(lines)


def flag(site_dir: Path, text: str, lang: str = "vi") -> Path:
    """Mark a built site that must not be published: the reason, in a file at its root."""
    path = site_dir / FLAG_FILE
    path.write_text(f"{text}\n\n{say('flag-note', lang)}\n", encoding="utf-8")
    return path
