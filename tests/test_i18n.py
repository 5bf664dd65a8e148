"""The interface strings: every catalogue holds exactly the strings the code uses, and an
edition renders in its language.

The strings are read from the code and the templates as `pybabel extract` reads them
(`locale/babel.cfg`, Babel's Python extractor and the `jinja2.ext.i18n` extractor), so
a string added to a template without a translation, or a translation left behind when
its string goes, fails here, naming the string.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from conftest import BARRIER_ID

import barrierkb
from barrierkb.network.graph import build_graph
from barrierkb.records.audience import for_audience
from barrierkb.records.i18n import LOCALE, catalogue_path, edition
from barrierkb.records.load import load
from barrierkb.records.vocab import EDITIONS
from barrierkb.site import render_site
from barrierkb.site.context import network_view
from barrierkb.site.templating import SiteOptions

PACKAGE = Path(barrierkb.__file__).resolve().parent
#: The functions that mark a string: `_` and `N_` (and `ngettext` for counts in templates).
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
#: What a translation must keep of its msgid: named values, `{u}`-style fields and HTML tags.
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}|</?\w+[^>]*>")


def method_map() -> tuple[list[tuple[str, str]], dict[str, dict]]:
    """The method map of `locale/babel.cfg`, the Jinja templates read by jinja2.ext's extractor."""
    try:
        from babel.messages.frontend import parse_mapping_cfg as parse
    except ImportError:  # Babel before 2.14
        from babel.messages.frontend import parse_mapping as parse
    with (LOCALE / "babel.cfg").open(encoding="utf-8") as cfg:
        methods, options = parse(cfg)
    methods = [
        (pattern, "jinja2.ext:babel_extract" if method == "jinja2" else method)
        for pattern, method in methods
    ]
    return methods, options


def used_strings() -> dict[str, str]:
    """Every msgid the code and the templates use, with where it is first used."""
    methods, options = method_map()
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        PACKAGE, methods, options, KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def catalogue(lang: str) -> dict[str, tuple[str, ...]]:
    """msgid -> its translation(s) in the catalogue of `lang` (without the header)."""
    with catalogue_path(lang).open("rb") as po:
        catalog = read_po(po, locale=lang)
    entries = {}
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        entries[msgid] = tuple(s or "" for s in strings)
        assert not message.fuzzy, f"{lang}: fuzzy entry {msgid!r}"
    return entries


@pytest.fixture(scope="module")
def used() -> dict[str, str]:
    strings = used_strings()
    assert "Vägar in" in strings and "Gränshinder" in strings  # templates and N_ are read
    return strings


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_catalogue_has_every_string_the_code_uses(used, lang):
    entries = catalogue(lang)
    missing = sorted(
        f"{msgid!r} ({where})" for msgid, where in used.items() if msgid not in entries
    )
    assert not missing, f"{catalogue_path(lang)} lacks:\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_catalogue_has_no_empty_translation(lang):
    empty = sorted(msgid for msgid, strings in catalogue(lang).items() if not all(strings))
    assert not empty, f"{catalogue_path(lang)}: no translation for:\n" + "\n".join(map(repr, empty))


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_catalogue_holds_no_string_that_nothing_uses(used, lang):
    unused = sorted(msgid for msgid in catalogue(lang) if msgid not in used)
    assert not unused, f"{catalogue_path(lang)}: nothing uses:\n" + "\n".join(map(repr, unused))


def test_the_swedish_catalogue_translates_each_string_into_itself():
    """The Swedish edition shows the strings as the code writes them."""
    changed = sorted(
        msgid for msgid, strings in catalogue("sv").items() if any(s != msgid for s in strings)
    )
    assert not changed, "sv: msgstr differs from msgid for:\n" + "\n".join(map(repr, changed))


@pytest.mark.parametrize("lang", EDITIONS)
def test_each_translation_keeps_the_values_and_markup_of_its_string(lang):
    """A lost `%(name)s` would raise when the page renders; a lost tag would break it."""
    broken = sorted(
        msgid
        for msgid, strings in catalogue(lang).items()
        for s in strings
        if sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(msgid))
        or "%" in PLACEHOLDER.sub("", s)  # templates format every string with %
    )
    assert not broken, f"{catalogue_path(lang)}: placeholders differ for:\n" + "\n".join(broken)


def test_a_barrier_page_renders_in_danish_with_the_swedish_anchors(kb_root):
    kb = for_audience(load(kb_root), "public")
    view = network_view(build_graph(kb), "malmo-stad")
    page = f"barriers/{BARRIER_ID}.md"
    internal = SiteOptions(audience="internal")  # with the routes, to see their heading too
    with edition("da"):
        danish = render_site(kb, internal, view)[page]
    swedish = render_site(kb, internal, view)[page]  # the edition ends with the block

    assert '<h2 id="vem-kan-losa-det">Hvem kan løse den</h2>' in danish
    assert '<h2 id="vagar-in">Veje ind</h2>' in danish
    assert "Vem kan lösa det" not in danish and "Vägar in" not in danish
    assert '<h2 id="vem-kan-losa-det">Vem kan lösa det</h2>' in swedish
    assert "Hvem kan løse den" not in swedish


@pytest.mark.parametrize("lang", ["sv", "da"])
def test_every_field_description_is_translated_and_nothing_else(lang):
    """The field reference in Swedish and Danish: the `fields` catalogue matches the model."""
    from barrierkb.records.i18n import FIELDS_DOMAIN, catalogue_path
    from barrierkb.records.model import FOLDERS, model_of
    from barrierkb.site.reference import nested_models

    described = set()
    for kind in FOLDERS:
        for model in [model_of(kind), *nested_models(model_of(kind))]:
            described |= {f.description for f in model.model_fields.values() if f.description}
    with catalogue_path(lang, FIELDS_DOMAIN).open("rb") as po:
        entries = {m.id: m.string for m in read_po(po) if m.id}
    assert sorted(described - set(entries)) == []
    assert sorted(set(entries) - described) == []
    assert [msgid for msgid, text in entries.items() if not text] == []


def test_field_reference_reads_in_each_edition():
    from barrierkb.records.i18n import edition
    from barrierkb.site.reference import reference_page

    with edition("en"):
        english = reference_page()
    with edition("da"):
        danish = reference_page()
    swedish = reference_page()
    assert "Short title." in english
    assert "Short title." not in danish and "Short title." not in swedish
