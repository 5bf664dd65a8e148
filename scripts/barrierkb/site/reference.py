"""The field reference for contributors, generated from the model and the rule table."""

from __future__ import annotations

from pydantic import BaseModel

from ..records.model import KINDS, models_in
from ..records.rules import RULES
from .templating import render_template

REFERENCE = "reference/fields.md"


def _type_of(schema: dict, defs: dict) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"mapping ({name})"
    if "enum" in schema:
        return "ett av: " + ", ".join(f"`{v}`" for v in schema["enum"])
    if "const" in schema:
        return f"`{schema['const']}`"
    if "anyOf" in schema:
        parts = [_type_of(s, defs) for s in schema["anyOf"] if s.get("type") != "null"]
        return " eller ".join(dict.fromkeys(parts))
    kind = schema.get("type")
    if kind == "array":
        return f"lista av {_type_of(schema.get('items', {}), defs)}"
    if schema.get("format") == "date":
        return "datum (ÅÅÅÅ-MM-DD)"
    if kind == "object":
        return "text per språk (sv, en, da, nb)"
    if "pattern" in schema and kind == "string":
        return f"text som matchar `{schema['pattern']}`"
    return {"string": "text", "integer": "heltal", "number": "tal", "boolean": "sant/falskt"}.get(
        kind, "text eller text per språk"
    )


def field_rows(model: type[BaseModel]) -> list[dict]:
    """Name, required, type and description of each field of `model`."""
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    rows = []
    for name, info in model.model_fields.items():
        prop = schema["properties"][name]
        rows.append(
            {
                "name": name,
                "required": info.is_required(),
                "type": _type_of(prop, defs),
                "description": info.description or "",
            }
        )
    return rows


def nested_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """The sub-records a model uses (Source, StatusEvent, ...), in field order."""
    found: list[type[BaseModel]] = []
    for info in model.model_fields.values():
        found += [m for m in models_in(info.annotation) if m not in found]
    return found


def reference_page() -> str:
    kinds = [
        (
            kind,
            model,
            field_rows(model),
            [(sub.__name__, field_rows(sub)) for sub in nested_models(model)],
        )
        for kind, model in KINDS.items()
    ]
    return render_template("reference.md.j2", REFERENCE, kinds=kinds, rules=list(RULES.values()))
