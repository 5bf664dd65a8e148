"""A record's sources as a reader sees them: numbered, resolved, with the locators cited.

`SourceList(kb, record)` numbers the record's own sources in the order they
are listed, then the shared sources it cites without listing them, in the
order they are first cited. Each entry knows the locators the record cites it
with, so a source list can say "s. 3, s. 12".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import citations
from .citations import Citation, CitationError
from .findings import record_texts
from .load import KnowledgeBase
from .memo import per_kb
from .model import Record


@dataclass
class SourceEntry:
    """One source of a record, resolved: its own entry or the shared source it names."""

    number: int
    key: str
    title: str
    url: str | None = None
    publisher: str | None = None
    date: object = None
    #: True when the entry is a shared source with its own page.
    shared: bool = False
    locators: list[str] = field(default_factory=list)


def record_citations(record: Record) -> list[tuple[tuple, Citation]]:
    """Every well-formed citation of a record, with the field path it stands in.

    >>> from barrierkb.records.model import Stakeholder
    >>> s = Stakeholder(id="a", name="A [@x, s. 2]", type="forum", country="SE", level="local")
    >>> record_citations(s)
    [(('name',), Citation(key='x', locator='s. 2'))]
    """
    found = []
    for loc, text in record_texts(record):
        try:
            cites = citations.parse_field(text) if loc[-1] == "cite" else citations.parse(text)
        except CitationError:
            continue
        found += [(loc, c) for c in cites]
    return found


class SourceList:
    """The numbered sources of one record, and the locators it cites them with."""

    def __init__(self, kb: KnowledgeBase, record: Record) -> None:
        self.entries: dict[str, SourceEntry] = {}
        for source in getattr(record, "sources", []):
            shared = kb.sources.get(source.id) if source.title is None else None
            self._add(source.id, shared or source, shared is not None)
        self.citations = record_citations(record)
        for _, cite in self.citations:
            if cite.key not in self.entries and cite.key in kb.sources:
                self._add(cite.key, kb.sources[cite.key], True)
            entry = self.entries.get(cite.key)
            if entry and cite.locator and cite.locator not in entry.locators:
                entry.locators.append(cite.locator)

    def _add(self, key: str, source, shared: bool) -> None:
        self.entries[key] = SourceEntry(
            number=len(self.entries) + 1,
            key=key,
            title=source.title or key,
            url=source.url,
            publisher=source.publisher,
            date=source.date,
            shared=shared,
        )

    def __iter__(self):
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def number(self, key: str) -> int | None:
        """The number of a cited key, or None when it does not resolve."""
        entry = self.entries.get(key)
        return entry.number if entry else None


#: A record's `SourceList`, made once per knowledge base (every edition shows the same).
source_list = per_kb(SourceList)
