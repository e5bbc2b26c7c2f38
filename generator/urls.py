"""Permanent addresses: one place that turns IDs into paths and absolute URLs.

A producer's page is /danh-muc/chu-the/<producer-id>/ and a product is the anchor #<product-id> on
it; an inspection round is /danh-muc/kiem-tra/<round-id>/ and the products of a province are listed
on /danh-muc/dia-phuong/<province-id>/ (in a large catalogue, its part of the staff report on
/danh-muc/bao-cao/<province-id>/). Names never enter an address.

Every generated page is the `index.md` of a folder of its own (`page_file`): its links, written
relative to its address, are then also relative to its file, which is what an engine that
resolves the links of raw HTML against the file (Zensical does, MkDocs does not) reads them as.
"""

from __future__ import annotations

from generator.settings import GENERATED_FOLDER

PRODUCERS = "chu-the"
ROUNDS = "kiem-tra"
PLACES = "dia-phuong"
REPORTS = "bao-cao"  # the staff report; /danh-muc/bao-cao/<province-id>/ when split by province
BY_STARS, BY_GROUP, CHANGES = "sao", "nhom", "cap-nhat"  # lists of the whole catalogue

# Files in a producer's folder (QR code, share card) and in a product's (QR code, badge); their
# names are part of the permanent addresses (docs/promotion.md: those no longer published).
QR_SVG, BADGE_SVG, CARD = "ma-qr.svg", "huy-hieu.svg", "the-chia-se.png"


def producer_path(producer_id: str) -> str:
    """The producer page's path from the site root."""
    return f"{GENERATED_FOLDER}/{PRODUCERS}/{producer_id}/"


def product_path(producer_id: str, product_id: str) -> str:
    """A product's address from the site root: an anchor on its producer's page."""
    return f"{producer_path(producer_id)}#{product_id}"


def round_path(round_id: str) -> str:
    """An inspection round's page path from the site root."""
    return f"{GENERATED_FOLDER}/{ROUNDS}/{round_id}/"


def asset_path(producer_id: str, name: str, product_id: str | None = None) -> str:
    """Where a producer's (or a product's) QR code, badge or card lives, from the site root."""
    folder = producer_path(producer_id) + (f"{product_id}/" if product_id else "")
    return folder + name


def page_file(folder: str = "") -> str:
    """The Markdown file, inside the generated folder, of the page at `folder` (a path inside
    the generated folder, "" for its top): the folder's index.md."""
    return f"{folder.strip('/')}/index.md".lstrip("/")


def inside_generated(path: str) -> str:
    """A path from the site root, as a path inside the generated folder."""
    return path.removeprefix(f"{GENERATED_FOLDER}/")


def absolute(site_url: str, path: str) -> str:
    """An absolute URL of a path from the site root."""
    return site_url.rstrip("/") + "/" + path
