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

from .history import Commit, file_at
from .lang import localized
from .load import KnowledgeBase
from .model import Barrier, Briefing, StatusEvent
from .outcomes import Promise, commitments
from .yamlsafe import YamlProblem, parse_yaml


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
    #: From git: the record did not exist yet at the previous meeting.
    new_record: bool = False
    #: From git: source keys the record gained and lost since the previous meeting.
    sources_added: list[str] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)
    #: From git: the barrier's ask (the owner's position) is not what it was.
    ask_changed: bool = False

    def is_empty(self) -> bool:
        return not (
            self.events
            or self.due
            or self.commits
            or self.sources_added
            or self.sources_removed
            or self.ask_changed
        )


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
    promises = commitments(kb, examples=briefing.example)
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
            path = kb.file("barriers", barrier.id).path
            commits = history.get(path, [])
            since.commits = [c for c in commits if start < dt.date.fromisoformat(c.date) <= end]
            if since.commits:
                _compare_with_then(kb, barrier, path, commits, start, since)
        found[item.barrier] = since
    return found


def _compare_with_then(
    kb: KnowledgeBase, barrier: Barrier, path: str, commits: list[Commit], day: dt.date, since
) -> None:
    """Fill in what git says changed: the record as committed by the end of `day` against now."""
    older = [c for c in commits if dt.date.fromisoformat(c.date) <= day]
    if not older:
        since.new_record = True
        return
    text = file_at(kb.root, older[0].hash, path)
    try:
        then, _ = parse_yaml(text or "")
    except YamlProblem:
        return
    if not isinstance(then, dict):
        return
    before = [s.get("id") for s in then.get("sources") or [] if isinstance(s, dict)]
    now = [s.id for s in barrier.sources]
    since.sources_added = [key for key in now if key not in before]
    since.sources_removed = [key for key in before if key and key not in now]
    since.ask_changed = _words(then.get("ask")) != _words(barrier.ask)


def _words(text) -> str:
    """A text's Swedish words, spacing aside: how two versions of an ask are compared."""
    return " ".join(str(localized(text, "sv") or "").split()) if text else ""
