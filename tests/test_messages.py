"""The message catalogue: every word the staff read comes from it, so `--lang en` is English
through and through; an error that stops a run ends in its message, never a traceback."""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bench.preview import preview, wait_for
from generator import bootstrap
from generator.cli import cli
from generator.drawings.fonts import FONT_DIR_ENV, FontMissing
from generator.load.schema import labels
from generator.messages import (
    BOOTSTRAP_TEXTS,
    ERRORS,
    HELP,
    LANG_ENV,
    MESSAGES,
    OUTCOME_NAMES_EN,
    REASONS,
    TEXTS,
    render_error,
)
from generator.problems import OcopError
from tests.conftest import AS_OF, FIXTURES, REPO, copy_project, overlay

DATE = ["--as-of", AS_OF.isoformat()]
CASES = sorted(p.name for p in (FIXTURES / "invalid").iterdir())
# Letters only Vietnamese uses here (with its tone and vowel marks, and đ).
VIETNAMESE = re.compile(
    "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE
)
QUOTED = re.compile(r"'[^'\n]*'")  # values quoted from the data may be Vietnamese


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, input=input)


def words_of(output: str) -> str:
    """The output without the values it quotes from the data."""
    return QUOTED.sub("''", output)


def assert_english(output: str) -> None:
    found = sorted({m.group() for m in VIETNAMESE.finditer(words_of(output))})
    lines = [line for line in words_of(output).splitlines() if VIETNAMESE.search(line)]
    assert not found, lines
    assert "Traceback" not in output


def test_the_check_sees_vietnamese() -> None:
    with pytest.raises(AssertionError):
        assert_english("data/x.yaml:3: Thiếu trường bắt buộc 'id' [missing-field]")
    assert_english("data/x.yaml:3: No producer with ID 'htx-mẫu' [unknown-producer]")


