"""The references between records, declared once.

The checker resolves them, `diff` reports new ones and the site links them.
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import Barrier, Briefing, Record, Stakeholder

Reference = tuple[tuple, str, str]  # (field path, target kind, target id)


def references(record: Record) -> Iterator[Reference]:
    """Every id that `record` names, with its field path and the kind it must be.

    >>> from barrierkb.records.model import Stakeholder
    >>> s = Stakeholder(id="a", name="A", type="forum", country="SE", level="local",
    ...                 relations=[{"type": "member_of", "target": "b"}])
    >>> list(references(s))
    [(('relations', 0, 'target'), 'stakeholders', 'b')]
    """

    # getattr: a partial record (some fields failed to load) lacks the fields that failed
    # and keeps None where one item of a list failed, so that the others keep their index
    def items(name: str) -> list[tuple[int, object]]:
        return [(i, x) for i, x in enumerate(getattr(record, name, None) or []) if x is not None]

    if isinstance(record, Barrier):
        for i, ref in items("responsible"):
            yield ("responsible", i, "stakeholder"), "stakeholders", ref.stakeholder
        for i, ref in items("stakeholders"):
            yield ("stakeholders", i, "stakeholder"), "stakeholders", ref.stakeholder
        for i, forum in items("forums"):
            yield ("forums", i), "stakeholders", forum
        for i, event in items("status_history"):
            if event.forum:
                yield ("status_history", i, "forum"), "stakeholders", event.forum
        for i, other in items("related"):
            yield ("related", i), "barriers", other
        for i, org in items("contributors"):
            yield ("contributors", i), "stakeholders", org
    elif isinstance(record, Stakeholder):
        for i, relation in items("relations"):
            yield ("relations", i, "target"), "stakeholders", relation.target
    elif isinstance(record, Briefing):
        if getattr(record, "forum", None):
            yield ("forum",), "stakeholders", record.forum
        for i, org in items("attendees"):
            yield ("attendees", i), "stakeholders", org
        for i, item in items("barriers"):
            yield ("barriers", i, "barrier"), "barriers", item.barrier
        outcome = getattr(record, "outcome", None)
        for i, item in enumerate(outcome.items if outcome else []):
            yield ("outcome", "items", i, "barrier"), "barriers", item.barrier
            for j, commitment in enumerate(item.commitments):
                yield ("outcome", "items", i, "commitments", j, "by"), "stakeholders", commitment.by
