"""The citation rules: every claim cites a source that resolves, every source is cited.

`citation_findings(kb, record)` yields the `check.Finding`s of one record.
What must cite (see the record contract): each paragraph and list item of a
barrier's description, in every language; each status event, role, the
impact and the official layer; each relation between organisations.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from .citations import CitationError, groups, has_group, parse_field
from .findings import Finding, record_texts
from .load import KnowledgeBase, field_path
from .model import Barrier, Briefing, Record, Stakeholder

#: A block of Markdown: a paragraph, or one list item.
_ITEM_START = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+")


def source_keys(kb: KnowledgeBase, record: Record) -> tuple[dict, set[str]]:
    """The record's own sources by id, and the keys it may cite (own and shared)."""
    own = {s.id: s for _, s in _present(record, "sources")}
    return own, set(own) | set(kb.sources)


def claim_blocks(text: str) -> Iterator[tuple[int, str]]:
    """Each paragraph and list item of a Markdown text, with its offset; headings aside.

    >>> [b for _, b in claim_blocks("Ett stycke\\nmed två rader.\\n\\n- en punkt\\n- en till\\n")]
    ['Ett stycke\\nmed två rader.', '- en punkt', '- en till']
    """
    offset = 0
    start, lines = 0, []
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped or _ITEM_START.match(line) or stripped.startswith("#"):
            if lines:
                yield start, "".join(lines).rstrip("\n")
            lines = []
            if stripped and not stripped.startswith("#"):
                start, lines = offset, [line]
        else:
            if not lines:
                start = offset
            lines.append(line)
        offset += len(line)
    if lines:
        yield start, "".join(lines).rstrip("\n")


def _present(record: Record, name: str) -> list[tuple[int, object]]:
    """The items of a list field with their index; a partial record keeps None for a bad one."""
    return [(i, x) for i, x in enumerate(getattr(record, name, None) or []) if x is not None]


def _cite_fields(record: Record) -> Iterator[tuple[tuple, str | None, bool]]:
    """(field path, cite value, must it cite) for every structured claim of a record."""
    if isinstance(record, Barrier):
        for i, event in _present(record, "status_history"):
            yield ("status_history", i), event.cite, True
        for field in ("responsible", "stakeholders"):
            for i, ref in _present(record, field):
                yield (field, i), ref.cite, True
        for field in ("impact", "official"):
            part = getattr(record, field, None)
            if part is not None:
                yield (field,), part.cite, True
    elif isinstance(record, Stakeholder):
        for i, relation in _present(record, "relations"):
            yield ("relations", i), relation.cite, True
    elif isinstance(record, Briefing) and getattr(record, "outcome", None) is not None:
        # The outcome's source (the minutes) stands for its summary, results and commitments.
        yield ("outcome",), record.outcome.cite, True


def citation_findings(
    kb: KnowledgeBase,
    record: Record,
    texts: list[tuple[tuple, str]] | None = None,
    partial: bool = False,
) -> Iterator[Finding]:
    """The citation rules for one record; `partial`: some fields failed, so a source
    they cite is not reported as unused. `texts`: the record's `record_texts`, when the
    caller has them already."""
    own, known = source_keys(kb, record)
    cited: set[str] = set()

    def resolve(loc: tuple, key: str, offset: int = 0) -> Iterator[Finding]:
        cited.add(key)
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f"did you mean '{close[0]}'?" if close else None
            message = f"{field_path(loc)}: no source has the key '{key}'"
            yield Finding(loc, "unknown-citation", message, hint, offset)

    seen: set[str] = set()
    for i, source in _present(record, "sources"):
        if source.id in seen:
            yield Finding(
                ("sources", i, "id"), "duplicate-source", f"sources[{i}]: '{source.id}' twice"
            )
        seen.add(source.id)
        if source.title is None and source.id not in kb.sources:
            message = f"sources[{i}]: there is no shared source sources/{source.id}.yml"
            yield Finding(("sources", i, "id"), "unknown-source", message)

    for loc, text in record_texts(record) if texts is None else texts:
        if loc[-1] == "cite" or "[" not in text:  # no bracket, no citation group
            continue
        for start, _, found in groups(text):
            if isinstance(found, CitationError):
                yield Finding(loc, "bad-citation", f"{field_path(loc)}: {found}", None, start)
                continue
            for citation in found:
                yield from resolve(loc, citation.key, start)

    for loc, value, required in _cite_fields(record):
        if value is None:
            if required:
                yield Finding(loc, "uncited", f"{field_path(loc)}: the claim cites no source")
            continue
        try:
            found = parse_field(value)
        except CitationError as err:
            yield Finding(loc + ("cite",), "bad-citation", f"{field_path(loc)}.cite: {err}")
            continue
        for citation in found:
            yield from resolve(loc + ("cite",), citation.key)

    if isinstance(record, Barrier) and getattr(record, "description", None) is not None:
        texts = record.description
        for lang, text in ({"sv": texts} if isinstance(texts, str) else texts).items():
            loc = ("description",) if isinstance(texts, str) else ("description", lang)
            for offset, block in claim_blocks(text):
                if not has_group(block):
                    first = " ".join(block.split())[:50]
                    message = f"{field_path(loc)}: the paragraph '{first}…' cites no source"
                    yield Finding(loc, "uncited", message, None, offset)

    for i, source in _present(record, "sources"):
        if source.id not in cited and not partial:
            message = f"sources[{i}]: no claim cites '{source.id}'"
            yield Finding(("sources", i, "id"), "unused-source", message)
