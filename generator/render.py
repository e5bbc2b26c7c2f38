"""Render the catalogue to Markdown pages with Jinja2; every value from the data is escaped."""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.compiler import CodeGenerator
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup, escape

from generator import parallel, urls
from generator.cache import ResultCache
from generator.export import dictionary
from generator.htmlpage import HTML_BODY, strip_tags
from generator.model import Catalogue, Certification, Producer, Product, Status
from generator.photos import WebPhoto
from generator.settings import LISTING_LIMIT
from generator.urls import (
    BY_GROUP,
    BY_STARS,
    PLACES,
    PRODUCERS,
    REPORTS,
    ROUNDS,
    absolute,
    asset_path,
    page_file,
    producer_path,
    product_path,
)

TEMPLATES = Path(__file__).parent / "templates"

# Characters that Markdown, HTML or attribute syntax could act on are written as numeric
# entities: the text then reads the same on the page and in the search index, but can never
# become markup, a link, a table cell border or an attribute break.
_ACTIVE = frozenset("\\`*_{}[]()<>#+!|~^=&\"'$%:;@")


_LIST_START = re.compile(r"^(-|\d+[.)](?=\s|$))")


_ENTITY_TABLE = {ord(ch): f"&#{ord(ch)};" for ch in _ACTIVE}


def _entities(text: str) -> str:
    return text.translate(_ENTITY_TABLE)


def _protect_line_start(out: str) -> str:
    start = _LIST_START.match(out)  # "- x", "---" or "1. x" at a line start would be markup
    if start:
        marker = start.group(1)
        out = marker[:-1] + f"&#{ord(marker[-1])};" + out[start.end() :]
    return out


def escape_text(value: Any) -> Markup:
    """Data as inert text for Markdown and HTML (one line)."""
    return Markup(_protect_line_start(_entities(" ".join(str(value).split()))))


@functools.lru_cache(maxsize=1 << 16)
def _escape_str(value: str) -> Markup:
    return escape_text(value)  # names, places and dates repeat on many pages and cards


def _finalize(value: Any) -> Any:
    if type(value) is str:
        return _escape_str(value)
    if isinstance(value, Markup) or value is None or isinstance(value, int | float):
        return value if value is not None else ""
    return escape_text(value)


_INLINE = re.compile(
    r"\*\*(?P<strong>[^*]+?)\*\*|\*(?P<em>[^*]+?)\*|\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)"
)
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def _inline(line: str) -> str:
    """One line of the description subset: **bold**, *italic*, [text](http/https/mailto/tel)."""
    out, pos = [], 0
    for match in _INLINE.finditer(line):
        out.append(_entities(line[pos : match.start()]))
        if match["strong"]:
            out.append(f"<strong>{_entities(match['strong'])}</strong>")
        elif match["em"]:
            out.append(f"<em>{_entities(match['em'])}</em>")
        elif match["url"].lower().startswith(SAFE_SCHEMES):
            out.append(
                f'<a href="{_entities(match["url"])}" rel="nofollow">{_entities(match["text"])}</a>'
            )
        else:  # any other scheme (javascript:, data:, ...) stays visible text, never a link
            out.append(_entities(match.group(0)))
        pos = match.end()
    out.append(_entities(line[pos:]))
    return _protect_line_start("".join(out))


def paragraphs(value: str | None, after: Markup | None = None) -> Markup:
    """Multi-line text in the documented subset, as HTML: paragraphs split by a blank line,
    lists of lines starting with "- ", **bold**, *italic* and links; anything else, HTML
    included, is text. `after` ends the last paragraph."""
    if not value:
        return Markup("")
    blocks = []
    for block in re.split(r"\n\s*\n", value.strip()):
        lines = [" ".join(line.split()) for line in block.splitlines() if line.strip()]
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{_inline(line[2:])}</li>\n" for line in lines)
            blocks.append(f"<ul>\n{items}</ul>")
        else:
            blocks.append(f"<p>{_inline(' '.join(lines))}</p>")
    if after and blocks[-1].endswith("</p>"):
        blocks[-1] = f"{blocks[-1][: -len('</p>')]}{after}</p>"
    elif after:
        blocks.append(f"<p>{after}</p>")
    return Markup("\n".join(blocks))


