"""Counts by status, border and theme: for `barrierkb stats` and the start page."""

from __future__ import annotations

from collections import Counter

from . import vocab
from .load import KnowledgeBase


def counts(kb: KnowledgeBase) -> dict[str, dict[str, int]]:
    """Barriers per status, border and theme, in vocabulary order, zeros left out.

    A barrier on two borders counts once for each.
    """
    status = Counter(b.status for b in kb.barriers.values())
    border = Counter(x for b in kb.barriers.values() for x in b.borders)
    theme = Counter(x for b in kb.barriers.values() for x in b.themes)
    return {
        "status": {s: status[s] for s in vocab.STATUSES if status[s]},
        "border": {k: border[k] for k in sorted(border)},
        "theme": {t: theme[t] for t in vocab.THEMES if theme[t]},
    }


def format_stats(kb: KnowledgeBase) -> str:
    """A plain-text table of `counts(kb)`."""
    lines = [
        f"{len(kb.barriers)} barriers, {len(kb.stakeholders)} stakeholders, "
        f"{len(kb.briefings)} briefings"
    ]
    for facet, table in counts(kb).items():
        lines.append(f"\nby {facet}:")
        width = max((len(k) for k in table), default=0)
        lines += [f"  {key:<{width}}  {n:>4}" for key, n in table.items()]
    return "\n".join(lines)
