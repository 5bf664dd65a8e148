"""The Atom feed of status changes, built from the barriers' status histories."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..records import vocab
from ..records.i18n import _, current
from ..records.lang import localized
from ..records.load import KnowledgeBase
from .paths import barrier_page, html_path

FEED_PATH = "feed.xml"


def status_changes(kb: KnowledgeBase) -> list[tuple]:
    """(date, barrier, index, event) for every status change, newest first."""
    changes = [
        (event.date, b, i, event)
        for b in kb.barriers.values()
        for i, event in enumerate(b.status_history)
    ]
    return sorted(changes, key=lambda c: (c[0], c[1].id, c[2]), reverse=True)


def atom_feed(kb: KnowledgeBase, site_url: str = "", limit: int = 200) -> str:
    """A valid Atom 1.0 document; `updated` is the newest change, not the build time."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    changes = status_changes(kb)[:limit]
    updated = f"{changes[0][0].isoformat()}T00:00:00Z" if changes else "2026-01-01T00:00:00Z"
    feed_title = _("Gränshinderbasen: statusändringar")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(current())}>',
        f"<title>{escape(feed_title)}</title>",
        "<id>urn:granshinderbasen:feed:status</id>",
        f"<updated>{updated}</updated>",
        "<author><name>Gränshinderbasen</name></author>",
    ]
    if base:
        lines.append(f'<link rel="self" href={quoteattr(base + FEED_PATH)}/>')
    for day, b, i, event in changes:
        title = f"{localized(b.title)}: {vocab.STATUS_LABELS[event.status]}"
        summary = localized(event.note) or localized(b.summary)
        href = base + html_path(barrier_page(b.id))
        lines += [
            "<entry>",
            f"<title>{escape(title)}</title>",
            f"<id>urn:granshinderbasen:barrier:{b.id}:status:{i}</id>",
            f"<updated>{day.isoformat()}T00:00:00Z</updated>",
            f'<link rel="alternate" type="text/html" href={quoteattr(href)}/>',
            f"<summary>{escape(summary)}</summary>",
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
