"""The package's layers hold: the import-linter contracts in pyproject.toml pass, and would fail.

`make test` runs `lint-imports` on the package itself; these tests prove the
contracts can fail, on a copy of the package with one deliberate upward
import.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

LINT = Path(sys.executable).with_name("lint-imports")


def lint(tree: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(tree / "scripts")}
    return subprocess.run(
        [str(LINT), "--no-cache"], cwd=tree, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """The package and its contracts, copied where a test may break them."""
    shutil.copytree(REPO / "scripts" / "barrierkb", tmp_path / "scripts" / "barrierkb")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def add_import(tree: Path, module: str, line: str) -> None:
    path = tree / "scripts" / "barrierkb" / module
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("from __future__ import annotations\n")
    path.write_text(head + sep + line + "\n" + rest, encoding="utf-8")


def test_the_package_keeps_its_layers(package_copy):
    done = lint(package_copy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout


def test_records_importing_the_site_breaks_the_layers(package_copy):
    add_import(package_copy, "records/vocab.py", "from ..site import paths  # noqa")
    done = lint(package_copy)
    assert done.returncode == 1
    assert "Layers import only downwards" in done.stdout
    assert "barrierkb.records.vocab -> barrierkb.site.paths" in done.stdout


def test_site_importing_mkdocs_breaks_the_core_contract(package_copy):
    add_import(package_copy, "site/paths.py", "import mkdocs.plugins  # noqa")
    done = lint(package_copy)
    assert done.returncode == 1
    assert "The core never imports MkDocs" in done.stdout
