"""Photos served from a media address: pages load them from there, the CSP allows exactly that
origin for images, the site leaves them out, and `ocop upload` sends only new and changed files
(rclone against its local backend: a folder as the object store)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.publish.csp import policy_for
from tests.conftest import AS_OF, PHOTO_PRODUCER, copy_project, with_photos
from tests.links import broken_links
from tests.photo_factory import phone_photo

MEDIA = "https://cdn.example/"


@pytest.fixture(scope="module")
def rclone() -> None:
    if shutil.which("rclone") is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs rclone (apt-get install rclone)")
        pytest.skip("rclone is not installed")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def build(root: Path) -> tuple[int, str, str]:
    return run("build", "--root", str(root), "--as-of", AS_OF.isoformat())


def configure(root: Path, **settings: str) -> None:
    """Set `extra: ocop:` values in the project's mkdocs.yml, as staff would."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for key, value in settings.items():
        text, found = re.subn(rf"(?m)^(    {key}:) .*$", rf'\1 "{value}"', text)
        assert found == 1, key
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = with_photos(copy_project(tmp_path_factory.mktemp("media")))
    bucket = tmp_path_factory.mktemp("bucket") / "anh"
    configure(root, host="github-pages", media_url=MEDIA, media_remote=str(bucket))
    code, out, err = build(root)
    assert code == 0, err
    return root, out


def producer_page(root: Path) -> str:
    page = root / "site" / "danh-muc" / "chu-the" / PHOTO_PRODUCER / "index.html"
    return page.read_text(encoding="utf-8")


def media_files(root: Path) -> list[str]:
    folder = root / "site.media"
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_pages_load_photos_from_the_media_address(project: tuple[Path, str]) -> None:
    root, out = project
    html = producer_page(root)
    sources = re.findall(r'<img src="([^"]+)" srcset="([^"]+)"', html)
    assert len(sources) == 2  # the workshop and the product
    for src, srcset in sources:
        assert re.fullmatch(r"https://cdn\.example/danh-muc/anh/[0-9a-f]{20}-\d+\.webp", src)
        for candidate in srcset.split(", "):
            assert candidate.startswith(f"{MEDIA}danh-muc/anh/"), candidate
    assert not (root / "site" / "danh-muc" / "anh").exists()  # not counted against the host
    listed = media_files(root)
    assert len(listed) == 6 and all(re.fullmatch(r"danh-muc/anh/\w+-\d+\.webp", p) for p in listed)
    assert f"Ảnh phục vụ từ {MEDIA}: 6 tệp" in out and "`ocop upload`" in out
    assert broken_links(root / "site") == []


def test_csp_allows_exactly_the_media_origin_for_images(project: tuple[Path, str]) -> None:
    root, _ = project
    checked = 0
    for page in (root / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "Content-Security-Policy" not in html:
            continue  # a redirect page
        checked += 1
        [policy] = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["img-src"] == "'self' data: https://cdn.example", page
        others = {k: v for k, v in directives.items() if k != "img-src"}
        assert "cdn.example" not in repr(others), page
    assert checked >= 30  # every page the engine made
    without = policy_for(producer_page(root))
    assert policy_for(producer_page(root), media_origin="https://cdn.example") == without.replace(
        "img-src 'self' data:", "img-src 'self' data: https://cdn.example"
    )


def test_upload_sends_only_new_and_changed_files(rclone: None, project: tuple[Path, str]) -> None:
    root, _ = project
    base = ["upload", "--root", str(root), "--as-of", AS_OF.isoformat()]
    bucket = Path(re.search(r'media_remote: "(.*)"', (root / "mkdocs.yml").read_text())[1])
    code, out, err = run(*base, "--dry-run")
    assert (code, out) == (0, f"Chạy thử: 6 tệp sẽ được gửi lên {bucket}; chưa gửi gì.\n"), err
    assert not bucket.exists()

    code, out, err = run(*base)
    assert (code, out) == (0, f"Đã gửi 6 tệp lên {bucket}; 0 tệp không đổi, không gửi lại.\n"), err
    uploaded = sorted(p.relative_to(bucket).as_posix() for p in bucket.rglob("*") if p.is_file())
    assert uploaded == media_files(root)

    code, out, err = run(*base)  # nothing changed
    assert (code, out) == (0, f"Đã gửi 0 tệp lên {bucket}; 6 tệp không đổi, không gửi lại.\n"), err

    # A producer replaces a photo with a small one (one width): only that file is sent.
    data = root / "data" / "producers" / "cao-bang" / "anh" / "xuong.jpg"
    phone_photo(data, (300, 200))
    code, _, err = build(root)
    assert code == 0, err
    assert len(media_files(root)) == 4
    code, out, err = run(*base)
    assert (code, out) == (0, f"Đã gửi 1 tệp lên {bucket}; 3 tệp không đổi, không gửi lại.\n"), err
    assert len(list(bucket.rglob("*.webp"))) == 7  # copy never deletes what pages cached may use

    # A file changed under the same name and size (encoded again): found by its checksum.
    [changed] = [p for p in (root / "site.media").rglob("*.webp")][:1]
    blob = bytearray(changed.read_bytes())
    blob[-1] ^= 0xFF
    changed.unlink()  # a link into the cache: replaced, not written through
    changed.write_bytes(bytes(blob))
    code, out, err = run(*base)
    assert (code, out) == (0, f"Đã gửi 1 tệp lên {bucket}; 3 tệp không đổi, không gửi lại.\n"), err


def test_upload_without_a_media_address_has_nothing_to_do(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    code, out, _ = run("upload", "--root", str(root))
    assert (code, out) == (
        0,
        "Ảnh nằm ngay trong trang web (chưa đặt media_url): không có gì để gửi.\n",
    )


def test_upload_needs_a_remote_and_a_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    configure(root, media_url=MEDIA)
    code, _, err = run("upload", "--root", str(root))
    assert code == 1 and "Chưa đặt nơi nhận ảnh" in err and "media_remote" in err
    code, _, err = run("upload", "--root", str(root), env={"OCOP_MEDIA_REMOTE": "r2:ocop-anh"})
    assert code == 1 and "chạy `ocop build` trước" in err


@pytest.mark.parametrize("url", ["http://cdn.example/", "cdn.example", "https://cdn.example/?a=1"])
def test_a_media_address_that_is_not_https_stops_the_build(tmp_path: Path, url: str) -> None:
    root = copy_project(tmp_path)
    code, _, err = run("build", "--root", str(root), env={"OCOP_MEDIA_URL": url})
    assert code == 1 and f"Địa chỉ ảnh '{url}" in err and "Traceback" not in err
    assert not (root / "site").exists()
