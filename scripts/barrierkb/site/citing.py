"""Citations on a page: numbered markers in the text, and the source list they point at.

`Cites` wraps a record's `SourceList` for one page. Templates call
`cites.md(text)` for record Markdown with its citations as markers,
`cites.field(r.cite)` for a structured claim's citation, and loop over
`cites` for the list of sources with the locators cited. On a page with
several records (a briefing), each gets its own anchor prefix.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..records.citations import CitationError, parse_field, parse_group
from ..records.load import KnowledgeBase
from ..records.model import Record
from ..records.sourcing import SourceEntry, source_list
from .markdown import to_html, to_inline_html


class Cites:
    """The citations of one record, as rendered on one page."""

    def __init__(self, kb: KnowledgeBase, record: Record, prefix: str = "kalla") -> None:
        self.sources = source_list(kb, record)
        self.prefix = prefix
        self._prefix = str(escape(prefix))

    def __iter__(self):
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)

    def anchor(self, entry: SourceEntry) -> str:
        return f"{self.prefix}-{entry.number}"

    def marker(self, inner: str) -> Markup | None:
        """The HTML of one citation group (its inside, such as `@a, s. 3; @b`)."""
        try:
            cites = parse_group(inner)
        except CitationError:
            return None
        return self._numbers([c.key for c in cites])

    def _numbers(self, keys: list[str]) -> Markup:
        """The markers of cited keys: `[1, 3]` linking to the source list (numbers only,
        and a prefix escaped once, so the HTML is assembled directly)."""
        links = []
        for key in dict.fromkeys(keys):
            number = self.sources.number(key)
            if number is not None:
                links.append(f'<a href="#{self._prefix}-{number}">{number}</a>')
        if not links:
            return Markup("")
        return Markup('<sup class="bkb-cite">[' + ", ".join(links) + "]</sup>")

    def md(self, text: str | None) -> Markup:
        """Record Markdown as HTML, its citations as markers."""
        return to_html(text, self.marker)

    def inline(self, text: str | None) -> Markup:
        return to_inline_html(text, self.marker)

    def field(self, value: str | None) -> Markup:
        """A `cite` field as markers; nothing when the claim has none."""
        if not value:
            return Markup("")
        try:
            return self._numbers([c.key for c in parse_field(value)])
        except CitationError:
            return Markup(escape(value))
