"""The `barrierkb` command: exit codes and output together, as a partner sees them."""

from __future__ import annotations

import json
import random
import re
import time

import pytest
from conftest import BARRIER, BARRIER_PATH, REPO, diagnose, line_of, run_cli, write

from barrierkb import cli
from barrierkb.records.rules import RULES

DIAGNOSTIC_LINE = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning)"
    r"\[(?P<code>[a-z-]+)\]: .+$",
    re.M,
)
HAZARD_FILE = "barriers/hazard.yml"


def _alias_bomb() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


#: name -> (file content, the code the diagnostic must have)
HAZARDS: dict[str, tuple[str | bytes, str]] = {
    "duplicate-key": (BARRIER.replace("obstacle_type: legal", "status: solved"), "duplicate-key"),
    "anchor-and-alias": ("id: hazard\ntitle: &t Hinder\nsummary: *t\n", "yaml-alias"),
    "alias-bomb": (_alias_bomb(), "yaml-alias"),
    "tab": ("id: hazard\ntitle:\n\tsv: Hinder\n", "yaml-tab"),
    "non-utf8": ("id: hazard\ntitle: Gränshinder för pendlare\n".encode("cp1252"), "encoding"),
    "empty": ("", "empty-file"),
    "list-at-top": ("- id: hazard\n- title: Hinder\n", "not-a-mapping"),
    "binary-junk": (random.Random(20260323).randbytes(8192), "encoding"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "encoding"),
    "ten-megabytes": (
        b"id: hazard\ndescription: " + b"x" * (10 * 1024 * 1024) + b"\n",
        "file-too-large",
    ),
    "deeply-nested-flow": ("description: " + "[" * 500 + "]" * 500 + "\n", "yaml-depth"),
    # libyaml stops at 1,000 flow levels before the loader's own limit is reached
    "very-deeply-nested-flow": (
        "description: " + "[" * 50_000 + "]" * 50_000 + "\n",
        "yaml-syntax",
    ),
    "deeply-nested-block": ("".join("  " * i + f"k{i}:\n" for i in range(500)), "yaml-depth"),
    "python-tag": ("id: hazard\nsummary: !!python/object/apply:os.system ['ls']\n", "yaml-tag"),
}


@pytest.mark.parametrize("name", sorted(HAZARDS))
def test_hazardous_file_gives_exit_1_and_a_positioned_diagnostic(kb_root, name):
    content, code = HAZARDS[name]
    write(kb_root, HAZARD_FILE, content)
    start = time.perf_counter()
    run = run_cli("check", str(kb_root))
    assert time.perf_counter() - start < 5, "hang guard"
    assert run.returncode == 1, run.stdout + run.stderr
    output = run.stdout + run.stderr
    assert "Traceback" not in output
    found = [m.groupdict() for m in DIAGNOSTIC_LINE.finditer(run.stdout)]
    assert found, run.stdout
    assert {d["path"] for d in found} == {HAZARD_FILE}
    assert code in {d["code"] for d in found}
    assert all(int(d["line"]) >= 1 and int(d["col"]) >= 1 for d in found)


def test_byte_order_mark_passes_check(kb_root):
    write(kb_root, BARRIER_PATH, "\ufeff" + BARRIER)
    run = run_cli("check", str(kb_root))
    assert (run.returncode, run.stdout, run.stderr) == (0, "0 error(s), 0 warning(s)\n", "")


def test_clean_records_exit_0_with_a_summary(kb_root):
    run = run_cli("check", str(kb_root))
    assert (run.returncode, run.stdout, run.stderr) == (0, "0 error(s), 0 warning(s)\n", "")


def test_check_defaults_to_the_current_folder(kb_root):
    text = BARRIER.replace("borders: [SE-DK, SE-NO]", "borders: [SE-SE]")
    write(kb_root, BARRIER_PATH, text)
    run = run_cli("check", cwd=kb_root)
    assert run.returncode == 1
    line = line_of(text, "borders: [SE-SE]")
    assert f"{BARRIER_PATH}:{line}:11: error[border-same-country]" in run.stdout


def test_errors_exit_1_with_diagnostic_hint_and_summary(kb_root):
    text = BARRIER.replace("last_reviewed: 2026-03-23", "last_reviewed: 2026-02-30")
    write(kb_root, BARRIER_PATH, text)
    run = run_cli("check", str(kb_root))
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        f"{BARRIER_PATH}:{line_of(text, 'last_reviewed')}:16: error[bad-date]: "
        "last_reviewed: 2026-02-30 is not a date in the calendar",
        "  hint: write the date as YYYY-MM-DD, such as 2026-03-23",
        "1 error(s), 0 warning(s)",
    ]


def test_warnings_alone_exit_0(kb_root):
    text = BARRIER.replace("review_due: 2099-03-23", "review_due: 2025-03-23")
    write(kb_root, BARRIER_PATH, text)
    run = run_cli("check", str(kb_root))
    assert run.returncode == 0
    assert f"{BARRIER_PATH}:{line_of(text, 'review_due')}:13: warning[review-due]" in run.stdout
    assert run.stdout.endswith("0 error(s), 1 warning(s)\n")