@functools.lru_cache(maxsize=1 << 14)
def _slug(text: str) -> str:
    return slugify(text, "-")  # most headings ("Liên hệ", ...) are on every page


class Anchors:
    """The ids of a page's headings, made as the engine's Markdown makes them (so the addresses
    of headings written before stay the same); ids already taken get a suffix."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.used = set(taken)

    def __call__(self, text: str) -> str:
        """The id of a heading showing `text` (data as it is, or markup made from it)."""
        plain = html.unescape(strip_tags(text)) if isinstance(text, Markup) else str(text)
        return unique(_slug(plain), self.used)

    def heading(self, level: int, text: Any, id: str | None = None) -> Markup:
        """A heading element showing `text` (escaped unless markup), with the id given or one
        made from the text."""
        return Markup(f'<h{level} id="{escape(id or self(text))}">{escape(text)}</h{level}>')


def vndate(day: dt.date | None) -> Markup:
    """DD/MM/YYYY, as Vietnamese readers write dates."""
    return Markup(f"{day.day:02}/{day.month:02}/{day.year}") if day else Markup("")


def front(value: Any) -> Markup:
    """A front-matter value: escaped text as a JSON string (JSON is YAML)."""
    return Markup(json.dumps(str(escape_text(value)), ensure_ascii=False))


def stars(count: int) -> Markup:
    """Stars as glyphs (hidden from screen readers) and as words."""
    glyphs = "★" * count + "☆" * (5 - count)
    return Markup(
        f'<span class="ocop-stars" aria-hidden="true">{glyphs}</span> '
        f'<strong class="ocop-stars-text">{count} sao</strong>'
    )


def status_text(cert: Certification, reason: bool = True) -> str:
    """The certificate's status on the build date in words (plain text)."""
    if cert.status is Status.REVOKED:
        words = f"Đã thu hồi ngày {vndate(cert.revoked_date)}"
        return words + (f": {cert.revoked_reason}" if reason and cert.revoked_reason else "")
    if cert.status is Status.EXPIRED:
        return f"Hết hiệu lực từ {vndate(cert.expires)}"
    if cert.status is Status.EXPIRING:
        return f"Sắp hết hạn: hiệu lực đến {vndate(cert.expires)} (còn {cert.days_left} ngày)"
    return f"Còn hiệu lực đến {vndate(cert.expires)}"


def status(cert: Certification) -> Markup:
    """The certificate's status on the build date, as colour (CSS class) and words."""
    words = escape_text(status_text(cert))
    return Markup(f'<span class="ocop-status ocop-status--{cert.status.value}">{words}</span>')


_NO_MARK = Markup("")


def mark(record: Any, field: str) -> Markup:
    """A visible "minh họa" label when the field's value is illustrative."""
    marked = getattr(record, "illustrative", None)
    if not marked:
        return _NO_MARK
    hit = field in marked or any(field.startswith(m + ".") for m in marked)
    if not hit:
        return _NO_MARK
    return Markup(
        ' <span class="ocop-illustrative" title="Giá trị minh họa: văn bản nguồn '
        'không nêu">minh họa</span>'
    )


def tel(phone: str) -> Markup:
    """A tel: link target from a phone number written with spaces or dots."""
    return Markup("tel:" + re.sub(r"[^0-9+]", "", phone))


def osm(producer: Producer) -> Markup:
    """A link to the producer's coordinates on OpenStreetMap (a link, never an embedded map)."""
    lat, lon = f"{producer.latitude:.5f}", f"{producer.longitude:.5f}"
    return Markup(f"https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}#map=16/{lat}/{lon}")


def picture(photo: WebPhoto, caption: str, href: str, eager: bool = False) -> Markup:
    """A responsive <picture>: WebP with a JPEG fallback, sized so nothing jumps while loading."""

    def srcset(kind: str) -> str:
        return ", ".join(f"{href}{getattr(r, kind)} {r.width}w" for r in photo.renditions)

    big = photo.largest
    sizes = "(max-width: 45em) 100vw, 40em"
    loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
    alt = escape_text(caption) if caption else "Ảnh"
    return Markup(
        f'<figure class="ocop-photo"><picture>'
        f'<source type="image/webp" srcset="{srcset("webp")}" sizes="{sizes}">'
        f'<img src="{href}{big.jpeg}" srcset="{srcset("jpeg")}" sizes="{sizes}" '
        f'width="{big.width}" height="{big.height}" alt="{alt}" {loading} decoding="async">'
        f"</picture>"
        + (f"<figcaption>{escape_text(caption)}</figcaption>" if caption else "")
        + "</figure>"
    )


