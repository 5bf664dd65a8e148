"""Three editions: each shows record text in its language, falls back visibly, keeps data whole."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import BARRIER, BARRIER_ID, BARRIER_PATH, diagnose, line_of, write

from barrierkb.records.i18n import edition
from barrierkb.site import render_site
from barrierkb.site.exports import to_csv
from barrierkb.site.prepare import prepare


def pages_in(root, lang: str) -> dict[str, str]:
    with edition(lang):
        state = prepare(root, lang=lang)
        return render_site(state.kb, state.options, state.network)


def test_each_edition_shows_the_record_in_its_language(kb_root):
    for lang, title in [
        ("sv", "Statliga innovationsmedel går bara till inhemska stödmottagare"),
        ("da", "Statslige innovationsmidler går kun til indenlandske modtagere"),
        ("en", "Public innovation funding is open only to domestic recipients"),
    ]:
        page = pages_in(kb_root, lang)[f"barriers/{BARRIER_ID}.md"]
        assert f">{title}</h1>" in page, lang


def test_a_missing_language_falls_back_to_swedish_marked_as_such(kb_root):
    page = pages_in(kb_root, "da")[f"barriers/{BARRIER_ID}.md"]
    # the description exists in Swedish only: shown in Swedish, in lang="sv", with a note
    assert '<p class="bkb-fallback-note">Findes kun på svensk.</p><div lang="sv">' in page
    english = pages_in(kb_root, "en")[f"barriers/{BARRIER_ID}.md"]
    assert '<p class="bkb-fallback-note">Only in Swedish.</p><div lang="sv">' in english


def test_vocabulary_labels_follow_the_edition(kb_root):
    pages = {lang: pages_in(kb_root, lang)[f"barriers/{BARRIER_ID}.md"] for lang in ("da", "en")}
    assert 'bkb-status--raised">Rejst</span>' in pages["da"]
    assert 'bkb-status--raised">Raised</span>' in pages["en"]
    assert "Sverige–Danmark" in pages["da"] and "Sweden–Denmark" in pages["en"]


def test_hostile_markup_in_one_language_is_inert_in_every_edition(kb_root):
    text = BARRIER.replace(
        '  da: "Vinnova og Innovasjon Norge støtter kun virksomheder i eget land."',
        '  da: "<script>alert(1)</script> {{ 7*7 }} [klik](javascript:alert(1))"',
    )
    write(kb_root, BARRIER_PATH, text)
    found = {d.code for d in diagnose(kb_root)}
    assert {"raw-html", "unsafe-link"} <= found  # the checker refuses it first
    # and were it built anyway, no edition would run it
    from barrierkb.records.load import load
    from barrierkb.site.templating import SiteOptions

    kb = load(kb_root)
    for lang in ("sv", "da", "en"):
        with edition(lang):
            page = render_site(kb, SiteOptions(lang=lang))[f"barriers/{BARRIER_ID}.md"]
        body = page.split("\n---\n", 1)[1]  # the front matter is YAML; MkDocs escapes it
        assert "<script>alert" not in body and 'href="javascript:' not in body
        assert "{{ 7*7 }}" in body or lang != "da"


def test_csv_keeps_every_language_of_a_text_in_its_own_column(kb_root):
    state = prepare(kb_root)
    rows = list(csv.DictReader(io.StringIO(to_csv(state.kb).decode("utf-8-sig")), delimiter=";"))
    (row,) = rows
    assert row["titel_sv"].startswith("Statliga innovationsmedel")
    assert row["titel_da"].startswith("Statslige innovationsmidler")
    assert row["titel_en"].startswith("Public innovation funding")


@pytest.mark.parametrize("code", ["fi", "no", "se"])
def test_an_unknown_language_code_is_refused_at_its_line(kb_root, code):
    text = BARRIER.replace('  da: "Statslige', f'  {code}: "Statslige')
    write(kb_root, BARRIER_PATH, text)
    (found,) = [d for d in diagnose(kb_root) if d.code == "bad-value"]
    assert found.line == line_of(text, "title:") + 1 or found.line == line_of(text, "title:")
    assert "sv, en, da, nb" in found.message
