"""Render the catalogue to pages with Jinja2: the templates' environment and filters, and a
function for each kind of page; every value from the data is escaped (`render.escaping`)."""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.compiler import CodeGenerator
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup, escape

from generator import urls
from generator.drawings.photos import WebPhoto
from generator.model.catalogue import UNKNOWN, Catalogue, Certification, Producer, Product
from generator.model.words import status_text
from generator.render.escaping import (
    attribute,
    escape_text,
    finalize_html,
    finalize_markdown,
    isolated,
    paragraphs,
)
from generator.render.export import dictionary
from generator.render.htmlpage import HTML_BODY, strip_tags
from generator.settings import LISTING_LIMIT
from generator.text import vndate
from generator.urls import (
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


def status(cert: Certification) -> Markup:
    """The certificate's status on the build date, as colour (CSS class) and words."""
    words = escape_text(status_text(cert))
    return Markup(f'<span class="ocop-status ocop-status--{cert.status.value}">{words}</span>')


_NO_MARK = Markup("")


def is_marked(record: Any, field: str, attribute: str = "illustrative") -> bool:
    """Whether a field's value is listed under `illustrative` (or `derived`), itself or a
    field it lies in ("contacts" covers "contacts.phones")."""
    marked = getattr(record, attribute, None) or ()
    return field in marked or any(field.startswith(m + ".") for m in marked)


def mark(record: Any, field: str) -> Markup:
    """A visible label when the field's value is illustrative ("minh họa") or was worked out
    rather than read from the source ("suy ra")."""
    if is_marked(record, field):
        return Markup(
            ' <span class="ocop-illustrative" title="Giá trị minh họa: văn bản nguồn '
            'không nêu">minh họa</span>'
        )
    if is_marked(record, field, "derived"):
        return Markup(
            ' <span class="ocop-derived" title="Giá trị suy ra, không ghi trong văn bản '
            'nguồn">suy ra</span>'
        )
    return _NO_MARK


def tel(phone: str) -> Markup:
    """A tel: link target from a phone number written with spaces or dots."""
    return Markup("tel:" + re.sub(r"[^0-9+]", "", phone))


def osm(producer: Producer) -> Markup:
    """A link to the producer's coordinates on OpenStreetMap (a link, never an embedded map)."""
    lat, lon = f"{producer.latitude:.5f}", f"{producer.longitude:.5f}"
    return Markup(f"https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}#map=16/{lat}/{lon}")


def picture(photo: WebPhoto, caption: str, href: str, eager: bool = False) -> Markup:
    """A responsive photo: every width in WebP through `srcset`, sized so nothing jumps while
    loading. `href` leads from the page to the site's root; a photo served from the media
    address carries its own base instead."""
    base = photo.base or href

    big = photo.largest
    srcset = ", ".join(f"{base}{r.webp} {r.width}w" for r in photo.renditions)
    sizes = "(max-width: 45em) 100vw, 40em"
    loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
    alt = escape_text(caption) if caption else "Ảnh"
    return Markup(
        f'<figure class="ocop-photo">'
        f'<img src="{base}{big.webp}" srcset="{srcset}" sizes="{sizes}" '
        f'width="{big.width}" height="{big.height}" alt="{alt}" {loading} decoding="async">'
        + (f"<figcaption>{isolated(caption, escape_text(caption))}</figcaption>" if caption else "")
        + "</figure>"
    )


def link(url: str) -> Markup:
    """An http(s) address for an href attribute (validation already refused other schemes)."""
    return escape_text(url)


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
    HTML (`finalize_html`); in Markdown, out of Markdown too (`finalize_markdown`). Every
    `{{ value }}` goes through one of them and nothing else (`_Outputs`)."""
    env = _Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=finalize_html if html_body else finalize_markdown,
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
        status_text=status_text,
        tel=tel,
        link=link,
        attribute=attribute,
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


def render_page(template: str, **context: Any) -> str:
    """A template rendered with its context: a page, or the body of one."""
    html_body = template.endswith(".html.j2")
    return environment(html_body).get_template(template).render(**context)


def json_ld(producer: Producer, site_url: str) -> Markup:
    """schema.org data of a producer page (Organization and its Products with their OCOP award),
    as a front-matter string that is safe inside a <script> element."""
    page = absolute(site_url, producer_path(producer.id))

    def put(target: dict[str, Any], key: str, record: Any, field: str, value: Any) -> None:
        # machines cannot read a label: an illustrative or unknown value is left out
        if value not in (None, "") and not is_marked(record, field):
            target[key] = value

    address = {"@type": "PostalAddress"}
    for key, field, value in (
        ("streetAddress", "address.as_given", producer.address),
        ("addressLocality", "address.commune", producer.commune_name),
        ("addressRegion", "address.province", producer.province.name),
    ):
        put(address, key, producer, field, value)
    address["addressCountry"] = "VN"
    organization: dict[str, Any] = {"@type": "Organization", "@id": page + "#chu-the"}
    put(organization, "name", producer, "name", producer.name)
    organization.update({"url": page, "address": address})
    if producer.phones and not is_marked(producer, "contacts.phones"):
        organization["telephone"] = producer.phones[0]
    graph = [organization]
    for product in producer.products:
        cert = product.current
        item: dict[str, Any] = {"@type": "Product"}
        put(item, "name", product, "name", product.name)
        item["url"] = absolute(site_url, product_path(producer.id, product.id))
        put(item, "category", product, "group", product.group_name)
        item["manufacturer"] = {"@id": organization["@id"]}
        if not any(is_marked(cert, f) for f in ("stars", "decision.number", "decision.date")):
            item["award"] = (
                f"OCOP {cert.stars} sao ({cert.criteria.name}), quyết định số "
                f"{cert.decision_number} ngày {vndate(cert.decision_date)}: {status_text(cert)}"
            )
        item["image"] = absolute(site_url, asset_path(producer.id, urls.CARD))  # the page's card
        graph.append(item)
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
    return render_page(
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
    return render_page("round.html.j2", c=catalogue, r=round_, heading=Anchors().heading)


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


UNKNOWN_GROUP = "chua-ro"  # the list of products whose group is not known yet


def groupings(catalogue: Catalogue, listing_limit: int) -> dict[str, Any]:
    """The catalogue's products grouped as its lists show them (by stars, group, province and
    commune), the context of the list and province pages."""
    pairs = catalogue.products()
    by_stars: dict[int, list] = defaultdict(list)
    by_group: dict[str, list] = defaultdict(list)
    by_place: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    by_province: dict[str, list] = defaultdict(list)
    for producer, product in pairs:
        by_province[producer.province.id].append((producer, product))
        by_stars[product.stars].append((producer, product))
        by_group[product.group or UNKNOWN_GROUP].append((producer, product))
        by_place[producer.province.id][producer.commune_name or "Chưa rõ xã/phường"].append(
            (producer, product)
        )
    groups = {**catalogue.reference.all_groups(), UNKNOWN_GROUP: UNKNOWN["group"].capitalize()}
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
    return render_page(
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
    return render_page("changes.md.j2", events=events, kinds=kinds, link=link, newest=newest)


def open_data_page(catalogue: Catalogue, newest: dt.date | None) -> str:
    """The open-data page with the data dictionary of every kind of data file."""
    dictionaries = [
        ("Tệp chủ thể (data/producers/<tỉnh>/<mã>.yaml)", dictionary("producer")),
        ("Tệp đợt kiểm tra (data/inspections/<mã>.yaml)", dictionary("inspection")),
        ("Bộ tiêu chí (data/reference/criteria.yaml)", dictionary("criteria")),
    ]
    return render_page(
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
        page_file(REPORTS): render_page(
            "report.html.j2",
            as_of=as_of,
            sections=sections,
            provinces=counts,
            province=None,
            heading=Anchors().heading,
        )
    }
    for pid, own in parts.items():
        pages[page_file(f"{REPORTS}/{pid}")] = render_page(
            "report.html.j2",
            as_of=as_of,
            sections=own,
            provinces=[],
            province=provinces[pid],
            heading=Anchors().heading,
        )
    return pages
