"""Who a build is for: the public site never sees internal records or notes."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from .load import KnowledgeBase
from .model import FOLDERS

Audience = Literal["public", "internal"]
AUDIENCES: tuple[str, ...] = ("public", "internal")


def for_audience(kb: KnowledgeBase, audience: Audience) -> KnowledgeBase:
    """A copy of `kb` holding only what `audience` may see.

    For the public, internal records are dropped and `internal_notes` emptied;
    the internal audience sees everything.
    """
    if audience == "internal":
        return kb

    def public(records: dict) -> dict:
        return {
            rid: record.model_copy(update={"internal_notes": None})
            if "internal_notes" in type(record).model_fields
            else record
            for rid, record in records.items()
            if record.visibility == "public"
        }

    return replace(kb, **{kind: public(kb.records(kind)) for kind in FOLDERS})
