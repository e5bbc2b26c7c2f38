"""The browser editor at /admin/ (Decap CMS, self-hosted from the npm package in editor/): the
office's settings (editor.yml), the generated configuration and the files put into the site.

Without editor.yml nothing here runs and the site is exactly the public catalogue."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator.load.schema import labels
from generator.problems import OcopError
from generator.publish.csp import apply_policy
from generator.publish.editor_config import collections
from generator.reference.data import Reference, load_reference
from generator.settings import EXPIRING_DAYS, Settings

EDITOR_FILE = "editor.yml"  # the office's settings; the editor is on the site only when present
PACKAGE_DIR = "editor"  # package.json, package-lock.json and node_modules/ (npm ci)
SECTION = "admin"
DIST = Path("node_modules") / "decap-cms" / "dist"
ASSETS = Path(__file__).parent / "editor_assets"  # the page, its script, what it shows first
BACKENDS = {"github", "gitlab", "local"}
# Keys of a backend the office may set (Decap's names); anything else is refused.
BACKEND_KEYS = {
    "github": {"repo", "branch", "base_url", "auth_endpoint", "api_root", "site_domain"},
    "gitlab": {"repo", "branch", "base_url", "auth_endpoint", "api_root", "auth_type", "app_id"},
    "local": {"url"},
}
DEFAULT_API = {"github": "https://api.github.com", "gitlab": "https://gitlab.com/api/v4"}
LOCAL_URL = "http://localhost:8081/api/v1"  # decap-server's default
URL_KEYS = {"api_root", "base_url", "url"}  # addresses the editor calls (and the CSP allows)
SETTINGS_KEYS = {"backend", "publish_mode"}
PUBLISH_MODES = {"simple", "editorial_workflow"}
EXAMPLE_REPO = "so-nnptnt/ocop-danh-muc"


class EditorError(OcopError):
    """The editor's settings are wrong, or its npm package is not installed."""


@dataclass(frozen=True)
class EditorSettings:
    """What the office's administrator chose: the git host, the repository and the branch."""

    backend: dict[str, Any]
    publish_mode: str

    @property
    def origins(self) -> tuple[str, ...]:
        """The other origins the editor talks to (the git host's API, the local server)."""
        name = self.backend["name"]
        if name == "proxy":
            urls = [self.backend["proxy_url"]]
        else:
            urls = [self.backend.get("api_root", DEFAULT_API[name])]
            if name == "gitlab" and self.backend.get("auth_type") == "pkce":
                urls.append(self.backend.get("base_url", "https://gitlab.com"))
        return tuple(sorted({_origin(u) for u in urls}))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def read_settings(root: Path) -> EditorSettings | None:
    """The settings of editor.yml at the project's root; None when the editor is not used."""
    path = root / EDITOR_FILE
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise EditorError("editor-encoding", file=EDITOR_FILE) from None
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        line, column = _error_position(error, text)
        raise EditorError("editor-yaml", file=EDITOR_FILE, line=line, column=column) from None
    data = data if isinstance(data, dict) else {}  # a lone value or a list names no backend
    _refuse_unknown(data, SETTINGS_KEYS, "editor-key")
    backend = data.get("backend")
    if not isinstance(backend, dict) or str(backend.get("name")) not in BACKENDS:
        raise EditorError("editor-backend-name", file=EDITOR_FILE, allowed=_listed(BACKENDS))
    name = str(backend["name"])
    _refuse_unknown(backend, BACKEND_KEYS[name] | {"name"}, "editor-backend-key", backend=name)
    backend = {key: _text(key, value) for key, value in backend.items()}
    for key in URL_KEYS & set(backend):
        parts = urlsplit(backend[key])
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise EditorError("editor-backend-url", file=EDITOR_FILE, key=key)
    if name != "local" and not backend.get("repo"):
        raise EditorError("editor-backend-repo", file=EDITOR_FILE, example=EXAMPLE_REPO)
    if name == "local":
        # decap-server on this machine, writing straight into the project's files.
        backend = {"name": "proxy", "proxy_url": backend.get("url", LOCAL_URL)}
        mode = "simple"
    else:
        # Each saved record becomes a branch and a pull/merge request; CI checks it there.
        mode = data.get("publish_mode", "editorial_workflow")
    if str(mode) not in PUBLISH_MODES:
        raise EditorError("editor-publish-mode", file=EDITOR_FILE, allowed=_listed(PUBLISH_MODES))
    return EditorSettings(backend, str(mode))


