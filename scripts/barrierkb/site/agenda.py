"""A meeting's agenda as a pack shows it: in priority order, with who can act and who is there.

Plain functions over the records, shared by the briefing pages and the
printed and Word packs: `ordered` sorts the agenda, `actors` says for each
organisation that can act on a barrier whether it is at the table (itself,
or through an attendee that is part of it), and `overview` gives the rows of
a pack's cover.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import vocab
from ..records.i18n import N_
from ..records.lang import localized
from ..records.load import KnowledgeBase
from ..records.model import AgendaItem, Barrier, Briefing

#: The next step in the advocacy process from each status (the owner's way of working,
#: not a claim about the barrier), shown in the cover's overview.
NEXT_STEP: dict[str, str] = {
    "identified": N_("Analysera hindret och dess källor"),
    "analysed": N_("Lyfta hindret i ett forum"),
    "raised": N_("Inleda dialog med den som kan lösa det"),
    "in_dialogue": N_("Få fram ett lösningsförslag"),
    "solution_proposed": N_("Få ett beslut"),
    "decided": N_("Följa att beslutet genomförs"),
    "partly_solved": N_("Följa upp det som återstår"),
    "solved": N_("Följa upp"),
    "written_off": N_("Inget: avskrivet"),
}
PRIORITY_ORDER = {p: i for i, p in enumerate(vocab.PRIORITIES)}
STATUS_ORDER = {s: i for i, s in enumerate(vocab.STATUSES)}


def ordered(kb: KnowledgeBase, items: list[AgendaItem]) -> list[tuple[AgendaItem, Barrier]]:
    """The agenda's barriers by priority (high first, none last), then status, then title."""
    pairs = [(i, kb.barriers[i.barrier]) for i in items if i.barrier in kb.barriers]
    return sorted(
        pairs,
        key=lambda p: (
            PRIORITY_ORDER.get(p[1].priority or "", len(PRIORITY_ORDER)),
            STATUS_ORDER[p[1].status],
            str(localized(p[1].title)).casefold(),
        ),
    )


def parents(kb: KnowledgeBase, org_id: str) -> list[str]:
    """The organisations `org_id` is part of, nearest first (its `part_of` chain upwards)."""
    chain, current = [], org_id
    while current in kb.stakeholders:
        up = [r.target for r in kb.stakeholders[current].relations if r.type == "part_of"]
        if not up or up[0] in chain or up[0] == org_id:
            break
        chain.append(up[0])
        current = up[0]
    return chain


@dataclass(frozen=True)
class Actor:
    """An organisation that can act on a barrier, and how it is at the table."""

    id: str
    name: str
    role: str
    #: An attendee is this organisation or part of it.
    present: bool
    #: Names of the attendees that make it present by a `part_of` tie (not itself).
    through: tuple[str, ...]
    #: The home organisation or one of its own units.
    own: bool


def actors(kb: KnowledgeBase, barrier: Barrier, attendees: list[str], home: str) -> list[Actor]:
    """Who can act on `barrier` (rule owners, decision makers) and who of them is present.

    An attendee makes an organisation present when it is that organisation,
    is part of it, or holds it as a unit: Københavns Kommune at the table can
    act through Jobcenter København, which is part of it, and the other way
    round. The home organisation and its units are `own`.
    """
    out = []
    for ref in barrier.responsible:
        parts = [
            a
            for a in attendees
            if a != ref.stakeholder
            and (ref.stakeholder in parents(kb, a) or a in parents(kb, ref.stakeholder))
        ]
        org = kb.stakeholders.get(ref.stakeholder)
        out.append(
            Actor(
                id=ref.stakeholder,
                name=str(localized(org.name)) if org else ref.stakeholder,
                role=ref.role,
                present=ref.stakeholder in attendees or bool(parts),
                through=tuple(str(localized(kb.stakeholders[a].name)) for a in parts),
                own=ref.stakeholder == home or home in parents(kb, ref.stakeholder),
            )
        )
    return out


def overview(kb: KnowledgeBase, briefing: Briefing, home: str) -> list[dict]:
    """The rows of a pack's cover, in agenda order: one per barrier.

    Each row: ``item``, ``barrier``, ``ask`` (the meeting's ask, else the
    barrier's own), ``actors`` (`actors`) and ``next_step`` (`NEXT_STEP`).
    """
    return [
        {
            "item": item,
            "barrier": b,
            "ask": item.ask or b.ask,
            "actors": actors(kb, b, briefing.attendees, home),
            "next_step": NEXT_STEP[b.status],
        }
        for item, b in ordered(kb, briefing.barriers)
    ]


__all__ = ["NEXT_STEP", "Actor", "actors", "ordered", "overview", "parents"]