def link(url: str) -> Markup:
    """An http(s) address for an href attribute (validation already refused other schemes)."""
    return escape_text(url)


def html_text(value: str) -> str:
    """Text escaped for HTML exactly as markupsafe.escape does it, as a plain string: no Markup
    object made for a value written out at once."""
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def _finalize_html(value: Any) -> Any:
    """A value written into an HTML body: markup as it is, anything else as escaped text."""
    if type(value) is str:
        return html_text(value)
    if value is None:
        return ""
    return value if isinstance(value, Markup) else escape(value)


class _Outputs(CodeGenerator):
    """`{{ value }}` compiled to call the environment's finalize alone: both finalize functions
    give safe text for every value, so autoescape's escape() around them would only copy each
    string into a new Markup (a seventh of the time a producer page takes). Everything else
    autoescape does stays: macros, `~` and filters still keep markup and text apart."""

    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src:
            self.write(f"str({finalize.src}")
        else:  # a template that switches autoescape (none does)
            super()._output_child_pre(node, frame, finalize)


class _Environment(Environment):
    code_generator_class = _Outputs


@functools.cache
def environment(html_body: bool = False) -> Environment:
    """The templates' environment. In a page whose body is HTML, data only has to stay out of
    HTML (`_finalize_html`); in Markdown, out of Markdown too (`_finalize`). Every `{{ value }}`
    goes through one of them and nothing else (`_Outputs`)."""
    env = _Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=_finalize_html if html_body else _finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        paragraphs=paragraphs,
        vndate=vndate,
        front=front,
        stars=stars,
        status=status,
        tel=tel,
        link=link,
        osm=osm,
        per_province=per_province,
        mark=mark,
    )
    env.globals.update(
        picture=picture,
        PRODUCERS=PRODUCERS,
        ROUNDS=ROUNDS,
        PLACES=PLACES,
        REPORTS=REPORTS,
        HTML_BODY=Markup(HTML_BODY),
    )
    return env


def _render(template: str, **context: Any) -> str:
    html_body = template.endswith(".html.j2")
    return environment(html_body).get_template(template).render(**context)


def json_ld(producer: Producer, site_url: str) -> Markup:
    """schema.org data of a producer page (Organization and its Products with their OCOP award),
    as a front-matter string that is safe inside a <script> element."""
    page = absolute(site_url, producer_path(producer.id))
    organization = {
        "@type": "Organization",
        "@id": page + "#chu-the",
        "name": producer.name,
        "url": page,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": producer.address,
            "addressLocality": producer.commune_name or "",
            "addressRegion": producer.province.name,
            "addressCountry": "VN",
        },
    }
    if producer.phones:
        organization["telephone"] = producer.phones[0]
    graph = [organization]
    for product in producer.products:
        cert = product.current
        graph.append(
            {
                "@type": "Product",
                "name": product.name,
                "url": absolute(site_url, product_path(producer.id, product.id)),
                "category": product.group_name,
                "manufacturer": {"@id": organization["@id"]},
                "award": f"OCOP {cert.stars} sao ({cert.criteria.name}), quyết định số "
                f"{cert.decision_number} ngày {vndate(cert.decision_date)}: {status_text(cert)}",
                "image": absolute(site_url, asset_path(producer.id, urls.CARD, product.id)),
            }
        )
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    for char in "<>&":  # never a "</script>" or an entity inside the script element
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(json.dumps(text, ensure_ascii=False))


def badge_snippets(producer: Producer, product: Product, site_url: str) -> dict[str, str]:
    """Copy-paste code that embeds a product's badge, linking to the product (plain text)."""
    badge = absolute(site_url, asset_path(producer.id, urls.BADGE_SVG, product.id))
    target = absolute(site_url, product_path(producer.id, product.id))
    alt = f"{product.name}: sản phẩm OCOP {product.stars} sao"
    markdown_alt = re.sub(r"([\\\[\]])", r"\\\1", alt)
    return {
        "html": f'<a href="{target}"><img src="{badge}" alt="{html.escape(alt)}" '
        f'width="320" height="64"></a>',
        "markdown": f"[![{markdown_alt}]({badge})]({target})",
    }


