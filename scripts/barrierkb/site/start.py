"""The parts of the start page: lists that the macros module puts on it."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from ..records import vocab
from ..records.i18n import _
from ..records.load import KnowledgeBase
from ..records.stats import counts
from .charts import chart_with_table
from .templating import render_template


def last_change(kb: KnowledgeBase, barrier, history: dict | None = None) -> dt.date:
    """When a barrier's record last changed: its newest commit where the checkout has git
    history (the same data as the page's Historik), else its newest status change or review."""
    commits = (history or {}).get(kb.file("barriers", barrier.id).path)
    if commits:
        return dt.date.fromisoformat(commits[0].date)
    return max([e.date for e in barrier.status_history] + [barrier.last_reviewed])


def recently_changed(kb: KnowledgeBase, n: int = 5, history: dict | None = None) -> list:
    """The `n` barriers changed last (`last_change`), newest first."""
    return sorted(
        kb.barriers.values(), key=lambda b: (last_change(kb, b, history), b.id), reverse=True
    )[:n]


def reviews_due(kb: KnowledgeBase, today: dt.date, n: int = 5) -> list:
    """Barriers whose review is due within 60 days or overdue, soonest first."""
    soon = today + dt.timedelta(days=60)
    due = [b for b in kb.barriers.values() if b.review_due and b.review_due <= soon]
    return sorted(due, key=lambda b: (b.review_due, b.id))[:n]


def next_briefings(kb: KnowledgeBase, today: dt.date, n: int = 3) -> list:
    coming = [b for b in kb.briefings.values() if b.date >= today]
    return sorted(coming, key=lambda b: (b.date, b.id))[:n]


def charts(kb: KnowledgeBase) -> Markup:
    """Bar charts of barriers by status, border and theme, each with a table."""
    table = counts(kb)
    status = {vocab.STATUS_LABELS[k]: v for k, v in table["status"].items()}
    theme = {vocab.THEME_LABELS[k]: v for k, v in table["theme"].items()}
    return Markup("").join(
        [
            chart_with_table("chart-status", _("Hinder per status"), status),
            chart_with_table("chart-border", _("Hinder per gräns"), table["border"]),
            chart_with_table("chart-theme", _("Hinder per tema"), theme),
        ]
    )


def barrier_list(kb: KnowledgeBase, barriers: list, here: str, when=None) -> Markup:
    """A plain HTML list of barrier links, with a date per item if `when` is given."""
    return Markup(render_template("barrier_list.html.j2", here, barriers=barriers, when=when))


def briefing_list(briefings: list, here: str) -> Markup:
    return Markup(render_template("briefing_list.html.j2", here, briefings=briefings))
