"""Multilingual text fields: pick a language, fall back to Swedish."""

from __future__ import annotations

import re
import unicodedata

from . import vocab


def text(value: str | dict[str, str] | None, lang: str = "sv") -> str:
    """The text in `lang`, else Swedish, else the first language given.

    >>> text({"en": "Funding", "sv": "Finansiering"})
    'Finansiering'
    >>> text({"en": "Funding"}, "da")
    'Funding'
    >>> text(None)
    ''
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    for code in (lang, "sv", *vocab.LANGUAGES):
        if code in value:
            return value[code]
    return ""


def translation(value: str | dict[str, str] | None, lang: str) -> str:
    """The text in exactly `lang`, or '' when that language is not given.

    >>> translation("Hinder", "en")
    ''
    >>> translation({"sv": "Hinder", "en": "Barrier"}, "en")
    'Barrier'
    """
    if isinstance(value, dict):
        return value.get(lang, "")
    return value if (value and lang == "sv") else ""


def slugify(title: str) -> str:
    """A file-name-safe id (or HTML anchor) from a title.

    >>> slugify("Tredjelandsmedborgare får inte arbeta i Danmark!")
    'tredjelandsmedborgare-far-inte-arbeta-i-danmark'
    """
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:60].rstrip("-") or "hinder"
