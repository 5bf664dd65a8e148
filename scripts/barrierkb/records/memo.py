"""Derived data computed once per loaded knowledge base.

`barrierkb site` builds every edition in one process from the same checked
records (`site.prepare`), so what does not depend on the edition's language
(a record's numbered sources, the spreadsheets) is computed for the first
edition and reused by the others. The cache is kept on the knowledge base
object itself and goes away with it; a record argument is keyed by identity.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def per_kb(func: Callable[..., T]) -> Callable[..., T]:
    """Cache `func(kb, *args)` on `kb`. Only for results no language or date changes.

    Arguments that cannot be hashed (records) count by identity; the cached
    result must be treated as read-only.

    >>> calls = []
    >>> @per_kb
    ... def count(kb, kind):
    ...     calls.append(kind)
    ...     return len(kind)
    >>> class KB: pass
    >>> kb = KB()
    >>> count(kb, "barriers"), count(kb, "barriers"), calls
    (8, 8, ['barriers'])
    """

    @functools.wraps(func)
    def cached(kb, *args):
        memo = vars(kb).setdefault("_memo", {})
        key = (func.__qualname__, *(_key(a) for a in args))
        if key not in memo:
            # The arguments stay referenced with the result, so no id is reused meanwhile.
            memo[key] = (args, func(kb, *args))
        return memo[key][1]

    return cached


def _key(value) -> object:
    """`value` itself when it can be hashed, otherwise its identity."""
    try:
        hash(value)
    except TypeError:
        return ("id", id(value))
    return value
