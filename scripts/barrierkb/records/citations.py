"""Citations: which source backs which sentence, role and status, and where in it.

The syntax is Pandoc's, inside any text or as the value of a `cite` field:
`[@key]`, `[@key, locator]`, `[@a; @b, s. 12]`. The locator (after the comma)
is a page, section or paragraph. A key resolves to the record's own
`sources[]` first, then to a shared source in `sources/<key>.yml`.

>>> [(c.key, c.locator) for c in parse("Se [@ksau-2026-03-23, uppdrag 3; @skat-2025].")]
[('ksau-2026-03-23', 'uppdrag 3'), ('skat-2025', '')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .model import SLUG_PATTERN

#: A bracketed group that starts with `@` (after optional spaces): a citation,
#: well formed or not. `[text](url)` and `[@key]` never look alike.
GROUP = re.compile(r"\[\s*(@[^\[\]]*)\]")
_ITEM = re.compile(r"^\s*@(?P<key>[^\s,;\]]+)\s*(?:,\s*(?P<locator>[^;]*?))?\s*$")
_KEY = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class Citation:
    """One cited source: its key and, for a long source, where in it."""

    key: str
    locator: str = ""


class CitationError(ValueError):
    """A bracketed `[@...]` group that is not a citation in Pandoc syntax."""


def parse_group(group: str) -> list[Citation]:
    """The citations in the inside of one `[...]` group, such as `@a, s. 3; @b`.

    >>> parse_group("@a, s. 3; @b")
    [Citation(key='a', locator='s. 3'), Citation(key='b', locator='')]
    >>> parse_group("@a s. 3")
    Traceback (most recent call last):
    ...
    barrierkb.records.citations.CitationError: '@a s. 3' is not @key or @key, locator
    """
    return list(_parsed_group(group))


@lru_cache(maxsize=8192)
def _parsed_group(group: str) -> tuple[Citation, ...]:
    """`parse_group`, once per distinct group: records cite the same few sources again and again."""
    found = []
    for part in group.split(";"):
        match = _ITEM.match(part)
        empty_locator = match and "," in part and not (match["locator"] or "").strip()
        if not match or not _KEY.match(match["key"]) or empty_locator:
            raise CitationError(f"{part.strip()!r} is not @key or @key, locator")
        found.append(Citation(match["key"], (match["locator"] or "").strip()))
    return tuple(found)


def groups(text: str) -> Iterator[tuple[int, int, list[Citation] | CitationError]]:
    """Each citation group in `text`: start, end, and its citations or why it is malformed."""
    for match in GROUP.finditer(text):
        try:
            yield match.start(), match.end(), parse_group(match.group(1))
        except CitationError as err:
            yield match.start(), match.end(), err


def has_group(text: str) -> bool:
    """Whether `text` holds a citation group, well-formed or not.

    >>> has_group("Hindret finns [@a, s. 3]."), has_group("[@]"), has_group("Inget här.")
    (True, True, False)
    """
    return GROUP.search(text) is not None


def parse(text: str) -> list[Citation]:
    """The well-formed citations in `text`, in order."""
    return [c for _, _, found in groups(text) if isinstance(found, list) for c in found]


def parse_field(value: str) -> list[Citation]:
    """The value of a `cite` field: one or more groups, brackets optional.

    >>> parse_field("@a, s. 3")
    [Citation(key='a', locator='s. 3')]
    >>> parse_field("[@a; @b]")
    [Citation(key='a', locator=''), Citation(key='b', locator='')]
    """
    stripped = value.strip()
    if not stripped.startswith("["):
        return parse_group(stripped)
    rest = GROUP.sub("", stripped).strip()
    if rest:
        raise CitationError(f"{rest!r} is outside the brackets of a citation")
    found = []
    for _, _, cites in groups(stripped):
        if isinstance(cites, CitationError):
            raise cites
        found += cites
    if not found:
        raise CitationError(f"{value!r} holds no citation")
    return found


def strip(text: str) -> str:
    """The text without its citation groups, for places that cannot show them.

    >>> strip("Hindret finns [@a, s. 3].")
    'Hindret finns.'
    """
    return re.sub(r"\s*" + GROUP.pattern, "", text)
