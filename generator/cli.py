"""The `ocop` command for staff: thin wrappers over the core, problems turned into exit codes."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from generator.diskerrors import write_problem
from generator.lock import project_lock
from generator.messages import LANGUAGES, help_text, language, say
from generator.model.loading import Loaded, load_catalogue
from generator.problems import OcopError, Problem, Report
from generator.publish.hosts import FLAG_FILE, Host, host_named
from generator.render.staff_report import EXPIRING_DAYS, NOT_INSPECTED_MONTHS
from generator.settings import Settings, today
from generator.staff import scaffold
from generator.staff.scaffold import NewProduct
from generator.terminal import echo

LANG = "ocop.lang"  # the language of a command's words, kept in the context's meta
SETTINGS = "ocop.settings"  # the command's settings, kept in the context's meta


def _lang() -> str:
    """The language of the running command: the one its command line or OCOP_LANG asks for."""
    context = click.get_current_context(silent=True)
    found = context.meta.get(LANG) if context else None
    return found or _lang_asked([])


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
        help="--root",
    )
    @click.option(
        "--as-of",
        "as_of",
        callback=_as_of,
        metavar="DATE",
        help="--as-of",
    )
    @click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=_lang,  # given before the command's name, or OCOP_LANG, or Vietnamese
        is_eager=True,  # read first, so the other options' errors are in its language
        callback=_keep_lang,
        help="--lang",
    )
    @functools.wraps(func)
    def wrapper(root: Path, as_of: dt.date, lang: str, **kwargs: Any) -> Any:
        settings = Settings(root=root, as_of=as_of, lang=lang)
        click.get_current_context().meta[SETTINGS] = settings  # for a write error's message
        return func(settings, **kwargs)

    return wrapper


def _generate(settings: Settings, tolerate: bool = False, draw_later: bool = False) -> Loaded:
    """Validate and write the pages; print every problem and exit 1 unless `tolerate`.
    `draw_later`: the files are drawn beside the engine's build (`generate`)."""
    from generator.generate.run import generate as generate_pages

    with _one_build(settings):
        loaded = generate_pages(settings, draw_later)
    if not loaded.report.ok:
        echo(loaded.report.format_text(settings.lang, loaded.files_checked), err=True)
        if not tolerate:
            sys.exit(1)
    return loaded


def _lang_asked(args: list[str]) -> str:
    """The language a command line asks for (its last valid `--lang`, wherever it stands),
    else OCOP_LANG, else Vietnamese: read before Click parses, so `--help` speaks it too."""
    found = language()
    for before, arg in zip(["", *args], args, strict=False):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        value = arg if before == "--lang" else value
        found = value if value in LANGUAGES else found
    return found


@contextlib.contextmanager
def _worded(command: click.Command, ctx: click.Context) -> Iterator[None]:
    """For the time its help is written, the command's help, its options' help and metavars and
    its subcommands' help in the context's language: each is a key of the catalogue's HELP."""
    lang = ctx.meta.get(LANG, LANGUAGES[0])
    items: list[Any] = [command, *command.get_params(ctx)]
    items += getattr(command, "commands", {}).values()
    kept = [(item, item.help, getattr(item, "metavar", None)) for item in items]
    keys = {id(command.get_help_option(ctx)): "--help"}  # Click's own option, worded here
    try:
        for item, help_key, metavar in kept:
            if help_key is not None:
                item.help = help_text(keys.get(id(item), help_key), lang)
            if metavar is not None:
                item.metavar = help_text(metavar, lang)
        yield
    finally:
        for item, help_key, metavar in kept:
            item.help = help_key
            if metavar is not None:
                item.metavar = metavar


