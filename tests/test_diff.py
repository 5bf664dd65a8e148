"""`barrierkb diff`: what a pull request does to the records, read from a real git repository."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BARRIER, BARRIER_PATH, BRIEFING_ID, git, make_kb, run_cli, write

from barrierkb.workflow.diff import diff_records, format_markdown, format_text

NEW_PATH = "barriers/parental-benefit-commuters.yml"
NEW_BARRIER = """\
id: parental-benefit-commuters
title: "Föräldrapenning för gränspendlare räknas på olika inkomster"
summary: "Gränspendlare mellan Sverige och Danmark får föräldrapenning beräknad på fel inkomst."
status: identified
borders: [SE-DK]
themes: [social_security]
responsible:
  - {stakeholder: vinnova, role: decision_maker, cite: "[@ksau-2026-03-23, uppdrag 2]"}
sources:
  - id: ksau-2026-03-23
    title: "Återrapportering av uppdrag från kommunstyrelsen"
    url: https://malmo.se/
owner: "Malmö stad, Stadskontoret"
last_reviewed: 2026-04-01
"""
#: The barrier moves from raised to in_dialogue, names a new forum and a new ally.
IN_DIALOGUE = (
    BARRIER.replace("status: raised\nstatus_history", "status: in_dialogue\nstatus_history")
    .replace(
        '    forum: greater-copenhagen\n    cite: "[@ksau-2026-03-23, uppdrag 3]"\n',
        '    forum: greater-copenhagen\n    cite: "[@ksau-2026-03-23, uppdrag 3]"\n'
        "  - date: 2026-05-20\n    status: in_dialogue\n    forum: greater-copenhagen\n"
        '    cite: "[@ksau-2026-03-23]"\n',
    )
    .replace(
        '  - {stakeholder: malmo-stad, role: advocate, cite: "[@ksau-2026-03-23, uppdrag 3]"}\n',
        '  - {stakeholder: malmo-stad, role: advocate, cite: "[@ksau-2026-03-23, uppdrag 3]"}\n'
        '  - {stakeholder: oresunddirekt, role: ally, cite: "[@ksau-2026-03-23]"}\n',
    )
)
ORESUND = """\
id: oresunddirekt
name: Øresunddirekt
type: other
country: SE
level: regional
"""
BRIEFING_PATH = f"briefings/{BRIEFING_ID}.yml"


def commit(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit is the clean knowledge base (tag `base`)."""
    root = make_kb(tmp_path / "repo")
    git(root, "init", "-q")
    git(root, "config", "core.autocrlf", "false")
    commit(root, "records")
    git(root, "tag", "base")
    return root


def change_records(root: Path) -> None:
    write(root, NEW_PATH, NEW_BARRIER)
    write(root, BARRIER_PATH, IN_DIALOGUE)
    write(root, "stakeholders/oresunddirekt.yml", ORESUND)


def test_an_added_record_and_a_status_change(repo: Path):
    change_records(repo)
    commit(repo, "change")
    found = diff_records(repo, "base", "HEAD")
    by_path = {c.path: c for c in found.changes}
    assert sorted(by_path) == sorted([NEW_PATH, BARRIER_PATH, "stakeholders/oresunddirekt.yml"])
    added = by_path[NEW_PATH]
    assert (added.change, added.status, added.loads) == ("added", (None, "identified"), True)
    changed = by_path[BARRIER_PATH]
    assert changed.change == "changed"
    assert changed.fields == ("status", "status_history", "stakeholders")
    assert changed.status == ("raised", "in_dialogue")
    assert [r[1:] for r in changed.new_references] == [("stakeholders", "oresunddirekt")]
    assert found.removed == []

    done = run_cli("diff", "base", "HEAD", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "base → HEAD: 2 added, 1 changed, 0 removed" in done.stdout
    assert f"added    {NEW_PATH}  Föräldrapenning" in done.stdout
    assert "status: raised → in_dialogue (Lyft → I dialog)" in done.stdout
    assert "new reference: stakeholders[1].stakeholder → stakeholders/oresunddirekt" in done.stdout


def test_a_removed_record_is_listed_and_fails_unless_allowed(repo: Path):
    (repo / BRIEFING_PATH).unlink()
    commit(repo, "remove the briefing")

    done = run_cli("diff", "base", "HEAD", cwd=repo)
    assert done.returncode == 1
    assert f"removed  {BRIEFING_PATH}" in done.stdout
    assert f"error: {BRIEFING_PATH} was removed: records are never deleted" in done.stderr

    allowed = run_cli("diff", "base", "HEAD", "--allow-removal", cwd=repo)
    assert allowed.returncode == 0
    assert f"removed  {BRIEFING_PATH}" in allowed.stdout
    assert allowed.stderr == ""


def test_head_omitted_compares_with_the_files_as_they_are(repo: Path):
    change_records(repo)  # not committed
    (repo / BRIEFING_PATH).unlink()
    found = diff_records(repo, "HEAD")
    assert [(c.change, c.path) for c in found.changes] == [
        ("added", NEW_PATH),
        ("added", "stakeholders/oresunddirekt.yml"),
        ("changed", BARRIER_PATH),
        ("removed", BRIEFING_PATH),
    ]
    assert "HEAD → working tree: 2 added, 1 changed, 1 removed" in format_text(found)
    assert run_cli("diff", "HEAD", cwd=repo).returncode == 1


def test_an_unchanged_repository_has_nothing_to_say(repo: Path):
    found = diff_records(repo, "HEAD")
    assert found.changes == []
    assert format_text(found).endswith("no record changed")
    assert run_cli("diff", "HEAD", "--format", "markdown", cwd=repo).returncode == 0


def test_layout_only_changes_are_listed_without_fields(repo: Path):
    write(repo, BARRIER_PATH, BARRIER + "# a comment\n")
    [change] = diff_records(repo, "HEAD").changes
    assert (change.change, change.fields, change.status) == ("changed", (), None)


def test_a_record_that_does_not_load_is_still_listed(repo: Path):
    write(repo, BARRIER_PATH, BARRIER.replace("status: raised", "status: [raised"))
    [change] = diff_records(repo, "HEAD").changes
    assert (change.loads, change.fields) == (False, ())
    assert "does not load" in format_text(diff_records(repo, "HEAD"))


def test_markdown_for_the_job_summary(repo: Path):
    change_records(repo)
    write(repo, NEW_PATH, NEW_BARRIER.replace("inkomster", "inkomster <b>|</b>"))
    (repo / BRIEFING_PATH).unlink()
    text = format_markdown(diff_records(repo, "HEAD"))
    assert text.startswith("### Records: HEAD → working tree: 2 added, 1 changed, 1 removed\n")
    assert "| change | record | what changed |" in text
    assert "| changed | `barriers/funding-domestic-recipients.yml` " in text
    assert "status: raised → in_dialogue (Lyft → I dialog)" in text
    assert "inkomster &lt;b&gt;\\|&lt;/b&gt;" in text  # record text cannot break the table
    assert (
        "- `barriers/funding-domestic-recipients.yml`: `stakeholders[1].stakeholder` → "
        "`stakeholders/oresunddirekt`" in text
    )
    assert "> [!CAUTION]" in text


def test_an_unknown_revision_is_a_usage_error(repo: Path):
    done = run_cli("diff", "no-such-branch", cwd=repo)
    assert done.returncode == 2
    assert done.stderr.startswith("barrierkb diff: unknown revision 'no-such-branch'")


def test_outside_a_repository_is_a_usage_error(tmp_path: Path):
    done = run_cli("diff", "HEAD", "--root", str(make_kb(tmp_path / "plain")))
    assert done.returncode == 2
