"""The only module that imports MkDocs: its part of `build_site`, serve and the thin hook.

Listed under `hooks:` in mkdocs.yml so that a plain `mkdocs build` or `mkdocs serve` also
generates the catalogue pages first, through the same core as `ocop build`.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from generator.cache import PageCache
from generator.generate.media import origin
from generator.generate.run import ensure_generated, listed_files, publish, published_files
from generator.messages import say
from generator.parallel import PARALLEL_FROM, run_all
from generator.problems import OcopError
from generator.publish.build import STEPS_AFTER_ENV, SiteBuildError, engine_context
from generator.publish.csp import apply_policy, secure_site
from generator.render.htmlpage import (
    HTML_BODY_KEY,
    anchors_and_links,
    is_html_file,
    read_html_page,
    toc_tokens,
)
from generator.settings import GENERATED_FOLDER, Settings
from generator.terminal import PrintableFormatter

log = logging.getLogger("mkdocs.ocop")
# Partials that render Material's markup faster with MkDocs (_SharedParts); not theme overrides.
ENGINE_THEME = Path(__file__).parent / "engine_theme"


def build_with_mkdocs(settings: Settings, staging: Path, verbose: bool) -> None:
    """MkDocs as the engine of `build_site`: the site built into `staging`; the hook generates
    the pages (current already under `ocop build`) and leaves the steps after it to the build."""
    _configure_logging(verbose)
    try:
        config = load_config(config_file=str(settings.config_file), site_dir=str(staging))
        mkdocs_build(config)
    except (MkDocsException, SystemExit) as error:  # Abort is a MkDocsException
        raise SiteBuildError("site-build", engine="MkDocs", detail=error) from None


def _configure_logging(verbose: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_ocop", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(PrintableFormatter("%(levelname)-7s -  %(message)s"))
        handler._ocop = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)


def serve_site(settings: Settings, dev_addr: str) -> None:
    """Preview the site; a change in data/ regenerates the pages and reloads the browser.

    Rebuilds are the engine's "dirty" builds: only the pages whose Markdown was rewritten (the
    generator touches nothing else) are rendered again."""
    _configure_logging(verbose=True)
    with engine_context(settings):
        mkdocs_serve(
            config_file=str(settings.config_file),
            livereload=True,
            build_type="dirty",
            strict=False,  # the engine warns about every dirty build; link warnings still show
            watch=[str(settings.data_dir)],
            dev_addr=dev_addr,
        )


# -- MkDocs hook events: thin glue over the core --------------------------------------------


def on_startup(command: str, dirty: bool) -> None:
    global _state
    _state = _HookState(serving=command == "serve")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Generate the catalogue pages unless they are current; refuse to publish invalid data.
    Its words are in the language `ocop --lang` pinned, or OCOP_LANG (`Settings.lang`)."""
    settings = Settings(root=Path(config.config_file_path).parent)
    try:
        _state.media_origin = origin(settings.media_url)
    except OcopError as error:
        raise Abort(error.message(settings.lang)) from None
    loaded = ensure_generated(settings)
    if loaded is None or loaded.report.ok:
        return config
    text = loaded.report.format_text(settings.lang)
    has_pages = (settings.generated_dir / "index.md").is_file()
    if _state.serving and has_pages:
        log.warning("%s", say("preview-kept", settings.lang, problems=text))
        return config
    raise Abort(say("engine-refused", settings.lang, problems=text))


