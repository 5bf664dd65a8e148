"""The issue form and `barrierkb from-issue`: a partner's issue becomes a record that checks."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, REPO, diagnose, run_cli, write

from barrierkb.records.diagnostics import errors
from barrierkb.records.load import load_record
from barrierkb.records.model import Barrier
from barrierkb.workflow.from_issue import (
    FromIssueError,
    record_from_issue,
    record_yaml,
    sections,
)
from barrierkb.workflow.issue_form import FIELDS, form_text

FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "barrier.yml"
CONFIG = REPO / ".github" / "ISSUE_TEMPLATE" / "config.yml"
ISSUE_BODY = FIXTURES / "issue-body.md"
TODAY = dt.date(2026, 5, 4)
#: Fields that the reader fills in itself rather than asking for.
SET_BY_READER = {"id", "last_reviewed", "responsible"}  # responsible: [] when left empty


def form() -> dict:
    return yaml.safe_load(FORM.read_text(encoding="utf-8"))


def form_fields() -> list[dict]:
    return [item for item in form()["body"] if item["type"] != "markdown"]


def test_form_is_valid_yaml_with_the_keys_github_requires():
    data = form()
    assert {"name", "description", "body"} <= set(data)
    kinds = {item["type"] for item in data["body"]}
    assert kinds <= {"markdown", "input", "textarea", "dropdown"}
    assert all(item["attributes"].get("label") for item in form_fields())


#: Questions the reader uses itself rather than copying into a field: the texts' language.
READER_ONLY = {"language"}


def test_every_form_field_has_an_id_that_is_a_barrier_field():
    ids = [item.get("id") for item in form_fields()]
    assert None not in ids
    assert len(ids) == len(set(ids))
    assert set(ids) - READER_ONLY <= set(Barrier.model_fields)


def test_every_id_that_from_issue_reads_is_in_the_form_under_the_same_label():
    in_form = {item["id"]: item["attributes"]["label"] for item in form_fields()}
    for f in FIELDS:
        assert f.id in Barrier.model_fields or f.id in READER_ONLY
        assert in_form.get(f.id) == f.label, f"{f.id} is not in the form as '{f.label}'"


def test_labels_are_in_swedish_danish_and_english():
    (summary,) = [f for f in FIELDS if f.id == "summary"]
    assert summary.label == "Sammanfattning / Sammenfatning / Summary"


def test_answers_in_danish_are_kept_under_danish():
    body = (
        "### Språk / Sprog / Language\n\nDansk\n\n"
        "### Titel / Title\n\nGrænsependlere får ikke MitID\n\n"
        "### Sammanfattning / Sammenfatning / Summary\n\nPendlere bosat i Sverige får ikke MitID.\n"
    )
    record = record_from_issue(body, today=dt.date(2026, 12, 1))
    assert record["title"] == {"da": "Grænsependlere får ikke MitID"}
    assert record["summary"] == {"da": "Pendlere bosat i Sverige får ikke MitID."}
    assert record["id"] == "graensependlere-far-ikke-mitid"


def test_answers_under_the_old_swedish_labels_are_still_read():
    record = record_from_issue("### Titel\n\nSkatt på distansarbete\n", today=dt.date(2026, 5, 1))
    assert record["title"] == "Skatt på distansarbete"


def test_the_form_asks_for_every_required_barrier_field():
    required = {name for name, info in Barrier.model_fields.items() if info.is_required()}
    asked = {item["id"] for item in form_fields() if item["validations"]["required"]}
    assert required - SET_BY_READER <= asked


def test_dropdown_options_survive_being_joined_with_commas():
    # GitHub writes a multiple choice as "A, B": an option with a comma could not be split back.
    for item in form_fields():
        for option in item["attributes"].get("options", []):
            assert "," not in option


def test_the_committed_form_is_generated_from_the_declaration():
    assert FORM.read_text(encoding="utf-8") == form_text(), (
        "run: barrierkb from-issue --form -o .github/ISSUE_TEMPLATE/barrier.yml"
    )


def test_issue_config_links_are_https():
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    assert isinstance(config["blank_issues_enabled"], bool)
    assert all(link["url"].startswith("https://") for link in config["contact_links"])


def test_the_fixture_issue_becomes_a_record_that_passes_check(kb_root: Path):
    done = run_cli("from-issue", str(ISSUE_BODY), "-o", str(kb_root / "barriers"))
    assert done.returncode == 0, done.stderr
    written = kb_root / "barriers" / "information-om-forskningsfinansiering-over-oresund.yml"
    assert f"wrote {written.as_posix()}" in done.stderr
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/barrier.schema.json\n")
    assert errors(diagnose(kb_root)) == []
    checked = run_cli("check", str(kb_root))
    assert checked.returncode == 0, checked.stdout

    record = yaml.safe_load(text)
    assert record["obstacle_type"] == "information"
    assert record["themes"] == ["research_innovation", "funding"]
    assert record["stakeholders"][1] == {
        "stakeholder": "greater-copenhagen",
        "role": "ally",
        "cite": "[@kalla-1]",
    }
    assert record["sources"] == [
        {
            "id": "kalla-1",
            "title": "Återrapportering av uppdrag från kommunstyrelsen",
            "url": "https://malmo.se/",
            "date": dt.date(2026, 3, 23),
            "publisher": "Malmö stad, Stadskontoret",
        }
    ]
    assert "### Bakgrund" in record["description"]  # a heading inside an answer stays there


def test_record_from_issue_reads_each_answer_into_its_field():
    record = record_from_issue(ISSUE_BODY.read_text(encoding="utf-8"), today=TODAY)
    assert list(record) == [name for name in Barrier.model_fields if name in record]
    assert record["status"] == "identified"
    assert record["borders"] == ["SE-DK"]
    assert record["responsible"] == [
        {"stakeholder": "vinnova", "role": "rule_owner", "cite": "[@kalla-1, uppdrag 3]"}
    ]
    assert record["solutions"] == [
        {
            "type": "knowledge",
            "text": "En gemensam sida om vilka utlysningar som är öppna för danska parter.",
        }
    ]
    assert record["impact"] == {
        "text": "Små företag avstår från samarbeten med danska parter [@kalla-1].",
        "cite": "[@kalla-1]",
    }
    assert record["contributors"] == ["malmo-stad"]
    assert record["last_reviewed"] == "2026-05-04"


def test_empty_answers_and_windows_line_endings():
    body = "### Titel\r\n\r\nHinder\r\n\r\n### Beskrivning\r\n\r\n_No response_\r\n"
    assert sections(body) == {"title": "Hinder"}
    assert "description" not in record_from_issue(body, today=TODAY)


def test_dropdown_answers_may_be_codes_or_labels():
    body = "### Titel\n\nX\n\n### Status\n\nI dialog\n\n### Teman\n\nskatt, digital\n"
    record = record_from_issue(body, today=TODAY)
    assert record["status"] == "in_dialogue"
    assert record["themes"] == ["taxation", "digital"]


def test_the_written_record_loads_back_as_a_barrier():
    record = record_from_issue(ISSUE_BODY.read_text(encoding="utf-8"), today=TODAY)
    text = record_yaml(record)
    loaded, _, problems = load_record(text.encode(), f"barriers/{record['id']}.yml", Barrier)
    assert problems == []
    assert loaded.last_reviewed == TODAY
    assert "borders: [SE-DK]" in text


def test_norway_stays_norway_in_the_written_record():
    body = "### Titel\n\nX\n\n### Gränser\n\nse-no\n"
    text = record_yaml(record_from_issue(body, today=TODAY))
    assert "borders: [SE-NO]" in text


def test_a_wrong_role_is_left_for_check_to_name(kb_root: Path):
    body = ISSUE_BODY.read_text(encoding="utf-8").replace("vinnova: rule_owner", "vinnova: owner")
    record = record_from_issue(body, today=TODAY)
    write(kb_root, f"barriers/{record['id']}.yml", record_yaml(record))
    found = errors(diagnose(kb_root))
    assert [(d.code, d.hint) for d in found] == [("bad-value", "did you mean 'rule_owner'?")]


def test_a_body_without_a_title_is_not_a_barrier_issue(tmp_path: Path):
    with pytest.raises(FromIssueError):
        record_from_issue("### Something else\n\ntext\n")
    body = write(tmp_path, "body.md", "Hello\n")
    done = run_cli("from-issue", str(body))
    assert done.returncode == 2
    assert "not the body of a barrier issue" in done.stderr


def test_from_issue_prints_to_stdout_and_never_overwrites(tmp_path: Path):
    printed = run_cli("from-issue", str(ISSUE_BODY))
    assert printed.returncode == 0
    assert printed.stdout.startswith("# yaml-language-server:")
    target = write(tmp_path, "barriers/x.yml", "keep me\n")
    refused = run_cli("from-issue", str(ISSUE_BODY), "-o", str(target))
    assert refused.returncode == 2
    assert target.read_text(encoding="utf-8") == "keep me\n"


def builtin_schema(schema: str, *files: Path) -> subprocess.CompletedProcess:
    """check-jsonschema with a schema it ships (SchemaStore's), so no network is needed."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_form_and_config_follow_githubs_schemas(tmp_path: Path):
    done = builtin_schema("vendor.github-issue-forms", FORM)
    assert done.returncode == 0, done.stdout
    done = builtin_schema("vendor.github-issue-config", CONFIG)
    assert done.returncode == 0, done.stdout
    # and the schema does catch a broken form
    data = form()
    del data["body"][1]["attributes"]["label"]
    broken = write(tmp_path, "barrier.yml", yaml.safe_dump(data, allow_unicode=True))
    done = builtin_schema("vendor.github-issue-forms", broken)
    assert done.returncode == 1
    assert "'label' is a required property" in done.stdout
