"""Read the record folders into a `KnowledgeBase`, with a diagnostic per problem.

`load(root)` never raises for a broken record: the file is kept out of the
knowledge base and its problems are returned as diagnostics positioned by
field path, so a run reports everything at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .diagnostics import Diagnostic
from .findings import field_path
from .model import (
    FOLDERS,
    PLACEHOLDER,
    SLUG_PATTERN,
    Barrier,
    Briefing,
    Record,
    SharedSource,
    Stakeholder,
    model_of,
)
from .rules import problem
from .validation import Partial, type_name, validate
from .yamlsafe import Positions, YamlProblem, parse_yaml

_SLUG = re.compile(SLUG_PATTERN)


@dataclass
class RecordFile:
    """Where a record came from: its file and the positions of its values."""

    kind: str
    id: str
    path: str
    positions: Positions
    #: True for a file of the overlay (internal material), not of the public tree.
    in_overlay: bool = False


@dataclass
class KnowledgeBase:
    """All records that loaded, by id, and what went wrong with the rest."""

    root: Path
    barriers: dict[str, Barrier] = field(default_factory=dict)
    stakeholders: dict[str, Stakeholder] = field(default_factory=dict)
    briefings: dict[str, Briefing] = field(default_factory=dict)
    sources: dict[str, SharedSource] = field(default_factory=dict)
    #: Briefings for no real meeting (examples/briefings/): never counted as meetings.
    examples: dict[str, Briefing] = field(default_factory=dict)
    files: dict[tuple[str, str], RecordFile] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: (kind, stem) of files that exist but did not load; references to them
    #: are not reported again as unknown.
    broken: set[tuple[str, str]] = field(default_factory=set)
    #: Records whose fields failed in part, by (kind, id): what did validate, so
    #: that the checker reports every other problem in the same run.
    partial: dict[tuple[str, str], Partial] = field(default_factory=dict)
    #: The overlay files that add internal fields to a public record, by (kind, id).
    overlay_parts: dict[tuple[str, str], RecordFile] = field(default_factory=dict)
    #: Whom the records have been filtered for (`audience.for_audience`); None as loaded.
    audience: str | None = None

    def records(self, kind: str) -> dict[str, Record]:
        return getattr(self, kind)

    def file(self, kind: str, record_id: str) -> RecordFile:
        return self.files[(kind, record_id)]


def record_files(root: Path, kind: str) -> list[Path]:
    """The record files of one kind, sorted; `.yaml` is accepted as well as `.yml`."""
    folder = root / FOLDERS[kind]
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


def load(root: str | Path) -> KnowledgeBase:
    """Load every record under `root`: each kind's folder, and the examples."""
    root = Path(root)
    kb = KnowledgeBase(root=root)
    for kind in FOLDERS:
        model = model_of(kind)
        loaded: dict[str, Record] = {}
        for path in record_files(root, kind):
            rel = path.relative_to(root).as_posix()
            record, positions, problems = load_record(path.read_bytes(), rel, model)
            kb.diagnostics.extend(problems)
            if not isinstance(record, Record):
                kb.broken.add((kind, path.stem))
                if isinstance(record, Partial) and "id" in record.record.model_fields_set:
                    record_id = record.record.id
                    kb.partial[(kind, record_id)] = record
                    kb.files[(kind, record_id)] = RecordFile(kind, record_id, rel, positions)
                continue
            if record.id in loaded:
                first = kb.file(kind, record.id).path
                line, col = positions.value(("id",))
                kb.diagnostics.append(
                    problem(
                        "duplicate-id",
                        rel,
                        line,
                        col,
                        f"the id '{record.id}' is already used by {first}",
                    )
                )
                continue
            loaded[record.id] = record
            kb.files[(kind, record.id)] = RecordFile(kind, record.id, rel, positions)
        setattr(kb, kind, dict(sorted(loaded.items())))
    return kb


def load_record(
    data: bytes, rel: str, model: type[BaseModel]
) -> tuple[Record | Partial | None, Positions, list[Diagnostic]]:
    """Parse and validate one file: the record (a `Partial` when fields failed) and its problems."""
    try:
        value, positions = parse_yaml(data)
    except YamlProblem as err:
        return (
            None,
            Positions(),
            [problem(err.code, rel, err.line, err.col, err.message, err.hint)],
        )
    if value is None:
        return (
            None,
            positions,
            [problem("empty-file", rel, 1, 1, "the file is empty")],
        )
    if not isinstance(value, dict):
        line, col = positions.value(())
        return (
            None,
            positions,
            [
                problem(
                    "not-a-mapping",
                    rel,
                    line,
                    col,
                    f"the file holds a {type_name(value)}, not a mapping of fields",
                )
            ],
        )
    record, partial, problems = validate(model, value, positions, rel)
    if PLACEHOLDER.encode() not in data and b"\\" not in data:  # nor escaped: none left
        return record or partial, positions, problems
    taken = {(d.line, d.col) for d in problems}
    todo = [d for d in _placeholders(rel, positions, value) if (d.line, d.col) not in taken]
    return record or partial, positions, problems + todo


def _placeholders(rel: str, positions: Positions, value: object, loc: tuple = ()) -> list:
    """The template's TODOs left in a record (as read, valid or not)."""
    if isinstance(value, str) and PLACEHOLDER in value:
        return [
            problem(
                "placeholder",
                rel,
                *positions.value(loc),
                f"{field_path(loc)}: the placeholder {PLACEHOLDER} is left",
            )
        ]
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return []
    return [d for key, item in items for d in _placeholders(rel, positions, item, loc + (key,))]
