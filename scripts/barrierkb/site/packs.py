"""Briefing packs: a prepared briefing, or an ad-hoc pack of a forum's open barriers.

`choose_briefing` turns a `PackRequest` (what `barrierkb brief` was asked)
into the briefing a pack prints: a prepared one by id, or, for a forum, the
forum's open barriers together with its next prepared meeting's purpose,
attendees and asks. `pack_pdf` prints it from the same Markdown as the
briefing's page, with the site's own print stylesheet, through headless
Chromium (`pdf`); `docx.pack_docx` writes it as an editable Word document.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from markupsafe import Markup

from ..records import vocab
from ..records.i18n import _, current
from ..records.lang import localized
from ..records.load import KnowledgeBase
from ..records.lookup import Unknown, code, record_id
from ..records.model import EXAMPLES, AgendaItem, Briefing
from .briefings import render_briefing
from .network import compact_routes
from .pdf import print_pdf
from .prepare import SiteState
from .printing import page_footer_css
from .templating import environment

STYLESHEETS = ("docs/assets/stylesheets/barrierkb.css", "docs/assets/stylesheets/print.css")


class PackError(Exception):
    """A pack that cannot be made: an unknown briefing, forum or value, or nothing to print."""


@dataclass(frozen=True)
class PackRequest:
    """What a pack is asked to hold, as typed: ids and codes are matched by `resolve`."""

    briefing: str | None = None
    forum: str | None = None
    date: dt.date | None = None
    statuses: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()


def _codes(vocabulary: vocab.Vocabulary, given: tuple[str, ...]) -> set[str]:
    return {code(vocabulary, g) for g in given}


def next_meeting(kb: KnowledgeBase, forum: str, on_or_after: dt.date) -> Briefing | None:
    """The first prepared briefing of `forum` on or after a date (examples are no meetings)."""
    coming = [b for b in kb.briefings.values() if b.forum == forum and b.date >= on_or_after]
    return min(coming, key=lambda b: (b.date, b.id), default=None)


def _wanted(b, statuses: set[str], themes: set[str], priorities: set[str]) -> bool:
    return (
        (not statuses or b.status in statuses)
        and (not themes or bool(themes & set(b.themes)))
        and (not priorities or b.priority in priorities)
    )


def adhoc_briefing(
    kb: KnowledgeBase,
    forum: str,
    today: dt.date,
    statuses: set[str] | None = None,
    themes: set[str] | None = None,
    priorities: set[str] | None = None,
    date: dt.date | None = None,
) -> Briefing:
    """A pack of the open barriers raised at `forum` (by default), without a briefing record.

    When the forum has a prepared meeting coming (on `date`, or the next one
    from today), the pack takes its date, title, purpose, attendees, asks and
    talking points, and adds its agenda to the barriers.
    """
    meeting = next_meeting(kb, forum, date or today)
    if meeting is not None and date is not None and meeting.date != date:
        meeting = None
    statuses, themes, priorities = statuses or set(), themes or set(), priorities or set()
    open_statuses = {s for s in vocab.STATUSES if s not in vocab.CLOSED_STATUSES}
    agenda = [
        i
        for i in (meeting.barriers if meeting else [])
        if i.barrier in kb.barriers
        and _wanted(kb.barriers[i.barrier], statuses, themes, priorities)
    ]
    on_agenda = {i.barrier for i in agenda}
    agenda += [
        AgendaItem(barrier=b.id)
        for b in kb.barriers.values()
        if forum in b.forums
        and b.id not in on_agenda
        and _wanted(b, statuses or open_statuses, themes, priorities)
    ]
    name = localized(kb.stakeholders[forum].name)
    return Briefing.model_construct(
        id=meeting.id if meeting else f"{forum}-pack",
        title=meeting.title if meeting else _("Öppna gränshinder i %(forum)s") % {"forum": name},
        date=meeting.date if meeting else (date or today),
        forum=forum,
        attendees=list(meeting.attendees) if meeting else [],
        purpose=meeting.purpose if meeting else None,
        barriers=agenda,
        example=False,
        sources=list(meeting.sources) if meeting else [],
        talking_points=dict(meeting.talking_points) if meeting else {},
        visibility="public",
        internal_notes=None,
    )


def choose_briefing(kb: KnowledgeBase, request: PackRequest, today: dt.date) -> Briefing:
    """The briefing a pack prints, with its date and filters applied.

    Raises `PackError` with one line (naming what was expected, and the
    closest match) for an unknown briefing, forum, status, theme or priority.
    """
    if bool(request.briefing) == bool(request.forum):
        raise PackError("give a briefing ID or --forum FORUM, not both")
    try:
        statuses = _codes(vocab.STATUS, request.statuses)
        themes = _codes(vocab.THEME, request.themes)
        priorities = _codes(vocab.PRIORITY, request.priorities)
        if request.forum:
            forum = record_id(kb.stakeholders, request.forum, "forum")
        else:
            briefings = {**kb.examples, **kb.briefings}
            briefing_id = record_id(
                briefings, request.briefing, f"briefing in briefings/ or {EXAMPLES}/"
            )
    except Unknown as err:
        raise PackError(str(err)) from None
    if request.forum:
        briefing = adhoc_briefing(kb, forum, today, statuses, themes, priorities, request.date)
        if not briefing.barriers:
            raise PackError(f"no barriers raised at {forum} match: nothing to print")
        return briefing
    briefing = briefings[briefing_id]
    agenda = [
        i
        for i in briefing.barriers
        if i.barrier in kb.barriers
        and _wanted(kb.barriers[i.barrier], statuses, themes, priorities)
    ]
    if not agenda:
        raise PackError(f"no barrier on the agenda of {briefing_id} matches: nothing to print")
    update: dict = {"barriers": agenda}
    if request.date:
        update["date"] = request.date
    return briefing.model_copy(update=update)


def briefing_body(
    kb: KnowledgeBase, briefing: Briefing, options, routes_html=None, history=None
) -> str:
    """The briefing's page as an HTML fragment: what the PDF and the Word file both hold."""
    page = render_briefing(kb, briefing, options, routes_html, history=history)
    body_md = re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.S)
    return markdown.markdown(body_md, extensions=["tables"])


def routes_for(state: SiteState):
    """The compact routes for a pack: the internal audience's only (strategy stays inside)."""
    return compact_routes(state.network) if state.options.audience == "internal" else None


def briefing_html(
    kb: KnowledgeBase, briefing: Briefing, options, root: Path, routes_html=None, history=None
) -> str:
    """The briefing as one standalone HTML document, styles inlined."""
    body = briefing_body(kb, briefing, options, routes_html, history)
    css = "\n".join(
        (root / p).read_text(encoding="utf-8") for p in STYLESHEETS if (root / p).is_file()
    )
    css += "\n" + page_footer_css()
    template = environment(current()).get_template("print.html.j2")
    return template.render(
        lang=current(), title=str(localized(briefing.title)), body=Markup(body), css=Markup(css)
    )


def pack_pdf(state: SiteState, briefing: Briefing, root: Path, output: Path) -> None:
    """Print `briefing` to `output` as the site shows it for the state's audience.

    The internal audience gets the advocacy routes and talking points; the
    public (partner) version has neither.
    """
    html = briefing_html(state.kb, briefing, state.options, root, routes_for(state), state.history)
    print_pdf(html, output)


__all__ = [
    "PackError",
    "PackRequest",
    "adhoc_briefing",
    "briefing_body",
    "briefing_html",
    "choose_briefing",
    "next_meeting",
    "pack_pdf",
    "routes_for",
]
