"""The `barrierkb new` template, generated from the model's fields.

Required fields get a placeholder that `check` refuses until it is filled in
(`TODO` text, or a value outside the vocabulary); optional fields are written
as comments with their description, so the template never falls behind the
model.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..records import vocab
from ..records.lang import localized
from ..records.load import KnowledgeBase
from ..records.model import Barrier, Briefing, Stakeholder
from ..records.slugs import make_id
from .writer import schema_line

#: What a required field starts as. Keys are field names of `Barrier`.
REQUIRED_PLACEHOLDERS: dict[str, str] = {
    "summary": "{sv: 'TODO: en till tre meningar', en: 'TODO: one to three sentences', "
    "da: 'TODO: en til tre sætninger'}",
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


#: Stakeholder fields: what a required one starts as, and examples for the rest.
STAKEHOLDER_PLACEHOLDERS: dict[str, str] = {
    "type": "agency",
    "country": "SE",
    "level": "national",
}
STAKEHOLDER_EXAMPLES: dict[str, str] = {
    "url": "https://www.example.se/",
    "description": "{sv: 'Vad organisationen är och gör.', en: 'What it is and does.'}",
    "relations": "\n#   - {type: reports_to, target: regeringen-se, cite: '[@kalla-1]'}",
    "power": "3",
    "interest": "3",
    "sources": "\n#   - {id: kalla-1, title: 'Om oss', url: 'https://www.example.se/om'}",
    "visibility": "public",
    "internal_notes": "'Endast för den interna versionen.'",
}
#: Briefing fields, likewise.
BRIEFING_PLACEHOLDERS: dict[str, str] = {
    "forum": "TODO",
    "barriers": "\n  - barrier: TODO",
}
BRIEFING_EXAMPLES: dict[str, str] = {
    "attendees": "[malmo-stadskontoret]",
    "purpose": "'Varför vi går till mötet.'",
    "example": "false",
    "sources": "\n#   - {id: kalla-1, title: 'Kallelse', publisher: '...'}",
    "visibility": "public",
    "internal_notes": "'Endast för den interna versionen.'",
}

#: Per kind: the model, the placeholders of required fields, examples of the rest.
TEMPLATES: dict[str, tuple[type, dict[str, str], dict[str, str]]] = {
    "barriers": (Barrier, REQUIRED_PLACEHOLDERS, OPTIONAL_EXAMPLES),
    "stakeholders": (Stakeholder, STAKEHOLDER_PLACEHOLDERS, STAKEHOLDER_EXAMPLES),
    "briefings": (Briefing, BRIEFING_PLACEHOLDERS, BRIEFING_EXAMPLES),
}


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _field(name: str, value: str) -> str:
    return f"{name}:{value}" if value.startswith("\n") else f"{name}: {value}"


def new_record(
    root: Path,
    kind: str,
    title: str,
    record_id: str | None = None,
    today: dt.date | None = None,
    date: dt.date | None = None,
) -> tuple[Path, str]:
    """The path and text of a new record of `kind` (barriers, stakeholders, briefings).

    The id is `record_id`, or made from `title` by the one rule (`slugs.make_id`);
    it is permanent. Required fields start as placeholders that `check` refuses
    until they are filled in; optional ones are comments with an example.
    """
    today = today or dt.date.today()
    model, placeholders, examples = TEMPLATES[kind]
    record_id = record_id or make_id(title)
    if kind == "briefings" and date and not record_id.startswith(date.isoformat()):
        record_id = make_id(f"{date.isoformat()} {title}")
    given = {
        "id": record_id,
        "title": f"{{sv: {_quote(title)}, en: 'TODO: English title', da: 'TODO: dansk titel'}}",
        "name": f"{{sv: {_quote(title)}, en: 'TODO: English name'}}",
        "last_reviewed": today.isoformat(),
        "date": (date or today).isoformat(),
    }
    lines = [
        schema_line(kind),
        "# Fyll i alla TODO och kör sedan: barrierkb check",
        f"# Id:t {record_id} är postens permanenta adress och ändras aldrig.",
    ]
    for name, info in model.model_fields.items():
        lines.append(f"# {info.description}")
        if name in given and (name != "title" or "title" in model.model_fields):
            lines.append(f"{name}: {given[name]}")
        elif info.is_required():
            lines.append(_field(name, placeholders[name]))
        elif name in examples:
            lines.append("# " + _field(name, examples[name]))
    return root / kind / f"{record_id}.yml", "\n".join(lines) + "\n"


def new_briefing_for_forum(
    kb: KnowledgeBase, forum: str, date: dt.date, record_id: str | None = None
) -> tuple[Path, str]:
    """A briefing for the next meeting of `forum` on `date`, its agenda pre-filled.

    The agenda holds every open barrier raised at the forum (not solved or
    written off), each with the barrier's own ask to adapt for the meeting.
    """
    name = localized(kb.stakeholders[forum].name, "sv")
    record_id = record_id or make_id(f"{date.isoformat()} {forum}")
    open_here = sorted(
        (
            b
            for b in kb.barriers.values()
            if forum in b.forums and b.status not in vocab.CLOSED_STATUSES
        ),
        key=lambda b: b.id,
    )
    lines = [
        schema_line("briefings"),
        "# Fyll i alla TODO och kör sedan: barrierkb check",
        f"# Id:t {record_id} är postens permanenta adress och ändras aldrig.",
        f"id: {record_id}",
        f"title: {{sv: {_quote(f'{name}, {date.isoformat()}')}, "
        "en: 'TODO: English title', da: 'TODO: dansk titel'}",
        f"date: {date.isoformat()}",
        f"forum: {forum}",
        "# attendees: [malmo-stad]",
        "# purpose: 'Varför vi går dit.'",
        f"# Forumets öppna hinder ({len(open_here)}), med hindrets egen begäran att anpassa:",
        "barriers:",
    ]
    for b in open_here:
        lines.append(f"  - barrier: {b.id}")
        if b.ask:
            lines.append(f"    ask: {_quote(' '.join(localized(b.ask, 'sv').split()))}")
    if not open_here:
        lines.append("  - barrier: TODO")
    return kb.root / "briefings" / f"{record_id}.yml", "\n".join(lines) + "\n"


def new_barrier(root: Path, title: str, today: dt.date | None = None) -> tuple[Path, str]:
    """The path and text of a new barrier record titled `title`."""
    return new_record(root, "barriers", title, today=today)


OVERLAY_README = """\
# Internt material för Gränshinderbasen (overlay)

