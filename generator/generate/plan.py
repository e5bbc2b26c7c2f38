"""The plan of the generated pages: every page, by its file inside the generated folder, and how
to render it; the ones whose inputs did not change since an earlier run come from its cache."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.cache import ResultCache
from generator.drawings.photos import WebPhoto
from generator.model.catalogue import Catalogue
from generator.render import pages as render
from generator.settings import LISTING_LIMIT
from generator.urls import BY_GROUP, BY_STARS, PLACES, PRODUCERS, ROUNDS, page_file


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
            self.reuse.cache.store({self.keys[rel]: pages[rel] for rel in rels if rel in self.keys})
        return pages

    def forget_stale(self) -> None:
        """Forget the cached pages of earlier runs that no page of this one uses."""
        if self.reuse:
            self.reuse.cache.store({}, keep=self.keys.values())


def _is_text(blob: bytes | None) -> bool:
    """True for a cached page that is UTF-8 text; anything else is rendered again."""
    if not isinstance(blob, bytes):
        return False
    try:
        blob.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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
        **render.groupings(catalogue, listing_limit),
    }
    page = functools.partial(render.render_page, **context)
    tasks: dict[str, Callable[[], str]] = {
        page_file(): functools.partial(page, "all.md.j2"),
        page_file(BY_STARS): functools.partial(page, "by_stars.md.j2"),
        page_file(BY_GROUP): functools.partial(page, "by_group.md.j2"),
        page_file(PLACES): functools.partial(page, "by_place.md.j2"),
        page_file(ROUNDS): functools.partial(page, "rounds.md.j2"),
        "_trang-chu.md": functools.partial(page, "home.md.j2"),
    }
    for province, _ in context["by_place"]:
        tasks[page_file(f"{PLACES}/{province.id}")] = functools.partial(
            render.province_page, context, province
        )
    for producer in catalogue.producers:
        tasks[page_file(f"{PRODUCERS}/{producer.id}")] = functools.partial(
            render.producer_page,
            catalogue,
            producer,
            photos,
            site_url=site_url,
            lastmod=lastmods.get(producer.id),
        )
    for round_ in catalogue.rounds:
        tasks[page_file(f"{ROUNDS}/{round_.id}")] = functools.partial(
            render.round_page, catalogue, round_.id
        )
    if not reuse:
        return PagePlan(tasks, {})
    keys = reuse.keys(catalogue, context, photos or {}, lastmods)
    stored = reuse.cache.blobs(keys.values())
    reused = {rel: stored[keys[rel]] for rel in tasks if _is_text(stored.get(keys.get(rel)))}
    return PagePlan(tasks, reused, reuse, keys)