class _LinkedFile(File):
    """A generated file that is not a page (open data, search index): put into the site as a
    hard link. The generator replaces a changed file with a new one, so the link keeps what
    was built."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        assert self.abs_src_path is not None
        publish({self.dest_uri: self.abs_src_path}, self.dest_dir, {})


class _PublishedFiles(Files):
    """The engine's files, and the drawn files and photos out of its lists: the engine finds
    one when it checks a link to it, but does not walk 180,000 of them one by one at every
    build; they are put into the site in one pass after the build (`publish`)."""

    def __init__(self, files: Files, config: MkDocsConfig, published: dict[str, str]) -> None:
        super().__init__(files)
        self.config = config
        self.published = published  # src_uri -> cached file (a drawn one by its key alone)

    def get_file_from_path(self, path: str) -> File | None:
        found = super().get_file_from_path(path)
        uri = PurePath(path).as_posix()
        if found is None and (cached := self.published.get(uri)):
            return File.generated(self.config, uri, abs_src_path=cached)
        return found


class _HtmlPages:
    """Generated pages whose body is already HTML: each renders itself instead of going through
    the engine's Markdown pass, with its table of contents, ids and links read from the HTML.
    Links inside the site are checked as the engine checks a Markdown page's links: a missing
    target is a warning (an error in strict mode), a missing anchor too."""

    def __init__(self, files: _PublishedFiles) -> None:
        self.files = files
        self.by_address: dict[str, File] | None = None
        self.meta: dict[str, dict[str, str]] = {}  # front matter read here, by page

    def read(self, page: Page) -> str | None:
        """The body of a page in HTML, its front matter kept aside (reading it as the generator
        wrote it is faster than YAML); None: the engine reads the page."""
        if not _is_generated(page.file.src_uri):
            return None
        source = page.file.content_string
        read = read_html_page(source)
        if read is None:
            return source
        self.meta[page.file.src_uri], body = read
        return body

    def take(self, page: Page) -> bool:
        """True when the page's body is HTML: it will render itself."""
        meta = self.meta.pop(page.file.src_uri, None) or page.meta
        if meta.get(HTML_BODY_KEY) != "html":
            return False
        page.meta = meta
        page.render = functools.partial(self.render, page)  # type: ignore[method-assign]
        return True

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        body = page.markdown or ""
        page.content = body
        page.toc = get_toc(toc_tokens(body))
        page.present_anchor_ids, links = anchors_and_links(body, page.url)
        to_anchors: dict[File, dict[str, str]] = {}
        for link in links:
            if link.target in self.files.published:
                continue  # a drawn file or photo: published where its path says
            target = self.find(link.target) if link.target else page.file
            if target is None:
                log.warning(
                    f"Doc file '{page.file.src_uri}' contains a link '{link.written}', but the "
                    f"target '{link.target}' is not found among documentation files."
                )
            elif link.anchor and target.is_documentation_page():
                to_anchors.setdefault(target, {})[link.anchor] = link.written
        page.links_to_anchors = to_anchors

    def find(self, address: str) -> File | None:
        """The page or file of the engine published at an address inside the site."""
        if self.by_address is None:
            self.by_address = {posixpath.normpath(f.url): f for f in self.files}
        return self.by_address.get(address)


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Conversions:
    """The engine's HTML of each generated page, reused while its Markdown, its path and the
    engine's Markdown set-up are unchanged (the pages it links to are generated with it)."""

    def __init__(self, settings: Settings, config: MkDocsConfig, files: Files) -> None:
        self.cache = PageCache(settings.cache_dir / "pages")
        written_by_hand = sorted(
            f.src_uri for f in files.documentation_pages() if not _is_generated(f.src_uri)
        )
        versions = [_version(name) for name in ("mkdocs", "markdown", "pymdown-extensions")]
        self.context = PageCache.key(
            *versions,
            json.dumps(config.markdown_extensions, default=str),
            json.dumps(config.mdx_configs, default=str, sort_keys=True),
            str(config.use_directory_urls),
            *written_by_hand,  # a link to a page staff removed must warn again
        )
        self.reused: dict[str, dict[str, Any]] = {}
        self.converted: dict[str, str] = {}
        self.used: set[str] = set()  # the key of every generated page of this build
        self.warnings = _WarningCounter()
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def convert_all(self, config: MkDocsConfig, files: Files) -> None:
        """Convert the generated pages missing from the cache on every processor first; the
        engine then finds them converted as it goes through the pages one by one. A page
        whose conversion warns is left to the engine, which reports the warning."""
        pages = [
            f
            for f in files.documentation_pages()
            if _is_generated(f.src_uri) and not is_html_file(f.abs_src_path or "")
        ]
        if len(pages) >= PARALLEL_FROM:  # fewer are converted as fast one by one
            run_all([functools.partial(self._convert, config, files, f) for f in pages])

    def _convert(self, config: MkDocsConfig, files: Files, file: File) -> None:
        page = Page(None, file, config)
        page.read_source(config)
        assert page.markdown is not None
        key = PageCache.key(self.context, file.src_uri, page.markdown)
        if self.cache.has(key):
            return
        logger = logging.getLogger("mkdocs")
        shown, logger.handlers = logger.handlers, [_WarningCounter()]
        try:
            page.render(config, files)
            if not logger.handlers[0].count:  # type: ignore[attr-defined]
                self.cache.put(key, self._entry(page.content or "", page))
        finally:
            logger.handlers = shown

    @staticmethod
    def _entry(html: str, page: Page) -> dict[str, Any]:
        return {
            "html": html,
            "toc": _toc_tokens(page.toc),
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()},
        }

    def before(self, markdown: str, page: Page, files: Files) -> str:
        uri = page.file.src_uri
        if not _is_generated(uri):
            return markdown
        key = PageCache.key(self.context, uri, markdown)
        self.used.add(key)
        entry = self.cache.get(key)
        if entry is None or any(files.get_file_from_path(t) is None for t in entry["links"]):
            self.converted[uri] = key
            return markdown
        self.reused[uri] = entry
        return ""  # nothing left for the engine to convert

    def after(self, html: str, page: Page, files: Files) -> str:
        uri = page.file.src_uri
        if uri in self.reused:
            entry = self.reused.pop(uri)
            page.toc = get_toc(entry["toc"])
            # what the engine checks anchors with: this page's ids and its links to others
            page.present_anchor_ids = set(entry["anchors"])
            page.links_to_anchors = {
                files.get_file_from_path(target): links for target, links in entry["links"].items()
            }
            return entry["html"]
        if uri in self.converted:
            self.cache.put(self.converted.pop(uri), self._entry(html, page))
        return html

    def finish(self, completed: bool = True) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if completed and not self.warnings.count:
            self.cache.commit(self.used)
        else:
            self.cache.discard()


