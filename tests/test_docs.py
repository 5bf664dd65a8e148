"""The documentation keeps up with the code: commands, codes and fields."""

from __future__ import annotations

import re
from pathlib import Path

from barrierkb.cli import COMMANDS
from barrierkb.records.model import KINDS
from barrierkb.records.rules import RULES
from barrierkb.site.reference import reference_page

REPO = Path(__file__).resolve().parents[1]


def test_every_command_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"barrierkb ([a-z-]+)", readme))
    assert set(COMMANDS) - documented == set()


def test_the_readme_quick_start_is_two_make_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    block = re.search(r"```sh\n(.*?)```", quick, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make site", "make test"]


def test_field_reference_lists_every_field_and_code():
    page = reference_page()
    for model in KINDS.values():
        for name in model.model_fields:
            assert f"<code>{name}</code>" in page, name
    for code in RULES:
        assert f"<code>{code}</code>" in page, code
