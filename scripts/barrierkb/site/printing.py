"""What a printed page says in the edition's language: dates in words, and the page footer.

The site's print stylesheet is shared by every edition; the words in the page
margins (`Sida 1 av 6`) and the dates of a pack come from here, per edition.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from ..records.i18n import _, current

#: The Babel locale of each edition's dates ("20 May 2026", not "May 20, 2026").
DATE_LOCALES = {"sv": "sv", "da": "da", "en": "en_GB"}


def long_date(date: dt.date | None, lang: str | None = None) -> str:
    """A date in words, in the edition's language.

    >>> long_date(dt.date(2026, 5, 20), "sv"), long_date(dt.date(2026, 5, 20), "da")
    ('20 maj 2026', '20. maj 2026')
    >>> long_date(dt.date(2026, 5, 20), "en")
    '20 May 2026'
    """
    if date is None:
        return ""
    return format_date(date, "long", locale=DATE_LOCALES.get(lang or current(), "sv"))


def css_text(value: str) -> str:
    r"""A CSS string literal: every character that is not a plain letter or digit escaped,
    so it is safe inside a <style> element whatever the text holds.

    >>> css_text('A"</style>')
    '"A\\000022 \\00003c \\00002f style\\00003e "'
    >>> css_text('Sida "1"')
    '"Sida\\000020 \\000022 1\\000022 "'
    """
    out = "".join(c if c.isalnum() and c.isascii() else f"\\{ord(c):06x} " for c in value)
    return f'"{out}"'


def page_footer_css() -> str:
    """The page margins of a printed page in the edition's language: `Side 1 af 6`."""
    page, of = css_text(_("Sida") + " "), css_text(" " + _("av") + " ")
    return (
        "@page {\n"
        f"  @bottom-right {{ content: {page} counter(page) {of} counter(pages);"
        " font: 9pt sans-serif; }\n"
        '  @bottom-left { content: "Gränshinderbasen"; font: 9pt sans-serif; }\n'
        "}\n"
    )
