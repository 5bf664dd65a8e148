"""Multilingual text fields: pick a language, fall back to Swedish."""

from __future__ import annotations

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
