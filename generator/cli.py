"""The `ocop` command for staff: thin wrappers over the core, problems turned into exit codes."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator.pipeline import Loaded, load_catalogue
from generator.problems import OcopError
from generator.settings import Settings, today


def _as_of(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' không phải ngày dạng NĂM-THÁNG-NGÀY (vd 2026-11-24)"
        ) from None


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
        type=click.Choice(["vi", "en"]),
        default="vi",
        show_default=True,
        help="Ngôn ngữ của thông báo lỗi.",
    )
    @functools.wraps(func)
    def wrapper(root: Path, as_of: dt.date, lang: str, **kwargs: Any) -> Any:
        return func(Settings(root=root, as_of=as_of, lang=lang), **kwargs)

    return wrapper


def _generate(settings: Settings, tolerate: bool = False) -> Loaded:
    """Validate and write the pages; print every problem and exit 1 unless `tolerate`."""
    from generator.output import generate as generate_pages

    loaded = generate_pages(settings)
    if not loaded.report.ok:
        click.echo(loaded.report.format_text(settings.lang, loaded.files_checked), err=True)
        if not tolerate:
            sys.exit(1)
    return loaded


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    loaded = load_catalogue(settings)
    if fmt == "json":
        click.echo(loaded.report.format_json(settings.lang))
    else:
        click.echo(loaded.report.format_text(settings.lang, loaded.files_checked))
    sys.exit(0 if loaded.report.ok else 1)


@cli.command()
@common
def generate(settings: Settings) -> None:
    """Kiểm tra dữ liệu và viết các trang Markdown vào content/danh-muc/.

    Ví dụ: ocop generate --as-of 2026-01-01
    """
    _generate(settings)
    click.echo(f"Đã tạo các trang trong {settings.generated_dir.relative_to(settings.root)}/")


@cli.command()
@common
@click.option(
    "--within",
    default=90,
    show_default=True,
    metavar="NGÀY",
    help="Liệt kê chứng nhận hết hạn trong số ngày này.",
)
@click.option(
    "--months",
    default=12,
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
    from generator.reports import build_report, report_csv, report_text

    loaded = load_catalogue(settings)
    if loaded.catalogue is None:
        click.echo(loaded.report.format_text(settings.lang, loaded.files_checked), err=True)
        sys.exit(1)
    sections = build_report(loaded.catalogue, within, months)
    data = report_csv(sections) if fmt == "csv" else report_text(sections).encode("utf-8")
    if output:
        output.write_bytes(data)
        click.echo(f"Đã ghi báo cáo vào {output}")
    else:
        click.echo(data.decode("utf-8-sig"), nl=False)


@cli.command()
@common
@click.option("-v", "--verbose", is_flag=True, help="In cả thông tin của MkDocs.")
def build(settings: Settings, verbose: bool) -> None:
    """Kiểm tra dữ liệu, tạo trang và dựng trang web vào site/.

    Khi dữ liệu có lỗi, site/ cũ được giữ nguyên. Ví dụ: ocop build --as-of 2026-11-24
    """
    from generator.engine import build_site

    loaded = _generate(settings, tolerate=True)
    if not loaded.report.ok:
        click.echo("Không dựng trang web; site/ cũ được giữ nguyên.", err=True)
        sys.exit(1)
    try:
        site = build_site(settings, verbose=verbose)
    except OcopError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    catalogue = loaded.catalogue
    assert catalogue is not None
    click.echo(
        f"Đã dựng {len(catalogue.producers)} chủ thể, {len(catalogue.products())} sản phẩm, "
        f"{len(catalogue.rounds)} đợt kiểm tra vào {site.relative_to(settings.root)}/ "
        f"(tình trạng tính đến {settings.as_of:%d/%m/%Y})."
    )


@cli.command()
@common
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Địa chỉ của bản xem trước."
)
def serve(settings: Settings, dev_addr: str) -> None:
    """Xem trước trang web; sửa tệp trong data/ thì trang tự cập nhật.

    Ví dụ: ocop serve --dev-addr 0.0.0.0:8000
    """
    from generator.engine import serve_site

    loaded = _generate(settings, tolerate=True)
    if not loaded.report.ok and not (settings.generated_dir / "index.md").is_file():
        sys.exit(1)  # nothing to preview yet; with older pages, the preview keeps them
    serve_site(settings, dev_addr)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `ocop` console command."""
    cli.main(args=argv, prog_name="ocop")


if __name__ == "__main__":
    main()
