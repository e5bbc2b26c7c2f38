"""Every kind of data problem, one fixture each: asserted as (file, line, code)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model.loading import load_catalogue
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
    "reference-criteria": ("data/reference/criteria.yaml", 32, "wrong-type"),
    "control-character": (P, 2, "control-character"),
    "control-raw": (P, 12, "control-character"),
    "control-line-break": (P, 15, "control-character"),
    "noncharacter": (P, 24, "control-character"),
    "bidi-unclosed": (P, 15, "bidi-unclosed"),
    "alias-newline": (P, 2, "bad-id"),
    "id-newline": (P, 25, "bad-id"),
    "yaml-too-deep": (P, 13, "yaml-too-deep"),
    "number-notation": (P, 19, "number-notation"),
    "number-sexagesimal": (P, 19, "number-notation"),
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
        (
            "score-band",
            "Điểm 65 không khớp với 4 sao theo bộ tiêu chí qd-148-2023 (70–89 điểm)",
        ),
        ("unknown-producer", "Không có chủ thể mã 'htx-maau'; có phải ý bạn là 'htx-mau'?"),
        ("bad-date", "Ngày '2025-02-30' không tồn tại hoặc sai dạng"),
        (
            "control-raw",
            "Có ký tự không in được U+0007: trang web không hiện được nó và các tệp XML bị hỏng",
        ),
        (
            "number-sexagesimal",
            "'score' viết là 1:15: đây không phải cách viết số thập phân (YAML đọc thành 75)",
        ),
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
    from generator.model import loading as pipeline
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
    from generator.parallel import PARALLEL_FROM
    from generator.staff.demo import write_demo

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


@pytest.mark.parametrize(
    ("case", "english"),
    [
        ("control-raw", "An unprintable character U+0007: pages cannot show it"),
        ("bidi-unclosed", "The direction control U+202E is not closed"),
        ("yaml-too-deep", "Values are nested too deep (more than 32 levels"),
        ("number-notation", "'score' is written 0x4B: not a decimal number (YAML reads it as 75)"),
        ("id-newline", "Invalid ID 'sp-moi\\n'"),
    ],
)
def test_new_problems_in_both_languages(case: str, english: str, tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base", FIXTURES / "invalid" / case)
    [problem] = load_catalogue(Settings(root=root, as_of=AS_OF)).report
    assert problem.message("en").startswith(english)
    assert problem.message("vi") != problem.message("en")
    for lang in ("vi", "en"):
        assert problem.hint(lang) and "{" not in problem.message(lang) + problem.hint(lang)
    assert "\n" not in problem.format("vi").split("\n    ")[0]  # the value's line break escaped


def test_decimal_numbers_and_whole_floats_are_valid(tmp_path: Path) -> None:
    """`score: 075` is 75 and `stars: 4.0` the whole number 4, as a person reads them."""
    root = overlay(tmp_path, FIXTURES / "base")
    path = root / P
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("stars: 4", "stars: 4.0").replace("score: 75", "score: 075"))
    loaded = load_catalogue(Settings(root=root, as_of=AS_OF))
    assert loaded.report.ok, loaded.report.format_text()
    cert = loaded.catalogue.producers[0].products[0].current
    assert (cert.stars, cert.score) == (4, 75) and type(cert.stars) is int


def _patterns(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return own + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in _patterns(value)]
    return []


@pytest.mark.parametrize("name", ["producer", "inspection"])
def test_patterns_match_the_whole_value(name: str) -> None:
    """Schema patterns are searched, not matched, and Python's `$` matches before a final
    newline: each is anchored at both ends, and both checkers refuse a final newline."""
    from generator.check.validate import is_id
    from generator.load import schema

    patterns = _patterns(schema.load_schema(name))
    assert patterns and all(p.startswith("^") and p.endswith("$") for p in patterns)
    document = {"id": "a\n"}
    errors = [e.validator for e in schema.validator(name).iter_errors(document)]
    assert "pattern" in errors and not schema.is_valid(document, name)
    assert is_id("a") and not is_id("a\n") and not is_id("a\nb")
    assert not schema.is_date("2024-01-23\n") and not schema.is_email("a@b.vn\n")
    assert not schema.is_url("https://a.vn\n") and schema.is_url("https://a.vn/x")


def test_data_files_and_folders_linked_from_outside_data_are_refused(tmp_path: Path) -> None:
    root = overlay(tmp_path / "project", FIXTURES / "base")
    outside = overlay(tmp_path / "elsewhere", FIXTURES / "base")  # valid files, outside data/
    producers = root / "data" / "producers"
    (producers / "cao-bang" / "htx-ngoai.yaml").symlink_to(
        outside / "data/producers/cao-bang/htx-mau.yaml"
    )
    (producers / "thanh-hoa").symlink_to(outside / "data/producers/cao-bang")
    (root / "data/inspections/2025-07-01-ngoai.yaml").symlink_to(outside / INSP)
    assert problems_of(root) == [
        ("data/inspections/2025-07-01-ngoai.yaml", None, "file-outside"),
        ("data/producers/cao-bang/htx-ngoai.yaml", None, "file-outside"),
        ("data/producers/thanh-hoa", None, "file-outside"),
    ]
    [problem, *_] = load_catalogue(Settings(root=root, as_of=AS_OF)).report
    assert str(outside) in problem.message() and problem.hint()
    # a link that stays inside data/ is a file like any other
    for link in (producers / "cao-bang" / "htx-ngoai.yaml", producers / "thanh-hoa"):
        link.unlink()
    (root / "data/inspections/2025-07-01-ngoai.yaml").unlink()
    (root / "data/inspections/2025-07-01-ngoai.yaml").symlink_to(root / INSP)
    assert ("data/inspections/2025-07-01-ngoai.yaml", None, "file-outside") not in problems_of(root)
