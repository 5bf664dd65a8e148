"""Writing a new record file: the one writer for `new` and `from-issue`.

A new record starts with the schema line that editors read, is valid YAML as
a partner would write it (dates unquoted, short lists inline, long texts as
literal blocks), and never overwrites a record that exists.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..records.schema import schema_name

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class RecordExists(Exception):
    """The file is there already: a record is never overwritten."""


def schema_line(kind: str) -> str:
    """The comment that tells editors which JSON Schema a record follows.

    >>> schema_line("stakeholders")
    '# yaml-language-server: $schema=../schema/stakeholder.schema.json'
    """
    return f"# yaml-language-server: $schema=../schema/{schema_name(kind)}"


class BlockDumper(yaml.SafeDumper):
    """Lists indented under their key, text of several lines as literal blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)

    def represent_str(self, data: str) -> yaml.ScalarNode:
        style = "|" if "\n" in data else None
        return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)


BlockDumper.add_representer(str, BlockDumper.represent_str)


class RecordDumper(BlockDumper):
    """As a partner writes a record: dates unquoted, short lists of words inline."""

    def represent_str(self, data: str) -> yaml.ScalarNode:
        if (
            len(data) == 10
            and data[4] == "-"
            and data[7] == "-"
            and data.replace("-", "").isdigit()
        ):
            return self.represent_scalar("tag:yaml.org,2002:timestamp", data)
        return super().represent_str(data)

    def represent_list(self, data: list) -> yaml.SequenceNode:
        inline = all(isinstance(v, str) and "\n" not in v and len(v) < 60 for v in data)
        return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=inline)


RecordDumper.add_representer(str, RecordDumper.represent_str)
RecordDumper.add_representer(list, RecordDumper.represent_list)


def record_yaml(record: dict, kind: str = "barriers") -> str:
    """A record as the text of its file, with the schema line first.

    >>> print(record_yaml({"id": "a", "borders": ["SE-NO"], "last_reviewed": "2026-05-01"}))
    # yaml-language-server: $schema=../schema/barrier.schema.json
    id: a
    borders: [SE-NO]
    last_reviewed: 2026-05-01
    <BLANKLINE>
    """
    text = yaml.dump(
        record,
        Dumper=RecordDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=4096,
    )
    return f"{schema_line(kind)}\n{text}"


def write_new(path: Path, text: str) -> Path:
    """Write a new record file; refuse when one exists there already."""
    if path.exists():
        raise RecordExists(f"{path} exists already; a record is never overwritten")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
