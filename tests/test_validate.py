"""Every kind of data problem, one fixture each: asserted as (file, line, code)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import load_catalogue
from generator.settings import Settings
from tests.conftest import AS_OF, FIXTURES, overlay

P = "data/producers/cao-bang/htx-mau.yaml"
INSP = "data/inspections/2025-06-01-mau.yaml"

# fixture folder -> (file, line, code) of its one problem
CASES = {
    "yaml-syntax": (P, 9, "yaml-syntax"),
    "yaml-tab": (P, 6, "yaml-tab"),
    "yaml-duplicate-key": (P, 4, "yaml-duplicate-key"),
    "yaml-not-mapping": (INSP, 1, "yaml-not-mapping"),
    "file-encoding": (P, 2, "file-encoding"),
    "unknown-field": (P, 12, "unknown-field"),
    "phone-not-text": (P, 9, "phone-not-text"),
    "wrong-type": (P, 19, "wrong-type"),
    "missing-field": (P, 14, "missing-field"),
    "bad-date": (P, 23, "bad-date"),
    "stars-range": (P, 18, "stars-range"),
    "stars-after-range": (INSP, 13, "stars-range"),
    "score-band": (P, 19, "score-band"),
    "future-date": (P, 23, "future-date"),
    "duplicate-id": (P, 14, "duplicate-id"),
    "duplicate-alias": (P, 4, "duplicate-id"),
    "file-name-mismatch": ("data/producers/cao-bang/htx-mau-cu.yaml", 1, "file-name-mismatch"),
    "folder-mismatch": (P, 6, "folder-mismatch"),
    "unknown-province": (P, 6, "unknown-province"),
    "unknown-commune": (P, 7, "unknown-commune"),
    "former-unit": (P, 7, "former-unit"),
    "former-unit-province": (P, 6, "former-unit"),
    "unknown-criteria": (P, 20, "unknown-criteria"),
    "group-not-in-criteria": (P, 16, "group-not-in-criteria"),
    "bad-value": (P, 3, "bad-value"),
    "bad-id": (INSP, 9, "bad-id"),
    "bad-url": (P, 11, "bad-url"),
    "bad-email": (P, 10, "bad-email"),
    "photo-missing": (P, 14, "photo-missing"),
    "photo-unreadable": (P, 14, "photo-unreadable"),
    "photo-outside": (P, 14, "photo-outside"),
    "photo-too-large": (P, 14, "photo-too-large"),
    "photo-truncated": (P, 14, "photo-unreadable"),
    "revoked-before-decision": (P, 26, "revoked-before-decision"),
    "illustrative-unknown": (P, 13, "illustrative-unknown"),
    "unknown-producer": (INSP, 8, "unknown-producer"),
    "unknown-product": (INSP, 9, "unknown-product"),
    "outcome-needs": (INSP, 12, "outcome-needs"),
    "deadline-before-date": (INSP, 13, "deadline-before-date"),
    "misplaced-file": ("data/producers/htx-lac.yaml", None, "misplaced-file"),
    "yml-extension": ("data/inspections/2025-07-01-mau.yml", None, "misplaced-file"),
}


def problems_of(root: Path) -> list[tuple[str, int | None, str]]:
    report = load_catalogue(Settings(root=root, as_of=AS_OF)).report
    return [(p.file, p.line, p.code) for p in report]


def test_every_fixture_is_in_the_table() -> None:
    assert sorted(p.name for p in (FIXTURES / "invalid").iterdir()) == sorted(CASES)


def test_base_fixture_is_valid(tmp_path: Path) -> None:
    assert problems_of(overlay(tmp_path, FIXTURES / "base")) == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_one_problem_per_fixture(case: str, tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base", FIXTURES / "invalid" / case)
    assert problems_of(root) == [CASES[case]]


def test_all_problems_in_one_run(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    for case in ("unknown-field", "unknown-producer", "yml-extension"):
        overlay(root, FIXTURES / "invalid" / case)
    codes = {code for _, _, code in problems_of(root)}
    assert codes == {"unknown-field", "unknown-producer", "misplaced-file"}


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("yaml-duplicate-key", "Trường 'name' xuất hiện hai lần (lần đầu ở dòng 2)"),
        (
            "unknown-field",
            "Trường 'descripton' không có trong mẫu dữ liệu; có phải ý bạn là 'description'?",
        ),
        ("score-band", "Điểm 65 không khớp với 4 sao theo Quyết định 148/QĐ-TTg (70–89 điểm)"),
        ("unknown-producer", "Không có chủ thể mã 'htx-maau'; có phải ý bạn là 'htx-mau'?"),
        ("bad-date", "Ngày '2025-02-30' không tồn tại hoặc sai dạng"),
    ],
)
def test_messages_name_the_fix(case: str, message: str, tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base", FIXTURES / "invalid" / case)
    [problem] = load_catalogue(Settings(root=root, as_of=AS_OF)).report
    assert problem.message() == message
    assert problem.hint()


def test_english_messages(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base", FIXTURES / "invalid" / "phone-not-text")
    [problem] = load_catalogue(Settings(root=root, as_of=AS_OF)).report
    assert problem.message("en").startswith("Phone number 'phones' is written as a number")
    assert (
        problem.hint("en")
        == 'Put the phone number in double quotes, e.g. "0000 000 000" (an example).'
    )


def test_sample_data_is_valid() -> None:
    from tests.conftest import REPO

    assert load_catalogue(Settings(root=REPO, as_of=AS_OF)).report.ok


def test_photo_link_pointing_outside_data(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base", FIXTURES / "invalid" / "photo-missing")
    folder = root / "data" / "producers" / "cao-bang" / "anh"
    folder.mkdir()
    outside = tmp_path / "secret.jpg"
    outside.write_bytes(
        (
            FIXTURES / "invalid" / "photo-truncated" / "data" / "producers" / "cao-bang" / "cut.jpg"
        ).read_bytes()
    )
    (folder / "khong-co.jpg").symlink_to(outside)
    assert problems_of(root) == [(P, 14, "photo-outside")]


def test_checked_files_are_kept_until_the_file_or_its_photo_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import pipeline
    from tests.photo_factory import phone_photo

    root = overlay(tmp_path, FIXTURES / "base", FIXTURES / "invalid" / "photo-unreadable")
    photo = next((root / "data").rglob("*.jpg"))
    broken = photo.read_bytes()
    assert problems_of(root) == [CASES["photo-unreadable"]]
    assert (root / ".cache" / "checked.sqlite").is_file()
    loads: list[Path] = []
    real = pipeline.load_document
    monkeypatch.setattr(
        pipeline, "load_document", lambda p, r, raw=None: loads.append(p) or real(p, r, raw)
    )
    assert problems_of(root) == [CASES["photo-unreadable"]]
    assert loads == []  # nothing changed: every file's outcome came from the cache
    phone_photo(photo)  # the photo is fixed; the YAML file is not touched
    assert problems_of(root) == []
    photo.write_bytes(broken)
    assert problems_of(root) == [CASES["photo-unreadable"]]
    data = root / CASES["unknown-field"][0]
    data.write_text(data.read_text(encoding="utf-8").replace("name:", "nam:", 1), "utf-8")
    assert "unknown-field" in {code for _, _, code in problems_of(root)}
    assert [p.name for p in loads] == [data.name, data.name, data.name]
    (root / ".cache" / "checked.sqlite").write_bytes(b"not a database" * 100)
    loads.clear()
    assert "unknown-field" in {code for _, _, code in problems_of(root)}  # damaged: checked again
    assert len(loads) > 1
    loads.clear()
    assert "unknown-field" in {code for _, _, code in problems_of(root)}
    assert loads == []  # and kept again


@pytest.mark.parametrize("case", ["duplicate-id", "duplicate-alias", "unknown-producer"])
def test_problems_across_files_keep_their_line_when_files_come_from_the_cache(
    case: str, tmp_path: Path
) -> None:
    root = overlay(tmp_path, FIXTURES / "base", FIXTURES / "invalid" / case)
    assert problems_of(root) == [CASES[case]]
    assert problems_of(root) == [CASES[case]]  # kept documents are stored without positions


def test_every_problem_of_many_files_checked_in_parallel(tmp_path: Path) -> None:
    from generator.demo import write_demo
    from generator.parallel import PARALLEL_FROM

    write_demo(tmp_path, 80, 3, AS_OF)
    files = sorted((tmp_path / "data" / "producers").rglob("*.yaml"))
    assert len(files) >= PARALLEL_FROM  # enough files for the worker processes
    first, middle, last = files[0], files[40], files[-1]
    first.write_text(first.read_text(encoding="utf-8") + "extra_field: 1\n", "utf-8")
    middle.write_text(middle.read_text(encoding="utf-8") + "broken: [\n", "utf-8")
    text = last.read_text(encoding="utf-8")
    last.write_text(text.replace("stars: ", "stars: 9", 1), "utf-8")
    found = {(p.file, p.code) for p in load_catalogue(Settings(root=tmp_path, as_of=AS_OF)).report}
    rel = {path: path.relative_to(tmp_path).as_posix() for path in (first, middle, last)}
    assert (rel[first], "unknown-field") in found
    assert (rel[middle], "yaml-syntax") in found
    assert (rel[last], "stars-range") in found
