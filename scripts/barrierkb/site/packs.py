"""Briefing packs: a prepared briefing, or an ad-hoc pack of a forum's open barriers, as PDF.

The PDF comes from the same Markdown as the briefing's page on the site, turned
into one standalone HTML document with the site's own print stylesheet, and
printed by headless Chromium (`pdf`).
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from markupsafe import Markup

from ..records import vocab
from ..records.i18n import _, current
from ..records.lang import localized
from ..records.load import KnowledgeBase
from ..records.model import EXAMPLES, AgendaItem, Briefing
from .briefings import render_briefing
from .network import compact_routes
from .pdf import print_pdf
from .prepare import SiteState
from .printing import page_footer_css
from .templating import SiteOptions, environment

STYLESHEETS = ("docs/assets/stylesheets/barrierkb.css", "docs/assets/stylesheets/print.css")


def adhoc_briefing(
    kb: KnowledgeBase, forum: str, statuses: list[str] | None = None, today=None
) -> Briefing:
    """A pack of the open barriers raised at `forum`, without a briefing record."""
    wanted = set(statuses or [s for s in vocab.STATUSES if s not in vocab.CLOSED_STATUSES])
    items = [
        AgendaItem(barrier=b.id)
        for b in kb.barriers.values()
        if forum in b.forums and b.status in wanted
    ]
    name = localized(kb.stakeholders[forum].name) if forum in kb.stakeholders else forum
    return Briefing.model_construct(
        id=f"{forum}-pack",
        title=_("Öppna gränshinder i %(forum)s") % {"forum": name},
        date=today,
        forum=forum,
        attendees=[],
        purpose=None,
        barriers=items,
        visibility="public",
        internal_notes=None,
    )


def briefing_html(
    kb: KnowledgeBase, briefing: Briefing, options: SiteOptions, root: Path, routes_html=None
) -> str:
    """The briefing as one standalone HTML document, styles inlined."""
    page = render_briefing(kb, briefing, options, routes_html)
    body_md = re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.S)
    body = markdown.markdown(body_md, extensions=["tables"])
    css = "\n".join(
        (root / p).read_text(encoding="utf-8") for p in STYLESHEETS if (root / p).is_file()
    )
    css += "\n" + page_footer_css()
    template = environment(current()).get_template("print.html.j2")
    return template.render(
        lang=current(), title=str(localized(briefing.title)), body=Markup(body), css=Markup(css)
    )


class PackError(Exception):
    """The pack asked for cannot be made: an unknown briefing or forum, or nothing to print."""


def choose_briefing(
    kb: KnowledgeBase,
    briefing_id: str | None = None,
    forum: str | None = None,
    statuses: list[str] | None = None,
    today=None,
) -> Briefing:
    """The briefing a pack prints: a prepared one by id, or an ad-hoc one for `forum`."""
    if bool(briefing_id) == bool(forum):
        raise PackError("give a briefing ID or --forum FORUM, not both")
    if forum:
        if forum not in kb.stakeholders:
            raise PackError(f"there is no stakeholder {forum!r}")
        briefing = adhoc_briefing(kb, forum, statuses, today)
        if not briefing.barriers:
            raise PackError(f"no open barriers are raised at {forum}")
        return briefing
    if briefing_id in kb.examples:  # printed with its "Exempel" banner
        return kb.examples[briefing_id]
    if briefing_id not in kb.briefings:
        raise PackError(f"there is no briefing {briefing_id!r} in briefings/ or {EXAMPLES}/")
    return kb.briefings[briefing_id]


def pack_pdf(state: SiteState, briefing: Briefing, root: Path, output: Path) -> None:
    """Print `briefing` to `output` as the site would show it, with the advocacy routes."""
    routes = compact_routes(state.network)
    print_pdf(briefing_html(state.kb, briefing, state.options, root, routes), output)
