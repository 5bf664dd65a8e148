"""Multilingual text fields: pick a language, fall back to Swedish."""

from __future__ import annotations

from . import vocab


def localized(value: str | dict[str, str] | None, lang: str = "sv") -> str:
    """The text in `lang`, else Swedish, else the first language given.

    >>> localized({"en": "Funding", "sv": "Finansiering"})
    'Finansiering'
    >>> localized({"en": "Funding"}, "da")
    'Funding'
    >>> localized(None)
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
