"""From a GitHub issue to a barrier record: the issue form and the reader of its answers.

The form (`.github/ISSUE_TEMPLATE/barrier.yml`) is generated from `FIELDS`
below, and every field's `id` is the name of a `Barrier` field, so the form,
this reader and the model cannot drift apart (a test holds them together).
GitHub writes a filled-in form into the issue body as one section per field,
`### <label>` followed by the answer, or `_No response_` when it was left empty;
`record_from_issue` reads those sections back by label.

The reader is lenient and structural: it puts each answer where it belongs and
leaves judging the values to `barrierkb check`, which names the field, the line
and what to write instead.

>>> body = "### Titel\\n\\nSkatt på distansarbete\\n\\n### Gränser\\n\\nSE-DK, SE–NO\\n"
>>> record = record_from_issue(body, today=dt.date(2026, 5, 1))
>>> record["id"], record["borders"], record["status"], record["last_reviewed"]
('skatt-pa-distansarbete', ['SE-DK', 'SE-NO'], 'identified', '2026-05-01')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import vocab
from .model import SLUG_PATTERN, Barrier
from .newrecord import slugify
from .schema import schema_name

NO_RESPONSE = "_No response_"
FORM_PATH = ".github/ISSUE_TEMPLATE/barrier.yml"


class FromIssueError(Exception):
    """The text is not the body of a barrier issue."""


@dataclass(frozen=True)
class FormField:
    """One question of the issue form; `id` is the `Barrier` field it fills."""

    id: str
    type: str  # input, textarea or dropdown
    label: str
    description: str
    required: bool = False
    placeholder: str = ""
    #: For dropdowns: the vocabulary's codes and their Swedish labels.
    options: dict[str, str] = field(default_factory=dict)
    multiple: bool = False
    default: int | None = None


def _country_list() -> str:
    return ", ".join(f"{code} {name}" for code, name in vocab.COUNTRIES.items())


def _roles(codes: tuple[str, ...]) -> str:
    return ", ".join(f"`{code}` ({vocab.ROLE_LABELS[code].lower()})" for code in codes)


def _solution_types() -> str:
    return ", ".join(
        f"`{code}` ({label.lower()})" for code, label in vocab.SOLUTION_TYPE_LABELS.items()
    )


#: The questions, in the order of the form. Labels are what the issue body shows.
FIELDS: tuple[FormField, ...] = (
    FormField(
        "title",
        "input",
        "Titel",
        "En kort rubrik på svenska som säger vad hindret är.",
        required=True,
        placeholder="Statliga innovationsmedel går bara till svenska stödmottagare",
    ),
    FormField(
        "summary",
        "textarea",
        "Sammanfattning",
        "En till tre meningar: vem får det sämre, och varför just för att hen eller företaget "
        "rör sig över gränsen?",
        required=True,
    ),
    FormField(
        "description",
        "textarea",
        "Beskrivning",
        "Hela redogörelsen, i Markdown utan HTML. Beskriv situationen, inte en enskild person: "
        "inga namn, e-postadresser eller telefonnummer.",
    ),
    FormField(
        "status",
        "dropdown",
        "Status",
        "Hur långt påverkansarbetet har kommit. Ett nytt hinder är oftast identifierat.",
        required=True,
        options=vocab.STATUS_LABELS,
        default=0,
    ),
    FormField(
        "borders",
        "input",
        "Gränser",
        "Landspar med bindestreck, flera åtskilda med komma. Koder: " + _country_list() + ".",
        required=True,
        placeholder="SE-DK, SE-NO",
    ),
    FormField(
        "themes",
        "dropdown",
        "Teman",
        "Välj ett eller flera.",
        required=True,
        options=vocab.THEME_LABELS,
        multiple=True,
    ),
    FormField(
        "obstacle_type",
        "dropdown",
        "Typ av hinder",
        "Lagstiftning, administration, praxis eller infrastruktur. Välj Information när "
        "problemet är att information saknas eller är svår att hitta.",
        options=vocab.OBSTACLE_TYPE_LABELS,
    ),
    FormField(
        "responsible",
        "textarea",
        "Vem kan lösa det",
        "En organisation per rad: dess id i stakeholders/ (eller namn), kolon, roll: "
        + _roles(vocab.RESPONSIBLE_ROLES)
        + ". Utan roll blir det rule_owner.",
        required=True,
        placeholder="skatteverket: rule_owner\nregeringen-se: decision_maker",
    ),
    FormField(
        "stakeholders",
        "textarea",
        "Andra berörda",
        "En organisation per rad: id (eller namn), kolon, roll: "
        + _roles(vocab.STAKEHOLDER_ROLES)
        + ". Utan roll blir det affected.",
        placeholder="malmo-stad: advocate\ngreater-copenhagen: ally",
    ),
    FormField(
        "forums",
        "input",
        "Forum",
        "Id:n för forum där hindret tas upp eller bör tas upp, åtskilda med komma.",
        placeholder="greater-copenhagen, granshinderradet",
    ),
    FormField(
        "ask",
        "textarea",
        "Begäran",
        "Den konkreta begäran till den som kan lösa hindret.",
    ),
    FormField(
        "solutions",
        "textarea",
        "Lösningar",
        "En lösning per rad: typ, kolon, text. Typer: " + _solution_types() + ".",
        placeholder="domestic_law: Ändra villkoren så att stöd kan gå till testbäddar i "
        "grannlandet.",
    ),
    FormField(
        "impact",
        "textarea",
        "Konsekvenser",
        "Vem som drabbas och hur många, med källa.",
    ),
    FormField(
        "related",
        "input",
        "Relaterade hinder",
        "Id:n för andra hinder i barriers/, åtskilda med komma.",
    ),
    FormField(
        "sources",
        "textarea",
        "Källor",
        "Minst en. En källa per rad: titel | adress | utgivare | datum (ÅÅÅÅ-MM-DD). "
        "Varje påstående ska ha en källa.",
        required=True,
        placeholder="Återrapportering av uppdrag | https://malmo.se/ | Malmö stad | 2026-03-23",
    ),
    FormField(
        "contributors",
        "input",
        "Bidragsgivare",
        "Id:n i stakeholders/ för de organisationer som bidragit till posten, åtskilda med "
        "komma. De krediteras på hindrets sida.",
        placeholder="malmo-stad",
    ),
    FormField(
        "owner",
        "input",
        "Förvaltare",
        "Enheten eller rollen som håller posten aktuell, aldrig en persons namn.",
        required=True,
        placeholder="Malmö stad, Stadskontoret, Omvärld och näringsliv",
    ),
)

INTRO = (
    "Tack för att du rapporterar ett gränshinder! Ett gränshinder är lagar, regler eller "
    "praxis som gör att människor eller företag får det sämre **för att** de rör sig över en "
    "nordisk gräns. Olika nivåer på ersättningar eller skatter är i sig inte gränshinder.\n\n"
    "Issues är offentliga: skriv **inga personuppgifter** (namn, e-post, telefon, "
    "personnummer). Gäller det din egen situation, vänd dig till Øresunddirekt eller "
    "Info Norden. Se CONTRIBUTING.md för hur posten granskas.\n\n"
    "Svaren blir en post i barriers/ med `barrierkb from-issue`."
)


# -- the form ----------------------------------------------------------------------------------


def option_text(code: str, label: str) -> str:
    """How a vocabulary code is offered in a dropdown (and shows in the body).

    >>> option_text("labour_market", "Arbetsmarknad")
    'Arbetsmarknad (labour_market)'
    """
    return f"{label} ({code})"


def issue_form() -> dict:
    """The GitHub issue form, as data."""
    body: list[dict] = [{"type": "markdown", "attributes": {"value": INTRO}}]
    for f in FIELDS:
        attributes: dict = {"label": f.label, "description": f.description}
        if f.placeholder:
            attributes["placeholder"] = f.placeholder
        if f.type == "dropdown":
            if f.multiple:
                attributes["multiple"] = True
            attributes["options"] = [option_text(c, lbl) for c, lbl in f.options.items()]
            if f.default is not None:
                attributes["default"] = f.default
        body.append(
            {
                "type": f.type,
                "id": f.id,
                "attributes": attributes,
                "validations": {"required": f.required},
            }
        )
    return {
        "name": "Nytt gränshinder",
        "description": "Rapportera ett gränshinder; svaren blir en post i barriers/.",
        "title": "[Gränshinder]: ",
        "labels": ["barrier", "triage"],
        "body": body,
    }


def form_text() -> str:
    """The form as it is committed in `.github/ISSUE_TEMPLATE/barrier.yml`."""
    header = (
        "# Generated from scripts/barrierkb/from_issue.py: edit FIELDS there, then run\n"
        f"#   barrierkb from-issue --form -o {FORM_PATH}\n"
        "# Each field's id is a barrier field; `barrierkb from-issue` reads the answers.\n"
    )
    return header + yaml.dump(
        issue_form(),
        Dumper=_BlockDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


# -- reading an issue body ---------------------------------------------------------------------


def sections(body: str) -> dict[str, str]:
    """The answers in an issue body, by field id; empty answers are left out.

    Only headings that are labels of the form start a section, so an answer may
    contain `###` headings of its own.

    >>> sections("### Titel\\n\\nA\\n\\n### Forum\\n\\n_No response_\\n")
    {'title': 'A'}
    """
    by_label = {f.label: f.id for f in FIELDS}
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = re.fullmatch(r"###\s+(.+?)\s*", line)
        if heading and heading.group(1) in by_label:
            current = found.setdefault(by_label[heading.group(1)], [])
            continue
        if current is not None:
            current.append(line)
    answers = {}
    for field_id, lines in found.items():
        value = "\n".join(line.rstrip() for line in lines).strip()
        if value and value != NO_RESPONSE:
            answers[field_id] = value
    return answers


def _code(value: str, options: dict[str, str]) -> str:
    """The vocabulary code of a dropdown answer: `Label (code)`, the code, or the label."""
    value = value.strip()
    match = re.search(r"\(([a-z_]+)\)$", value)
    if match and match.group(1) in options:
        return match.group(1)
    for code, label in options.items():
        if value.lower() in (code, label.lower()):
            return code
    return value


def _lines(value: str) -> list[str]:
    """Non-empty lines, without list bullets or code fences."""
    out = []
    for line in value.split("\n"):
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip().strip("`").strip()
        if line and not line.startswith("```"):
            out.append(line)
    return out


def _ids(value: str) -> list[str]:
    """Ids separated by commas or lines; a name such as `Greater Copenhagen` becomes a slug."""
    parts = [p.strip().strip("`") for p in re.split(r"[,;\n]", value)]
    return _unique([_slug(p) for p in parts if p])


def _slug(value: str) -> str:
    return value if re.fullmatch(SLUG_PATTERN, value) else slugify(value)


def _unique(values: list) -> list:
    return list(dict.fromkeys(values))


def _borders(value: str) -> list[str]:
    parts = re.split(r"[,;\s]+", value.replace("–", "-").replace("—", "-").replace("/", "-"))
    return _unique([p.strip().upper() for p in parts if p.strip()])


def _refs(value: str, roles: tuple[str, ...], default: str) -> list[dict]:
    """`id: role` per line; the role may be a code or its Swedish label.

    >>> _refs("Skatteverket: äger regelverket\\nskat (decision_maker)\\nsiri", ("rule_owner",
    ...       "decision_maker"), "rule_owner")  # doctest: +NORMALIZE_WHITESPACE
    [{'stakeholder': 'skatteverket', 'role': 'rule_owner'},
     {'stakeholder': 'skat', 'role': 'decision_maker'},
     {'stakeholder': 'siri', 'role': 'rule_owner'}]
    """
    names = {vocab.ROLE_LABELS[r].lower(): r for r in roles} | {r: r for r in roles}
    out = []
    for line in _lines(value):
        who, sep, role = line.rpartition(":")
        if not sep:
            match = re.fullmatch(r"(.+?)[\s,]*\(?\s*([a-z_]+)\s*\)?", line)
            who, role = match.groups() if match and match.group(2) in names else (line, "")
        role = role.strip().strip("()").strip()
        if not who.strip(" ,"):
            continue
        out.append(
            {
                "stakeholder": _slug(who.strip(" ,")),
                "role": names.get(role.lower(), role) if role else default,
            }
        )
    return out


def _solutions(value: str) -> list[dict]:
    names = {label.lower(): code for code, label in vocab.SOLUTION_TYPE_LABELS.items()}
    out = []
    for line in _lines(value):
        kind, sep, text = line.partition(":")
        kind = kind.strip().lower()
        if sep and (kind in vocab.SOLUTION_TYPES or kind in names):
            out.append({"type": names.get(kind, kind), "text": text.strip()})
        else:
            out.append({"text": line})  # `check` asks for the type
    return out


_LINK = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<url>https?://[^)\s]+)\)$")
_URL = re.compile(r"^<?(https?://\S+?)>?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _sources(value: str) -> list[dict]:
    """`title | address | publisher | date` per line; a Markdown link works too."""
    out = []
    for line in _lines(value):
        source: dict[str, str] = {}
        words = []
        for part in (p.strip() for p in line.split("|")):
            link, url = _LINK.match(part), _URL.match(part)
            if link:
                words.insert(0, link["title"])
                source["url"] = link["url"]
            elif url:
                source["url"] = url.group(1)
            elif _DATE.match(part):
                source["date"] = part
            elif part:
                words.append(part)
        title = words[0] if words else source.get("url", "")
        entry = {"title": title, **({"url": source["url"]} if "url" in source else {})}
        if "date" in source:
            entry["date"] = source["date"]
        if len(words) > 1:
            entry["publisher"] = ", ".join(words[1:])
        out.append(entry)
    return out


def record_id(title: str, limit: int = 50) -> str:
    """An id from the title's first words, cut between words.

    >>> record_id("Information om forskningsfinansiering över Öresund är svår att hitta")
    'information-om-forskningsfinansiering-over-oresund'
    """
    words = title.split()
    found = slugify(words[0]) if words else slugify(title)
    for n in range(2, len(words) + 1):
        longer = slugify(" ".join(words[:n]))
        if len(longer) > limit:
            break
        found = longer
    return found


def record_from_issue(body: str, today: dt.date | None = None) -> dict:
    """The barrier record that an issue body describes, as plain data in field order.

    The id is made from the title, `status` defaults to `identified` and
    `last_reviewed` is today. Raises `FromIssueError` when the body has no title.
    """
    answers = sections(body)
    if "title" not in answers:
        raise FromIssueError(
            "no '### Titel' section with an answer: this is not the body of a barrier issue"
        )
    by_id = {f.id: f for f in FIELDS}
    values: dict = {"id": record_id(answers["title"])}
    for field_id, answer in answers.items():
        form_field = by_id[field_id]
        if field_id == "title":
            values[field_id] = " ".join(answer.split())
        elif form_field.type == "dropdown":
            codes = [_code(v, form_field.options) for v in answer.split(", ")]
            codes = [c for c in codes if c and c != "None"]
            if codes:
                values[field_id] = _unique(codes) if form_field.multiple else codes[0]
        elif field_id == "borders":
            values[field_id] = _borders(answer)
        elif field_id == "responsible":
            values[field_id] = _refs(answer, vocab.RESPONSIBLE_ROLES, "rule_owner")
        elif field_id == "stakeholders":
            values[field_id] = _refs(answer, vocab.STAKEHOLDER_ROLES, "affected")
        elif field_id in ("forums", "related", "contributors"):
            values[field_id] = _ids(answer)
        elif field_id == "solutions":
            values[field_id] = _solutions(answer)
        elif field_id == "sources":
            values[field_id] = _sources(answer)
        elif field_id == "impact":
            values[field_id] = {"text": answer}
        else:
            values[field_id] = answer
    values.setdefault("status", "identified")
    values["last_reviewed"] = (today or dt.date.today()).isoformat()
    return {name: values[name] for name in Barrier.model_fields if values.get(name)}


# -- writing the record ------------------------------------------------------------------------


class _BlockDumper(yaml.SafeDumper):
    """Lists indented under their key, text of several lines as literal blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, data: str):
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_BlockDumper.add_representer(str, _represent_text)


