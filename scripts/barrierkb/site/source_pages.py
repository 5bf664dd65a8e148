"""A page per shared source, listing every record that cites it, and an index of them."""

from __future__ import annotations

from collections import defaultdict

from ..records.i18n import _
from ..records.load import KnowledgeBase
from ..records.sourcing import source_list
from .paths import SOURCE_INDEX, source_page
from .templating import NOT_INDEXED, front_matter, render_template

#: The kinds whose records a source page lists (examples are no records of fact).
CITING_KINDS = ("barriers", "stakeholders", "briefings")


def citing_records(kb: KnowledgeBase) -> dict[str, list[tuple[str, object, list[str]]]]:
    """Shared source id -> (kind, record, locators) of every record that cites or lists it."""
    found: dict[str, list] = defaultdict(list)
    for kind in CITING_KINDS:
        for record in kb.records(kind).values():
            for entry in source_list(kb, record):
                if entry.shared:
                    found[entry.key].append((kind, record, entry.locators))
    return found


def source_pages(kb: KnowledgeBase) -> dict[str, str]:
    citing = citing_records(kb)
    pages = {}
    for source in kb.sources.values():
        src = source_page(source.id)
        pages[src] = front_matter(title=source.title) + render_template(
            "source.md.j2", src, s=source, citing=citing.get(source.id, []), kb=kb
        )
    pages[SOURCE_INDEX] = front_matter(title=_("Källor"), search=NOT_INDEXED) + render_template(
        "sources.md.j2",
        SOURCE_INDEX,
        sources=sorted(kb.sources.values(), key=lambda s: (s.title.lower(), s.id)),
        citing=citing,
    )
    return pages
