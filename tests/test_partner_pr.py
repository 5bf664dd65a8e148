"""A partner's first pull request in one round: every problem of a record in one run."""

from __future__ import annotations

from conftest import diagnose, line_of, run_cli, write

from barrierkb.site import render_site
from barrierkb.site.prepare import prepare

NEW_BARRIER = """\
id: mitid-grensependlere
title:
  sv: "Gränspendlare som bor i Sverige får inte MitID"
  en: "Cross-border commuters living in Sweden cannot get MitID"
  da: "Grænsependlere bosat i Sverige kan ikke få MitID"
sammanfatning:
  sv: "Den som bor i Sverige och arbetar i Danmark får svårt att få MitID [@s1]."
  en: "People living in Sweden and working in Denmark struggle to get MitID [@s1]."
  da: "Den, der bor i Sverige og arbejder i Danmark, har svært ved at få MitID [@s1]."
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


def test_a_status_past_identified_without_history_fails(kb_root):
    text = NEW_BARRIER.replace("sammanfatning:", "summary:").replace(
        "status: Lyft", "status: raised"
    )
    text = text.replace("themes: [Digitala tjänster]", "themes: [digital]").replace(
        "contributors: [greater-cph]", "contributors: [greater-copenhagen]"
    )
    text = text.replace(
        "responsible: []",
        'responsible:\n  - {stakeholder: vinnova, role: rule_owner, cite: "[@s1]"}',
    )
    write(kb_root, PATH, text)
    (found,) = [d for d in diagnose(kb_root) if d.path == PATH]
    assert (found.code, found.line) == ("status-history-mismatch", line_of(text, "status: raised"))
    assert "status_history" in found.hint


def test_new_takes_an_id_and_says_it_is_permanent(kb_root):
    title = "Grænsependlere får ikke MitID"
    done = run_cli("new", "--title", title, "--id", "mitid-grensependlere", "--root", str(kb_root))
    assert done.returncode == 0, done.stderr
    assert "is permanent" in done.stdout
    assert (kb_root / "barriers" / "mitid-grensependlere.yml").is_file()
    again = run_cli("new", "--title", "Något", "--id", "Inte ett id", "--root", str(kb_root))
    assert again.returncode == 2 and "is not an id" in again.stderr


def test_a_new_stakeholder_filled_in_passes_check_and_appears_on_the_site(kb_root):
    done = run_cli(
        "new", "stakeholder", "--title", "Digitaliseringsstyrelsen", "--root", str(kb_root)
    )
    assert done.returncode == 0, done.stderr
    path = kb_root / "stakeholders" / "digitaliseringsstyrelsen.yml"
    text = path.read_text(encoding="utf-8")
    assert run_cli("check", str(kb_root)).returncode == 1  # the placeholders are refused
    path.write_text(
        text.replace("TODO: English name", "Agency for Digital Government").replace(
            "country: SE", "country: DK"
        ),
        encoding="utf-8",
    )
    checked = run_cli("check", str(kb_root))
    assert (checked.returncode, checked.stdout.strip()) == (0, "0 error(s), 0 warning(s)")
    state = prepare(kb_root)
    page = render_site(state.kb, state.options, state.network)[
        "stakeholders/digitaliseringsstyrelsen.md"
    ]
    assert "Digitaliseringsstyrelsen" in page


FORM = """### Titel

Grænsependlere får ikke MitID

### Vem kan lösa det

Digitaliseringsstyrelsen (ansvarlig for MitID): rule_owner [@kalla-1]

### Källor

Grænsependlere og MitID | https://www.oresunddirekt.dk/ | Nordiska ministerrådet | 1. oktober 2025
"""


def test_from_issue_warns_about_what_it_could_not_read_with_the_line(kb_root, tmp_path):
    body = tmp_path / "issue.md"
    body.write_text(FORM, encoding="utf-8")
    done = run_cli("from-issue", str(body), "--root", str(kb_root))
    assert done.returncode == 0, done.stderr
    assert (
        f"line {line_of(FORM, '1. oktober 2025')}: '1. oktober 2025' is not a date" in done.stderr
    )
    assert "publisher: Nordiska ministerrådet\n" in done.stdout  # the date did not go there
    organisation = line_of(FORM, "Digitaliseringsstyrelsen (ansvarlig")
    assert (
        f"line {organisation}: 'digitaliseringsstyrelsen-ansvarlig-for-mitid' is not" in done.stderr
    )
