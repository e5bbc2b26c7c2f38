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
    assert problem.hint("en") == 'Put the phone number in double quotes, e.g. "0206 3850 123".'


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
