"""Briefing pages (paper first), the briefings index and the annual state of barriers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from markupsafe import Markup

from ..records import vocab
from ..records.i18n import _
from ..records.lang import localized
from ..records.load import KnowledgeBase
from ..records.model import Briefing
from ..records.outcomes import Promise, open_commitments
from ..records.since import previous_meeting, since_last_meeting
from .agenda import overview
from .citing import Cites
from .paths import BRIEFING_INDEX, COMMITMENTS, EXAMPLE_INDEX, briefing_page, example_page
from .printing import css_text
from .templating import NOT_INDEXED, SiteOptions, front_matter, render_template

ANNUAL_INDEX = "annual/index.md"
#: The status changes the annual report counts, as its sections.
ANNUAL_STATUSES = ("identified", "raised", "solved", "partly_solved", "written_off")


def talking_points(briefing: Briefing, item) -> list:
    """The talking points for one agenda item: on the item, and in the briefing's map."""
    return [*item.talking_points, *briefing.talking_points.get(item.barrier, [])]


def render_briefing(
    kb: KnowledgeBase,
    briefing: Briefing,
    options: SiteOptions,
    routes_html: Callable[[str], Markup] | None = None,
    src: str | None = None,
    history: dict | None = None,
) -> str:
    """One briefing as a Markdown page (also the source of its PDF).

    The cover is an overview of the agenda (`agenda.overview`, in priority
    order); each barrier gets a section with its own numbered notes; the
    purpose and the talking points cite the briefing's own sources, listed on
    the cover. Talking points and routes are the home organisation's strategy:
    only the internal audience sees them.
    """
    page_of = example_page if briefing.example else briefing_page
    src = src or page_of(briefing.id)
    internal = options.audience == "internal"
    rows = overview(kb, briefing, options.home)
    for n, row in enumerate(rows, 1):
        row["cites"] = Cites(kb, row["barrier"], f"hinder-{n}-kalla")
        row["talking_points"] = talking_points(briefing, row["item"]) if internal else []
    running = f"{localized(briefing.title)} – {briefing.date.isoformat()}"
    since = since_last_meeting(kb, briefing, history)
    outcome_items = briefing.outcome.items if briefing.outcome else []
    outcome_promises = {
        item.barrier: [Promise(briefing, item.barrier, c) for c in item.commitments]
        for item in outcome_items
    }
    return front_matter(title=localized(briefing.title)) + render_template(
        "briefing.md.j2",
        src,
        br=briefing,
        kb=kb,
        rows=rows,
        options=options,
        internal=internal,
        forum=kb.stakeholders.get(briefing.forum),
        attendees=[kb.stakeholders[a] for a in briefing.attendees if a in kb.stakeholders],
        cites=Cites(kb, briefing, "underlag-kalla"),
        running=Markup(css_text(running)),
        routes=(routes_html if internal and routes_html else (lambda _id: "")),
        since=since,
        previous=previous_meeting(kb, briefing),
        outcome_promises=outcome_promises,
        today=options.today,
    )


def briefing_pages(
    kb: KnowledgeBase,
    options: SiteOptions,
    routes_html: Callable[[str], Markup] | None = None,
    history: dict | None = None,
) -> dict[str, str]:
    """A page per briefing, the index of coming and past meetings, and the open commitments."""
    pages = {
        briefing_page(b.id): render_briefing(kb, b, options, routes_html, history=history)
        for b in kb.briefings.values()
    }
    pages.update(
        {
            example_page(b.id): render_briefing(kb, b, options, routes_html, history=history)
            for b in kb.examples.values()
        }
    )
    pages[COMMITMENTS] = front_matter(title=_("Åtaganden")) + render_template(
        "commitments.md.j2",
        COMMITMENTS,
        promises=open_commitments(kb, options.today),
        today=options.today,
        kb=kb,
    )
    pages[EXAMPLE_INDEX] = front_matter(title=_("Exempel")) + render_template(
        "examples.md.j2", EXAMPLE_INDEX, examples=list(kb.examples.values()), kb=kb
    )
    ordered = sorted(kb.briefings.values(), key=lambda b: (b.date, b.id))
    coming = [b for b in ordered if b.date >= options.today]
    past = [b for b in reversed(ordered) if b.date < options.today]
    pages[BRIEFING_INDEX] = front_matter(title=_("Möten")) + render_template(
        "briefings.md.j2",
        BRIEFING_INDEX,
        coming=coming,
        past=past,
        kb=kb,
    )
    return pages


def annual_changes(kb: KnowledgeBase) -> dict[int, dict[str, list]]:
    """Per year and status: the barriers that reached that status that year."""
    years: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for b in kb.barriers.values():
        for event in b.status_history:
            if event.status in ANNUAL_STATUSES:
                years[event.date.year][event.status].append((event, b))
    return {
        y: {s: sorted(v, key=lambda x: (x[0].date, x[1].id)) for s, v in years[y].items()}
        for y in sorted(years)
    }


def annual_pages(kb: KnowledgeBase) -> dict[str, str]:
    """A printable page per year, and an index of years."""
    changes = annual_changes(kb)
    pages = {}
    for year, by_status in changes.items():
        src = f"annual/{year}.md"
        open_at_end = [
            b
            for b in kb.barriers.values()
            if _status_at_end_of(b, year) not in (None, *vocab.CLOSED_STATUSES)
        ]
        pages[src] = front_matter(
            title=_("Gränshinder %(year)s") % {"year": year}, search=NOT_INDEXED
        ) + render_template(
            "annual.md.j2",
            src,
            year=year,
            by_status=by_status,
            statuses=ANNUAL_STATUSES,
            open_at_end=open_at_end,
        )
    pages[ANNUAL_INDEX] = front_matter(title=_("Årsrapporter")) + render_template(
        "annual_index.md.j2",
        ANNUAL_INDEX,
        years=list(changes),
        changes=changes,
    )
    return pages


def _status_at_end_of(barrier, year: int) -> str | None:
    status = None
    for event in barrier.status_history:
        if event.date.year <= year:
            status = event.status
    return status