def producer_page(
    catalogue: Catalogue,
    producer: Producer,
    photos: dict[Path, WebPhoto] | None = None,
    *,
    site_url: str,
    lastmod: dt.date | None = None,
) -> str:
    """The page of one producer, its body in HTML (`photos`: the processed photos by source
    path)."""
    taken = ["quang-ba"]
    for product in producer.products:
        taken += [product.id, f"quang-ba-{product.id}"]
    return _render(
        "producer.html.j2",
        heading=Anchors(taken).heading,
        c=catalogue,
        p=producer,
        photos=photos or {},
        site_url=site_url,
        jsonld=json_ld(producer, site_url),
        urls=urls,
        asset_url=lambda pid, name, product_id=None: absolute(
            site_url, asset_path(pid, name, product_id)
        ),
        page_url=lambda pid: absolute(site_url, producer_path(pid)),
        badge_snippets=lambda producer, product: badge_snippets(producer, product, site_url),
        lastmod=lastmod,
    )


def round_page(catalogue: Catalogue, round_id: str) -> str:
    """The page of one inspection round, its body in HTML."""
    round_ = next(r for r in catalogue.rounds if r.id == round_id)
    return _render("round.html.j2", c=catalogue, r=round_, heading=Anchors().heading)


def per_province(pairs: list[tuple[Producer, Product]]) -> list[tuple[Any, int]]:
    """How many of these products each province has, provinces by name."""
    counts: dict[str, int] = defaultdict(int)
    provinces = {}
    for producer, _ in pairs:
        counts[producer.province.id] += 1
        provinces[producer.province.id] = producer.province
    return sorted(((provinces[pid], n) for pid, n in counts.items()), key=lambda kv: kv[0].name)


def splits(catalogue: Catalogue, listing_limit: int) -> bool:
    """True when a list of the whole catalogue would hold more products than `listing_limit`:
    its lists, and the staff report, are then one page per province."""
    return sum(len(producer.products) for producer in catalogue.producers) > listing_limit


def _groupings(catalogue: Catalogue, listing_limit: int) -> dict[str, Any]:
    pairs = catalogue.products()
    by_stars: dict[int, list] = defaultdict(list)
    by_group: dict[str, list] = defaultdict(list)
    by_place: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    by_province: dict[str, list] = defaultdict(list)
    for producer, product in pairs:
        by_province[producer.province.id].append((producer, product))
        by_stars[product.stars].append((producer, product))
        by_group[product.group].append((producer, product))
        by_place[producer.province.id][producer.commune_name or "Chưa rõ xã/phường"].append(
            (producer, product)
        )
    groups = catalogue.reference.all_groups()
    communes = {
        (p.province.name, p.province.communes[p.commune_id].name): (
            p.province,
            p.province.communes[p.commune_id],
        )
        for p in catalogue.producers
        if p.commune_id
    }
    return {
        "communes": [communes[key] for key in sorted(communes)],
        "pairs": pairs,
        "by_province": by_province,  # each province's products, in catalogue order
        "split": splits(catalogue, listing_limit),
        "by_stars": sorted(by_stars.items(), reverse=True),
        "by_group": sorted(by_group.items(), key=lambda kv: groups.get(kv[0], kv[0])),
        "group_names": groups,
        "by_place": sorted(
            (
                (catalogue.reference.provinces[pid], sorted(communes.items()))
                for pid, communes in by_place.items()
            ),
            key=lambda kv: kv[0].name,
        ),
    }


def province_page(context: dict[str, Any], province: Any) -> str:
    """The filterable list of one province's products, its body in HTML."""
    pairs = context["by_province"][province.id]
    return _render(
        "province.html.j2",
        **{
            **context,
            "heading": Anchors().heading,
            "province": province,
            "pairs": pairs,
            "communes": [pair for pair in context["communes"] if pair[0].id == province.id],
            "newest": max(
                (context["lastmods"].get(producer.id) for producer, _ in pairs),
                default=None,
                key=lambda day: day or dt.date.min,
            ),
        },
    )