Den här mappen är **intern**. Den har samma mappar som den öppna basen (`barriers/`,
`stakeholders/`, `briefings/`, `sources/`) och läses bara av den interna versionen:

    BARRIERKB_OVERLAY=/sökväg/till/den/här/mappen BARRIERKB_AUDIENCE=internal make site

Här hör hemma det som aldrig får bli offentligt:

- hela interna poster (`visibility: internal`);
- `internal_notes` och `talking_points` till en offentlig post: en fil med samma id som den
  offentliga posten och bara de interna fälten (`id`, `internal_notes`, `talking_points`,
  `channels`);
- funktionsadresser och växelnummer (`channels`) till en aktör.

Det offentliga fältet i en offentlig post ändras i den öppna basen, aldrig här. Allt som
committas till den öppna basen är offentligt för alltid, också i git-historiken; därför
vägrar `barrierkb check` interna fält där.

**Vem ska ha tillgång?** Bara de som arbetar med stadens påverkansarbete och får se dess
strategi: håll mappen i ett privat repository med åtkomst för dem.

**Skydd mot misstag.** Ligger mappen av misstag inuti den öppna basens utcheckning, lägg till
dess namn i den öppna basens `.gitignore`, till exempel:

    /internt/

och installera kontrollen före varje commit i den öppna basen
(`pip install pre-commit && pre-commit install`): den kör `barrierkb check`, som vägrar interna
fält och interna poster i den öppna basen.
"""


def new_overlay(folder: Path) -> list[Path]:
    """An empty overlay: the record folders and a README on what belongs there and why."""
    written = []
    for kind in ("barriers", "stakeholders", "briefings", "sources"):
        keep = folder / kind / ".gitkeep"
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.touch()
        written.append(keep)
    readme = folder / "README.md"
    if not readme.exists():
        readme.write_text(OVERLAY_README, encoding="utf-8")
        written.append(readme)
    return written
