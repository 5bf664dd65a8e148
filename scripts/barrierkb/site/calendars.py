"""Calendars to subscribe to: the coming meetings and the barriers' review dates.

Made with the `icalendar` library. Each event's UID is made from the record's
id, so a calendar program that imports the file again updates its events
instead of adding new ones; SEQUENCE is the number of commits that changed the
record (0 without git history), so a moved meeting arrives as a newer version
of the same event. Only real meetings of the records given count: examples
never, and the public build never sees an internal briefing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Calendar, Event

from ..records import citations
from ..records.i18n import _
from ..records.lang import localized
from ..records.load import KnowledgeBase
from .paths import barrier_page, briefing_page, html_path

MEETINGS_PATH = "data/meetings.ics"
REVIEWS_PATH = "data/reviews.ics"
#: The domain part of every UID: stable, and not tied to where the site is served.
UID_DOMAIN = "granshinderbasen"


@dataclass(frozen=True)
class Entry:
    """One all-day event: the record it comes from, its day and its text."""

    kind: str
    record_id: str
    uid: str
    day: dt.date
    summary: str
    page: str
    text: str = ""


def calendar(
    name: str,
    entries: list[Entry],
    kb: KnowledgeBase,
    today: dt.date,
    site_url: str = "",
    history: dict | None = None,
) -> bytes:
    """An iCalendar file of `entries`. Each UID is stable (`uid@granshinderbasen`); SEQUENCE
    is the number of commits to the entry's record, so a changed record is a newer version."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    cal = Calendar()
    cal.add("prodid", "-//Gränshinderbasen//barrierkb//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for entry in entries:
        event = Event()
        event.add("uid", f"{entry.uid}@{UID_DOMAIN}")
        event.add("dtstamp", dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC))
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + dt.timedelta(days=1))
        event.add("summary", entry.summary)
        revisions = (history or {}).get(kb.file(entry.kind, entry.record_id).path, [])
        event.add("sequence", len(revisions))
        if entry.text:
            event.add("description", entry.text)
        if base:
            event.add("url", base + html_path(entry.page))
        cal.add_component(event)
    return cal.to_ical()


def meetings_ics(
    kb: KnowledgeBase, today: dt.date, site_url: str = "", history: dict | None = None
) -> bytes:
    """The real meetings from `today` on, one all-day event each."""
    coming = sorted(
        (b for b in kb.briefings.values() if b.date >= today), key=lambda b: (b.date, b.id)
    )
    entries = [
        Entry(
            "briefings",
            b.id,
            f"meeting-{b.id}",
            b.date,
            citations.strip(localized(b.title)),
            briefing_page(b.id),
            citations.strip(localized(b.purpose)) if b.purpose else "",
        )
        for b in coming
    ]
    return calendar(_("Gränshinderbasen: möten"), entries, kb, today, site_url, history)


def reviews_ics(
    kb: KnowledgeBase, today: dt.date, site_url: str = "", history: dict | None = None
) -> bytes:
    """Every barrier's next review date (`review_due`), one all-day event each."""
    due = sorted(
        (b for b in kb.barriers.values() if b.review_due), key=lambda b: (b.review_due, b.id)
    )
    entries = [
        Entry(
            "barriers",
            b.id,
            f"review-{b.id}",
            b.review_due,
            _("Granskning: %(title)s") % {"title": citations.strip(localized(b.title))},
            barrier_page(b.id),
            _("Förvaltas av %(owner)s.") % {"owner": b.owner},
        )
        for b in due
    ]
    return calendar(_("Gränshinderbasen: granskningar"), entries, kb, today, site_url, history)
