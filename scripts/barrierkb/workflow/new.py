"""The `barrierkb new` template, generated from the model's fields.

Required fields get a placeholder that `check` refuses until it is filled in
(`TODO` text, or a value outside the vocabulary); optional fields are written
as comments with their description, so the template never falls behind the
model.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..records.model import Barrier
from ..records.slugs import make_id
from .writer import schema_line

#: What a required field starts as. Keys are field names of `Barrier`.
REQUIRED_PLACEHOLDERS: dict[str, str] = {
    "summary": "{sv: 'TODO: en till tre meningar', en: 'TODO: one to three sentences'}",
    "status": "identified",
    "borders": "[SE-DK]",
    "themes": "[TODO]",
    "responsible": "\n  - stakeholder: TODO\n    role: rule_owner"
    "\n    cite: '[@kalla-1, TODO: sida eller avsnitt]'",
    "sources": "\n  - id: kalla-1\n    title: 'TODO: dokumentets titel'"
    "\n    publisher: 'TODO: utgivare'\n    url: https://TODO",
    "owner": "'TODO: enhet som förvaltar posten (aldrig en person)'",
}

#: Examples shown, commented out, for optional fields.
OPTIONAL_EXAMPLES: dict[str, str] = {
    "description": "'Hela beskrivningen, i Markdown utan HTML; varje stycke med sin källa "
    "[@kalla-1, s. 3].'",
    "status_history": "\n#   - {date: 2026-01-01, status: identified, date_basis: reported, "
    "note: '...', cite: '[@kalla-1, s. 3]'}",
    "obstacle_type": "legal",
    "stakeholders": "\n#   - {stakeholder: malmo-stad, role: advocate, cite: '[@kalla-1]'}",
    "forums": "[greater-copenhagen]",
    "ask": "'Den konkreta begäran till den som kan lösa hindret.'",
    "solutions": "\n#   - {type: domestic_law, text: '...'}",
    "impact": "{text: '...', confidence: medium, cite: '[@kalla-1, s. 3]'}",
    "official": "{fmc_status: registered, cite: '[@kalla-1]'}",
    "priority": "medium",
    "related": "[annat-hinder]",
    "references": "\n#   - {register: nordic_fmc, id: '2019-012', url: 'https://www.norden.org/...'}",
    "contributors": "[malmo-stadskontoret]",
    "review_due": "2027-01-01",
    "visibility": "public",
    "internal_notes": "'Endast för den interna versionen.'",
}


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _field(name: str, value: str) -> str:
    return f"{name}:{value}" if value.startswith("\n") else f"{name}: {value}"


def new_barrier(root: Path, title: str, today: dt.date | None = None) -> tuple[Path, str]:
    """The path and text of a new barrier record titled `title`."""
    today = today or dt.date.today()
    record_id = make_id(title)
    lines = [
        schema_line("barriers"),
        "# Fyll i alla TODO och kör sedan: barrierkb check",
    ]
    for name, info in Barrier.model_fields.items():
        lines.append(f"# {info.description}")
        if name == "id":
            lines.append(f"id: {record_id}")
        elif name == "title":
            lines.append(f"title: {{sv: {_quote(title)}, en: 'TODO: English title'}}")
        elif name == "last_reviewed":
            lines.append(f"last_reviewed: {today.isoformat()}")
        elif info.is_required():
            lines.append(_field(name, REQUIRED_PLACEHOLDERS[name]))
        else:
            lines.append("# " + _field(name, OPTIONAL_EXAMPLES[name]))
    return root / "barriers" / f"{record_id}.yml", "\n".join(lines) + "\n"
