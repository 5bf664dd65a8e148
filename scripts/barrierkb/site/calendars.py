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


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Gränshinderbasen//barrierkb//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def _event(
    uid: str, day: dt.date, summary: str, stamp: dt.date, sequence: int, url: str, text: str
) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), tzinfo=dt.UTC))
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("sequence", sequence)
    if text:
        event.add("description", text)
    if url:
        event.add("url", url)
    return event


def _revisions(kb: KnowledgeBase, kind: str, record_id: str, history: dict | None) -> int:
    return len((history or {}).get(kb.file(kind, record_id).path, []))


def meetings_ics(
    kb: KnowledgeBase, today: dt.date, site_url: str = "", history: dict | None = None
) -> bytes:
    """The real meetings from `today` on, one all-day event each."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    cal = _calendar(_("Gränshinderbasen: möten"))
    coming = sorted(
        (b for b in kb.briefings.values() if b.date >= today), key=lambda b: (b.date, b.id)
    )
    for briefing in coming:
        purpose = citations.strip(localized(briefing.purpose)) if briefing.purpose else ""
        cal.add_component(
            _event(
                f"meeting-{briefing.id}",
                briefing.date,
                citations.strip(localized(briefing.title)),
                today,
                _revisions(kb, "briefings", briefing.id, history),
                base + html_path(briefing_page(briefing.id)) if base else "",
                purpose,
            )
        )
    return cal.to_ical()


def reviews_ics(
    kb: KnowledgeBase, today: dt.date, site_url: str = "", history: dict | None = None
) -> bytes:
    """Every barrier's next review date (`review_due`), one all-day event each."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    cal = _calendar(_("Gränshinderbasen: granskningar"))
    due = sorted(
        (b for b in kb.barriers.values() if b.review_due), key=lambda b: (b.review_due, b.id)
    )
    for barrier in due:
        title = citations.strip(localized(barrier.title))
        cal.add_component(
            _event(
                f"review-{barrier.id}",
                barrier.review_due,
                _("Granskning: %(title)s") % {"title": title},
                today,
                _revisions(kb, "barriers", barrier.id, history),
                base + html_path(barrier_page(barrier.id)) if base else "",
                _("Förvaltas av %(owner)s.") % {"owner": barrier.owner},
            )
        )
    return cal.to_ical()
