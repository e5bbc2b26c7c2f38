"""The browser editor's configuration, generated from the JSON Schemas and the reference data,
its own Content-Security-Policy, and the site left alone without editor.yml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.load.schema import inline, load_schema
from generator.messages import render_message
from generator.publish import csp
from generator.publish.editor import EditorError, EditorSettings, publish_editor, read_settings
from generator.publish.editor_config import collections, field_paths, form_message, form_paths
from generator.reference.data import load_reference
from generator.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def forms() -> dict[str, list[dict]]:
    reference, problems = load_reference(ROOT / "data" / "reference", ROOT)
    assert reference is not None, problems
    return {c["name"]: c["fields"] for c in collections(reference)}


def _find(fields: list[dict], path: str) -> dict:
    head, _, rest = path.partition(".")
    field = next(f for f in fields if f["name"] == head)
    return _find(field.get("fields", []), rest) if rest else field


@pytest.mark.parametrize(
    ("collection", "schema"), [("producers", "producer"), ("inspections", "inspection")]
)
def test_every_schema_field_has_a_form_field(forms: dict, collection: str, schema: str) -> None:
    root = load_schema(schema)
    expected = list(field_paths(inline(root, root)))
    found = list(form_paths(forms[collection]))
    assert [p for p in expected if p not in found] == []
    assert [p for p in found if p not in expected] == []


def test_fields_carry_the_schema_wording_and_choices(forms: dict) -> None:
    kind = _find(forms["producers"], "kind")
    assert kind["label"] == "Loại hình chủ thể" and kind["widget"] == "select"
    assert {"label": "Hợp tác xã", "value": "htx"} in kind["options"]
    outcome = _find(forms["inspections"], "entries.outcome")
    assert {"label": "Duy trì", "value": "maintained"} in outcome["options"]
    date = _find(forms["producers"], "products.certifications.decision.date")
    assert (date["widget"], date["format"], date["time_format"]) == (
        "datetime",
        "YYYY-MM-DD",
        False,
    )
    assert _find(forms["producers"], "name")["required"] is True
    assert _find(forms["producers"], "description")["required"] is False
    # An optional object's required fields are optional in the form (checked by `ocop validate`).
    assert _find(forms["producers"], "products.certifications.revoked.date")["required"] is False
    producer = _find(forms["inspections"], "entries.producer")
    assert (producer["widget"], producer["collection"]) == ("relation", "producers")


def test_refusals_use_the_validators_wording(forms: dict) -> None:
    pattern, message = _find(forms["producers"], "id")["pattern"]
    assert pattern == load_schema("producer")["$defs"]["id"]["pattern"]
    assert message.startswith(render_message("bad-id", {"value": ""}).replace(" ''", ""))
    assert (
        "Số sao không hợp lệ"
        in _find(forms["producers"], "products.certifications.stars")["pattern"][1]
    )
    assert form_message("bad-date") == "Ngày không tồn tại hoặc sai dạng"


def test_provinces_and_communes_come_from_the_reference_objects(forms: dict) -> None:
    reference, _ = load_reference(ROOT / "data" / "reference", ROOT)
    assert reference is not None
    communes = _find(forms["producers"], "address.commune")["options"]
    expected = {c.id for p in reference.provinces.values() for c in p.communes.values()}
    assert {o["value"] for o in communes} == expected
    provinces = _find(forms["producers"], "address.province")["options"]
    assert {o["value"] for o in provinces} == set(reference.provinces)
    # the old units are written as the source gave them, not chosen from today's list
    for unit in ("province", "district", "commune"):
        assert _find(forms["producers"], f"address.former.{unit}")["widget"] == "string"


def test_the_public_policy_is_unchanged_and_admin_has_its_own() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><script>x()</script></body></html>'
    public = csp.policy_for(page)
    assert "'unsafe-eval'" not in public and "'unsafe-inline'" not in public
    assert public.startswith("default-src 'self'; script-src 'self' 'sha256-")
    editor = csp.policy_for(page, "admin/index.html", ("https://api.github.com",))
    assert "connect-src 'self' https://api.github.com;" in editor
    assert "script-src 'self' 'unsafe-eval';" in editor  # no inline script, no other origin
    assert "sha256" not in editor and "frame-src" not in editor
    assert csp.policy_for(page, "danh-muc/index.html") == public


@pytest.mark.parametrize(
    ("backend", "origins"),
    [
        ({"name": "github", "repo": "a/b"}, ("https://api.github.com",)),
        (
            {"name": "gitlab", "repo": "a/b", "auth_type": "pkce", "app_id": "x"},
            ("https://gitlab.com",),
        ),
        (
            {"name": "gitlab", "repo": "a/b", "api_root": "https://git.so.vn/api/v4"},
            ("https://git.so.vn",),
        ),
        ({"name": "local", "url": "http://127.0.0.1:8091/api/v1"}, ("http://127.0.0.1:8091",)),
    ],
)
def test_the_editor_reaches_only_its_git_host(
    tmp_path: Path, backend: dict, origins: tuple
) -> None:
    import yaml

    (tmp_path / "editor.yml").write_text(yaml.safe_dump({"backend": backend}), encoding="utf-8")
    settings = read_settings(tmp_path)
    assert isinstance(settings, EditorSettings)
    assert settings.origins == origins


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        (
            "backend:\n  name: github\n  token: x\n",
            "editor-backend-key",
            "editor.yml: không biết `token` trong `backend` (github); dùng được: api_root, "
            "auth_endpoint, base_url, branch, name, repo, site_domain.",
        ),
        (
            "backend:\n  name: github\n repo: a/b\n",
            "editor-yaml",
            "editor.yml, dòng 3, cột 2: lỗi cú pháp YAML.",
        ),
        (
            "backend:\n  name: bitbucket\n",
            "editor-backend-name",
            "editor.yml: cần `backend.name` là một trong: github, gitlab, local.",
        ),
        ("backend:\n  name: [github]\n", "editor-backend-name", "editor.yml: cần `backend.name`"),
        (
            "backend:\n  name: gitlab\n",
            "editor-backend-repo",
            "editor.yml: cần `backend.repo`, kho dữ liệu dạng chủ/tên",
        ),
        (
            "backend:\n  name: github\n  repo: [a, b]\n",
            "editor-backend-text",
            "editor.yml: `backend.repo` phải là một giá trị chữ",
        ),
        (
            "backend:\n  name: gitlab\n  repo: a/b\n  api_root: git.so.vn\n",
            "editor-backend-url",
            "editor.yml: `backend.api_root` phải là một địa chỉ bắt đầu bằng http://",
        ),
        (
            "backend:\n  name: github\n  repo: a/b\npublish_mode: [simple]\n",
            "editor-publish-mode",
            "editor.yml: `publish_mode` là một trong: editorial_workflow, simple.",
        ),
        (
            "backend:\n  name: github\n  repo: a/b\npublish-mode: simple\n",
            "editor-key",
            "editor.yml: không biết `publish-mode`; dùng được: backend, publish_mode.",
        ),
    ],
)
def test_wrong_editor_settings_stop_with_a_message(
    tmp_path: Path, text: str, code: str, words: str
) -> None:
    (tmp_path / "editor.yml").write_text(text, encoding="utf-8")
    with pytest.raises(EditorError) as raised:
        read_settings(tmp_path)
    assert raised.value.code == code
    assert raised.value.message().startswith(words), raised.value.message()
    assert all(isinstance(v, str | int) for v in raised.value.params.values())


def test_editor_settings_not_in_utf8_stop_with_a_message(tmp_path: Path) -> None:
    text = "backend:\n  name: github\n  repo: café/x\n"
    (tmp_path / "editor.yml").write_bytes(text.encode("latin-1"))
    with pytest.raises(EditorError) as raised:
        read_settings(tmp_path)
    assert raised.value.message() == (
        "editor.yml: tệp không được lưu ở mã UTF-8. Mở tệp và lưu lại với mã hóa UTF-8."
    )


def test_a_numeric_branch_is_its_digits(tmp_path: Path) -> None:
    (tmp_path / "editor.yml").write_text(
        "backend:\n  name: github\n  repo: a/b\n  branch: 2026\n", encoding="utf-8"
    )
    settings = read_settings(tmp_path)
    assert settings is not None and settings.backend["branch"] == "2026"


def test_without_editor_settings_the_site_gets_no_admin(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    assert publish_editor(Settings(root=tmp_path), site) == 0
    assert list(site.iterdir()) == []


def _widgets(fields: list[dict]) -> list[dict]:
    found = []
    for field in fields:
        found.append(field)
        found += _widgets(field.get("fields", []))
        if "field" in field:
            found += _widgets([field["field"]])
    return found


def test_every_list_names_one_item_in_vietnamese_and_no_form_names_a_file(
    forms: dict[str, list[dict]],
) -> None:
    widgets = [w for fields in forms.values() for w in _widgets(fields)]
    lists = [w for w in widgets if w["widget"] == "list"]
    assert lists and [w["name"] for w in lists if not w.get("label_singular")] == []
    # a closed item's summary has words of its own, so Decap never shows "No <field>"
    summaries = [w["summary"] for w in lists if "fields" in w]
    assert summaries and all(re.sub(r"{{[^}]*}}", "", t).strip(" :,") for t in summaries)
    assert [w["name"] for w in widgets if ".yaml" in w["label"] + w.get("hint", "")] == []


def test_a_new_producer_is_saved_in_its_province_folder() -> None:
    reference, _ = load_reference(ROOT / "data" / "reference", ROOT)
    producers = next(c for c in collections(reference) if c["name"] == "producers")
    # Decap replaces "." in a folder path before reading it; brackets reach the nested field.
    assert "." not in producers["path"]
    assert producers["path"] == "{{address[province]}}/{{slug}}"
    assert producers["folder"] == "data/producers" and producers["slug"] == "{{id}}"