class _Command(click.Command):
    """An `ocop` command whose help is written in the language asked for."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _worded(self, ctx):
            super().format_help(ctx, formatter)


class _Commands(_Command, click.Group):
    """The `ocop` group: an error that must stop a run (OcopError), raised anywhere in any
    command, ends as its message in the command's language and its exit code, never a
    traceback. Its commands and groups are `_Command`s and `_Commands`."""

    command_class = _Command
    group_class = type

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:  # the whole command line: its language, for any help asked
            ctx.meta[LANG] = _lang_asked(args)
        return super().parse_args(ctx, args)

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


# `ocop --lang en …` and `ocop new --lang en …`: the command line's language is read before
# parsing (`_lang_asked`), so the groups only accept the option.
_group_lang = click.option(
    "--lang", type=click.Choice(LANGUAGES), is_eager=True, expose_value=False, help="--lang"
)


@click.group(cls=_Commands, help="ocop", context_settings={"help_option_names": ["-h", "--help"]})
@_group_lang
def cli() -> None:
    """The `ocop` group of commands."""


@cli.command(help="validate")
@common
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="validate --format",
)
def validate(settings: Settings, fmt: str) -> None:
    """`ocop validate`: every problem of the data, as text or JSON."""
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


@cli.command(help="generate")
@common
def generate(settings: Settings) -> None:
    """`ocop generate`: the generated pages, after the data is checked."""
    _generate(settings)
    folder = settings.generated_dir.relative_to(settings.root)
    echo(say("generated", settings.lang, folder=folder))


@cli.command(help="report")
@common
@click.option(
    "--within",
    default=EXPIRING_DAYS,
    show_default=True,
    metavar="DAYS",
    help="report --within",
)
@click.option(
    "--months",
    default=NOT_INSPECTED_MONTHS,
    show_default=True,
    metavar="MONTHS",
    help="report --months",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv"]),
    default="text",
    show_default=True,
    help="report --format",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="report --output",
)
def report(settings: Settings, within: int, months: int, fmt: str, output: Path | None) -> None:
    """`ocop report`: the staff report in the chosen language, as text or CSV."""
    from generator.render.staff_report import build_report, report_csv, report_text

    loaded = load_catalogue(settings)
    if loaded.catalogue is None:
        echo(loaded.report.format_text(settings.lang, loaded.files_checked), err=True)
        sys.exit(1)
    sections = build_report(loaded.catalogue, within, months, settings.lang)
    data = report_csv(sections) if fmt == "csv" else report_text(sections).encode("utf-8")
    if output:
        output.write_bytes(data)
        echo(say("report-written", settings.lang, path=output))
    else:
        # the screen's lines end in a newline; the file keeps CSV's CRLF for spreadsheets
        echo(data.decode("utf-8-sig").replace("\r\n", "\n"), nl=False)


@cli.command(help="build")
@common
@click.option("-v", "--verbose", is_flag=True, help="build --verbose")
@click.option(
    "--engine",
    metavar="NAME",
    help="build --engine",
)
def build(settings: Settings, verbose: bool, engine: str | None) -> None:
    """`ocop build`: check, generate, build with an engine, measure against the host."""
    from generator.publish.build import build_site, engine_named
    from generator.publish.editor import read_settings

    engine = engine or settings.engine
    engine_named(engine)  # a wrong engine stops before anything is built
    host = host_named(settings.host)  # and so does a wrong host
    read_settings(settings.root)  # and so does a wrong editor.yml
    with _one_build(settings):  # pages and site: one build at a time
        loaded = _generate(settings, tolerate=True, draw_later=True)
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


@cli.command(help="upload")
@common
@click.option("--dry-run", is_flag=True, help="upload --dry-run")
def upload(settings: Settings, dry_run: bool) -> None:
    """`ocop upload`: the photos of the latest build to object storage."""
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


@cli.command(help="serve")
@common
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="serve --dev-addr")
def serve(settings: Settings, dev_addr: str) -> None:
    """`ocop serve`: the live preview."""
    from generator.publish.engine import serve_site

    loaded = _generate(settings, tolerate=True)
    if not loaded.report.ok and not (settings.generated_dir / "index.md").is_file():
        sys.exit(1)  # nothing to preview yet; with older pages, the preview keeps them
    serve_site(settings, dev_addr)


def _product_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The required fields of a new product and its certification, asked for when missing."""
    options = [
        click.option(
            "--product-name", prompt="ask-product-name", cls=_Asked, help="--product-name"
        ),
        click.option(
            "--group",
            prompt="ask-group",
            cls=_Asked,
            help="--group",
        ),
        click.option(
            "--stars", type=click.IntRange(3, 5), prompt="ask-stars", cls=_Asked, help="--stars"
        ),
        click.option(
            "--criteria",
            default="qd-148-2023",
            show_default=True,
            prompt="ask-criteria",
            cls=_Asked,
            help="--criteria",
        ),
        click.option(
            "--decision-number",
            prompt="ask-decision-number",
            cls=_Asked,
            help="--decision-number",
        ),
        click.option(
            "--decision-date",
            callback=_date_option,
            prompt="ask-decision-date",
            cls=_Asked,
            help="--decision-date",
        ),
        click.option("--issuer", prompt="ask-issuer", cls=_Asked, help="--issuer"),
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


@cli.group(help="new")
@_group_lang
def new() -> None:
    """`ocop new`: the records `ocop new producer|product|inspection` create."""


@new.command("producer", help="new producer")
@common
@click.option(
    "--name",
    prompt="ask-producer-name",
    cls=_Asked,
    help="--name",
)
@click.option(
    "--kind",
    type=click.Choice(["htx", "doanh-nghiep", "ho-kinh-doanh", "to-hop-tac"]),
    prompt="ask-kind",
    cls=_Asked,
    help="--kind",
)
@click.option("--province", prompt="ask-province", cls=_Asked, help="--province")
@click.option("--address", prompt="ask-address", cls=_Asked, help="--address")
@click.option("--commune", default=None, help="--commune")
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
    """`ocop new producer`: a producer file with one product."""
    path = scaffold.new_producer(
        settings, name, kind, province, address, commune, _new_product(product)
    )
    _created(settings, path)


@new.command("product", help="new product")
@common
@click.option("--producer", prompt="ask-producer", cls=_Asked, help="--producer")
@_product_options
def new_product(settings: Settings, producer: str, **product: Any) -> None:
    """`ocop new product`: a product added to a producer's file."""
    path, product_id = scaffold.new_product(settings, producer, _new_product(product))
    echo(say("new-product-id", settings.lang, id=product_id))
    _created(settings, path, "product-added")


@new.command("inspection", help="new inspection")
@common
@click.option(
    "--date",
    "held",
    callback=_date_option,
    prompt="ask-inspection-date",
    cls=_Asked,
    help="--date",
)
@click.option("--body", prompt="ask-body", cls=_Asked, help="--body")
@click.option("--area", prompt="ask-area", cls=_Asked, help="--area")
@click.option("--province", prompt="ask-round-province", cls=_Asked, help="--province")
@click.option(
    "--producers",
    prompt="ask-producers",
    cls=_Asked,
    help="--producers",
)
def new_inspection(
    settings: Settings, held: dt.date, body: str, area: str, province: str, producers: str
) -> None:
    """`ocop new inspection`: an inspection round file."""
    ids = [p.strip() for p in producers.split(",") if p.strip()]
    path = scaffold.new_inspection(settings, held, body, area, province, ids)
    _created(settings, path)


@cli.command("import", help="import")
@common
@click.argument("spreadsheet", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="import --mapping",
)
@click.option("--province", help="import --province")
@click.option("--issuer", help="import --issuer")
@click.option("--group", help="import --group")
@click.option(
    "--rejects",
    type=click.Path(dir_okay=False, path_type=Path),
    help="import --rejects",
)
@click.option(
    "--allow-similar",
    is_flag=True,
    help="import --allow-similar",
)
@click.option("--dry-run", is_flag=True, help="import --dry-run")
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
    """`ocop import`: the rows of an official spreadsheet as data files."""
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
    if rejects is not None and plan.rejected and (problem := _unwritable_rejects(rejects)):
        echo(problem.format(settings.lang), err=True)  # before any data file is written
        sys.exit(1)
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


def _unwritable_rejects(path: Path) -> Problem | None:
    """The problem of a `--rejects` file that cannot be written (tried by writing it, then
    taken back), reported as the option; None when it can be."""
    existed = path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("ab"):
            pass
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return Problem(
            "--rejects", None, None, "import-rejects-path", {"path": str(path), "reason": reason}
        )
    if not existed:
        path.unlink(missing_ok=True)
    return None


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


@cli.command("demo-data", help="demo-data")
@common
@click.option(
    "--producers",
    type=click.IntRange(1),
    default=1000,
    show_default=True,
    help="demo-data --producers",
)
@click.option("--seed", type=int, default=1, show_default=True, help="demo-data --seed")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="demo-data --out",
)
def demo_data(settings: Settings, producers: int, seed: int, out: Path) -> None:
    """`ocop demo-data`: a synthetic national catalogue for measurements."""
    from generator.staff.demo import write_demo

    counts = write_demo(out, producers, seed, settings.as_of)
    echo(say("demo-written", settings.lang, **counts, folder=out / "data"))


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `ocop` console command."""
    cli.main(args=argv, prog_name="ocop")


if __name__ == "__main__":
    main()
