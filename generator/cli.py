"""The `ocop` command for staff: thin wrappers over the core, problems turned into exit codes."""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator.diskerrors import write_problem
from generator.lock import project_lock
from generator.messages import say
from generator.model.loading import Loaded, load_catalogue
from generator.problems import OcopError, Report
from generator.publish.hosts import FLAG_FILE, Host, host_named
from generator.render.staff_report import EXPIRING_DAYS, NOT_INSPECTED_MONTHS
from generator.settings import LANG_ENV, LANGUAGES, Settings, today
from generator.staff import scaffold
from generator.staff.scaffold import NewProduct
from generator.terminal import echo

LANG = "ocop.lang"  # the language of a command's words, kept in the context's meta
SETTINGS = "ocop.settings"  # the command's settings, kept in the context's meta


def _lang() -> str:
    context = click.get_current_context(silent=True)
    return context.meta.get(LANG, "vi") if context else "vi"


def _keep_lang(ctx: click.Context, param: click.Parameter, value: str) -> str:
    ctx.meta[LANG] = value
    return value


class _Asked(click.Option):
    """An option asked for when it is missing, in the command's language: its `prompt` is the
    key of the question in the message catalogue (TEXTS)."""

    def prompt_for_value(self, ctx: click.Context) -> Any:
        key = self.prompt
        assert key is not None
        self.prompt = say(key, ctx.meta.get(LANG, "vi"))
        try:
            return super().prompt_for_value(ctx)
        finally:
            self.prompt = key


