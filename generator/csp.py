"""A Content-Security-Policy for every built page: only the site's own origin (and, for images
alone, the media address's origin when photos are served from there), and inline scripts only
when their exact text is listed by hash (works on any engine's HTML output). A section of the
site may have a policy of its own (`SECTION_POLICIES`), chosen by the page's path inside the
site."""

from __future__ import annotations

import base64
import functools
import hashlib
import re

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
_META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.IGNORECASE)
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)


@functools.lru_cache(maxsize=256)  # the theme's scripts are the same on most pages
def script_hash(body: str) -> str:
    """The CSP source expression that allows one inline script."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


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
            script_hash(m["body"])
            for m in _INLINE_SCRIPT.finditer(html)
            if "src=" not in m["attrs"] and "type=" not in m["attrs"] and m["body"]
        }
    )
    media = f" {media_origin}" if media_origin else ""
    return POLICY.format(hashes=" ".join(hashes), media=media).replace("  ", " ")


def apply_policy(
    html: str, path: str = "", origins: tuple[str, ...] = (), *, media_origin: str = ""
) -> str:
    """The page with its policy as the first element of <head> (an old one is replaced)."""
    if 'http-equiv="Content-Security-Policy"' in html:
        html = _META.sub("", html)
    policy = policy_for(html, path, origins, media_origin=media_origin)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return _CHARSET.sub(lambda m: f"{m.group(0)}\n    {meta}", html, count=1)