class _RecordDumper(_BlockDumper):
    """As a partner writes a record: dates unquoted, short lists of words inline."""


def _represent_str(dumper: yaml.SafeDumper, data: str):
    if _DATE.match(data):  # a date stays unquoted, as in hand-written records
        return dumper.represent_scalar("tag:yaml.org,2002:timestamp", data)
    return _represent_text(dumper, data)


def _represent_list(dumper: yaml.SafeDumper, data: list):
    inline = all(isinstance(v, str) and "\n" not in v and len(v) < 60 for v in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=inline)


_RecordDumper.add_representer(str, _represent_str)
_RecordDumper.add_representer(list, _represent_list)


def record_yaml(record: dict) -> str:
    """The record as a YAML file, with the schema line editors read.

    >>> print(record_yaml({"id": "a", "borders": ["SE-NO"], "last_reviewed": "2026-05-01"}))
    # yaml-language-server: $schema=../schema/barrier.schema.json
    id: a
    borders: [SE-NO]
    last_reviewed: 2026-05-01
    <BLANKLINE>
    """
    text = yaml.dump(
        record,
        Dumper=_RecordDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=4096,
    )
    return f"# yaml-language-server: $schema=../schema/{schema_name('barriers')}\n{text}"


def issue_record(body: str, today: dt.date | None = None) -> tuple[str, str]:
    """The id and YAML text of the record an issue body describes."""
    record = record_from_issue(body, today)
    return record["id"], record_yaml(record)


def output_path(output: str | None, record_id: str) -> str | None:
    """Where to write: None for standard output; a folder gets `<id>.yml`.

    >>> output_path("barriers/", "a"), output_path("-", "a"), output_path("x.yml", "a")
    ('barriers/a.yml', None, 'x.yml')
    """
    if output in (None, "-"):
        return None
    if output.endswith("/") or Path(output).is_dir():
        return (Path(output) / f"{record_id}.yml").as_posix()
    return output
