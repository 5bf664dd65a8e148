"""The rules: one broken fixture per diagnostic code, then the cross-record rules.

Each folder `fixtures/invalid/<code>/` holds the file(s) that, copied over the
clean knowledge base from conftest, break exactly one rule. `EXPECTED` says
which diagnostic that must give, down to line and column.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path

import pytest
from conftest import (
    BARRIER,
    BARRIER_ID,
    BARRIER_PATH,
    BRIEFING,
    BRIEFING_ID,
    FIXTURES,
    MALMO,
    diagnose,
    line_of,
    where,
    write,
)

from barrierkb.records.check import phone_number
from barrierkb.records.diagnostics import errors
from barrierkb.records.rules import RULES

INVALID = FIXTURES / "invalid"
Y = "barriers/parental-benefit-commuters.yml"  # the YAML-level fixtures
B = "barriers/innovation-vouchers-abroad.yml"  # the record-level fixtures

#: code -> the exact diagnostics (code, file, line, col) its fixture gives.
EXPECTED: dict[str, set[tuple[str, str, int, int]]] = {
    "encoding": {("encoding", Y, 2, 10)},
    "file-too-large": {("file-too-large", "barriers/huge-appendix.yml", 1, 1)},
    "yaml-syntax": {("yaml-syntax", Y, 4, 2)},
    "yaml-tab": {("yaml-tab", Y, 4, 1)},
    "yaml-alias": {("yaml-alias", Y, 2, 8)},
    "yaml-tag": {("yaml-tag", Y, 3, 10)},
    "yaml-key": {("yaml-key", Y, 3, 3)},
    "yaml-documents": {("yaml-documents", Y, 3, 1)},
    "yaml-depth": {("yaml-depth", Y, 3, 45)},
    "duplicate-key": {("duplicate-key", Y, 5, 1)},
    "empty-file": {("empty-file", Y, 1, 1)},
    "not-a-mapping": {("not-a-mapping", Y, 2, 1)},
    "missing-field": {("missing-field", B, 8, 5)},
    "unknown-field": {("unknown-field", B, 9, 1)},
    "bad-value": {("bad-value", B, 4, 9)},
    "bad-type": {("bad-type", B, 5, 10)},
    "bad-date": {("bad-date", B, 14, 16)},
    "bad-url": {("bad-url", B, 12, 10)},
    "bad-id": {("bad-id", B, 8, 19)},
    "id-mismatch": {("id-mismatch", B, 1, 5)},
    "duplicate-id": {("duplicate-id", B, 1, 5)},
    "unknown-reference": {("unknown-reference", B, 8, 19)},
    "wrong-reference-kind": {("wrong-reference-kind", B, 9, 11)},
    "internal-reference": {("internal-reference", B, 10, 19)},
    "self-reference": {("self-reference", B, 9, 11)},
    "status-history-order": {("status-history-order", B, 7, 12)},
    "status-history-mismatch": {("status-history-mismatch", B, 4, 9)},
    "border-same-country": {("border-same-country", B, 5, 18)},
    "personal-data": {("personal-data", B, 4, 14)},
    "raw-html": {("raw-html", B, 7, 3)},  # the line of the tag, inside the block
    "unsafe-link": {("unsafe-link", B, 9, 6)},
    "control-character": {("control-character", B, 4, 7)},
    "placeholder": {("placeholder", B, 13, 8)},
    "review-due": {("review-due", B, 15, 13)},
    "not-a-forum": {("not-a-forum", B, 9, 30)},
    "uncited": {("uncited", B, 6, 5)},
    "related-one-way": {("related-one-way", B, 9, 11)},
    "missing-translation": {("missing-translation", B, 7, 3)},
    "internal-field": {("internal-field", B, 15, 17)},
    "overlay-public-field": {
        ("overlay-public-field", "overlay/barriers/funding-domestic-recipients.yml", 3, 1)
    },
    "overlay-orphan": {("overlay-orphan", "overlay/barriers/innovation-vouchers-abroad.yml", 1, 5)},
    "unknown-citation": {("unknown-citation", B, 7, 37)},
    "bad-citation": {("bad-citation", B, 5, 46)},
    "unknown-source": {("unknown-source", B, 14, 9)},
    "duplicate-source": {("duplicate-source", B, 13, 9)},
    "unused-source": {("unused-source", B, 13, 9)},
    "no-responsible": {("no-responsible", B, 10, 14)},
    "example-placement": {("example-placement", "briefings/2026-09-01-firs-exempel.yml", 5, 10)},
    "outcome-before-meeting": {
        ("outcome-before-meeting", "briefings/2099-05-20-greater-copenhagen.yml", 9, 3)
    },
    "outcome-not-on-agenda": {("outcome-not-on-agenda", f"briefings/{BRIEFING_ID}.yml", 12, 16)},
    "outcome-status-not-in-history": {
        ("outcome-status-not-in-history", f"briefings/{BRIEFING_ID}.yml", 14, 15)
    },
    "commitment-done-date": {("commitment-done-date", f"briefings/{BRIEFING_ID}.yml", 18, 17)},
}

#: Fixtures too large to keep as files are written by code.
GENERATED = {
    "file-too-large": {
        "barriers/huge-appendix.yml": "id: huge-appendix\ndescription: |\n"
        + "  Bilaga med hela utredningstexten inklistrad.\n" * 6000,
    },
}


def install_fixture(code: str, root: Path) -> Path | None:
    """Copy the fixture for `code` over the clean knowledge base in `root`.

    A fixture's `overlay/` folder becomes an overlay beside `root`; its path is returned.
    """
    folder = INVALID / code
    overlay = None
    if folder.is_dir():
        shutil.copytree(folder, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("overlay"))
        if (folder / "overlay").is_dir():
            overlay = root.parent / "overlay"
            shutil.copytree(folder / "overlay", overlay, dirs_exist_ok=True)
    for rel, text in GENERATED.get(code, {}).items():
        write(root, rel, text)
    return overlay


def test_clean_knowledge_base_has_no_diagnostics(kb_root):
    assert diagnose(kb_root) == []


#: Rules that ask the network; tests/test_linkcheck.py proves them against a local server.
NETWORK_RULES = {code for code, rule in RULES.items() if rule.stage == "links"}
OFFLINE_RULES = sorted(set(RULES) - NETWORK_RULES)


def test_every_code_has_a_fixture_and_an_expected_diagnostic():
    folders = {p.name for p in INVALID.iterdir() if p.is_dir()}
    assert NETWORK_RULES == {"dead-link"}
    assert set(EXPECTED) == set(OFFLINE_RULES), "each rule needs an EXPECTED entry"
    assert folders | set(GENERATED) == set(OFFLINE_RULES), "each rule needs a fixture folder"
    assert not folders & set(GENERATED)


@pytest.mark.parametrize("code", OFFLINE_RULES)
def test_fixture_gives_exactly_its_diagnostic(code, kb_root):
    overlay = install_fixture(code, kb_root)
    found = diagnose(kb_root, overlay=overlay)
    assert where(found) == EXPECTED[code], "\n".join(d.format() for d in found)
    for d in found:
        assert d.level == RULES[code].level
        assert d.message and d.hint, "every diagnostic says what to do"


def test_warnings_alone_do_not_count_as_errors(kb_root):
    install_fixture("not-a-forum", kb_root)
    write(kb_root, BARRIER_PATH, barrier_with("review_due: 2099-03-23", "review_due: 2025-03-23"))
    found = diagnose(kb_root)
    assert {d.code for d in found} == {"review-due", "not-a-forum"}
    assert errors(found) == []


# --- cross-record rules ------------------------------------------------------


def barrier_with(old: str, new: str, text: str = BARRIER) -> str:
    """The clean barrier with one line changed; fails loudly if `old` is gone."""
    assert old in text, old
    return text.replace(old, new, 1)


def codes_at(found) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in found}


@pytest.mark.parametrize(
    ("old", "new", "snippet"),
    [
        (
            "{stakeholder: vinnova, role: rule_owner,",
            "{stakeholder: vinnova-ab, role: rule_owner,",
            "vinnova-ab",
        ),
        (
            "{stakeholder: malmo-stad, role: advocate,",
            "{stakeholder: malmo, role: advocate,",
            "stakeholder: malmo,",
        ),
        ("forums: [greater-copenhagen]", "forums: [greater-cph]", "forums:"),
        ("contributors: [malmo-stad]", "contributors: [malmo-stadskontoret]", "contributors:"),
        ("    forum: greater-copenhagen", "    forum: oresundskomiteen", "oresundskomiteen"),
        (
            "forums: [greater-copenhagen]",
            "forums: [greater-copenhagen]\nrelated: [funding-domestic-recipients-no]",
            "related:",
        ),
    ],
    ids=[
        "responsible",
        "stakeholders",
        "forums",
        "contributors",
        "status_history.forum",
        "related",
    ],
)
def test_unknown_reference_in_a_barrier_is_reported_where_it_stands(kb_root, old, new, snippet):
    text = barrier_with(old, new)
    write(kb_root, BARRIER_PATH, text)
    found = diagnose(kb_root)
    assert codes_at(found) == {("unknown-reference", line_of(text, snippet))}, found
    assert all(d.path == BARRIER_PATH for d in found)


def test_unknown_reference_suggests_the_closest_id(kb_root):
    write(kb_root, BARRIER_PATH, barrier_with("stakeholder: vinnova,", "stakeholder: vinova,"))
    (found,) = diagnose(kb_root)
    assert found.code == "unknown-reference"
    assert found.hint == "did you mean 'vinnova'?"


def test_unknown_relation_target_in_a_stakeholder_is_reported(kb_root):
    text = MALMO.replace("target: greater-copenhagen", "target: greater-copenhagen-committee")
    write(kb_root, "stakeholders/malmo-stad.yml", text)
    found = diagnose(kb_root)
    assert where(found) == {
        ("unknown-reference", "stakeholders/malmo-stad.yml", line_of(text, "target:"), 13)
    }
    assert found[0].hint == "did you mean 'greater-copenhagen'?"


@pytest.mark.parametrize(
    ("old", "new", "snippet"),
    [
        ("forum: greater-copenhagen", "forum: nordiska-radet", "forum:"),
        ("attendees: [malmo-stad, vinnova]", "attendees: [malmo-stad, region-skane]", "attendees"),
        (
            "  - barrier: funding-domestic-recipients",
            "  - barrier: funding-recipients",
            "- barrier:",
        ),
    ],
    ids=["forum", "attendees", "barriers"],
)
def test_unknown_reference_in_a_briefing_is_reported(kb_root, old, new, snippet):
    text = barrier_with(old, new, BRIEFING)
    rel = f"briefings/{BRIEFING_ID}.yml"
    write(kb_root, rel, text)
    found = diagnose(kb_root)
    assert {(d.code, d.path, d.line) for d in found} == {
        ("unknown-reference", rel, line_of(text, snippet))
    }


def test_reference_to_a_broken_file_is_not_reported_twice(kb_root):
    write(kb_root, "stakeholders/vinnova.yml", "id: vinnova\nname: Vinnova\ntype: myndighet\n")
    found = diagnose(kb_root)
    assert {d.path for d in found} == {"stakeholders/vinnova.yml"}
    assert "unknown-reference" not in {d.code for d in found}


def test_id_that_differs_from_the_file_name_is_refused(kb_root):
    text = BARRIER.replace(f"id: {BARRIER_ID}", "id: funding-recipients")
    write(kb_root, BARRIER_PATH, text)
    found = diagnose(kb_root)
    assert ("id-mismatch", BARRIER_PATH, 2, 5) in where(found)


def test_two_files_with_one_id_are_refused(kb_root):
    copy = "barriers/funding-domestic-recipients-copy.yml"
    write(kb_root, copy, BARRIER)
    found = diagnose(kb_root)
    assert {d.path for d in found} == {copy, BARRIER_PATH}
    (duplicate,) = [d for d in found if d.code == "duplicate-id"]
    assert f"'{BARRIER_ID}' is already used by" in duplicate.message


def test_status_history_out_of_order_is_refused(kb_root):
    text = barrier_with("  - date: 2026-03-23\n", "  - date: 2025-12-01\n")
    write(kb_root, BARRIER_PATH, text)
    found = diagnose(kb_root)
    assert where(found) == {("status-history-order", BARRIER_PATH, line_of(text, "2025-12-01"), 11)}


def test_status_history_must_end_with_the_current_status(kb_root):
    text = barrier_with("status: raised\nstatus_history", "status: in_dialogue\nstatus_history")
    write(kb_root, BARRIER_PATH, text)
    found = diagnose(kb_root)
    assert where(found) == {
        ("status-history-mismatch", BARRIER_PATH, line_of(text, "status: in"), 9)
    }
    assert "in_dialogue" in found[0].message and "raised" in found[0].message


def test_border_between_a_country_and_itself_is_refused(kb_root):
    text = barrier_with("borders: [SE-DK, SE-NO]", "borders: [SE-SE]")
    write(kb_root, BARRIER_PATH, text)
    assert where(diagnose(kb_root)) == {
        ("border-same-country", BARRIER_PATH, line_of(text, "borders"), 11)
    }


def test_unknown_country_in_a_border_is_a_bad_value(kb_root):
    text = barrier_with("borders: [SE-DK, SE-NO]", "borders: [SE-DK, SE-XX]")
    write(kb_root, BARRIER_PATH, text)
    assert where(diagnose(kb_root)) == {("bad-value", BARRIER_PATH, line_of(text, "borders"), 18)}


@pytest.mark.parametrize(
    "contact",
    [
        "anna.andersson@malmo.se",
        "040-34 10 00",
        "+46 40 34 10 00",
        "+45 33 66 33 66",
        "070-123 45 67",
    ],
)
def test_contact_details_are_refused_in_a_public_record(kb_root, contact):
    text = barrier_with('egna landet."', f'egna landet. Kontakt: {contact}."')
    write(kb_root, BARRIER_PATH, text)
    assert codes_at(diagnose(kb_root)) == {("personal-data", line_of(text, "Kontakt:"))}


def test_contact_channels_are_allowed_in_the_overlay(kb_root, overlay_root):
    assert "@malmo.se" in (overlay_root / "stakeholders/intern-arbetsgrupp.yml").read_text()
    assert diagnose(kb_root, overlay=overlay_root) == []


def test_a_mailbox_in_a_public_contact_role_is_refused_with_a_hint_to_the_overlay(kb_root):
    text = MALMO + 'contacts:\n  - {role: "Stadskontoret, via testbaddar@malmo.se"}\n'
    write(kb_root, "stakeholders/malmo-stad.yml", text)
    (found,) = diagnose(kb_root)
    assert (found.code, found.line) == ("personal-data", line_of(text, "testbaddar@"))
    assert "overlay" in found.hint


ASK_LINE = next(line for line in BARRIER.splitlines() if line.startswith("ask:"))


def with_ask(markdown: str) -> str:
    """The clean barrier with its `ask` written as a block of Markdown."""
    block = "\n".join(("  " + line) if line else "" for line in markdown.splitlines())
    return barrier_with(ASK_LINE, "ask: |\n" + block)


@pytest.mark.parametrize(
    "markdown",
    [
        "Se <a href='https://malmo.se'>rapporten</a>.",
        "<script>alert(1)</script>",
        "Bild: <img src=x onerror=alert(1)>",
        "Bild: <svg/onload=alert(1)>",
        "Bild: <img/src=x/onerror=alert(1)>",
        "<!-- dold kommentar -->",
        "<IFRAME SRC=https://malmo.se></IFRAME>",
    ],
)
def test_raw_html_in_text_is_refused(kb_root, markdown):
    text = with_ask(markdown)
    write(kb_root, BARRIER_PATH, text)
    # at the line of the markup itself, inside the block
    assert codes_at(diagnose(kb_root)) == {("raw-html", line_of(text, markdown.splitlines()[0]))}


def test_autolinks_and_comparisons_are_not_html(kb_root):
    write(
        kb_root,
        BARRIER_PATH,
        with_ask("Se <https://www.oresunddirekt.se/> om lön < 30 000 kr och a > b."),
    )
    assert diagnose(kb_root) == []


@pytest.mark.parametrize(
    "link",
    [
        "[ansökan](javascript:alert(1))",
        "[ansökan](JavaScript:alert(1))",
        "[ansökan]( javascript:alert(1))",
        "[ansökan](<javascript:alert(1)>)",
        "[ansökan](javascript&#58;alert(1))",
        "[ansökan](javascript&colon;alert(1))",
        "[ansökan](&#x6A;avascript:alert(1))",
        "[ansökan](java&#x09;script:alert(1))",
        "[ansökan](java&#10;script:alert(1))",
        "[ansökan](java\u200escript:alert(1))",
        "![bild](data:image/svg+xml;base64,PHN2Zz4=)",
        "[ansökan](vbscript:msgbox(1))",
        "Läs [ansökan][1].\n\n[1]: javascript:alert(1)",
    ],
)
def test_unsafe_link_targets_are_refused_even_when_encoded(kb_root, link):
    text = with_ask(link)
    write(kb_root, BARRIER_PATH, text)
    found = codes_at(diagnose(kb_root))
    # reported on the line of the link inside the block, not on `ask:`
    line = line_of(text, link.splitlines()[-1])
    assert line > line_of(text, "ask:")
    assert ("unsafe-link", line) in found
    assert found <= {("unsafe-link", line), ("control-character", line)}


def test_http_and_relative_links_are_allowed(kb_root):
    write(
        kb_root,
        BARRIER_PATH,
        with_ask(
            "Läs [rapporten](https://malmo.se/rapport.pdf), [hindret](../other/) "
            "och [källan][1].\n\n[1]: http://www.oresunddirekt.se/"
        ),
    )
    assert diagnose(kb_root) == []


@pytest.mark.parametrize("char", ["\\u202e", "\\u2066", "\\u200f", "\\x1b", "\\x07"])
def test_bidi_override_and_control_characters_are_refused(kb_root, char):
    text = barrier_with('  en: "Public', f'  en: "{char}Public')
    write(kb_root, BARRIER_PATH, text)
    assert where(diagnose(kb_root)) == {("control-character", BARRIER_PATH, 5, 7)}


def test_public_record_naming_an_internal_one_is_refused(kb_root, tmp_path):
    overlay = tmp_path / "overlay"
    write(
        overlay,
        "stakeholders/intern-vinnova.yml",
        (FIXTURES / "invalid/internal-reference/overlay/stakeholders/malmo-naringslivsnatverk.yml")
        .read_text(encoding="utf-8")
        .replace("malmo-naringslivsnatverk", "intern-vinnova"),
    )
    for rel in (BARRIER_PATH, f"briefings/{BRIEFING_ID}.yml"):
        text = (kb_root / rel).read_text(encoding="utf-8")
        write(kb_root, rel, text.replace("vinnova", "intern-vinnova"))
    found = diagnose(kb_root, overlay=overlay)
    # the barrier names vinnova as responsible, the briefing as an attendee
    assert {(d.code, d.path) for d in found} == {
        ("internal-reference", BARRIER_PATH),
        ("internal-reference", f"briefings/{BRIEFING_ID}.yml"),
    }


def test_internal_record_may_name_another_internal_one(kb_root):
    overlay = install_fixture("internal-reference", kb_root)
    path = kb_root / "barriers/innovation-vouchers-abroad.yml"
    text = path.read_text(encoding="utf-8") + "visibility: internal\n"
    path.unlink()  # the internal barrier moves to the overlay, where it belongs
    write(overlay, "barriers/innovation-vouchers-abroad.yml", text)
    assert diagnose(kb_root, overlay=overlay) == []


def test_placeholder_todo_left_in_text_is_refused(kb_root):
    text = barrier_with('  en: "Public innovation', '  en: "TODO: Public innovation')
    write(kb_root, BARRIER_PATH, text)
    assert where(diagnose(kb_root)) == {("placeholder", BARRIER_PATH, 5, 7)}


def test_date_that_does_not_exist_is_a_bad_date(kb_root):
    text = barrier_with("last_reviewed: 2026-03-23", "last_reviewed: 2026-02-30")
    write(kb_root, BARRIER_PATH, text)
    (found,) = diagnose(kb_root)
    assert (found.code, found.line, found.col) == ("bad-date", line_of(text, "last_reviewed"), 16)
    assert "2026-02-30" in found.message


@pytest.mark.parametrize("value", ["23/3/2026", "2026-3-23", "'20260323'", "2026-03-23T10:00"])
def test_date_not_written_yyyy_mm_dd_is_a_bad_date(kb_root, value):
    text = barrier_with("last_reviewed: 2026-03-23", f"last_reviewed: {value}")
    write(kb_root, BARRIER_PATH, text)
    assert [d.code for d in diagnose(kb_root)] == ["bad-date"]


def test_unknown_field_hints_at_the_field_meant(kb_root):
    text = barrier_with("obstacle_type: legal", "obstacle-type: legal")
    write(kb_root, BARRIER_PATH, text)
    (found,) = diagnose(kb_root)
    assert (found.code, found.line, found.col) == ("unknown-field", line_of(text, "obstacle-"), 1)
    assert found.hint == "did you mean 'obstacle_type'?"


def test_unknown_nested_field_hints_at_the_nested_field_meant(kb_root):
    text = barrier_with("    publisher: ", "    publsher: ")
    write(kb_root, BARRIER_PATH, text)
    (found,) = diagnose(kb_root)
    assert (found.code, found.line, found.col) == ("unknown-field", line_of(text, "publsher"), 5)
    assert found.hint == "did you mean 'publisher'?"


def test_review_date_in_the_past_is_a_warning_not_an_error(kb_root):
    found = diagnose(kb_root, today=dt.date(2099, 3, 24))
    assert [(d.code, d.level) for d in found] == [("review-due", "warning")]
    assert diagnose(kb_root, today=dt.date(2099, 3, 23)) == []


def test_forum_reference_to_an_agency_is_a_warning(kb_root):
    rel = f"briefings/{BRIEFING_ID}.yml"
    text = barrier_with("forum: greater-copenhagen", "forum: vinnova", BRIEFING)
    write(kb_root, rel, text)
    found = diagnose(kb_root)
    assert where(found) == {("not-a-forum", rel, line_of(text, "forum:"), 8)}
    assert found[0].level == "warning"


def test_all_problems_in_all_files_are_reported_in_one_run(kb_root):
    install_fixture("bad-date", kb_root)
    install_fixture("yaml-tab", kb_root)
    write(
        kb_root, "stakeholders/malmo-stad.yml", MALMO.replace("type: municipality", "type: kommun")
    )
    assert {(d.code, d.path) for d in diagnose(kb_root)} == {
        ("bad-date", B),
        ("yaml-tab", Y),
        ("bad-value", "stakeholders/malmo-stad.yml"),
    }


#: The phone rule as one pattern, as it was written before its forms were searched apart.
_PHONE_AS_ONE_PATTERN = re.compile(
    r"(?=[+\d])(?:(?:\+\d{1,3}[ -]?\(?\d{1,4}\)?(?:[ -]?\d{2,4}){2,5})"
    r"|(?:\b0\d{1,3}[ /-]\d{2,3}[ -]?\d{2}[ -]?\d{2,3}\b)|(?:\b\d{2} \d{2} \d{2} \d{2}\b))"
)


@pytest.mark.parametrize(
    "text",
    ["Ring +46 40 34 10 00.", "tfn 040-34 10 00", "33 66 33 66", "x33 66 33 66 44", "2026-03-23"],
)
def test_phone_forms_find_what_the_single_pattern_found(text):
    one = _PHONE_AS_ONE_PATTERN.search(text)
    found = phone_number(text)
    assert (found and found.start()) == (one and one.start())


def test_phone_forms_agree_with_the_single_pattern_on_random_digit_text():
    rng = random.Random(7)
    alphabet = "0123456789 +-/()a\n"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        one = _PHONE_AS_ONE_PATTERN.search(text)
        found = phone_number(text)
        assert (found and found.start()) == (one and one.start()), text
