"""A Content-Security-Policy for every built page: only the site's own origin (and, for images
alone, the media address's origin when photos are served from there), and inline scripts only
when their exact text is listed by hash. A section of the site may have a policy of its own
(`SECTION_POLICIES`), chosen by the page's path inside the site. `secure_site` is a step of the
build after the engine, whichever engine it is: it gives every HTML file of the built site its
policy (pages, redirects at old addresses, anything the engine copied as it is)."""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from generator.parallel import PARALLEL_FROM, batches, run_all

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; "
    "img-src 'self' data:{media}; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
# The browser editor (/admin/, Decap CMS) checks its configuration with validators it compiles
# at run time (ajv: 'unsafe-eval'), injects its styles at run time (CSS-in-JS), shows photos
# picked for upload as blob: addresses and talks to the git host's API (`origins`, from the
# editor's settings); it needs no inline script, no frame and no other origin.
EDITOR_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:{origins}; connect-src 'self'{origins}; font-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'none'"
)
# The page's path inside the site (prefix) -> its policy; every other page gets POLICY.
SECTION_POLICIES = {"admin/": EDITOR_POLICY}
_META = '<meta http-equiv="Content-Security-Policy" content="'
_CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)


@functools.lru_cache(maxsize=256)  # the theme's scripts are the same on most pages
def script_hash(body: str) -> str:
    """The CSP source expression that allows one inline script."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _scripts(html: str) -> Iterator[tuple[str, str]]:
    """The attributes and the text of each script element (found with `str.find`: a regular
    expression over every page of a national site costs seconds)."""
    at = html.find("<script")
    while at != -1:
        opened = html.find(">", at)
        closed = html.find("</script>", opened)
        if opened == -1 or closed == -1:
            return
        yield html[at + 7 : opened], html[opened + 1 : closed]
        at = html.find("<script", closed)


def policy_for(
    html: str, path: str = "", origins: tuple[str, ...] = (), *, media_origin: str = ""
) -> str:
    """The policy of one page (`path` inside the site, such as `admin/index.html`): its section's
    policy with the other `origins` it may reach, else the site's with its inline scripts' hashes,
    nothing from other origins but images from `media_origin` (scheme://host[:port]) when given."""
    for prefix, section_policy in SECTION_POLICIES.items():
        if path.startswith(prefix):
            return section_policy.format(origins="".join(f" {o}" for o in sorted(set(origins))))
    hashes = sorted(
        {
            script_hash(body)
            for attrs, body in _scripts(html)
            if "src=" not in attrs and "type=" not in attrs and body
        }
    )
    media = f" {media_origin}" if media_origin else ""
    return POLICY.format(hashes=" ".join(hashes), media=media).replace("  ", " ")


def _without_policy(html: str) -> str:
    """The page without its policy meta elements (and the white space before each)."""
    start = html.find(_META)
    while start != -1:
        end = html.find('">', start + len(_META))
        if end == -1:
            break
        kept = html[:start].rstrip()
        html = kept + html[end + 2 :]
        start = html.find(_META, len(kept))
    return html


def apply_policy(
    html: str, path: str = "", origins: tuple[str, ...] = (), *, media_origin: str = ""
) -> str:
    """The page with its policy as the first element of <head> (an old one is replaced)."""
    html = _without_policy(html)
    policy = policy_for(html, path, origins, media_origin=media_origin)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    # before anything else of the page, so that it covers every script after it
    for place in (_CHARSET, _HEAD):
        found = place.search(html)
        if found:
            return f"{html[: found.end()]}\n    {meta}{html[found.end() :]}"
    return meta + html


def _secure_files(paths: list[str], folder: str, media_origin: str) -> int:
    """Give each of these HTML files (under `folder`) its policy; how many had to be rewritten
    (a page the engine already gave the right policy is left as it is)."""
    rewritten = 0
    for path in paths:
        inside = os.path.relpath(path, folder).replace(os.sep, "/")
        with open(path, "rb") as file:
            raw = file.read()
        try:
            html = raw.decode("utf-8")
        except UnicodeDecodeError:
            html = raw.decode("latin-1")  # not ours: still given a policy, bytes kept
            secured = apply_policy(html, inside, media_origin=media_origin).encode("latin-1")
        else:
            secured = apply_policy(html, inside, media_origin=media_origin).encode("utf-8")
        if secured != raw:
            temporary = f"{path}.csp-{os.getpid()}"
            with open(temporary, "wb") as file:
                file.write(secured)
            os.replace(temporary, path)  # never half a page
            rewritten += 1
    return rewritten


def html_files(folder: Path) -> list[str]:
    """Every HTML file under `folder` (as text, sorted)."""
    found = []
    for parent, _, names in os.walk(folder):
        found += [os.path.join(parent, n) for n in names if n.endswith((".html", ".htm"))]
    return sorted(found)


def secure_site(folder: Path, media_origin: str = "") -> int:
    """Give every HTML file of a built site its Content-Security-Policy, on every processor
    (images also from `media_origin` when photos are served from there); how many files had to
    be rewritten."""
    paths = html_files(folder)
    tasks = [
        functools.partial(_secure_files, batch, str(folder), media_origin)
        for batch in batches(paths)
    ]
    return sum(run_all(tasks, parallel=len(paths) >= PARALLEL_FROM))
