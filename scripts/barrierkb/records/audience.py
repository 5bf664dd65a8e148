"""Who a build is for: the public site never sees internal records or internal fields."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from .load import KnowledgeBase
from .model import FOLDERS, INTERNAL_FIELDS, Briefing

Audience = Literal["public", "internal"]
AUDIENCES: tuple[str, ...] = ("public", "internal")


def for_audience(kb: KnowledgeBase, audience: Audience) -> KnowledgeBase:
    """A copy of `kb` holding only what `audience` may see.

    For the public, internal records are dropped and every internal field
    (`model.INTERNAL_FIELDS`: notes, talking points, channels) emptied, also in
    the agenda of a briefing; the internal audience sees everything.
    """
    if audience == "internal" or kb.audience == audience:
        return kb

    def stripped(record):
        fields = type(record).model_fields
        update = {
            f: fields[f].get_default(call_default_factory=True)
            for f in INTERNAL_FIELDS & set(fields)
        }
        if isinstance(record, Briefing):
            update["barriers"] = [
                i.model_copy(update={"talking_points": []}) for i in record.barriers
            ]
        return record.model_copy(update=update) if update else record

    def public(records: dict) -> dict:
        return {rid: stripped(r) for rid, r in records.items() if r.visibility == "public"}

    return replace(kb, audience=audience, **{kind: public(kb.records(kind)) for kind in FOLDERS})
