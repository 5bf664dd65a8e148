"""The published JSON Schemas: generated from the model, and usable by check-jsonschema.

Editors and the pre-commit hook validate records against `schema/*.schema.json`;
these tests keep those files equal to the model and prove that an ordinary
JSON Schema validator accepts the shipped records (YAML dates included) and
rejects a mistyped field.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import BARRIER, REPO, write

from barrierkb.records.load import record_files
from barrierkb.records.model import KINDS
from barrierkb.records.schema import json_schema, schema_name, schema_text

SCHEMA_DIR = REPO / "schema"
MODELINE = "# yaml-language-server: $schema="


def check_jsonschema(kind: str, files: list[Path]) -> subprocess.CompletedProcess:
    schema = SCHEMA_DIR / schema_name(kind)
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("kind", list(KINDS))
def test_committed_schema_equals_the_model(kind: str):
    committed = SCHEMA_DIR / schema_name(kind)
    assert committed.read_text(encoding="utf-8") == schema_text(kind), (
        f"run: barrierkb schema {kind} -o schema/{schema_name(kind)}"
    )


def test_no_stray_schema_files():
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")) == sorted(
        schema_name(kind) for kind in KINDS
    )


@pytest.mark.parametrize("kind", list(KINDS))
def test_schema_rejects_unknown_keys_and_dates_are_strings(kind: str):
    schema = json_schema(kind)
    assert schema["additionalProperties"] is False
    dates = [name for name, prop in schema["properties"].items() if prop.get("format") == "date"]
    if kind == "barriers":
        assert "last_reviewed" in dates
    for name in dates:
        assert schema["properties"][name]["type"] == "string"


@pytest.mark.parametrize("kind", list(KINDS))
def test_shipped_records_pass_check_jsonschema(kind: str):
    files = record_files(REPO, kind)
    if not files:
        pytest.skip(f"no records in {kind}/ yet")
    done = check_jsonschema(kind, files)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("kind", list(KINDS))
def test_shipped_records_point_editors_at_the_published_schema(kind: str):
    expected = f"{MODELINE}../schema/{schema_name(kind)}"
    for path in record_files(REPO, kind):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        if first.startswith(MODELINE):
            assert first == expected, f"{path.relative_to(REPO)}: {first}"


def test_check_jsonschema_accepts_yaml_dates_and_norway(tmp_path: Path):
    # check-jsonschema reads `2026-03-23` as the string the schema's format: date expects,
    # and YAML 1.2 keeps `NO` a string.
    record = write(
        tmp_path,
        "barriers/funding-domestic-recipients.yml",
        BARRIER.replace("borders: [SE-DK, SE-NO]", "borders: [SE-DK, SE-NO]\n# NO"),
    )
    assert "last_reviewed: 2026-03-23" in record.read_text(encoding="utf-8")
    done = check_jsonschema("barriers", [record])
    assert done.returncode == 0, done.stdout + done.stderr
    stakeholder = write(
        tmp_path,
        "stakeholders/regjeringen-no.yml",
        "id: regjeringen-no\nname: Regjeringen\ntype: government\ncountry: NO\nlevel: national\n",
    )
    done = check_jsonschema("stakeholders", [stakeholder])
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_jsonschema_rejects_an_unknown_key(tmp_path: Path):
    record = write(
        tmp_path,
        "barriers/funding-domestic-recipients.yml",
        BARRIER.replace("\nstatus: raised\n", "\nstatus: raised\nstatsu: raised\n"),
    )
    done = check_jsonschema("barriers", [record])
    assert done.returncode == 1
    assert "statsu" in done.stdout


def test_check_jsonschema_rejects_an_impossible_date(tmp_path: Path):
    record = write(
        tmp_path,
        "barriers/funding-domestic-recipients.yml",
        BARRIER.replace("last_reviewed: 2026-03-23", "last_reviewed: 2026-02-30"),
    )
    done = check_jsonschema("barriers", [record])
    assert done.returncode == 1
    assert "2026-02-30" in done.stdout


def test_vscode_maps_each_schema_onto_its_folder():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert settings["yaml.yamlVersion"] == "1.2"  # NO stays Norway
    for kind in KINDS:
        assert f"{kind}/*.yml" in mapping[f"./schema/{schema_name(kind)}"]
    assert all((REPO / path).is_file() for path in mapping)


def pre_commit_hooks() -> list[dict]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


def test_pre_commit_runs_barrierkb_check():
    [local] = [h for h in pre_commit_hooks() if h["id"] == "barrierkb-check"]
    assert local["entry"] == "barrierkb check"
    assert local["pass_filenames"] is False
    assert re.search(local["files"], "barriers/a.yml")


@pytest.mark.parametrize("kind", list(KINDS))
def test_pre_commit_schema_hook_validates_each_kind(kind: str):
    hooks = [h for h in pre_commit_hooks() if h["id"] == "check-jsonschema"]
    [hook] = [h for h in hooks if re.search(h["files"], f"{kind}/x.yml")]
    assert hook["args"] == ["--schemafile", f"schema/{schema_name(kind)}"]
    assert not re.search(hook["files"], f"{kind}/sub/x.yml")
    # The hook's own arguments, on the shipped records: what a partner's commit runs.
    files = [p.relative_to(REPO).as_posix() for p in record_files(REPO, kind)]
    if files:
        done = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", *hook["args"], *files],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