def _is_generated(src_uri: str) -> bool:
    return src_uri.startswith(f"{GENERATED_FOLDER}/")


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"


def _toc_tokens(items: Iterable[AnchorLink]) -> list[dict[str, Any]]:
    return [
        {"level": a.level, "id": a.id, "name": a.title, "children": _toc_tokens(a.children)}
        for a in items
    ]


class _SharedParts:
    """The theme's navigation and tabs, rendered once for all the pages outside the navigation
    that sit in the same folder (the producer, round and province pages): with nothing active in
    it and the same relative links, their navigation is the same text.

    Material's partials stay available as `material/partials/...`; this engine's own versions of
    `partials/nav.html` and `partials/tabs.html` (in ENGINE_THEME, ahead of the theme) call
    `ocop_shared` around them, and its `partials/toc.html` is Material's table of contents
    without an include per heading. A block whose text depends only on one value in a build
    (the configuration block: on the page's depth) is rendered once for each value
    (`ocop_once`). They change how fast MkDocs renders a page, never what it shows: another
    engine, without them, renders the theme's own partials."""

    def __init__(self, nav: Any) -> None:
        self.in_nav = {_folders(page.url) for page in nav.pages}
        self.rendered: dict[tuple[str, ...], Markup] = {}

    def key(self, part: str, page: Page | None) -> tuple[str, ...] | None:
        """Pages with the same key get the same `part`; None: render it for this page alone."""
        if page is None:
            return None
        folders = _folders(page.url)
        if page.url.endswith("/") or not page.url:  # the page is a folder of its own
            if any(url[: len(folders)] == folders for url in self.in_nav):
                return None  # in the navigation, or above a page of it
            return (part, "/", *folders[:-1])
        if folders in self.in_nav:
            return None
        return (part, *posixpath.dirname(page.url).split("/"))

    def install(self, env: jinja2.Environment, theme_dirs: list[str]) -> None:
        material = next(d for d in theme_dirs if Path(d, "partials", "nav-item.html").is_file())
        env.loader = jinja2.ChoiceLoader(
            [
                jinja2.FileSystemLoader(ENGINE_THEME),
                env.loader,
                jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(material)}),
            ]
        )
        env.globals["ocop_shared"] = self.shared
        env.globals["ocop_once"] = self.once

    @jinja2.pass_context
    def shared(self, context: jinja2.runtime.Context, part: str) -> Markup:
        key = self.key(part, context.get("page"))
        if key is not None and key in self.rendered:
            return self.rendered[key]
        template = context.environment.get_template(f"material/partials/{part}.html")
        html = Markup(template.render(context.get_all()))
        if key is not None:
            self.rendered[key] = html
        return html

    def once(self, part: str, value: str, render: Callable[[], str]) -> Markup:
        """`render()` (a block's parent text), once for each `value` in a build."""
        key = (part, "=", value)
        if key not in self.rendered:
            self.rendered[key] = Markup(render())
        return self.rendered[key]