def _listed(names: set[str]) -> str:
    return ", ".join(sorted(names))


def _refuse_unknown(data: dict[Any, Any], allowed: set[str], code: str, **params: str) -> None:
    """Stop on a key the office may not set (a typo would otherwise be silently ignored)."""
    unknown = {str(key) for key in data} - allowed
    if unknown:
        raise EditorError(
            code, file=EDITOR_FILE, keys=_listed(unknown), allowed=_listed(allowed), **params
        )


def _text(key: Any, value: Any) -> str:
    """A backend setting as Decap reads it: text on one line (a number such as a branch 2026
    is taken as its digits)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise EditorError("editor-backend-text", file=EDITOR_FILE, key=str(key))
    return value.strip()


def _error_position(error: yaml.YAMLError, text: str) -> tuple[int, int]:
    """Line and column (from 1) of a YAML error; an unreadable character has no mark, only its
    place in the text."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return mark.line + 1, mark.column + 1
    before = text[: getattr(error, "position", 0)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def decap_config(editor: EditorSettings, reference: Reference, site_url: str) -> dict[str, Any]:
    """The whole configuration Decap CMS reads from admin/config.yml."""
    return {
        "backend": editor.backend,
        "publish_mode": editor.publish_mode,
        "locale": "vi",
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": "data/media",  # only used when a photo is added outside a record
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": collections(reference),
    }


def preview_data(reference: Reference, site_url: str) -> dict[str, Any]:
    """What the producer preview needs to show statuses as the site does: validity of each
    criteria set, names of groups and provinces, the days before expiry called "expiring"."""
    return {
        "site_url": site_url,
        "expiring_days": EXPIRING_DAYS,
        "criteria": {
            c.id: {"name": c.name, "months": c.validity_months} for c in reference.criteria.values()
        },
        "groups": reference.all_groups(),
        "kinds": labels("producer", "kind"),
        "provinces": {p.id: p.name for p in reference.provinces.values()},
    }


def package_dist(root: Path) -> Path:
    """The folder of Decap CMS's built files, installed by `npm ci` in editor/."""
    dist = root / PACKAGE_DIR / DIST
    if not (dist / "decap-cms.js").is_file():
        raise EditorError(
            "editor-not-installed", folder=f"{PACKAGE_DIR}/node_modules", package=PACKAGE_DIR
        )
    return dist


def _stylesheets(site: Path) -> list[str]:
    """The site's own stylesheets (Material's and ours), as addresses from the site's root."""
    sheets = sorted(site.glob("assets/stylesheets/main.*.min.css"))
    sheets += [site / "assets" / "stylesheets" / "ocop.css"]
    return ["/" + p.relative_to(site).as_posix() for p in sheets if p.is_file()]


def publish_editor(settings: Settings, site: Path) -> int:
    """Write /admin/ into a built site when editor.yml asks for it; the bytes it added."""
    editor = read_settings(settings.root)
    if editor is None:
        return 0
    dist = package_dist(settings.root)
    reference, problems = load_reference(settings.reference_dir, settings.root)
    if reference is None:
        raise EditorError("editor-reference")
    target = site / SECTION
    target.mkdir(parents=True, exist_ok=True)
    # The bundle and the chunks and WebAssembly it loads; not the source maps, not the copy
    # named cms.js.
    for source in dist.iterdir():
        if source.name.endswith((".map", ".LICENSE.txt")) or "cms.js" == source.name:
            continue
        if source.name.endswith(".cms.js"):
            continue
        _link_or_copy(source, target / source.name)
    site_url = settings.site_url
    config = decap_config(editor, reference, site_url)
    (target / "config.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
    )
    preview = preview_data(reference, site_url)
    preview["stylesheets"] = _stylesheets(site)
    script = (ASSETS / "ocop-editor.js").read_text(encoding="utf-8")
    facts = json.dumps(preview, ensure_ascii=False, sort_keys=True)
    (target / "ocop-editor.js").write_text(f"window.OCOP_PREVIEW = {facts};\n{script}", "utf-8")
    page = (ASSETS / "index.html").read_text(encoding="utf-8")
    page = apply_policy(page, f"{SECTION}/index.html", editor.origins)
    (target / "index.html").write_text(page, encoding="utf-8")
    return sum(p.stat().st_size for p in target.iterdir())


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link where the site and node_modules share a disk (no copy of 6 MB per build)."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