@pytest.mark.parametrize("case", CASES)
def test_every_invalid_fixture_in_english(case: str, tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base", FIXTURES / "invalid" / case)
    text = run("validate", "--root", str(root), *DATE, "--lang", "en")
    assert text.exit_code == 1
    assert_english(text.output)
    assert "Fix: " in text.output and re.search(r"in \d+ file\(s\) checked\.\n$", text.output)
    report = json.loads(
        run("validate", "--root", str(root), *DATE, "--lang", "en", "--format", "json").output
    )
    for problem in report["problems"]:
        assert_english(problem["message"] + "\n" + problem["hint"])


@pytest.mark.parametrize("case", ["reference-criteria"])
def test_broken_reference_data_in_english(case: str, tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base", FIXTURES / "invalid" / case)
    result = run("validate", "--root", str(root), *DATE, "--lang", "en")
    assert result.exit_code == 1
    assert result.output.startswith("data/reference/")
    assert_english(result.output)


def test_the_problem_params_are_data(tmp_path: Path) -> None:
    """What a problem carries names things in the data; the words are the catalogue's."""
    root = overlay(tmp_path, FIXTURES / "base", FIXTURES / "invalid" / "duplicate-id")
    result = run("validate", "--root", str(root), *DATE, "--format", "json")
    [problem] = json.loads(result.output)["problems"]
    assert problem["params"] == {
        "kind": "product",
        "id": "tra-mau",
        "other": "data/producers/cao-bang/htx-mau-hai.yaml:14",
    }
    assert problem["message"].startswith("Mã sản phẩm 'tra-mau' đã được dùng ở")


def test_every_entry_in_both_languages() -> None:
    for code, entry in MESSAGES.items():
        assert set(entry) == {"vi", "en"}, code
        assert all(len(entry[lang]) == 2 for lang in entry), code
    for table in (ERRORS, TEXTS, HELP, BOOTSTRAP_TEXTS, *REASONS.values()):
        for key, entry in table.items():
            assert set(entry) == {"vi", "en"}, key
    assert set(REASONS) <= set(MESSAGES)


def test_generate_and_build_lines_in_english(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    result = run("generate", "--root", str(root), *DATE, "--lang", "en")
    assert (result.exit_code, result.output) == (0, "Pages written to content/danh-muc/\n")
    overlay(root, FIXTURES / "invalid" / "stars-range")
    result = run("build", "--root", str(root), *DATE, "--lang", "en")
    assert result.exit_code == 1
    assert result.output.endswith("The site was not built; the previous site/ is kept.\n")
    assert_english(result.output)


def test_broken_editor_settings_stop_the_build_in_english(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    (root / "editor.yml").write_text("backend:\n  name: github\n  tokn: x\n", encoding="utf-8")
    result = run("build", "--root", str(root), *DATE, "--lang", "en")
    assert result.exit_code == 1
    assert result.output == (
        "editor.yml: unknown `tokn` in `backend` (github); allowed: api_root, auth_endpoint, "
        "base_url, branch, name, repo, site_domain.\n"
    )
    assert not (root / "site").exists()  # stopped before anything was built
    (root / "editor.yml").write_text("backend:\n  name: github\n repo: a/b\n", encoding="utf-8")
    result = run("build", "--root", str(root), *DATE, "--lang", "en")
    assert result.exit_code == 1
    assert result.output.startswith("editor.yml, line 3, column 2: YAML syntax error.")
    assert_english(result.output)


def test_bad_date_option_in_either_order() -> None:
    for args in (
        ["--lang", "en", "--as-of", "24/11/2026"],
        ["--as-of", "24/11/2026", "--lang", "en"],
    ):
        result = run("validate", *args)
        assert result.exit_code == 2
        assert "'24/11/2026' is not a date of the form YYYY-MM-DD" in result.output
        assert_english(result.output)


def test_scaffold_error_in_english(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    product = ["--product-name", "Honey", "--group", "thuc-pham", "--stars", "4", "--criteria"]
    product += ["qd-148-2023"]
    product += ["--decision-number", "1/QD", "--decision-date", "2025-01-01", "--issuer", "UBND"]
    result = run(
        "new",
        "product",
        "--root",
        str(root),
        *DATE,
        "--lang",
        "en",
        "--producer",
        "htx-none",
        *product,
    )
    assert (result.exit_code, result.output) == (
        1,
        "No producer with ID 'htx-none' in data/producers/.\n",
    )


def test_import_lines_in_english(tmp_path: Path) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    sheet = tmp_path / "list.csv"
    heading = "STT,Ten san pham,Chu the,Dia chi,Phan nhom,So sao,So quyet dinh,Ngay quyet dinh\n"
    sheet.write_text(
        heading + "1,Honey,HKD Dong Van,Dong Van,thuc-pham,six,2/QD,32/13/2025\n"
        "2,,HTX A,B,Rau,3,1/QD,2025-01-01\n",
        encoding="utf-8",
    )
    result = run(
        "import", str(sheet), "--root", str(root), *DATE, "--lang", "en", "--province", "cao-bang"
    )
    assert result.exit_code == 1
    assert (
        "list.csv:3: Row 3, column B (Ten san pham): product name is missing"
        " [import-missing-value]" in result.output
    )
    assert result.output.endswith(
        "Nothing written: fix the rows above in the spreadsheet and import again.\n"
    )
    assert_english(result.output)
    sheet.write_text(heading + "1,Honey,HKD Dong Van,Dong Van,thuc-pham,4,2/QD,2025-01-01\n")
    result = run(
        "import",
        str(sheet),
        "--root",
        str(root),
        *DATE,
        "--lang",
        "en",
        "--province",
        "cao-bang",
        "--dry-run",
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Heading row of the list: 1 (encoding UTF-8, separated by commas).",
        "+ new producer HKD Dong Van (hkd-dong-van), row 2",
        "+ new product Honey of HKD Dong Van, row 2",
        "+ 4-star certificate for Honey (decision 2/QD), row 2",
        "1 row(s) imported, 0 not imported. Dry run: 1 file(s) would be written; nothing written.",
    ]
    wrong = tmp_path / "list.ods"
    wrong.write_text("x")
    result = run("import", str(wrong), "--root", str(root), *DATE, "--lang", "en")
    assert (result.exit_code, result.output) == (
        1,
        "list.ods: Files of type .ods cannot be read [import-format]\n"
        "    Fix: In Excel use Save As > Excel Workbook (.xlsx) or CSV UTF-8, then import"
        " that file.\n"
        "1 problem(s).\n"
        "Nothing written: fix the rows above in the spreadsheet and import again.\n",
    )


def test_report_written_in_english(tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    out = tmp_path / "report.csv"
    result = run(
        "report", "--root", str(root), *DATE, "--lang", "en", "--format", "csv", "-o", str(out)
    )
    assert (result.exit_code, result.output) == (0, f"Report written to {out}\n")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("vi", "Thiếu phông chữ DejaVuSans"),
        ("en", "The font DejaVuSans"),
    ],
)
def test_generate_without_the_font_ends_in_a_message(
    lang: str, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = overlay(tmp_path / "p", FIXTURES / "base")
    (tmp_path / "no-fonts").mkdir()
    monkeypatch.setenv(FONT_DIR_ENV, str(tmp_path / "no-fonts"))
    result = run("generate", "--root", str(root), *DATE, "--lang", lang)
    assert result.exit_code == 1
    assert result.output.startswith(words), result.output
    assert "fonts-dejavu-core" in result.output and str(tmp_path / "no-fonts") in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    if lang == "en":
        assert_english(result.output)


def test_an_error_raised_in_a_worker_comes_back_whole() -> None:
    """Errors travel back from forked workers pickled: code, params and type survive."""
    error = FontMissing("font-missing", font="DejaVuSans.ttf", folders="/nowhere")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is FontMissing and isinstance(again, OcopError)
    assert (
        again.message("en")
        == error.message("en")
        == render_error("font-missing", error.params, "en")
    )
    assert str(again) == error.message("vi")


def test_build_over_a_host_limit_in_english(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    big = root / "content" / "tai-lieu" / "ban-do.pdf"
    big.parent.mkdir(parents=True, exist_ok=True)
    with big.open("wb") as out:
        out.truncate(26 * 1024**2)  # past Cloudflare's 25 MiB a file, taking no room on disk
    env = {"OCOP_HOST": "cloudflare-pages-free"}
    result = run("build", "--root", str(root), *DATE, "--lang", "en", env=env)
    assert result.exit_code == 1
    assert "The site for Cloudflare Pages (free plan):" in result.stdout
    assert "  largest file: tai-lieu/ban-do.pdf 27.3 MB (limit 26.2 MB)" in result.stdout
    assert "(limit 20,000)" in result.stdout
    assert (
        "- The file tai-lieu/ban-do.pdf weighs 27.3 MB, past the limit of 26.2 MB per file of "
        "Cloudflare Pages (free plan). Fix: make that file smaller" in result.stderr
    )
    assert "marked by the file site/KHONG-XUAT-BAN.txt" in result.stderr
    assert_english(result.output)
    assert_english((root / "site" / "KHONG-XUAT-BAN.txt").read_text(encoding="utf-8"))


def test_hosting_errors_in_english(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    result = run("build", "--root", str(root), "--lang", "en", env={"OCOP_HOST": "github"})
    assert result.exit_code == 1
    assert result.output.startswith("The host 'github' (extra: ocop: host: in mkdocs.yml")
    assert "Write one of: github-pages, gitlab-pages," in result.output
    assert_english(result.output)

    env = {"OCOP_MEDIA_URL": "http://cdn.example/"}
    result = run("build", "--root", str(root), "--lang", "en", env=env)
    assert result.exit_code == 1
    assert "The media address 'http://cdn.example/'" in result.output
    assert "must be a full https address" in result.output
    assert_english(result.output)
    assert not (root / "site").exists()

    result = run("upload", "--root", str(root), "--lang", "en")
    assert (result.exit_code, result.output) == (
        0,
        "The photos are part of the site (media_url is not set): nothing to send.\n",
    )
    env = {"OCOP_MEDIA_URL": "https://cdn.example/"}
    result = run("upload", "--root", str(root), "--lang", "en", env=env)
    assert result.exit_code == 1
    assert result.output.startswith("No destination for the photos is set")
    assert_english(result.output)
    env["OCOP_MEDIA_REMOTE"] = "r2:ocop-anh"
    result = run("upload", "--root", str(root), "--lang", "en", env=env)
    assert (result.exit_code, result.output) == (
        1,
        "There is no folder site.media/ yet: run `ocop build` first (with media_url set).\n",
    )
    if shutil.which("rclone"):
        (root / "site.media").mkdir()
        env["OCOP_MEDIA_REMOTE"] = "no-such-remote:ocop-anh"
        result = run("upload", "--root", str(root), "--lang", "en", env=env)
        assert result.exit_code == 1
        assert result.output.startswith("rclone could not send the photos to no-such-remote:")
        assert "Traceback" not in result.output


# The failing-data paths through the engine: its hook speaks the language chosen too.
REFUSED = {
    "vi": "Dữ liệu có lỗi, không dựng trang web",
    "en": "The data has problems, so the site is not built",
}
KEPT = {
    "vi": "Dữ liệu có lỗi; bản xem trước giữ các trang cũ",
    "en": "The data has problems; the preview keeps the previous pages",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_build_of_failing_data_speaks_the_language(lang: str, tmp_path: Path) -> None:
    root = copy_project(tmp_path, data=FIXTURES / "base" / "data")
    overlay(root, FIXTURES / "invalid" / "unknown-producer")
    options = [] if lang == "vi" else ["--lang", "en"]  # Vietnamese unless chosen otherwise
    result = run("build", "--root", str(root), *DATE, *options)
    assert result.exit_code == 1
    assert "[unknown-producer]" in result.output
    # A plain `mkdocs build` has no --lang: OCOP_LANG chooses, and its hook refuses the data.
    env = {k: v for k, v in os.environ.items() if k != LANG_ENV}
    engine = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env | ({} if lang == "vi" else {LANG_ENV: "en"}),
    )
    said = engine.stdout + engine.stderr
    assert engine.returncode != 0
    assert REFUSED[lang] in said and "[unknown-producer]" in said
    assert not (root / "site").exists()
    if lang == "en":
        assert_english(result.output)
        assert_english(said)
    else:
        assert "Không có chủ thể mã 'htx-maau'" in result.output and REFUSED["vi"] in said


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_preview_of_failing_data_speaks_the_language(lang: str, tmp_path: Path) -> None:
    root = copy_project(tmp_path, data=FIXTURES / "base" / "data")
    assert run("generate", "--root", str(root), *DATE).exit_code == 0  # earlier pages
    overlay(root, FIXTURES / "invalid" / "unknown-producer")
    options = [] if lang == "vi" else ["--lang", "en"]
    with preview(root, *options) as running:
        started = wait_for(running.url + "danh-muc/chu-the/htx-mau/", "Hợp tác xã Mẫu", 90)
    assert started is not None, running.output
    assert KEPT[lang] in running.output and "[unknown-producer]" in running.output
    if lang == "en":
        assert_english(running.output)


@pytest.mark.parametrize(("lang", "question"), [("vi", "Tên chủ thể: "), ("en", "Producer name: ")])
def test_ocop_new_asks_in_the_language(lang: str, question: str, tmp_path: Path) -> None:
    root = overlay(tmp_path, FIXTURES / "base")
    answers = "Hop tac xa Che\nhtx\ncao-bang\nxa Hoa An\nTra xanh\ndo-uong\n4\n\n1/QD\n"
    answers += "2025-06-16\nUBND\n"
    result = run("new", "producer", "--root", str(root), *DATE, "--lang", lang, input=answers)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(question)
    if lang == "en":
        assert_english(result.output)


def _overdue_without_recommendations(tmp_path: Path) -> Path:
    """The base catalogue with an entry past its deadline that gives no recommendation, so the
    report names its outcome."""
    root = overlay(tmp_path, FIXTURES / "base")
    rounds = root / "data/inspections/2025-06-01-mau.yaml"
    rounds.write_text(
        rounds.read_text().replace(
            "    outcome: maintained\n",
            "    outcome: maintained-with-recommendations\n    deadline: 2025-09-01\n",
        )
    )
    return root


REPORT_EN = [
    "== Certificates expiring in the next 1200 days: 1",
    "   Expires | Days left | Product | Producer | Province | Decision",
    "== Certificates lapsed (not re-evaluated): 0",
    "== Producers not inspected for 6 months: 1",
    "   Last inspected | Producer | Province",
    "== Recommendations past their deadline: 1",
    "   Deadline | Inspection round | To / producer | Recommendation",
    "== Products with no known group (fill in the group field): 0",
]


@pytest.mark.parametrize("env", [False, True])
def test_report_in_english(env: bool, tmp_path: Path) -> None:
    root = _overdue_without_recommendations(tmp_path)
    options = [] if env else ["--lang", "en"]
    result = run(
        "report",
        "--root",
        str(root),
        *DATE,
        "--within",
        "1200",
        "--months",
        "6",
        *options,
        env={LANG_ENV: "en"} if env else None,
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    ours = [  # each list's title and the headings under it; the rows below are data
        line
        for before, line in zip(["", *lines], lines, strict=False)
        if line.startswith("==") or before.startswith("==") and line.startswith("   ")
    ]
    assert ours == REPORT_EN
    assert "| Maintained, with recommendations to act on" in result.output
    assert "| never |" not in result.output  # the one stale producer was inspected once
    assert_english("\n".join(REPORT_EN))


def test_report_is_vietnamese_by_default(tmp_path: Path) -> None:
    root = _overdue_without_recommendations(tmp_path)
    env = {LANG_ENV: ""}
    result = run("report", "--root", str(root), *DATE, "--months", "6", env=env)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "== Kiến nghị đã quá hạn: 1" in lines
    assert "   Hạn | Đợt kiểm tra | Gửi tới / chủ thể | Nội dung" in lines
    assert "| Duy trì, có kiến nghị khắc phục" in result.output


def test_report_csv_in_the_chosen_language(tmp_path: Path) -> None:
    """On the screen and in a file: headings in the chosen language, the data as it is."""
    root = _overdue_without_recommendations(tmp_path)
    shown = run("report", "--root", str(root), *DATE, "--lang", "en", "--format", "csv")
    assert shown.exit_code == 0
    assert shown.output.startswith('"Certificates expiring in the next 90 days"\n')
    assert '"Deadline","Inspection round","To / producer","Recommendation"' in shown.output
    out = tmp_path / "report.csv"
    run("report", "--root", str(root), *DATE, "--lang", "en", "--format", "csv", "-o", str(out))
    assert out.read_bytes().decode("utf-8-sig") == shown.output.replace("\n", "\r\n")
    kept = tmp_path / "bao-cao.csv"
    run(
        "report", "--root", str(root), *DATE, "--format", "csv", "-o", str(kept), env={LANG_ENV: ""}
    )
    assert (
        kept.read_bytes().decode("utf-8-sig").startswith('"Chứng nhận hết hạn trong 90 ngày tới"')
    )


def test_every_outcome_has_an_english_name() -> None:
    assert set(OUTCOME_NAMES_EN) == set(labels("inspection", "entries", "outcome"))


def _commands() -> list[list[str]]:
    found = [[]]
    for name, command in cli.commands.items():
        found.append([name])
        found += [[name, sub] for sub in getattr(command, "commands", {})]
    return found


def _help_keys() -> set[str]:
    """Every help and metavar the commands name: each must be a key of HELP."""
    keys = set()
    for path in _commands():
        command = cli
        for name in path:
            command = command.commands[name]
        keys.add(command.help)
        for param in command.params:
            keys |= {key for key in (param.help, param.metavar) if key}  # type: ignore[attr-defined]
    return keys


def test_every_help_is_in_the_catalogue() -> None:
    assert _help_keys() | {"--help"} == set(HELP)


@pytest.mark.parametrize("path", _commands(), ids=" ".join)
@pytest.mark.parametrize("how", ["after", "before", "env"])
def test_help_in_english(path: list[str], how: str) -> None:
    lang = ["--lang", "en"]
    args = {"after": [*path, "--help", *lang], "before": [*lang, *path, "-h"], "env": [*path, "-h"]}
    result = run(*args[how], env={LANG_ENV: "en" if how == "env" else "vi"})
    assert result.exit_code == 0, result.output
    assert_english(result.output)
    assert "Show this message and exit." in result.output
    assert path == [] or "Example: ocop" in result.output


@pytest.mark.parametrize("path", _commands(), ids=" ".join)
def test_help_is_vietnamese_by_default(path: list[str]) -> None:
    result = run(*path, "--help", env={LANG_ENV: ""})
    assert result.exit_code == 0, result.output
    assert "Hiện trợ giúp này rồi thoát." in result.output
    assert path == [] or "Ví dụ: ocop" in result.output


def _bootstrap(*args: str, lang: str | None) -> subprocess.CompletedProcess[str]:
    """The real set-up command, run by the system's Python as on a fresh machine."""
    env = {k: v for k, v in os.environ.items() if k != LANG_ENV}
    env |= {LANG_ENV: lang} if lang else {}
    command = [shutil.which("python3") or sys.executable, "-m", "generator.bootstrap", *args]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)


@pytest.mark.parametrize(
    ("lang", "words"),
    [(None, "Tạo môi trường ảo .venv"), ("en", "Create the virtual environment .venv")],
)
def test_bootstrap_speaks_the_language(lang: str | None, words: str) -> None:
    done = _bootstrap("--help", lang=lang)
    assert done.returncode == 0 and done.stdout.startswith(words)
    assert "python3 -m generator.bootstrap test" in done.stdout
    if lang == "en":
        assert_english(done.stdout + done.stderr)


@pytest.mark.parametrize(
    ("lang", "words"), [("vi", "Thiếu gói Debian: cài bằng"), ("en", "Debian packages are missing")]
)
def test_bootstrap_missing_packages_in_the_language(
    lang: str,
    words: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(LANG_ENV, lang)
    monkeypatch.setattr(os, "geteuid", lambda: 1000)  # not root: the set-up may only say so
    bootstrap.ensure_debian_packages({"ocop-test-package": tmp_path / "missing"})
    said = capsys.readouterr().err
    assert said.startswith(words) and "sudo apt-get install ocop-test-package" in said
    if lang == "en":
        assert_english(said)
