"""What a rule finds in one record: a field path, a rule's code, what was found.

The checker turns findings into `Diagnostic`s with the file's positions and
the rule table's level and hint.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

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
) -> Iterator[tuple[tuple, str]]:
    """Every string in a dumped record, with its field path (urls and ids aside).

    >>> list(text_leaves({"title": {"sv": "A"}, "url": "https://x", "tags": ["b"]}))
    [(('title', 'sv'), 'A'), (('tags', 0), 'b')]
    """
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from text_leaves(item, loc + (key,), skip)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from text_leaves(item, loc + (i,), skip)


def field_path(loc: tuple) -> str:
    """`('responsible', 1, 'stakeholder')` as `responsible[1].stakeholder`.

    >>> field_path(("responsible", 1, "stakeholder"))
    'responsible[1].stakeholder'
    """
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(record)"
