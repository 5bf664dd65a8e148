"""Read the record folders into a `KnowledgeBase`, with a diagnostic per problem.

`load(root)` never raises for a broken record: the file is kept out of the
knowledge base and its problems are returned as diagnostics positioned by
field path, so a run reports everything at once.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic
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
    models_in,
)
from .rules import problem
from .yamlsafe import Positions, YamlProblem, parse_yaml

_SLUG = re.compile(SLUG_PATTERN)


@dataclass
class RecordFile:
    """Where a record came from: its file and the positions of its values."""

    kind: str
    id: str
    path: str
    positions: Positions


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

    def records(self, kind: str) -> dict[str, Record]:
        return getattr(self, kind)

    def file(self, kind: str, record_id: str) -> RecordFile:
        return self.files[(kind, record_id)]


def field_path(loc: tuple) -> str:
    """`('responsible', 1, 'stakeholder')` as `responsible[1].stakeholder`.

    >>> field_path(("responsible", 1, "stakeholder"))
    'responsible[1].stakeholder'
    """
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(record)"


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
            if record is None:
                kb.broken.add((kind, path.stem))
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
) -> tuple[Record | None, Positions, list[Diagnostic]]:
    """Parse and validate one file. Returns the record (or None) and its problems."""
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
                    f"the file holds a {_type_name(value)}, not a mapping of fields",
                )
            ],
        )
    try:
        record = model.model_validate(value)
    except ValidationError as err:
        problems = _dedupe([_diagnostic(rel, positions, e, model) for e in err.errors()])
        taken = {(d.line, d.col) for d in problems}
        todo = [d for d in _placeholders(rel, positions, value) if (d.line, d.col) not in taken]
        return None, positions, problems + todo
    return record, positions, _placeholders(rel, positions, value)


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


def _dedupe(problems: list[Diagnostic]) -> list[Diagnostic]:
    seen, out = set(), []
    for d in problems:
        if (d.line, d.col, d.code) not in seen:
            seen.add((d.line, d.col, d.code))
            out.append(d)
    return out


def _type_name(value: object) -> str:
    return {
        bool: "true/false",
        int: "number",
        float: "number",
        str: "text",
        list: "list",
        dict: "mapping",
        type(None): "empty value",
    }.get(type(value), type(value).__name__)


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed in the mapping at `loc` (for 'did you mean')."""
    current: object = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        inner = models_in(info.annotation)
        if not inner:
            return []
        current = inner[0]
    return list(getattr(current, "model_fields", {}))


def _diagnostic(rel: str, positions: Positions, error: dict, model: type[BaseModel]) -> Diagnostic:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and "[" in p))
    name = field_path(loc)
    kind = error["type"]
    given = error.get("input")
    shown = repr(given) if len(repr(given)) <= 60 else repr(given)[:57] + "..."
    last = loc[-1] if loc else ""

    if kind == "missing":
        line, col = positions.key(loc[:-1]) if len(loc) > 1 else (1, 1)
        return problem(
            "missing-field",
            rel,
            line,
            col,
            f"the required field '{name}' is missing",
            f"add `{last}:` (see the field reference)",
        )
    if kind == "extra_forbidden":
        line, col = positions.key(loc)
        close = difflib.get_close_matches(str(last), _fields_at(model, loc[:-1]), n=1)
        hint = f"did you mean '{close[0]}'?" if close else "remove it, or check the field reference"
        return problem("unknown-field", rel, line, col, f"unknown field '{name}'", hint)

    line, col = positions.value(loc)
    message = error["msg"].removeprefix("Value error, ")
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in allowed.replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(given), options, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of {allowed}"
        return problem("bad-value", rel, line, col, f"{name}: {shown} is not allowed", hint)
    if kind == "string_pattern_mismatch":
        if last == "url" or (last == "source" and str(given).startswith(("javascript", "data"))):
            return problem(
                "bad-url", rel, line, col, f"{name}: {shown} is not an http or https address"
            )
        if "borders" in loc:
            return problem(
                "bad-value",
                rel,
                line,
                col,
                f"{name}: {shown} is not a pair of known country codes",
                "write two ISO codes with a hyphen, such as SE-DK or SE-NO",
            )
        if last == "country":
            return problem(
                "bad-value",
                rel,
                line,
                col,
                f"{name}: {shown} is not a country code",
                "write an ISO 3166-1 alpha-2 code such as SE, DK, NO, or NORDIC or EU",
            )
        return problem("bad-id", rel, line, col, f"{name}: {shown} is not an id")
    if "date" in message:
        return problem("bad-date", rel, line, col, f"{name}: {message}")
    if kind.endswith("_type") or kind in ("model_attributes_type", "dict_type", "list_type"):
        hint = (
            "put the value in quotes"
            if isinstance(given, (bool, int, float))
            else "see the field reference for the expected form"
        )
        return problem(
            "bad-type",
            rel,
            line,
            col,
            f"{name}: expected {_expected(kind)}, got {_type_name(given)} {shown}",
            hint,
        )
    return problem("bad-value", rel, line, col, f"{name}: {message}")


def _expected(kind: str) -> str:
    return {
        "string_type": "text",
        "int_type": "a whole number",
        "list_type": "a list",
        "dict_type": "a mapping",
        "model_type": "a mapping",
        "model_attributes_type": "a mapping",
        "bool_type": "true or false",
        "float_type": "a number",
    }.get(kind, kind.removesuffix("_type"))
