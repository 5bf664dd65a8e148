"""From pydantic's validation errors to diagnostics a partner can act on, and partial records.

`validate(model, value, positions, rel)` returns the record, or, when some
fields fail, a partial record of the fields that passed (so that references
and cross-record rules still run on them) with the names of those that failed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from typing import Annotated, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import vocab
from .diagnostics import Diagnostic
from .findings import field_path
from .model import Record, models_in
from .rules import problem
from .yamlsafe import Positions

#: Which vocabulary a field's value comes from, for "did you mean" by label.
FIELD_VOCABULARIES: dict[str, vocab.Vocabulary] = {
    "status": vocab.STATUS,
    "themes": vocab.THEME,
    "obstacle_type": vocab.OBSTACLE_TYPE,
    "role": vocab.ROLE,
    "type": vocab.STAKEHOLDER_TYPE,
    "level": vocab.LEVEL,
    "fmc_status": vocab.FMC_STATUS,
    "priority": vocab.PRIORITY,
    "confidence": vocab.PRIORITY,
    "register": vocab.REGISTER,
    "kind": vocab.SOURCE_KIND,
    "date_basis": vocab.DATE_BASIS,
    "visibility": vocab.VISIBILITY,
}


@dataclass(frozen=True)
class Partial:
    """A record whose fields failed in part: the fields that passed, and the names of the rest."""

    record: Record
    failed: frozenset[str]


def validate(
    model: type[BaseModel], value: dict, positions: Positions, rel: str
) -> tuple[Record | None, Partial | None, list[Diagnostic]]:
    """The record, or a `Partial` of the fields that passed, and the problems."""
    try:
        return model.model_validate(value), None, []
    except ValidationError as err:
        errors = err.errors()
    problems = [_diagnostic(rel, positions, e, model, value) for e in errors]
    problems = _dedupe([d for d in problems if d is not None])
    failed = frozenset(str(e["loc"][0]) for e in errors if e["loc"])
    fields = {}
    for name, info in model.model_fields.items():
        if name in value and name not in failed:
            fields[name] = field_adapter(model, name).validate_python(value[name])
        elif name in value and _is_list(info.annotation):
            fields[name] = _valid_items(model, name, value[name])
    return None, Partial(model.model_construct(**fields), failed), problems


@cache
def field_adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    """The validator of one field of a model, on its own."""
    info = model.model_fields[name]
    return TypeAdapter(Annotated[info.annotation, info])


def _is_list(annotation) -> bool:
    return get_origin(annotation) is list


@cache
def _item_adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    (item,) = get_args(model.model_fields[name].annotation)
    return TypeAdapter(item)


def _valid_items(model: type[BaseModel], name: str, items: object) -> list:
    """The items of a list field that are valid on their own (their positions kept)."""
    if not isinstance(items, list):
        return []
    kept = []
    for item in items:
        try:
            kept.append(_item_adapter(model, name).validate_python(item))
        except ValidationError:
            kept.append(None)  # keeps the index of every other item true to the file
    return [i for i in kept if i is not None] if None not in kept else kept


def _dedupe(problems: list[Diagnostic]) -> list[Diagnostic]:
    seen, out = set(), []
    for d in problems:
        if (d.line, d.col, d.code) not in seen:
            seen.add((d.line, d.col, d.code))
            out.append(d)
    return out


def type_name(value: object) -> str:
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


def _diagnostic(
    rel: str, positions: Positions, error: dict, model: type[BaseModel], value: dict
) -> Diagnostic | None:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and "[" in p))
    name = field_path(loc)
    kind = error["type"]
    given = error.get("input")
    shown = repr(given) if len(repr(given)) <= 60 else repr(given)[:57] + "..."
    last = loc[-1] if loc else ""

    if kind == "missing":
        mapping = _mapping_at(value, loc[:-1])
        if any(vocab.field_for(key) == last for key in mapping):
            return None  # written in Swedish or Danish: the unknown key says to rename it
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
        allowed = _fields_at(model, loc[:-1])
        meant = vocab.field_for(str(last))
        if meant in allowed:
            hint = f"rename the key to `{meant}:` and keep its text; field names are in English"
            return problem("unknown-field", rel, line, col, f"unknown field '{name}'", hint)
        close = difflib.get_close_matches(str(last), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "remove it, or check the field reference"
        return problem("unknown-field", rel, line, col, f"unknown field '{name}'", hint)

    line, col = positions.value(loc)
    message = error["msg"].removeprefix("Value error, ")
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in allowed.replace(" or ", ", ").split(",")]
        field = next((p for p in reversed(loc) if isinstance(p, str)), "")
        by_label = FIELD_VOCABULARIES.get(field)
        code = by_label.code_for(str(given)) if by_label and isinstance(given, str) else None
        if code in options:
            hint = f"write the code `{code}`: {given!r} is its label, not its code"
        else:
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
            f"{name}: expected {_expected(kind)}, got {type_name(given)} {shown}",
            hint,
        )
    return problem("bad-value", rel, line, col, f"{name}: {message}")


def _mapping_at(value: object, loc: tuple) -> dict:
    """The mapping at `loc` in the raw record, or {}."""
    for part in loc:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return {}
    return value if isinstance(value, dict) else {}


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
