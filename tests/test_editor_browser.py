"""The editor at /admin/ driven in Debian's Chromium against its local backend (decap-server)
on a copy of the project: what the form saves is YAML that `ocop validate` accepts. The browser
is the session's shared one (tests/conftest.py): a second Playwright started while it runs would
collide with its event loop."""

from __future__ import annotations

import datetime
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
from generator.publish.editor_config import form_message
from tests.conftest import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
DECAP_SERVER = ROOT / "editor" / "node_modules" / ".bin" / "decap-server"
playwright = pytest.importorskip("playwright.sync_api")
if not (DECAP_SERVER.exists() and CHROMIUM.exists()) and not os.environ.get("CI"):
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


def _saved(path: Path, before: str | None = None) -> str:
    """The file's text once the editor has written it (it saves in the background)."""
    for _ in range(100):
        if path.exists() and path.read_text(encoding="utf-8") != before:
            return path.read_text(encoding="utf-8")
        time.sleep(0.1)
    raise AssertionError(f"{path} was not saved")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


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


class Editor:
    """One signed-in editor tab, with the few moves staff make in its forms."""

    def __init__(self, browser: object, admin: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.admin = admin
        self.refused: list[str] = []
        self.page.on("console", self._console)
        self.page.goto(admin)
        self.page.get_by_role("button", name="Đăng nhập").click()

    def open(self, route: str) -> None:
        """A record's form in a fresh tab: Decap keeps the form it showed before when only
        the address changes."""
        page = self.context.new_page()
        page.on("console", self._console)
        page.goto(f"{self.admin}#/collections/{route}")
        self.page.close()
        self.page = page

    def _console(self, message: object) -> None:
        if "Content Security Policy" in message.text:
            self.refused.append(message.text)

    def choose(self, box: object, text: str) -> None:
        """Pick an option of a select (or a relation) by typing part of its label."""
        box.click()
        box.fill(text)
        self.page.get_by_role("option", name=text).first.click()

    def field(self, label: str) -> object:
        return self.page.get_by_label(label, exact=True)

    def item(self, summary: str) -> object:
        """A closed item of a list (a product, a certification...), found by its summary."""
        items = self.page.locator("[class*=ListItem-listControlItem]")
        return items.filter(
            has=self.page.locator("[class*=NestedObjectLabel]", has_text=summary)
        ).last

    def open_item(self, summary: str) -> object:
        item = self.item(summary)
        item.locator("[class*=ListItemTopBar] button").first.click()
        return item

    def publish(self) -> None:
        self.page.get_by_role("button", name="Công bố").first.click()
        self.page.get_by_text("Công bố ngay").click()

    def close(self) -> None:
        self.context.close()


def test_values_the_schema_refuses_are_refused_with_the_validator_wording(
    project: tuple[Path, str], browser: object
) -> None:
    root, admin = project
    editor = Editor(browser, admin)
    editor.open("producers/new")
    editor.field("Mã cố định của chủ thể, trùng tên tệp").fill("HTX Sai Mã")
    editor.page.get_by_role("button", name="Thêm sản phẩm").click()
    editor.page.get_by_role("button", name="Thêm lần công nhận").click()
    editor.field("Số sao").fill("7")
    editor.page.get_by_role("button", name="Công bố").first.click()
    editor.page.get_by_text("Công bố ngay").click()
    for code in ("bad-id", "stars-range"):
        # the message `ocop validate` gives, under the field
        error = editor.page.get_by_role("listitem").filter(has_text=form_message(code))
        playwright.expect(error).to_have_text(form_message(code))
    editor.close()
    assert not list((root / "data" / "producers").rglob("*sai*"))


def test_records_created_and_edited_in_the_form_are_valid_data(
    project: tuple[Path, str], browser: object
) -> None:
    root, admin = project
    producers, inspections = root / "data" / "producers", root / "data" / "inspections"
    editor = Editor(browser, admin)

    # A new producer with one product and one certification.
    editor.open("producers/new")
    editor.field("Mã cố định của chủ thể, trùng tên tệp").fill("htx-thu-nghiem")
    editor.field("Tên chủ thể").fill("Hợp tác xã Thử Nghiệm")
    editor.choose(editor.field("Loại hình chủ thể (không bắt buộc)"), "Hợp tác xã")
    editor.field("Địa chỉ đúng như văn bản nguồn ghi").fill("xã Hòa An, Cao Bằng")
    editor.choose(editor.field("Mã tỉnh/thành phố hiện hành"), "Cao Bằng")
    editor.choose(
        editor.field("Mã xã/phường/đặc khu hiện hành (không bắt buộc)"), "Hòa An (Cao Bằng)"
    )
    editor.page.get_by_role("button", name="Thêm sản phẩm").click()
    editor.field("Mã cố định của sản phẩm, duy nhất trong cả danh mục").fill("mien-thu-nghiem")
    editor.field("Tên sản phẩm").fill("Miến thử nghiệm")
    group = editor.field("Mã nhóm sản phẩm theo bộ tiêu chí (không bắt buộc)")
    group.click()
    group.fill("Thực phẩm")
    editor.page.keyboard.press("Enter")
    editor.page.get_by_role("button", name="Thêm lần công nhận").click()
    editor.field("Số sao").fill("4")
    criteria = editor.field("Mã bộ tiêu chí")
    criteria.click()
    criteria.fill("148")
    editor.page.keyboard.press("Enter")
    editor.field("Số quyết định").fill("123/QĐ-UBND")
    editor.field("Ngày quyết định").fill("2025-03-10")
    editor.field("Cơ quan ban hành (không bắt buộc)").fill("UBND tỉnh Cao Bằng")
    assert "4 sao" in editor.page.frame_locator("iframe").first.locator("body").inner_text()
    editor.publish()
    created = producers / "cao-bang" / "htx-thu-nghiem.yaml"  # in its province's folder
    _saved(created)
    assert not (producers / "htx-thu-nghiem.yaml").exists()

    # An existing product's stars (the second product, which has no score to contradict).
    edited = producers / "thanh-hoa" / "qh-htx-nong-lam-san-nam-xuan.yaml"
    edited_before = edited.read_text(encoding="utf-8")
    editor.open("producers/entries/thanh-hoa/qh-htx-nong-lam-san-nam-xuan")
    product = editor.open_item("Sản phẩm: Cơm lam Nam Xuân")
    editor.open_item("3 sao, ngày")  # its certification (the last item so named)
    stars = product.get_by_label("Số sao", exact=True)
    playwright.expect(stars).to_have_value("3")
    stars.fill("4")
    editor.publish()
    _saved(edited, edited_before)

    # A new entry in an existing inspection, its producer chosen by name.
    inspection = inspections / "2024-01-23-quan-hoa.yaml"
    inspection_before = inspection.read_text(encoding="utf-8")
    editor.open("inspections/entries/2024-01-23-quan-hoa")
    editor.page.get_by_role("button", name="Thêm chủ thể được kiểm tra").click()
    editor.choose(editor.field("Mã chủ thể").last, "Hợp tác xã Thử Nghiệm")
    editor.choose(editor.field("Kết luận").last, "Duy trì")
    editor.publish()
    _saved(inspection, inspection_before)
    editor.close()
    assert editor.refused == []

    data = _load(created)
    assert data["kind"] == "htx"  # optional now, but saved when chosen
    assert data["address"] == {
        "as_given": "xã Hòa An, Cao Bằng",
        "province": "cao-bang",
        "commune": "hoa-an",
    }
    assert data["products"][0]["certifications"][0] == {
        "stars": 4,
        "criteria": "qd-148-2023",
        "decision": {
            "number": "123/QĐ-UBND",
            "date": datetime.date(2025, 3, 10),
            "issuer": "UBND tỉnh Cao Bằng",
        },
    }
    # The edited file holds the same data but the one star, its keys in the same order.
    expected = yaml.safe_load(edited_before)
    expected["products"][1]["certifications"][0]["stars"] = 4
    assert _load(edited) == expected
    assert list(_load(edited)) == list(expected)
    expected = yaml.safe_load(inspection_before)
    after = _load(inspection)
    assert after["entries"][:-1] == expected["entries"]
    assert {k: v for k, v in after.items() if k != "entries"} == {
        k: v for k, v in expected.items() if k != "entries"
    }
    assert after["entries"][-1]["producer"] == "htx-thu-nghiem"
    assert after["entries"][-1]["outcome"] == "maintained"

    result = CliRunner().invoke(cli, ["validate", "--root", str(root)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    pages = root / "site" / "danh-muc" / "chu-the"
    new_page = (pages / "htx-thu-nghiem" / "index.html").read_text(encoding="utf-8")
    assert "Miến thử nghiệm" in new_page and "4 sao" in new_page
    edited_page = (pages / "qh-htx-nong-lam-san-nam-xuan" / "index.html").read_text("utf-8")
    assert "4 sao" in edited_page