def _as_of(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(say("bad-date-option", _lang(), value=value)) from None


def common(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command shares: project root, build date, language."""

    @click.option(
        "--root",
        type=click.Path(file_okay=False, path_type=Path),
        default=".",
        show_default=True,
        help="Thư mục gốc của dự án (chứa mkdocs.yml và data/).",
    )
    @click.option(
        "--as-of",
        "as_of",
        callback=_as_of,
        metavar="NGÀY",
        help="Ngày dùng để tính tình trạng chứng nhận (mặc định: hôm nay).",
    )
    @click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=LANGUAGES[0],
        envvar=LANG_ENV,
        show_default=True,
        is_eager=True,  # read first, so the other options' errors are in its language
        callback=_keep_lang,
        help="Ngôn ngữ của thông báo lỗi và các dòng lệnh in ra.",
    )
    @functools.wraps(func)
    def wrapper(root: Path, as_of: dt.date, lang: str, **kwargs: Any) -> Any:
        settings = Settings(root=root, as_of=as_of, lang=lang)
        click.get_current_context().meta[SETTINGS] = settings  # for a write error's message
        return func(settings, **kwargs)

    return wrapper


def _generate(settings: Settings, tolerate: bool = False) -> Loaded:
    """Validate and write the pages; print every problem and exit 1 unless `tolerate`."""
    from generator.generate.run import generate as generate_pages

    with _one_build(settings):
        loaded = generate_pages(settings)
    if not loaded.report.ok:
        echo(loaded.report.format_text(settings.lang, loaded.files_checked), err=True)
        if not tolerate:
            sys.exit(1)
    return loaded


class _Commands(click.Group):
    """The `ocop` group: an error that must stop a run (OcopError), raised anywhere in any
    command, ends as its message in the command's language and its exit code, never a
    traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OcopError as error:
            echo(error.message(ctx.meta.get(LANG, "vi")), err=True)
            ctx.exit(error.exit_code)
        except OSError as error:  # a folder that cannot be written, a full disk
            settings = ctx.meta.get(SETTINGS)
            problem = write_problem(error, settings) if settings else None
            if problem is None:
                raise
            echo(problem.format(settings.lang), err=True)
            ctx.exit(1)


def _one_build(settings: Settings) -> Any:
    """The project's lock for writing pages or the site, saying so when another command holds
    it and this one waits."""

    def waiting(pid: str) -> None:
        echo(say("build-waiting", settings.lang, pid=pid), err=True)

    return project_lock(settings.cache_dir, on_wait=waiting)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Công cụ xuất bản danh mục sản phẩm OCOP (OCOP catalogue publisher)."""


@cli.command()
@common
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Dạng báo cáo.",
)
def validate(settings: Settings, fmt: str) -> None:
    """Kiểm tra toàn bộ dữ liệu trong data/ và liệt kê mọi lỗi.

    Ví dụ: ocop validate --lang en
    """
    from generator.staff.matching import namesake_warnings

    loaded = load_catalogue(settings)
    producers = loaded.catalogue.producers if loaded.catalogue else []
    warnings = Report(namesake_warnings(producers, settings.root))
    if fmt == "json":
        report = json.loads(loaded.report.format_json(settings.lang))
        report["warnings"] = json.loads(warnings.format_json(settings.lang))["problems"]
        echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for warning in warnings:
            echo(warning.format(settings.lang))
        echo(loaded.report.format_text(settings.lang, loaded.files_checked))
    sys.exit(0 if loaded.report.ok else 1)


@cli.command()
@common
def generate(settings: Settings) -> None:
    """Kiểm tra dữ liệu và viết các trang Markdown vào content/danh-muc/.

    Ví dụ: ocop generate --as-of 2026-01-01
    """
    _generate(settings)
    folder = settings.generated_dir.relative_to(settings.root)
    echo(say("generated", settings.lang, folder=folder))


@cli.command()
@common
@click.option(
    "--within",
    default=EXPIRING_DAYS,
    show_default=True,
    metavar="NGÀY",
    help="Liệt kê chứng nhận hết hạn trong số ngày này.",
)
@click.option(
    "--months",
    default=NOT_INSPECTED_MONTHS,
    show_default=True,
    metavar="THÁNG",
    help="Liệt kê chủ thể chưa được kiểm tra trong số tháng này.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv"]),
    default="text",
    show_default=True,
    help="Dạng báo cáo (CSV mở được bằng Excel).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ghi vào tệp thay vì in ra màn hình.",
)
def report(settings: Settings, within: int, months: int, fmt: str, output: Path | None) -> None:
    """Báo cáo: chứng nhận sắp hết hạn, đã hết hạn, chủ thể lâu chưa kiểm tra, kiến nghị quá hạn.

    Ví dụ: ocop report --within 90 --format csv -o bao-cao.csv
    """
    from generator.render.staff_report import build_report, report_csv, report_text

    loaded = load_catalogue(settings)
    if loaded.catalogue is None:
        echo(loaded.report.format_text(settings.lang, loaded.files_checked), err=True)
        sys.exit(1)
    sections = build_report(loaded.catalogue, within, months)
    data = report_csv(sections) if fmt == "csv" else report_text(sections).encode("utf-8")
    if output:
        output.write_bytes(data)
        echo(say("report-written", settings.lang, path=output))
    else:
        echo(data.decode("utf-8-sig"), nl=False)


@cli.command()
@common
@click.option("-v", "--verbose", is_flag=True, help="In cả thông tin của công cụ dựng trang.")
@click.option(
    "--engine",
    metavar="TÊN",
    help="Công cụ dựng trang: mkdocs hoặc zensical (mặc định: biến OCOP_ENGINE, mục "
    "extra: ocop: engine: của mkdocs.yml, hoặc mkdocs).",
)
def build(settings: Settings, verbose: bool, engine: str | None) -> None:
    """Kiểm tra dữ liệu, tạo trang và dựng trang web vào site/.

    Khi dữ liệu có lỗi, site/ cũ được giữ nguyên. Ví dụ: ocop build --as-of 2026-11-24
    """
    from generator.publish.build import build_site, engine_named
    from generator.publish.editor import read_settings

    engine = engine or settings.engine
    engine_named(engine)  # a wrong engine stops before anything is built
    host = host_named(settings.host)  # and so does a wrong host
    read_settings(settings.root)  # and so does a wrong editor.yml
    with _one_build(settings):  # pages and site: one build at a time
        loaded = _generate(settings, tolerate=True)
        if not loaded.report.ok:
            echo(say("build-refused", settings.lang), err=True)
            sys.exit(1)
        site = build_site(settings, verbose=verbose, engine=engine)
    catalogue = loaded.catalogue
    assert catalogue is not None
    counts = {
        "producers": len(catalogue.producers),
        "products": len(catalogue.products()),
        "rounds": len(catalogue.rounds),
    }
    folder = site.relative_to(settings.root)
    echo(say("built", settings.lang, **counts, folder=folder, as_of=settings.as_of))
    _check_host(settings, site, host)


def _check_host(settings: Settings, site: Path, host: Host) -> None:
    """Print the built site's size and counts against its host's limits, lay out the photos
    served from the media address, and exit 1 (the site flagged) when a limit is passed."""
    from generator.generate.run import stage_media
    from generator.messages import megabytes, number
    from generator.publish.hosts import excesses, flag, inventory, refusal, summary

    lang = settings.lang
    measured = inventory(site)
    for line in summary(measured, host, lang):
        echo(line)
    if stage_media(settings):
        media = inventory(settings.media_dir)
        served = {"files": number(media.files, lang), "size": megabytes(media.bytes, lang)}
        folder = settings.media_dir.name
        url = settings.media_url
        echo(say("media-served", lang, url=url, folder=folder, host=host.name, **served))
    found = excesses(measured, host)
    if found:
        text = refusal(found, host, lang)
        flag(site, text, lang)
        echo(text, err=True)
        kept = {"folder": site.relative_to(settings.root), "flag": f"{site.name}/{FLAG_FILE}"}
        echo(say("site-flagged", lang, **kept), err=True)
        sys.exit(1)


@cli.command()
@common
@click.option("--dry-run", is_flag=True, help="Chỉ cho biết bao nhiêu tệp sẽ được gửi.")
def upload(settings: Settings, dry_run: bool) -> None:
    """Gửi ảnh của lần dựng gần nhất lên kho lưu trữ đối tượng (media_url, media_remote trong
    mkdocs.yml); chỉ gửi tệp mới hoặc đã đổi, không xóa gì ở kho.

    Ví dụ: ocop upload --dry-run
    """
    from generator.generate.media import upload as send

    if not settings.media_url:
        echo(say("upload-nothing", settings.lang))
        return
    done = send(settings, dry_run)
    if dry_run:
        echo(say("upload-dry-run", settings.lang, sent=done.sent, remote=done.remote))
    else:
        kept = done.files - done.sent
        echo(say("uploaded", settings.lang, sent=done.sent, remote=done.remote, kept=kept))


@cli.command()
@common
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Địa chỉ của bản xem trước."
)
def serve(settings: Settings, dev_addr: str) -> None:
    """Xem trước trang web; sửa tệp trong data/ thì trang tự cập nhật.

    Ví dụ: ocop serve --dev-addr 0.0.0.0:8000
    """
    from generator.publish.engine import serve_site

    loaded = _generate(settings, tolerate=True)
    if not loaded.report.ok and not (settings.generated_dir / "index.md").is_file():
        sys.exit(1)  # nothing to preview yet; with older pages, the preview keeps them
    serve_site(settings, dev_addr)


def _product_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The required fields of a new product and its certification, asked for when missing."""
    options = [
        click.option("--product-name", prompt="ask-product-name", cls=_Asked, help="Tên sản phẩm."),
        click.option(
            "--group",
            prompt="ask-group",
            cls=_Asked,
            help="Mã nhóm theo bộ tiêu chí.",
        ),
        click.option(
            "--stars", type=click.IntRange(3, 5), prompt="ask-stars", cls=_Asked, help="Số sao."
        ),
        click.option(
            "--criteria",
            default="qd-148-2023",
            show_default=True,
            prompt="ask-criteria",
            cls=_Asked,
            help="qd-148-2023 hoặc qd-1048-2019.",
        ),
        click.option(
            "--decision-number",
            prompt="ask-decision-number",
            cls=_Asked,
            help="Số quyết định công nhận.",
        ),
        click.option(
            "--decision-date",
            callback=_date_option,
            prompt="ask-decision-date",
            cls=_Asked,
            help="Ngày quyết định.",
        ),
        click.option(
            "--issuer", prompt="ask-issuer", cls=_Asked, help="Cơ quan ban hành quyết định."
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    return None if value is None else _as_of(ctx, param, value)


def _new_product(kwargs: dict[str, Any]) -> NewProduct:
    return NewProduct(
        kwargs["product_name"],
        kwargs["group"],
        kwargs["stars"],
        kwargs["criteria"],
        kwargs["decision_number"],
        kwargs["decision_date"],
        kwargs["issuer"],
    )


def _created(settings: Settings, path: Path, verb: str = "created") -> None:
    """Say what was written and check the data again, so a wrong answer is caught at once."""
    echo(say(verb, settings.lang, path=path.relative_to(settings.root)))
    loaded = load_catalogue(settings)
    mine = [p for p in loaded.report if p.file == path.relative_to(settings.root).as_posix()]
    for problem in mine:
        echo(problem.format(settings.lang), err=True)
    if mine:
        echo(say("fix-new-file", settings.lang), err=True)
        sys.exit(1)


@cli.group()
def new() -> None:
    """Tạo bản ghi mới: chủ thể, sản phẩm, đợt kiểm tra (không bao giờ ghi đè tệp có sẵn).

    Ví dụ: ocop new producer (các thông tin bắt buộc còn thiếu sẽ được hỏi lần lượt)
    """


@new.command("producer")
@common
@click.option(
    "--name",
    prompt="ask-producer-name",
    cls=_Asked,
    help="Tên chủ thể, ví dụ Hợp tác xã Chè Tài Hồ Sìn.",
)
@click.option(
    "--kind",
    type=click.Choice(["htx", "doanh-nghiep", "ho-kinh-doanh", "to-hop-tac"]),
    prompt="ask-kind",
    cls=_Asked,
    help="Loại hình chủ thể.",
)
@click.option("--province", prompt="ask-province", cls=_Asked, help="Mã tỉnh hiện hành.")
@click.option("--address", prompt="ask-address", cls=_Asked, help="Địa chỉ theo văn bản nguồn.")
@click.option("--commune", default=None, help="Mã xã/phường hiện hành (không bắt buộc).")
@_product_options
def new_producer(
    settings: Settings,
    name: str,
    kind: str,
    province: str,
    address: str,
    commune: str | None,
    **product: Any,
) -> None:
    """Tạo tệp chủ thể mới với một sản phẩm; mã được tạo từ tên.

    Ví dụ: ocop new producer --name "Hợp tác xã Chè Tài Hồ Sìn" --kind htx --province cao-bang
    """
    path = scaffold.new_producer(
        settings, name, kind, province, address, commune, _new_product(product)
    )
    _created(settings, path)


@new.command("product")
@common
@click.option("--producer", prompt="ask-producer", cls=_Asked, help="Mã của chủ thể có sản phẩm.")
@_product_options
def new_product(settings: Settings, producer: str, **product: Any) -> None:
    """Thêm một sản phẩm vào cuối danh sách sản phẩm của một chủ thể.

    Ví dụ: ocop new product --producer htx-che-tai-ho-sin --product-name "Trà xanh"
    """
    path, product_id = scaffold.new_product(settings, producer, _new_product(product))
    echo(say("new-product-id", settings.lang, id=product_id))
    _created(settings, path, "product-added")


@new.command("inspection")
@common
@click.option(
    "--date",
    "held",
    callback=_date_option,
    prompt="ask-inspection-date",
    cls=_Asked,
    help="Ngày kiểm tra.",
)
@click.option("--body", prompt="ask-body", cls=_Asked, help="Cơ quan kiểm tra.")
@click.option("--area", prompt="ask-area", cls=_Asked, help="Địa bàn kiểm tra.")
@click.option("--province", prompt="ask-round-province", cls=_Asked, help="Mã tỉnh hiện hành.")
@click.option(
    "--producers",
    prompt="ask-producers",
    cls=_Asked,
    help="Mã các chủ thể, cách nhau bởi dấu phẩy.",
)
def new_inspection(
    settings: Settings, held: dt.date, body: str, area: str, province: str, producers: str
) -> None:
    """Tạo tệp đợt kiểm tra mới với một mục cho mỗi chủ thể.

    Ví dụ: ocop new inspection --date 2026-03-15 --area "xã Hòa An" --province cao-bang
    """
    ids = [p.strip() for p in producers.split(",") if p.strip()]
    path = scaffold.new_inspection(settings, held, body, area, province, ids)
    _created(settings, path)


@cli.command("import")
@common
@click.argument("spreadsheet", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Tệp YAML `Tên cột: trường` cho các cột có tên khác thường lệ.",
)
@click.option("--province", help="Tỉnh cho mọi dòng khi bảng, địa chỉ và tiêu đề không nêu.")
@click.option("--issuer", help="Cơ quan công nhận khi bảng và tiêu đề không nêu.")
@click.option("--group", help="Nhóm sản phẩm cho các dòng không ghi nhóm.")
@click.option(
    "--rejects",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Nhập các dòng đủ thông tin và ghi các dòng còn lại (kèm lý do) vào tệp CSV này.",
)
@click.option(
    "--allow-similar",
    is_flag=True,
    help="Tên gần giống một chủ thể đã có vẫn được nhập thành chủ thể mới.",
)
@click.option("--dry-run", is_flag=True, help="Chỉ cho xem sẽ thay đổi gì, không ghi.")
def import_(
    settings: Settings,
    spreadsheet: Path,
    mapping: Path | None,
    province: str | None,
    issuer: str | None,
    group: str | None,
    rejects: Path | None,
    allow_similar: bool,
    dry_run: bool,
) -> None:
    """Nhập danh sách sản phẩm OCOP từ bảng tính .xlsx hoặc .csv như cơ quan ban hành; nhập lại
    chỉ thêm cái mới và bổ sung cái trước đây chưa rõ.

    Ví dụ: ocop import phu-luc-1693.xlsx --rejects chua-nhap.csv --dry-run
    """
    from generator.reference.data import load_reference
    from generator.staff.import_files import write_plan
    from generator.staff.importer import Options, plan_import, read_mapping
    from generator.staff.rejects import write_rejects

    reference, problems = load_reference(settings.reference_dir, settings.root)
    if reference is None:
        echo(Report(problems).format_text(settings.lang), err=True)
        sys.exit(1)
    columns, problems = read_mapping(mapping)
    if problems:
        echo(Report(problems).format_text(settings.lang), err=True)
        sys.exit(1)
    options = Options(province, issuer, group, allow_similar)
    plan = plan_import(settings, reference, spreadsheet, columns, options)
    for line in describe_layout(plan, settings.lang):
        echo(line)
    for change in plan.changes:
        echo(change)
    if plan.problems:
        echo(Report(plan.problems).format_text(settings.lang), err=True)
    if plan.fatal or (plan.problems and rejects is None):
        echo(say("import-not-written", settings.lang), err=True)
        sys.exit(1)
    imported, rejected = plan.imported_rows, len(plan.rejected)
    summary = say("import-summary", settings.lang, imported=imported, rejected=rejected)
    if dry_run:
        echo(f"{summary} {say('import-dry-run', settings.lang, count=len(plan.files))}")
        return
    try:
        written = write_plan(plan, settings.root)
    except OSError as error:  # all or none: what was written is taken back
        problem = write_problem(error, settings, kept="import")
        if problem is None:
            raise
        echo(problem.format(settings.lang), err=True)
        sys.exit(1)
    for path in written:
        echo(say("written", settings.lang, path=path.relative_to(settings.root)))
    if rejects is not None and plan.rejected:
        write_rejects(plan, rejects, settings.lang)
        echo(say("import-rejects-written", settings.lang, count=rejected, path=rejects))
    echo(summary)
    if not imported:  # a list of which no row could be taken is no success
        sys.exit(1)
    if plan.files:  # the project as a whole, the new files checked from what was written
        new = {path: (raw, doc) for path, (raw, doc) in written.items() if doc is not None}
        loaded = load_catalogue(settings, new, model=False)
        if not loaded.report.ok:
            echo(loaded.report.format_text(settings.lang, loaded.files_checked), err=True)
            sys.exit(1)


def describe_layout(plan: Any, lang: str = "vi") -> list[str]:
    """How the file was read, in staff words: the heading row, the columns not used, the rows
    skipped (never dropped silently)."""
    layout = plan.layout
    if layout is None:
        return []
    rows = "–".join(str(n) for n in layout.header_rows)
    if plan.encoding:
        line = say(
            "import-heading-read-as",
            lang,
            rows=rows,
            encoding=plan.encoding,
            separator=plan.separator,
        )
    else:
        line = say("import-heading", lang, rows=rows)
    lines = [line]
    unused = [f"{c.letter} ({c.heading})" for c in layout.columns if not c.known]
    if unused:
        lines.append(say("import-unused-columns", lang, columns=", ".join(unused)))
    skipped = [
        say("import-skipped-rows", lang, rows=", ".join(map(str, numbers)), skip=reason)
        for reason in ("column-numbers", "section", "repeated-heading", "totals", "note")
        if (numbers := layout.skipped.get(reason))
    ]
    if skipped:
        lines.append(say("import-skipped", lang, skipped="; ".join(skipped)))
    if layout.filled:
        from generator.staff.filldown import spans

        letters = {c.index: c for c in layout.columns}
        filled = [
            say(
                "import-filled-column",
                lang,
                column=letters[index].letter,
                heading=letters[index].heading,
                rows=spans(numbers),
            )
            for index, numbers in sorted(layout.filled.items())
        ]
        lines.append(say("import-filled-down", lang, columns="; ".join(filled)))
    if plan.recased:
        lines.append(say("import-recased", lang, count=plan.recased))
    return lines


@cli.command("demo-data")
@common
@click.option(
    "--producers", type=click.IntRange(1), default=1000, show_default=True, help="Số chủ thể."
)
@click.option("--seed", type=int, default=1, show_default=True, help="Hạt giống ngẫu nhiên.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Thư mục dự án sẽ nhận data/ tổng hợp (data/ cũ ở đó bị thay).",
)
def demo_data(settings: Settings, producers: int, seed: int, out: Path) -> None:
    """Tạo danh mục tổng hợp, tất định và hợp lệ, cỡ cả nước, để đo đạc (không phải dữ liệu thật).

    Ví dụ: ocop demo-data --producers 10000 --seed 1 --out /tmp/ocop-10k
    """
    from generator.staff.demo import write_demo

    counts = write_demo(out, producers, seed, settings.as_of)
    echo(say("demo-written", settings.lang, **counts, folder=out / "data"))


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `ocop` console command."""
    cli.main(args=argv, prog_name="ocop")


if __name__ == "__main__":
    main()
