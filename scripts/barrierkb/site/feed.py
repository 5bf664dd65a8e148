"""The Atom feed of status changes, built from the barriers' status histories."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..records import citations, vocab
from ..records.i18n import _, current
from ..records.lang import localized
from ..records.load import KnowledgeBase
from .paths import barrier_page, briefing_page, html_path

FEED_PATH = "feed.xml"


def status_changes(kb: KnowledgeBase) -> list[tuple]:
    """(date, barrier, index, event) for every status change, newest first."""
    changes = [
        (event.date, b, i, event)
        for b in kb.barriers.values()
        for i, event in enumerate(b.status_history)
    ]
    return sorted(changes, key=lambda c: (c[0], c[1].id, c[2]), reverse=True)


def outcomes(kb: KnowledgeBase) -> list:
    """Every real meeting with an outcome, newest first (examples are not meetings)."""
    met = [b for b in kb.briefings.values() if b.outcome is not None]
    return sorted(met, key=lambda b: (b.date, b.id), reverse=True)


def _entries(kb: KnowledgeBase, base: str) -> list[tuple]:
    """(date, id, title, link, summary) for each status change and each meeting outcome."""
    entries = []
    for day, b, i, event in status_changes(kb):
        entries.append(
            (
                day,
                f"urn:granshinderbasen:barrier:{b.id}:status:{i}",
                f"{localized(b.title)}: {vocab.STATUS_LABELS[event.status]}",
                base + html_path(barrier_page(b.id)),
                localized(event.note) or localized(b.summary),
            )
        )
    for briefing in outcomes(kb):
        entries.append(
            (
                briefing.date,
                f"urn:granshinderbasen:briefing:{briefing.id}:outcome",
                _("Utfall: %(meeting)s") % {"meeting": localized(briefing.title)},
                base + html_path(briefing_page(briefing.id)),
                citations.strip(localized(briefing.outcome.summary)),
            )
        )
    return sorted(entries, key=lambda e: (e[0], e[1]), reverse=True)


def atom_feed(kb: KnowledgeBase, site_url: str = "", limit: int = 200) -> str:
    """A valid Atom 1.0 document of status changes and meeting outcomes; `updated` is the
    newest of them, not the build time."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    entries = _entries(kb, base)[:limit]
    updated = f"{entries[0][0].isoformat()}T00:00:00Z" if entries else "2026-01-01T00:00:00Z"
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
    for day, entry_id, title, href, summary in entries:
        lines += [
            "<entry>",
            f"<title>{escape(title)}</title>",
            f"<id>{entry_id}</id>",
            f"<updated>{day.isoformat()}T00:00:00Z</updated>",
            f'<link rel="alternate" type="text/html" href={quoteattr(href)}/>',
            f"<summary>{escape(summary)}</summary>",
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