def _folders(url: str) -> tuple[str, ...]:
    """The folders of an address relative to the site, as MkDocs makes relative links."""
    return tuple(part for part in url.split("/") if part)


@dataclass
class _HookState:
    """What the hook's events share during one engine run (MkDocs calls module functions, so
    the state lives in this one object instead of module globals)."""

    serving: bool = False
    rebuilding: bool = False  # a preview's rebuild after a data change: only a few pages changed
    media_origin: str = ""  # where pages may load images from besides the site (csp.policy_for)
    conversions: _Conversions | None = None
    files: _PublishedFiles | None = None
    html: _HtmlPages | None = None
    put: dict[str, str] = field(default_factory=dict)  # drawn files already in a preview's folder
    shared: _SharedParts | None = None


_state = _HookState()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Let the engine find the drawn files and photos when it checks links (they are published
    after the build), and link the generated files that are not pages instead of copying them."""
    settings = Settings(root=Path(config.config_file_path).parent)
    published = listed_files(settings)
    for file in files:
        if _is_generated(file.src_uri) and not file.is_documentation_page():
            file.__class__ = _LinkedFile  # the same file, copied by a link
    _state.files = _PublishedFiles(files, config, published)
    _state.html = _HtmlPages(_state.files)
    if _state.conversions is not None:
        _state.conversions.finish(completed=False)  # a build that stopped half-way keeps nothing
    _state.conversions = _Conversions(settings, config, _state.files)
    return _state.files


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    _state.shared = _SharedParts(nav)
    conversions = _state.conversions
    if conversions is not None and not _state.rebuilding:  # a rebuild converts its few pages
        conversions.convert_all(config, files)
    return nav


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if _state.shared is not None:
        _state.shared.install(env, list(config.theme.dirs))
    return env


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return _state.html.read(page) if _state.html is not None else None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _state.html is not None and _state.html.take(page):
        return markdown
    conversions = _state.conversions
    return conversions.before(markdown, page, files) if conversions else markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    conversions = _state.conversions
    return conversions.after(html, page, files) if conversions else html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Give every page its Content-Security-Policy as it is written: the preview's pages have
    it too, and `secure_site` after the build finds most pages already right."""
    return apply_policy(output, media_origin=_state.media_origin)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages made from a template alone (404.html)."""
    if not template_name.endswith(".html"):
        return output_content
    return apply_policy(output_content, media_origin=_state.media_origin)


def on_post_build(config: MkDocsConfig) -> None:
    """Put the drawn files and photos into the site; keep the pages converted by a build
    without warnings."""
    state = _state
    on_its_own = not state.serving and STEPS_AFTER_ENV not in os.environ  # plain `mkdocs build`
    if state.files is not None:
        published: dict[str, str] = {}
        if state.serving or on_its_own:  # else `build_site` publishes them after the engine
            settings = Settings(root=Path(config.config_file_path).parent)
            try:
                published = published_files(settings)
            except OcopError as error:
                raise Abort(error.message(settings.lang)) from None
            publish(published, config.site_dir, state.put)
        state.put = published if state.serving else {}  # a preview rebuilds into the same folder
        state.files = state.html = None
    if state.conversions is not None:
        state.conversions.finish()
        state.conversions = None
    if on_its_own:
        secure_site(Path(config.site_dir), state.media_origin)  # else `build_site` does it
    state.rebuilding = state.serving