def test_json_format_lists_every_diagnostic(kb_root):
    text = BARRIER.replace("status: raised\nstatus_history", "status: started\nstatus_history")
    write(kb_root, BARRIER_PATH, text)
    write(kb_root, HAZARD_FILE, "id: hazard\nid: again\n")
    run = run_cli("check", "--format", "json", str(kb_root))
    assert run.returncode == 1
    data = json.loads(run.stdout)
    assert [(d["path"], d["line"], d["col"], d["code"], d["level"]) for d in data] == [
        (BARRIER_PATH, line_of(text, "status: started"), 9, "bad-value", "error"),
        (HAZARD_FILE, 2, 1, "duplicate-key", "error"),
    ]
    assert all(set(d) == {"path", "line", "col", "code", "message", "hint", "level"} for d in data)
    assert all(d["code"] in RULES for d in data)


def test_json_format_of_clean_records_is_an_empty_list(kb_root):
    run = run_cli("check", "--format", "json", str(kb_root))
    assert (run.returncode, json.loads(run.stdout)) == (0, [])


def test_github_actions_gets_annotations(kb_root):
    text = BARRIER.replace("status: raised\nstatus_history", "status: started\nstatus_history")
    write(kb_root, BARRIER_PATH, text)
    status_line = line_of(text, "status: started")
    run = run_cli("check", str(kb_root), env={"GITHUB_ACTIONS": "true"})
    assert run.returncode == 1
    annotations = [line for line in run.stdout.splitlines() if line.startswith("::")]
    assert annotations == [
        f"::error file={BARRIER_PATH},line={status_line},col=9::[bad-value] status: 'started' "
        "is not allowed (use one of 'identified', 'analysed', 'raised', 'in_dialogue', "
        "'solution_proposed', 'decided', 'solved', 'partly_solved' or 'written_off')"
    ]
    # the readable lines are still there for the log
    assert f"{BARRIER_PATH}:{status_line}:9: error[bad-value]" in run.stdout


def test_github_annotations_escape_newlines_and_percent(kb_root):
    write(kb_root, HAZARD_FILE, "id: hazard\ntitle: 100%\ntitle: igen\n")
    run = run_cli("check", str(kb_root), env={"GITHUB_ACTIONS": "true"})
    (annotation,) = [line for line in run.stdout.splitlines() if line.startswith("::")]
    assert annotation.startswith(f"::error file={HAZARD_FILE},line=3,col=1::[duplicate-key]")
    assert "\r" not in annotation


def test_without_github_actions_there_are_no_annotations(kb_root):
    write(kb_root, HAZARD_FILE, "")
    run = run_cli("check", str(kb_root), env={"GITHUB_ACTIONS": "false"})
    assert run.returncode == 1
    assert not [line for line in run.stdout.splitlines() if line.startswith("::")]


def test_github_flag_prints_annotations_anywhere(kb_root, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    write(kb_root, HAZARD_FILE, "")
    assert cli.main(["check", "--github", str(kb_root)]) == 1
    out = capsys.readouterr().out
    assert f"::error file={HAZARD_FILE},line=1,col=1::[empty-file]" in out


@pytest.mark.parametrize(
    "args",
    [
        ["check", "does-not-exist"],
        ["check", "--format", "yaml", "."],
        ["frobnicate"],
        [],
        ["export", "--format", "pdf"],
    ],
    ids=["missing-folder", "unknown-format", "unknown-command", "no-command", "export-pdf"],
)
def test_bad_usage_exits_2_with_a_message(kb_root, args):
    run = run_cli(*args, cwd=kb_root)
    assert run.returncode == 2
    assert run.stderr.strip()
    assert "Traceback" not in run.stderr


def test_check_on_a_file_instead_of_a_folder_is_bad_usage(kb_root, capsys):
    assert cli.main(["check", str(kb_root / BARRIER_PATH)]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_export_refuses_records_with_errors(kb_root, tmp_path):
    write(kb_root, HAZARD_FILE, "- a\n")
    out = tmp_path / "barriers.json"
    run = run_cli("export", "--root", str(kb_root), "-o", str(out))
    assert run.returncode == 1
    assert f"{HAZARD_FILE}:1:1: error[not-a-mapping]" in run.stderr
    assert not out.exists()


def test_stats_counts_the_clean_records(kb_root):
    run = run_cli("stats", "--root", str(kb_root))
    assert run.returncode == 0
    assert run.stdout.startswith("1 barriers, 4 stakeholders, 1 briefings")
    assert re.search(r"^\s+SE-NO\s+1$", run.stdout, re.M)


def test_library_and_command_agree(kb_root):
    write(
        kb_root,
        BARRIER_PATH,
        BARRIER.replace("forums: [greater-copenhagen]", "forums: [vinnova, oresund]"),
    )
    run = run_cli("check", "--format", "json", str(kb_root))
    expected = [(d.path, d.line, d.col, d.code) for d in diagnose(kb_root)]
    assert [(d["path"], d["line"], d["col"], d["code"]) for d in json.loads(run.stdout)] == expected


def test_shipped_dataset_is_clean():
    """The records in this repository pass check (warnings allowed)."""
    run = run_cli("check", str(REPO))
    assert "Traceback" not in run.stdout + run.stderr
    assert run.returncode == 0, run.stdout
