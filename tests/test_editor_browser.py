"""The editor at /admin/ driven in Debian's Chromium against its local backend (decap-server)
on a copy of the project: what the form saves is YAML that `ocop validate` accepts."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DECAP_SERVER = ROOT / "editor" / "node_modules" / ".bin" / "decap-server"
CHROMIUM = "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api")
if not (DECAP_SERVER.exists() and Path(CHROMIUM).exists()) and not os.environ.get("CI"):
    pytest.skip("editor packages or Chromium missing", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int) -> None:
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("editor") / "project"
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout
    for name in files.split():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, root / name)
    (root / "editor" / "node_modules").symlink_to(ROOT / "editor" / "node_modules")
    api, web = _free_port(), _free_port()
    (root / "editor.yml").write_text(
        f"backend:\n  name: local\n  url: http://127.0.0.1:{api}/api/v1\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    env = dict(
        os.environ, PORT=str(api), BIND_HOST="127.0.0.1", MODE="fs", GIT_REPO_DIRECTORY=str(root)
    )
    servers = [
        subprocess.Popen(
            [str(DECAP_SERVER)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        ),
        subprocess.Popen(
            [
                "python3",
                "-m",
                "http.server",
                str(web),
                "--bind",
                "127.0.0.1",
                "-d",
                str(root / "site"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        _wait(api)
        _wait(web)
        yield root, f"http://127.0.0.1:{web}/admin/"
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


def test_a_producer_created_in_the_form_is_valid_data(project: tuple[Path, str]) -> None:
    root, admin = project
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        refused: list[str] = []
        page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
        page.goto(admin)
        page.get_by_role("button", name="Đăng nhập").click()
        page.goto(admin + "#/collections/producers/new")

        def choose(label: str, text: str) -> None:
            box = page.get_by_label(label, exact=True)
            box.click()
            box.fill(text)
            page.keyboard.press("Enter")

        page.get_by_label("Mã cố định của chủ thể, trùng tên tệp").fill("htx-thu-nghiem")
        page.get_by_label("Tên chủ thể", exact=True).fill("Hợp tác xã Thử Nghiệm")
        choose("Loại hình chủ thể", "Hợp tác xã")
        page.get_by_label("Địa chỉ đúng như văn bản nguồn ghi", exact=True).fill(
            "xã Hòa An, Cao Bằng"
        )
        choose("Mã tỉnh/thành phố hiện hành", "Cao Bằng")
        choose("Mã xã/phường hiện hành (không bắt buộc)", "Hòa An")
        page.get_by_role("button", name="Add các sản phẩm OCOP của chủ thể").click()
        page.get_by_label("Mã cố định của sản phẩm, duy nhất trong cả danh mục", exact=True).fill(
            "mien-thu-nghiem"
        )
        page.get_by_label("Tên sản phẩm", exact=True).fill("Miến thử nghiệm")
        choose("Mã nhóm sản phẩm theo bộ tiêu chí", "Thực phẩm")
        page.get_by_role("button", name="Add các lần công nhận, đánh giá lại").click()
        page.get_by_label("Số sao", exact=True).fill("4")
        choose("Mã bộ tiêu chí", "148")
        page.get_by_label("Số quyết định", exact=True).fill("123/QĐ-UBND")
        page.get_by_label("Ngày quyết định", exact=True).fill("2025-03-10")
        page.get_by_label("Cơ quan ban hành", exact=True).fill("UBND tỉnh Cao Bằng")
        preview = page.frame_locator("iframe").first
        assert "4 sao" in preview.locator("body").inner_text()
        page.get_by_role("button", name="Công bố").first.click()
        page.get_by_text("Công bố ngay").click()
        saved = root / "data" / "producers" / "htx-thu-nghiem.yaml"
        for _ in range(100):
            if saved.exists():
                break
            page.wait_for_timeout(100)
        browser.close()
    assert refused == []
    data = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert data["address"] == {
        "as_given": "xã Hòa An, Cao Bằng",
        "province": "cao-bang",
        "commune": "hoa-an",
    }
    assert data["products"][0]["certifications"][0]["stars"] == 4
    # Decap's folder path cannot name a field (`address.province`), so a new producer is saved
    # in data/producers/; in its province's folder the file is valid as saved.
    target = root / "data" / "producers" / "cao-bang" / saved.name
    saved.rename(target)
    result = CliRunner().invoke(cli, ["validate", "--root", str(root)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    page_html = (
        root / "site" / "danh-muc" / "chu-the" / "htx-thu-nghiem" / "index.html"
    ).read_text()
    assert "Miến thử nghiệm" in page_html and "4 sao" in page_html
