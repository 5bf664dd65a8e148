"""Loading: the YAML hazards as records, positions of model errors, broken files kept out."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import (
    BARRIER,
    BARRIER_ID,
    BARRIER_PATH,
    BRIEFING,
    BRIEFING_ID,
    INNOVASJON_NORGE,
    diagnose,
    line_of,
    where,
    write,
)

from barrierkb.records.load import field_path, load, load_record
from barrierkb.records.model import Barrier, Briefing, Stakeholder
from barrierkb.records.overlay import apply_overlay
from barrierkb.records.validation import Partial


def test_clean_knowledge_base_loads_every_record(kb_root):
    kb = load(kb_root)
    assert kb.diagnostics == []
    assert list(kb.stakeholders) == [
        "greater-copenhagen",
        "innovasjon-norge",
        "malmo-stad",
        "vinnova",
    ]
    assert list(kb.barriers) == [BARRIER_ID]
    assert list(kb.briefings) == [BRIEFING_ID]
    assert kb.file("barriers", BARRIER_ID).path == BARRIER_PATH


def test_norway_country_code_stays_a_string(kb_root):
    kb = load(kb_root)
    assert kb.stakeholders["innovasjon-norge"].country == "NO"
    assert kb.barriers[BARRIER_ID].borders == ["SE-DK", "SE-NO"]


@pytest.mark.parametrize("code", ["NO", "DK", "FI", "IS", "NORDIC", "EU"])
def test_country_codes_load_as_written(code):
    text = INNOVASJON_NORGE.replace("country: NO", f"country: {code}")
    record, _, problems = load_record(
        text.encode(), "stakeholders/innovasjon-norge.yml", Stakeholder
    )
    assert problems == []
    assert record.country == code


def test_country_written_as_false_is_refused_with_a_hint():
    text = INNOVASJON_NORGE.replace("country: NO", "country: false")
    record, _, problems = load_record(text.encode(), "stakeholders/x.yml", Stakeholder)
    # refused: only a partial record of the fields that passed, without `country`
    assert isinstance(record, Partial) and record.failed == {"country"}
    assert [(d.code, d.line, d.col) for d in problems] == [("bad-type", 5, 10)]
    assert "quotes" in problems[0].hint


def test_yes_on_and_off_stay_strings_in_a_record(kb_root, tmp_path):
    # Talking points are internal: they live in the overlay, read with the same loader.
    overlay = tmp_path / "overlay"
    write(
        overlay,
        f"briefings/{BRIEFING_ID}.yml",
        f"id: {BRIEFING_ID}\ntalking_points:\n  {BARRIER_ID}:\n"
        "    - yes\n    - on\n    - off\n    - NO\n",
    )
    kb = apply_overlay(load(kb_root), overlay)
    assert kb.diagnostics == []
    assert kb.briefings[BRIEFING_ID].talking_points == {BARRIER_ID: ["yes", "on", "off", "NO"]}


def test_dates_are_parsed_by_the_model(kb_root):
    barrier = load(kb_root).barriers[BARRIER_ID]
    assert barrier.last_reviewed == dt.date(2026, 3, 23)
    assert barrier.status_history[0].date == dt.date(2026, 1, 15)


def test_byte_order_mark_is_accepted(kb_root):
    write(kb_root, BARRIER_PATH, b"\xef\xbb\xbf" + BARRIER.encode("utf-8"))
    assert diagnose(kb_root) == []


def test_yaml_extension_is_read_too(kb_root):
    (kb_root / BARRIER_PATH).rename(kb_root / "barriers" / f"{BARRIER_ID}.yaml")
    kb = load(kb_root)
    assert kb.file("barriers", BARRIER_ID).path == f"barriers/{BARRIER_ID}.yaml"
    assert diagnose(kb_root) == []


def test_other_files_in_record_folders_are_ignored(kb_root):
    write(kb_root, "barriers/README.md", "# Hinder\n")
    write(kb_root, "barriers/.funding.yml.swp", b"\x00\x01")
    (kb_root / "barriers" / "drafts.yml").mkdir()
    assert diagnose(kb_root) == []


def test_missing_folders_give_an_empty_knowledge_base(tmp_path):
    kb = load(tmp_path)
    assert (kb.barriers, kb.stakeholders, kb.briefings, kb.diagnostics) == ({}, {}, {}, [])


def test_broken_file_is_kept_out_and_remembered(kb_root):
    write(kb_root, "stakeholders/vinnova.yml", "id: vinnova\nname: [\n")
    kb = load(kb_root)
    assert "vinnova" not in kb.stakeholders
    assert ("stakeholders", "vinnova") in kb.broken
    assert [d.path for d in kb.diagnostics] == ["stakeholders/vinnova.yml"]


def test_every_model_error_in_a_file_is_reported_at_once(kb_root):
    text = (
        BARRIER.replace("status: raised\nstatus_history", "status: started\nstatus_history")
        .replace("last_reviewed: 2026-03-23", "last_reviewed: 23/3/2026")
        .replace("obstacle_type: legal", "obstacle_typ: legal")
    )
    write(kb_root, BARRIER_PATH, text)
    assert {(d.code, d.line) for d in diagnose(kb_root)} == {
        ("bad-value", line_of(text, "status: started")),
        ("bad-date", line_of(text, "last_reviewed")),
        ("unknown-field", line_of(text, "obstacle_typ")),
    }


def test_missing_required_field_is_reported(kb_root):
    text = BARRIER.replace('owner: "Malmö stad, Stadskontoret, Omvärld och näringsliv"\n', "")
    write(kb_root, BARRIER_PATH, text)
    (found,) = diagnose(kb_root)
    assert (found.code, found.path) == ("missing-field", BARRIER_PATH)
    assert "'owner'" in found.message and found.hint == "add `owner:` (see the field reference)"


def test_empty_list_where_one_is_required_is_a_bad_value(kb_root):
    text = BARRIER.replace("themes: [research_innovation, funding]", "themes: []")
    write(kb_root, BARRIER_PATH, text)
    assert where(diagnose(kb_root)) == {("bad-value", BARRIER_PATH, line_of(text, "themes"), 9)}


def test_value_listed_twice_is_refused(kb_root):
    text = BARRIER.replace("borders: [SE-DK, SE-NO]", "borders: [SE-DK, SE-DK]")
    write(kb_root, BARRIER_PATH, text)
    (found,) = diagnose(kb_root)
    assert (found.code, found.line) == ("bad-value", line_of(text, "borders"))
    assert "twice" in found.message


#: The summary: its key line and the three lines of its languages.
SUMMARY_LINE = BARRIER[BARRIER.index("summary:") : BARRIER.index("description:")].rstrip("\n")


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("id: funding-domestic-recipients", "id: ../../etc/passwd", "bad-id"),
        ("id: funding-domestic-recipients", "id: Funding_Domestic", "bad-id"),
        ("forums: [greater-copenhagen]", "forums: [greater-copenhagen/../x]", "bad-id"),
        ("    url: https://malmo.se/", "    url: javascript:alert(1)", "bad-url"),
        ("    url: https://malmo.se/", "    url: file:///etc/passwd", "bad-url"),
        ("    url: https://malmo.se/", "    url: 'https://malmo.se/ a b'", "bad-url"),
        (SUMMARY_LINE, 'summary: ""', "bad-value"),
        (SUMMARY_LINE, "summary: {fi: 'Innovaatiorahoitus vain kotimaisille'}", "bad-value"),
        (SUMMARY_LINE, "summary: {sv: ''}", "bad-value"),
        (SUMMARY_LINE, "summary: 12", "bad-value"),
        (SUMMARY_LINE, "summary:", "bad-value"),
        (
            "  - {stakeholder: vinnova, role: rule_owner,",
            "  - {stakeholder: vinnova, role: owner,",
            "bad-value",
        ),
        ("obstacle_type: legal", "obstacle_type: [legal]", "bad-value"),
        (
            "responsible:\n"
            '  - {stakeholder: vinnova, role: rule_owner, cite: "[@ksau-2026-03-23, uppdrag 3]"}\n'
            "  - {stakeholder: innovasjon-norge, role: rule_owner,"
            ' cite: "[@ksau-2026-03-23, uppdrag 3]"}\n',
            "responsible: vinnova\n",
            "bad-type",
        ),
        ("contributors: [malmo-stad]", "contributors: malmo-stad", "bad-type"),
    ],
)
def test_bad_values_are_refused_at_their_field(kb_root, old, new, code):
    assert old in BARRIER
    text = BARRIER.replace(old, new, 1)
    write(kb_root, BARRIER_PATH, text)
    found = diagnose(kb_root)
    changed = line_of(text, new.splitlines()[0].strip())
    assert [(d.code, d.path, d.line) for d in found] == [(code, BARRIER_PATH, changed)]


def test_quoted_number_is_refused_where_a_score_is_expected():
    text = INNOVASJON_NORGE.replace("power: 4", "power: '4'")
    record, _, problems = load_record(
        text.encode(), "stakeholders/innovasjon-norge.yml", Stakeholder
    )
    assert isinstance(record, Partial) and record.failed == {"power"}
    assert [(d.code, d.line, d.col) for d in problems] == [("bad-type", 11, 8)]


def test_briefing_date_that_does_not_exist_is_a_bad_date():
    text = BRIEFING.replace("date: 2026-05-20", "date: 2026-02-30")
    record, _, problems = load_record(text.encode(), f"briefings/{BRIEFING_ID}.yml", Briefing)
    assert isinstance(record, Partial) and record.failed == {"date"}
    assert [(d.code, d.line, d.col) for d in problems] == [("bad-date", 3, 7)]


def test_loaded_barrier_equals_a_model_built_from_the_same_data(kb_root):
    import yaml

    record = load(kb_root).barriers[BARRIER_ID]
    data = yaml.safe_load(BARRIER)  # YAML 1.1 is harmless here: no bare NO in the barrier
    assert record == Barrier.model_validate(data)


def test_field_path_reads_like_the_yaml():
    assert field_path(("sources", 0, "url")) == "sources[0].url"
    assert field_path(("title", "en")) == "title.en"
    assert field_path(()) == "(record)"
