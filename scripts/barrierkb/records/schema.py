"""The JSON Schema of each record kind, generated from the model.

Editors (through the `# yaml-language-server: $schema=` line), check-jsonschema
and the field reference all use these; a test fails when the committed copies
in `schema/` drift from the model.
"""

from __future__ import annotations

import json

from .model import KINDS


def schema_name(kind: str) -> str:
    """`barriers` -> `barrier.schema.json`."""
    return f"{kind.removesuffix('s')}.schema.json"


def json_schema(kind: str) -> dict:
    """The JSON Schema (draft 2020-12) of one record kind."""
    schema = KINDS[kind].model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


def schema_text(kind: str) -> str:
    """The schema as it is published: sorted keys, two-space indent, final newline."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