def changes_page(events: list[Any], kinds: dict[str, str]) -> str:
    """The "Cập nhật" page: events newest first, linked to their pages."""

    def link(event: Any) -> Markup:
        return Markup("../" + urls.inside_generated(event.path))

    newest = events[0].date if events else None
    return _render("changes.md.j2", events=events, kinds=kinds, link=link, newest=newest)


def open_data_page(catalogue: Catalogue, newest: dt.date | None) -> str:
    """The open-data page with the data dictionary of both file kinds."""
    dictionaries = [
        ("Tệp chủ thể (data/producers/<tỉnh>/<mã>.yaml)", dictionary("producer")),
        ("Tệp đợt kiểm tra (data/inspections/<mã>.yaml)", dictionary("inspection")),
    ]
    return _render(
        "open_data.md.j2", as_of=catalogue.as_of, newest=newest, dictionaries=dictionaries
    )


def report_pages(
    catalogue: Catalogue, sections: list[Any], listing_limit: int = LISTING_LIMIT
) -> dict[str, str]:
    """The staff report as pages of the site: one page, or, in a catalogue whose lists are
    split by province, a page of counts per province and a page for each province."""
    as_of = catalogue.as_of
    provinces = catalogue.reference.provinces
    split = splits(catalogue, listing_limit)
    parts = {  # the report of each province that has a row in it, when the report is split
        pid: [section.of(pid) for section in sections]
        for pid in ({p for section in sections for p in section.provinces} if split else ())
    }
    counts = [
        (provinces[pid], [len(section.rows) for section in parts[pid]])
        for pid in sorted(parts, key=lambda pid: provinces[pid].name)
    ]
    pages = {
        page_file(REPORTS): _render(
            "report.html.j2",
            as_of=as_of,
            sections=sections,
            provinces=counts,
            province=None,
            heading=Anchors().heading,
        )
    }
    for pid, own in parts.items():
        pages[page_file(f"{REPORTS}/{pid}")] = _render(
            "report.html.j2",
            as_of=as_of,
            sections=own,
            provinces=[],
            province=provinces[pid],
            heading=Anchors().heading,
        )
    return pages


@dataclass
class Reuse:
    """Pages rendered in an earlier run, each kept under a hash of everything it shows: the data
    files it is made from (their hashes, which cover the code, the reference data and the build
    date too), the dates of last change and the photos it shows."""

    cache: ResultCache
    sources: dict[str, str]  # data file (relative path) -> its hash (Loaded.sources)

    def keys(
        self,
        catalogue: Catalogue,
        context: dict[str, Any],
        photos: dict[Path, WebPhoto],
        lastmods: dict[str, dt.date],
    ) -> dict[str, str]:
        """The key of each page that can be reused, by its path inside the generated folder;
        none when a data file has no hash."""
        files = [p.source_file for p in catalogue.producers] + [
            r.source_file for r in catalogue.rounds
        ]
        if not all(file in self.sources for file in files):
            return {}
        made_of: dict[str, list[str]] = {}  # producer -> hashes of all it is made from
        for producer in catalogue.producers:
            made_of[producer.id] = [
                self.sources[producer.source_file],
                *(self.sources[e.round.source_file] for e in producer.inspections),
                str(lastmods.get(producer.id)),
            ]
        keys = {}
        for producer in catalogue.producers:
            shown = [
                *producer.photos,
                *(q for product in producer.products for q in product.photos),
            ]
            keys[page_file(f"{PRODUCERS}/{producer.id}")] = self.cache.key(
                "producer",
                producer.id,
                *made_of[producer.id],
                repr([photos.get(q.path) for q in shown]),
            )
        options = repr(([n for n, _ in context["by_stars"]], [g for g, _ in context["by_group"]]))
        for province, _ in context["by_place"]:
            shown_ids = dict.fromkeys(p.id for p, _ in context["by_province"][province.id])
            keys[page_file(f"{PLACES}/{province.id}")] = self.cache.key(
                "province", province.id, options, *(k for pid in shown_ids for k in made_of[pid])
            )
        for round_ in catalogue.rounds:
            producers = dict.fromkeys(entry.producer_id for entry in round_.entries)
            keys[page_file(f"{ROUNDS}/{round_.id}")] = self.cache.key(
                "round",
                round_.id,
                self.sources[round_.source_file],
                *(k for pid in producers for k in made_of[pid]),
            )
        return keys


