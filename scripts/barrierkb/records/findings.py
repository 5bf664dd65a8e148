"""What a rule finds in one record: a field path, a rule's code, what was found.

The checker turns findings into `Diagnostic`s with the file's positions and
the rule table's level and hint.
"""

from __future__ import annotations

from typing import NamedTuple

from pydantic import BaseModel

NOT_TEXT_FIELDS = frozenset({"url", "id"})


class Finding(NamedTuple):
    """A broken rule in one record: the field path, the rule's code, what was found."""

    loc: tuple
    code: str
    message: str
    #: None: the rule's own hint fits.
    hint: str | None = None
    #: Offset into a text value, when the problem sits inside a longer text.
    offset: int = 0


def text_leaves(
    value: object, loc: tuple = (), skip: frozenset[str] = NOT_TEXT_FIELDS
) -> list[tuple[tuple, str]]:
    """Every string in a dumped record, with its field path (urls and ids aside).

    >>> text_leaves({"title": {"sv": "A"}, "url": "https://x", "tags": ["b"]})
    [(('title', 'sv'), 'A'), (('tags', 0), 'b')]
    """
    found: list[tuple[tuple, str]] = []
    _walk(value, loc, skip, found)
    return found


def _walk(value: object, loc: tuple, skip: frozenset[str], found: list) -> None:
    """Append the strings under `value` to `found`. A function of its own, not a closure
    that calls itself: that would be a reference cycle, and every list it filled would
    wait for the garbage collector instead of going when its last user does."""
    if isinstance(value, str):
        found.append((loc, value))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                _walk(item, loc + (key,), skip, found)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _walk(item, loc + (i,), skip, found)


def record_texts(record: BaseModel) -> list[tuple[tuple, str]]:
    """Every text of a record with its field path: what the text rules read, dumped once."""
    return text_leaves(record.model_dump(mode="json", exclude_none=True, warnings=False))


def field_path(loc: tuple) -> str:
    """`('responsible', 1, 'stakeholder')` as `responsible[1].stakeholder`.

    >>> field_path(("responsible", 1, "stakeholder"))
    'responsible[1].stakeholder'
    """
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(record)"
