"""The Atom feed of catalogue events, deterministic: its dates come from the data."""

from __future__ import annotations

from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from generator.render.events import KIND_LABELS, Event
from generator.urls import absolute

FEED_FILE = "cap-nhat.xml"  # inside the generated folder
FEED_ENTRIES = 50


def _time(event: Event) -> str:
    return f"{event.date.isoformat()}T00:00:00Z"


def atom_feed(events: list[Event], site_url: str, title: str) -> str:
    """Atom 1.0 XML of the newest events; entry IDs are tag URIs built from each event's ID."""
    domain = urlsplit(site_url).netloc
    feed_url = absolute(site_url, f"danh-muc/{FEED_FILE}")
    newest = _time(events[0]) if events else "2019-01-01T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
        f"  <title>{escape(title)}</title>",
        f"  <id>tag:{domain},2019:cap-nhat</id>",
        f"  <updated>{newest}</updated>",
        f'  <link rel="self" href={quoteattr(feed_url)}/>',
        f'  <link rel="alternate" href={quoteattr(absolute(site_url, "danh-muc/cap-nhat/"))}/>',
        f"  <author><name>{escape(title)}</name></author>",
    ]
    for event in events[:FEED_ENTRIES]:
        lines += [
            "  <entry>",
            f"    <id>tag:{domain},2019:{escape(event.id)}</id>",
            f"    <title>{escape(event.title)}</title>",
            f"    <updated>{_time(event)}</updated>",
            f"    <link href={quoteattr(absolute(site_url, event.path))}/>",
            f"    <category term={quoteattr(event.kind)} "
            f"label={quoteattr(KIND_LABELS[event.kind])}/>",
            f"    <summary>{escape(event.summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
