"""Ids from titles: the one rule for every id a tool makes.

Ids are permanent file names and parts of web addresses, so they are plain
ASCII. The rule follows the ids already in use: æ→ae, ø→o, å→a, ä→a, ö→o,
other letters to their base letter; words joined by hyphens; cut between
words at `MAX_ID` characters at most.

>>> make_id("Grænsependlere får ikke MitID – Øresund")
'graensependlere-far-ikke-mitid-oresund'
>>> make_id("Information om forskningsfinansiering över Öresund är svår att hitta")
'information-om-forskningsfinansiering-over-oresund'
"""

from __future__ import annotations

import re
import unicodedata

#: The longest id `make_id` writes.
MAX_ID = 50
#: Letters that Unicode does not decompose into a base letter.
_LETTERS = str.maketrans(
    {"æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ß": "ss", "þ": "th", "Þ": "th", "ð": "d",
     "Ð": "d", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "œ": "oe", "Œ": "oe"}
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")


def ascii_words(text: str, transliterate: bool = True) -> list[str]:
    """The lowercase ASCII words of `text`; letters without an ASCII base are dropped
    unless `transliterate` spells them out.

    >>> ascii_words("Köpenhamns Ø-tåg")
    ['kopenhamns', 'o', 'tag']
    >>> ascii_words("Köpenhamns Ø-tåg", transliterate=False)
    ['kopenhamns', 'tag']
    """
    if transliterate:
        text = text.translate(_LETTERS)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _WORD.findall(plain.lower())


def make_id(title: str, limit: int = MAX_ID, fallback: str = "hinder") -> str:
    """An id from a title: its words, cut between words at `limit` characters.

    A single word longer than `limit` is cut inside the word.

    >>> make_id("Åäö ÅÄÖ / ../etc")
    'aao-aao-etc'
    >>> make_id("!!!")
    'hinder'
    >>> len(make_id("x" * 200))
    50
    """
    words = ascii_words(title)
    found = ""
    for word in words:
        longer = f"{found}-{word}" if found else word
        if len(longer) > limit:
            break
        found = longer
    return found or (words[0][:limit] if words else fallback)
