"""Multilingual text fields: the text in the edition's language, or a marked fallback.

A text field is a Swedish string or a mapping of language codes to strings.
Each edition shows its own language where a record has it, and otherwise
falls back in a fixed order (Danish: Danish, Swedish, English; English:
English, Swedish). The text it returns remembers its language, so that a page
can mark a fallback with the right `lang` attribute and a visible note.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from . import vocab
from .i18n import current

#: The order in which each edition looks for a text's language.
FALLBACKS: dict[str, tuple[str, ...]] = {
    "sv": ("sv", "en", "da", "nb"),
    "da": ("da", "sv", "en", "nb"),
    "en": ("en", "sv", "da", "nb"),
}


class Localized(str):
    """A record's text, with the language it is in and the edition it is shown in.

    As text it is the plain string. Put into HTML (Jinja's autoescape calls
    `__html__`), a fallback is wrapped in `<span lang="...">`, so that a screen
    reader and search read it in its own language.

    >>> t = localized({"sv": "Hinder"}, "da")
    >>> str(t), t.lang, t.is_fallback, t.__html__()
    ('Hinder', 'sv', True, Markup('<span lang="sv">Hinder</span>'))
    """

    lang: str
    edition: str

    def __new__(cls, text: str, lang: str, edition: str) -> Localized:
        value = super().__new__(cls, text)
        value.lang, value.edition = lang, edition
        return value

    @property
    def is_fallback(self) -> bool:
        return bool(self) and self.lang != self.edition

    def __html__(self) -> Markup:
        plain = escape(str(self))
        if self.is_fallback:
            return Markup('<span lang="{}">{}</span>').format(self.lang, plain)
        return plain


def localized(value: str | dict[str, str] | None, lang: str | None = None) -> Localized:
    """The text in `lang` (the current edition's language by default), else its fallbacks.

    >>> localized({"en": "Funding", "sv": "Finansiering"}, "sv")
    'Finansiering'
    >>> localized({"en": "Funding"}, "da")
    'Funding'
    >>> localized({"sv": "Hinder", "da": "Hindring"}, "en").lang
    'sv'
    >>> localized(None)
    ''
    """
    lang = lang or current()
    if value is None:
        return Localized("", lang, lang)
    if isinstance(value, str):
        return Localized(value, "sv", lang)
    for code in FALLBACKS.get(lang, (lang, *vocab.LANGUAGES)):
        if code in value:
            return Localized(value[code], code, lang)
    return Localized("", lang, lang)


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
