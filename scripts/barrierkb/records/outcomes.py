"""What came out of meetings: the outcome rules and the commitments made.

A briefing gains `outcome` after its meeting (the record contract, Meetings).
`outcome_findings` is the checker's part; `commitments(kb)` lists every
commitment of the real meetings, for the "Åtaganden" page, the barrier and
stakeholder pages and the feed. Examples' outcomes count nowhere but on their
own page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from .findings import Finding
from .load import KnowledgeBase
from .model import Briefing, Commitment


def outcome_findings(
    kb: KnowledgeBase, briefing: Briefing, today: dt.date | None
) -> Iterator[Finding]:
    """The outcome rules for one briefing.

    - an outcome is an error on a meeting that has not happened yet;
    - each item names a barrier on the meeting's agenda;
    - a commitment is done (`done`) between the meeting and today;
    - a status reached at a real meeting is also in the barrier's `status_history`,
      with the meeting's date and forum (one truth, two views).
    """
    outcome = getattr(briefing, "outcome", None)
    if outcome is None:
        return
    today = today or dt.date.today()
    if briefing.date > today:
        yield Finding(
            ("outcome",),
            "outcome-before-meeting",
            f"outcome: the meeting is on {briefing.date}, after today ({today})",
            "remove the outcome until the meeting has taken place",
        )
    agenda = [item.barrier for item in getattr(briefing, "barriers", None) or []]
    for i, item in enumerate(outcome.items):
        yield from _done_dates(briefing, i, item.commitments, today)
        loc = ("outcome", "items", i, "barrier")
        if item.barrier not in agenda:
            if item.barrier in kb.barriers:
                yield Finding(
                    loc,
                    "outcome-not-on-agenda",
                    f"outcome.items[{i}]: '{item.barrier}' is not on the meeting's agenda",
                    "add it to `barriers`, or correct the id: the agenda has " + ", ".join(agenda),
                )
            continue
        barrier = kb.barriers.get(item.barrier)
        if item.status is None or briefing.example or barrier is None:
            continue
        if not any(
            e.date == briefing.date and e.status == item.status and e.forum == briefing.forum
            for e in barrier.status_history
        ):
            yield Finding(
                ("outcome", "items", i, "status"),
                "outcome-status-not-in-history",
                f"outcome.items[{i}].status: '{item.barrier}' reached '{item.status}' here, "
                "but its status_history has no such entry",
                f"add to barriers/{item.barrier}.yml a status_history entry with date "
                f"{briefing.date}, status {item.status} and forum {briefing.forum}",
            )


def _done_dates(
    briefing: Briefing, i: int, made: list[Commitment], today: dt.date
) -> Iterator[Finding]:
    """A commitment is met between its meeting and today, never before or after."""
    for j, commitment in enumerate(made):
        done = commitment.done
        if done is None or briefing.date <= done <= today:
            continue
        when = f"before the meeting ({briefing.date})" if done < briefing.date else "after today"
        yield Finding(
            ("outcome", "items", i, "commitments", j, "done"),
            "commitment-done-date",
            f"outcome.items[{i}].commitments[{j}].done: {done} is {when}",
        )


@dataclass(frozen=True)
class Promise:
    """One commitment of a real meeting, with the meeting and barrier it belongs to."""

    briefing: Briefing
    barrier: str
    commitment: Commitment

    @property
    def due(self) -> dt.date | None:
        return self.commitment.due

    def is_open(self) -> bool:
        return self.commitment.done is None

    def is_overdue(self, today: dt.date) -> bool:
        return self.is_open() and self.due is not None and self.due < today


def commitments(kb: KnowledgeBase, examples: bool = False) -> list[Promise]:
    """Every commitment made at a real meeting, by due date (undated last), then meeting.

    Examples (`kb.examples`) are left out, since they describe no real meeting;
    `examples=True` gives the examples' commitments instead, for their own pages.
    """
    found = [
        Promise(briefing, item.barrier, commitment)
        for briefing in (kb.examples if examples else kb.briefings).values()
        if briefing.outcome is not None
        for item in briefing.outcome.items
        for commitment in item.commitments
    ]
    return sorted(
        found,
        key=lambda p: (p.due is None, p.due or dt.date.min, p.briefing.date, p.briefing.id),
    )


def open_commitments(kb: KnowledgeBase, today: dt.date) -> list[Promise]:
    """The open commitments, overdue ones first, each group by due date.

    >>> open_commitments(KnowledgeBase(root="."), dt.date(2026, 1, 1))
    []
    """
    still_open = [p for p in commitments(kb) if p.is_open()]
    return sorted(still_open, key=lambda p: not p.is_overdue(today))  # stable: by due date
