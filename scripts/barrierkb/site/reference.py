"""The field reference for contributors, generated from the model and the rule table."""

from __future__ import annotations

from functools import reduce

from pydantic import BaseModel

from ..records.i18n import N_, _, field_description
from ..records.model import KINDS, models_in
from ..records.rules import RULES
from .templating import render_template

REFERENCE = "reference/fields.md"


#: The names of the plain JSON types, translated where they are shown.
TYPE_NAMES = {
    "string": N_("text"),
    "integer": N_("heltal"),
    "number": N_("tal"),
    "boolean": N_("sant/falskt"),
}


def _either(parts: list[str]) -> str:
    """Alternatives in words: "a eller b eller c"."""
    if not parts:
        return ""
    return reduce(
        lambda left, right: _("%(left)s eller %(right)s") % {"left": left, "right": right}, parts
    )


def _type_of(schema: dict, defs: dict) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _("mapping (%(name)s)") % {"name": name}
    if "enum" in schema:
        return _("ett av: %(values)s") % {"values": ", ".join(f"`{v}`" for v in schema["enum"])}
    if "const" in schema:
        return f"`{schema['const']}`"
    if "anyOf" in schema:
        parts = [_type_of(s, defs) for s in schema["anyOf"] if s.get("type") != "null"]
        return _either(list(dict.fromkeys(parts)))
    kind = schema.get("type")
    if kind == "array":
        return _("lista av %(type)s") % {"type": _type_of(schema.get("items", {}), defs)}
    if schema.get("format") == "date":
        return _("datum (ÅÅÅÅ-MM-DD)")
    if kind == "object":
        return _("text per språk (sv, en, da, nb)")
    if "pattern" in schema and kind == "string":
        return _("text som matchar `%(pattern)s`") % {"pattern": schema["pattern"]}
    if kind in TYPE_NAMES:
        return _(TYPE_NAMES[kind])
    return _("text eller text per språk")


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
                "description": field_description(info.description or ""),
            }
        )
    return rows


def nested_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """The sub-records a model uses (Source, StatusEvent, ...), in field order, and the
    sub-records those use (an outcome's items and their commitments), each once."""
    found: list[type[BaseModel]] = []
    queue = [model]
    while queue:
        current = queue.pop(0)
        for info in current.model_fields.values():
            for sub in models_in(info.annotation):
                if sub not in found and sub is not model:
                    found.append(sub)
                    queue.append(sub)
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
