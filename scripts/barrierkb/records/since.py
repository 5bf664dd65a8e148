"""What changed for a barrier between two meetings of the same forum.

A briefing shows, for each barrier on its agenda, what happened since the
forum's previous meeting in the base: the status events in between, the
commitments on the barrier that fell due, and (where the checkout has git
history) the record's own commits in that interval. Examples compare with
the previous example of the same forum only: they never meet real records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .history import Commit
from .load import KnowledgeBase
from .model import Briefing, StatusEvent
from .outcomes import Promise, commitments


def previous_meeting(kb: KnowledgeBase, briefing: Briefing) -> Briefing | None:
    """The same forum's latest meeting before `briefing` (examples among examples)."""
    pool = kb.examples if briefing.example else kb.briefings
    earlier = [
        b
        for b in pool.values()
        if b.forum == briefing.forum and (b.date, b.id) < (briefing.date, briefing.id)
    ]
    return max(earlier, key=lambda b: (b.date, b.id), default=None)


@dataclass
class Since:
    """One barrier's changes between the previous meeting and this one."""

    previous: Briefing
    events: list[StatusEvent] = field(default_factory=list)
    #: Commitments on the barrier, from earlier meetings, due by this meeting's date.
    due: list[Promise] = field(default_factory=list)
    #: The record file's commits in the interval; None without git history.
    commits: list[Commit] | None = None

    def is_empty(self) -> bool:
        return not (self.events or self.due or self.commits)


def since_last_meeting(
    kb: KnowledgeBase, briefing: Briefing, history: dict[str, list[Commit]] | None
) -> dict[str, Since]:
    """Per barrier on the agenda, what changed since the forum's previous meeting.

    Empty when the forum has no earlier meeting in the base.
    """
    previous = previous_meeting(kb, briefing)
    if previous is None:
        return {}
    start, end = previous.date, briefing.date
    promises = _promises(kb, briefing.example)
    found = {}
    for item in briefing.barriers:
        barrier = kb.barriers.get(item.barrier)
        if barrier is None:
            continue
        since = Since(previous)
        since.events = [e for e in barrier.status_history if start < e.date <= end]
        since.due = [
            p
            for p in promises
            if p.barrier == item.barrier
            and p.briefing.date < end
            and p.due is not None
            and p.due <= end
        ]
        if history is not None:
            commits = history.get(kb.file("barriers", barrier.id).path, [])
            since.commits = [c for c in commits if start < dt.date.fromisoformat(c.date) <= end]
        found[item.barrier] = since
    return found


def _promises(kb: KnowledgeBase, example: bool) -> list[Promise]:
    """The commitments of real meetings, or for an example those of the examples."""
    if not example:
        return commitments(kb)
    return commitments(KnowledgeBase(root=kb.root, briefings=dict(kb.examples)))