@dataclass
class PagePlan:
    """Every generated page (path inside the generated folder -> how to render it), the ones
    reused from an earlier run, and the ones left to render (`missing`), which any process
    renders and caches a group at a time (`render`).

    Rendered pages are kept as their UTF-8 bytes, the form they are written and cached in."""

    tasks: dict[str, Callable[[], str]]
    reused: dict[str, bytes]
    reuse: Reuse | None = None
    keys: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def missing(self) -> list[str]:
        return [rel for rel in self.tasks if rel not in self.reused]

    def render(self, rels: list[str]) -> dict[str, bytes]:
        """These pages rendered, and cached for the next run (in any process)."""
        pages = {rel: self.tasks[rel]().encode("utf-8") for rel in rels}
        if self.reuse:
            self.reuse.cache.put_many(
                {self.keys[rel]: pages[rel] for rel in rels if rel in self.keys}
            )
        return pages

    def forget_stale(self) -> None:
        """Forget the cached pages of earlier runs that no page of this one uses."""
        if self.reuse:
            self.reuse.cache.store({}, keep=self.keys.values())


def page_plan(
    catalogue: Catalogue,
    photos: dict[Path, WebPhoto] | None = None,
    *,
    site_url: str,
    lastmods: dict[str, dt.date] | None = None,
    listing_limit: int = LISTING_LIMIT,
    reuse: Reuse | None = None,
) -> PagePlan:
    """Every generated page to render; with `reuse`, the pages whose inputs did not change come
    from the earlier run."""
    lastmods = lastmods or {}
    newest = max(lastmods.values(), default=None)
    context = {
        "c": catalogue,
        "newest": newest,
        "lastmods": lastmods,
        **_groupings(catalogue, listing_limit),
    }
    render = functools.partial(_render, **context)
    tasks: dict[str, Callable[[], str]] = {
        page_file(): functools.partial(render, "all.md.j2"),
        page_file(BY_STARS): functools.partial(render, "by_stars.md.j2"),
        page_file(BY_GROUP): functools.partial(render, "by_group.md.j2"),
        page_file(PLACES): functools.partial(render, "by_place.md.j2"),
        page_file(ROUNDS): functools.partial(render, "rounds.md.j2"),
        "_trang-chu.md": functools.partial(render, "home.md.j2"),
    }
    for province, _ in context["by_place"]:
        tasks[page_file(f"{PLACES}/{province.id}")] = functools.partial(
            province_page, context, province
        )
    for producer in catalogue.producers:
        tasks[page_file(f"{PRODUCERS}/{producer.id}")] = functools.partial(
            producer_page,
            catalogue,
            producer,
            photos,
            site_url=site_url,
            lastmod=lastmods.get(producer.id),
        )
    for round_ in catalogue.rounds:
        tasks[page_file(f"{ROUNDS}/{round_.id}")] = functools.partial(
            round_page, catalogue, round_.id
        )
    if not reuse:
        return PagePlan(tasks, {})
    keys = reuse.keys(catalogue, context, photos or {}, lastmods)
    stored = reuse.cache.get_many(keys.values())
    reused = {
        rel: stored[keys[rel]] for rel in tasks if isinstance(stored.get(keys.get(rel)), bytes)
    }
    return PagePlan(tasks, reused, reuse, keys)


def site_pages(
    catalogue: Catalogue, photos: dict[Path, WebPhoto] | None = None, **options: Any
) -> dict[str, str]:
    """Every generated page, keyed by its path inside the generated folder, rendered on every
    processor (`options` as for `page_plan`)."""
    plan = page_plan(catalogue, photos, **options)
    pages = dict(plan.reused)
    batches = [functools.partial(plan.render, batch) for batch in parallel.batches(plan.missing)]
    for rendered in parallel.run_all(batches, parallel=len(plan.missing) >= parallel.PARALLEL_FROM):
        pages.update(rendered)
    plan.forget_stale()
    return {rel: pages[rel].decode("utf-8") for rel in plan.tasks}
