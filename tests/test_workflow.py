"""The git workflow files run the same commands as the README: validate on every merge request,
build and publish on every push to main."""

from __future__ import annotations

import yaml

from tests.conftest import REPO


def load(name: str) -> dict:
    return yaml.safe_load((REPO / name).read_text(encoding="utf-8"))


def test_pre_commit_validates_data() -> None:
    [hook] = load(".pre-commit-config.yaml")["repos"][0]["hooks"]
    assert hook["entry"] == ".venv/bin/ocop validate" and hook["files"] == "^data/"


def test_github_actions() -> None:
    workflow = load(".github/workflows/site.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = [s.get("run", "") for s in workflow["jobs"]["validate"]["steps"]]
    assert "python3 -m generator.bootstrap validate" in steps
    steps = workflow["jobs"]["build"]["steps"]
    build = [s.get("run", "") for s in steps]
    assert "python3 -m generator.bootstrap build" in build
    [built] = [s for s in steps if s.get("run") == "python3 -m generator.bootstrap build"]
    assert built["env"]["OCOP_HOST"] == "github-pages"  # measured against its limits
    # photos go to the media address before the pages that show them are published
    assert build.index("python3 -m generator.bootstrap upload") < [
        s.get("uses", "") for s in steps
    ].index("actions/upload-pages-artifact@v3")
    [cache] = [s for s in workflow["jobs"]["build"]["steps"] if "cache" in s.get("uses", "")]
    assert cache["with"]["path"] == ".cache"  # the next build draws only what changed
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")


def test_gitlab_ci() -> None:
    ci = load(".gitlab-ci.yml")
    assert ci["validate"]["script"] == ["python3 -m generator.bootstrap validate"]
    assert "merge_request_event" in ci["validate"]["rules"][0]["if"]
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    assert ci["pages"]["cache"]["paths"] == [".cache"]
    script = ci["pages"]["script"]
    assert ci["pages"]["variables"]["OCOP_HOST"] == "gitlab-pages"
    assert (
        script.index("python3 -m generator.bootstrap build")
        < script.index("python3 -m generator.bootstrap upload")
        < script.index("rm -rf public && cp -r site public")
    )
