"""The static hosts the site can be published on, their limits (each with the documentation it
comes from), and a built site measured against them: what `ocop build` prints and refuses, and
what the scale benchmark reports."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.problems import OcopError

GB = 1000**3  # the hosts say "1 GB"; counted in decimal, the stricter reading
MIB = 1024**2
# Written into a built site that passes its host's limits: the site is kept for inspection, and
# anyone about to publish it by hand sees why it must not be.
FLAG_FILE = "KHONG-XUAT-BAN.txt"


@dataclass(frozen=True)
class Host:
    """A place the built site is published, with the limits it sets (None: no such limit)."""

    name: str  # the setting's value
    label: str
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
            "GitHub Pages",
            "https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits",
            max_bytes=GB,
        ),
        Host(
            "gitlab-pages",
            "GitLab Pages (gitlab.com)",
            "https://docs.gitlab.com/user/gitlab_com/#gitlab-pages",
            max_bytes=GB,
            max_files=200_000,
            folders_count=True,
        ),
        Host(
            "cloudflare-pages-free",
            "Cloudflare Pages (gói miễn phí)",
            "https://developers.cloudflare.com/pages/platform/limits/",
            max_files=20_000,
            max_file_bytes=25 * MIB,
        ),
        Host(
            "cloudflare-pages-paid",
            "Cloudflare Pages (gói trả phí)",
            "https://developers.cloudflare.com/pages/platform/limits/",
            max_files=100_000,
            max_file_bytes=25 * MIB,
        ),
        Host(
            "netlify",
            "Netlify",
            "https://answers.netlify.com/ (deploys of more than 54,000 files in one folder fail)",
            max_in_folder=54_000,
        ),
        Host("none", "máy chủ riêng hoặc kho lưu trữ đối tượng", "no limit of a static host"),
    )
}


class UnknownHost(OcopError):
    """The host setting names no host this project knows."""


def host_named(name: str) -> Host:
    """The host a setting names; stops with the names it may take otherwise."""
    if name in HOSTS:
        return HOSTS[name]
    raise UnknownHost(
        f"Nơi xuất bản '{name}' (mục extra: ocop: host: trong mkdocs.yml hoặc biến môi trường "
        f"OCOP_HOST) không có trong danh sách. Ghi một trong: {', '.join(HOSTS)}."
    )


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
    by_kind: dict[str, Kind] = field(default_factory=dict)  # most bytes first


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
    return ending.lower() if dot and stem else "(không đuôi)"


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


def number(value: int) -> str:
    """A whole number as Vietnamese writes it (199.810)."""
    return f"{value:,}".replace(",", ".")


def size(value: int) -> str:
    """Bytes in MB (decimal, as the hosts count), Vietnamese style (2.326,4 MB)."""
    whole, tenth = divmod(round(value / 100_000), 10)
    return f"{number(whole)},{tenth} MB"


def _against(measured: str, limit: int | None, shown: str) -> str:
    return f"{measured} (giới hạn {shown})" if limit is not None else measured


def summary(site: Inventory, host: Host) -> list[str]:
    """The lines `ocop build` prints: the site's size and counts beside the host's limits."""
    entries = site.files + (site.folders if host.folders_count else 0)
    counted = f"{number(entries)} tệp và thư mục" if host.folders_count else None
    limit_files = number(host.max_files) if host.max_files else ""
    kinds = ", ".join(
        f"{name} {number(kind.files)} tệp {size(kind.bytes)}"
        for name, kind in list(site.by_kind.items())[:6]
    )
    return [
        f"Trang web cho {host.label}:",
        "  dung lượng: " + _against(size(site.bytes), host.max_bytes, size(host.max_bytes or 0)),
        "  số tệp: "
        + _against(
            f"{number(site.files)} tệp" + (f" ({counted})" if counted else ""),
            host.max_files,
            limit_files,
        ),
        f"  thư mục nhiều tệp nhất: {site.largest_folder} "
        + _against(
            f"{number(site.largest_folder_files)} tệp",
            host.max_in_folder,
            number(host.max_in_folder or 0),
        ),
        f"  tệp lớn nhất: {site.largest_file} "
        + _against(
            size(site.largest_file_bytes), host.max_file_bytes, size(host.max_file_bytes or 0)
        ),
        f"  theo loại tệp: {kinds}",
    ]


_WHAT = {
    "bytes": "Dung lượng trang web {measured} vượt giới hạn {allowed} của {host}.",
    "files": "Trang web có {measured} tệp{entries} vượt giới hạn {allowed} của {host}.",
    "folder": "Thư mục {where} có {measured} tệp, vượt giới hạn {allowed} tệp một thư mục "
    "của {host}.",
    "file": "Tệp {where} nặng {measured}, vượt giới hạn {allowed} một tệp của {host}.",
}
_REMEDY = {
    "bytes": "chuyển ảnh sang kho lưu trữ đối tượng có CDN (mục extra: ocop: media_url: trong "
    "mkdocs.yml, xem trang Cán bộ › Nơi xuất bản), hoặc chọn nơi xuất bản không giới hạn "
    "dung lượng",
    "files": "chuyển ảnh sang kho lưu trữ đối tượng (media_url), hoặc chọn gói hay nơi xuất bản "
    "cho phép nhiều tệp hơn (vd cloudflare-pages-paid, gitlab-pages)",
    "folder": "chia thư mục đó, hoặc chọn nơi xuất bản khác",
    "file": "thu nhỏ tệp đó hoặc đưa nó sang kho lưu trữ đối tượng",
}


def refusal(found: list[Excess], host: Host) -> str:
    """Why the built site must not be published on `host`, and what to do, in Vietnamese."""
    lines = [f"Không xuất bản được lên {host.label}:"]
    for excess in found:
        shown = size if excess.limit in {"bytes", "file"} else number
        lines.append(
            "- "
            + _WHAT[excess.limit].format(
                measured=shown(excess.measured),
                allowed=shown(excess.allowed),
                host=host.label,
                where=excess.where,
                entries=" và thư mục" if host.folders_count and excess.limit == "files" else "",
            )
            + f" Cách xử lý: {_REMEDY[excess.limit]}."
        )
    lines.append(f"Giới hạn theo: {host.source}")
    return "\n".join(lines)


def flag(site_dir: Path, text: str) -> Path:
    """Mark a built site that must not be published: the reason, in a file at its root."""
    path = site_dir / FLAG_FILE
    path.write_text(
        f"{text}\n\nTrang web này được giữ lại để xem xét, không xuất bản. "
        "Sửa theo hướng dẫn trên rồi chạy lại `ocop build`.\n",
        encoding="utf-8",
    )
    return path
