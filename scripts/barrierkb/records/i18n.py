"""Interface strings in three languages: one gettext catalogue per edition.

Strings are written in Swedish in the code and the templates (`_("Vägar in")`)
and translated in `locale/<lang>/LC_MESSAGES/barrierkb.po`, read with Babel.
The Swedish catalogue holds every string too, so a test can tell that each
catalogue has every string that the code uses, and nothing else. Record text
and vocabulary labels are data, not interface strings (see `vocab`).

The edition being rendered is set for a block of code with `edition(lang)`;
`_` translates into it, so the code that renders a page need not pass the
language down to every label.

>>> gettext("da")("Vägar in")
'Veje ind'
>>> with edition("en"):
...     _("Vägar in")
'Ways in'
>>> _("Vägar in")
'Vägar in'
"""

from __future__ import annotations

import gettext as stdlib_gettext
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from .vocab import EDITIONS

LOCALE = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "barrierkb"
#: The domain of the record model's field descriptions: English msgids (the JSON Schema's
#: language), translated into Swedish and Danish for the field reference page.
FIELDS_DOMAIN = "fields"


def catalogue_path(lang: str, domain: str = DOMAIN) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"


@cache
def translations(lang: str, domain: str = DOMAIN) -> stdlib_gettext.NullTranslations:
    """The compiled catalogue of an edition's language (Swedish for any other)."""
    lang = lang if lang in EDITIONS else "sv"
    if not catalogue_path(lang, domain).is_file():  # English field descriptions are the msgids
        return stdlib_gettext.NullTranslations()
    with catalogue_path(lang, domain).open("rb") as po:
        catalog = read_po(po, locale=lang, domain=domain)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return stdlib_gettext.GNUTranslations(compiled)


def field_description(text: str) -> str:
    """A model field's (English) description in the edition's language."""
    return translations(current(), FIELDS_DOMAIN).gettext(text) if text else text


def gettext(lang: str) -> Callable[[str], str]:
    """`_` for an edition: the translation of a Swedish interface string."""
    return translations(lang).gettext


def ngettext(lang: str) -> Callable[[str, str, int], str]:
    return translations(lang).ngettext


_EDITION: ContextVar[str] = ContextVar("barrierkb_edition", default="sv")


@contextmanager
def edition(lang: str) -> Iterator[str]:
    """Render in `lang` within the block: `_` and the templates translate into it."""
    token = _EDITION.set(lang)
    try:
        yield lang
    finally:
        _EDITION.reset(token)


def set_edition(lang: str) -> Token:
    """Render in `lang` from now on (until `reset_edition`): for a whole MkDocs build."""
    return _EDITION.set(lang)


def reset_edition(token: Token) -> None:
    _EDITION.reset(token)


def current() -> str:
    """The language of the edition being rendered (Swedish outside `edition`)."""
    return _EDITION.get()


def _(text: str) -> str:
    """The interface string `text` (Swedish, as written in the code) in the current edition."""
    return gettext(current())(text)


def N_(text: str) -> str:  # noqa: N802 - gettext's name for a string marked, translated later
    """Mark a string for the catalogues where it is declared; `_` translates it when used."""
    return text
