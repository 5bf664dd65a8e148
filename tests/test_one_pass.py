"""A partner's first pull request in one round: every problem of a record in one run."""

from __future__ import annotations

from conftest import diagnose, line_of, write

NEW_BARRIER = """\
id: mitid-grensependlere
title: "Gränspendlare som bor i Sverige får inte MitID"
sammanfatning: "Den som bor i Sverige och arbetar i Danmark får svårt att få MitID [@s1]."
status: Lyft
borders: [SE-DK]
themes: [Digitala tjänster]
responsible: []
contributors: [greater-cph]
sources:
  - id: s1
    title: "Om MitID"
    url: https://www.mitid.dk/
owner: "Greater Copenhagen"
last_reviewed: 2026-11-20
"""
PATH = "barriers/mitid-grensependlere.yml"


def test_three_mistakes_give_three_diagnostics_in_one_run(kb_root):
    write(kb_root, PATH, NEW_BARRIER)
    found = {d.code: d for d in diagnose(kb_root) if d.path == PATH}
    assert set(found) == {"unknown-field", "bad-value", "unknown-reference"}
    assert found["unknown-reference"].line == line_of(NEW_BARRIER, "contributors:")
    assert found["unknown-reference"].hint == "did you mean 'greater-copenhagen'?"


def test_a_status_label_gets_a_hint_naming_its_code(kb_root):
    write(kb_root, PATH, NEW_BARRIER)
    (status,) = [d for d in diagnose(kb_root) if d.message.startswith("status:")]
    assert status.line == line_of(NEW_BARRIER, "status: Lyft")
    assert "`raised`" in status.hint


def test_labels_in_danish_and_english_are_understood_too(kb_root):
    text = NEW_BARRIER.replace("status: Lyft", "status: løst").replace(
        "themes: [Digitala tjänster]", "themes: [Digital services]"
    )
    write(kb_root, PATH, text)
    hints = {d.message.split(":")[0]: d.hint for d in diagnose(kb_root) if d.code == "bad-value"}
    assert "`solved`" in hints["status"] and "`digital`" in hints["themes[0]"]


def test_a_swedish_field_name_is_renamed_not_removed(kb_root):
    write(kb_root, PATH, NEW_BARRIER)
    found = diagnose(kb_root)
    (field,) = [d for d in found if d.code == "unknown-field"]
    assert field.line == line_of(NEW_BARRIER, "sammanfatning:")
    assert "rename the key to `summary:`" in field.hint and "remove" not in field.hint
    assert not [d for d in found if d.code == "missing-field"]  # one problem, said once


def test_danish_field_names_are_understood(kb_root):
    text = NEW_BARRIER.replace("sammanfatning:", "sammenfatning:").replace("title:", "titel:", 1)
    write(kb_root, PATH, text)
    hints = sorted(d.hint for d in diagnose(kb_root) if d.code == "unknown-field")
    assert hints == [
        "rename the key to `summary:` and keep its text; field names are in English",
        "rename the key to `title:` and keep its text; field names are in English",
    ]
