"""From a GitHub issue to a barrier record: the reader of the issue form's answers.

GitHub writes a filled-in form (`issue_form.FIELDS`) into the issue body as
one section per field, `### <label>` followed by the answer, or `_No response_`
when it was left empty; `record_from_issue` reads those sections back by label.

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
from pathlib import Path

from ..records import citations, vocab
from ..records.model import SLUG_PATTERN, Barrier
from ..records.slugs import make_id
from .issue_form import FIELDS
from .writer import record_yaml

NO_RESPONSE = "_No response_"


class FromIssueError(Exception):
    """The text is not the body of a barrier issue."""


# -- reading an issue body ---------------------------------------------------------------------


def sections(body: str) -> dict[str, str]:
    """The answers in an issue body, by field id; empty answers are left out.

    Only headings that are labels of the form start a section, so an answer may
    contain `###` headings of its own.

    >>> sections("### Titel\\n\\nA\\n\\n### Forum\\n\\n_No response_\\n")
    {'title': 'A'}
    """
    # the three-language label the form shows, and each language's on its own
    by_label = {label: f.id for f in FIELDS for label in (f.label, *f.labels)}
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
    return value if re.fullmatch(SLUG_PATTERN, value) else make_id(value)


def _unique(values: list) -> list:
    return list(dict.fromkeys(values))


def _borders(value: str) -> list[str]:
    parts = re.split(r"[,;\s]+", value.replace("–", "-").replace("—", "-").replace("/", "-"))
    return _unique([p.strip().upper() for p in parts if p.strip()])


def _refs(value: str, roles: tuple[str, ...], default: str) -> list[dict]:
    """`id: role [@source]` per line; the role may be a code or its Swedish label.

    >>> _refs("Skatteverket: äger regelverket [@kalla-1, s. 2]\\nskat (decision_maker)\\nsiri",
    ...       ("rule_owner", "decision_maker"), "rule_owner")  # doctest: +NORMALIZE_WHITESPACE
    [{'stakeholder': 'skatteverket', 'role': 'rule_owner', 'cite': '[@kalla-1, s. 2]'},
     {'stakeholder': 'skat', 'role': 'decision_maker'},
     {'stakeholder': 'siri', 'role': 'rule_owner'}]
    """
    names = {vocab.ROLE_LABELS[r].lower(): r for r in roles} | {r: r for r in roles}
    out = []
    for line in _lines(value):
        cites = [m.group(0) for m in citations.GROUP.finditer(line)]
        line = citations.GROUP.sub("", line).strip()
        who, sep, role = line.rpartition(":")
        if not sep:
            match = re.fullmatch(r"(.+?)[\s,]*\(?\s*([a-z_]+)\s*\)?", line)
            who, role = match.groups() if match and match.group(2) in names else (line, "")
        role = role.strip().strip("()").strip()
        if not who.strip(" ,"):
            continue
        ref = {
            "stakeholder": _slug(who.strip(" ,")),
            "role": names.get(role.lower(), role) if role else default,
        }
        if cites:
            ref["cite"] = " ".join(cites)
        out.append(ref)
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


#: Answers that are record text, kept under the language the form names.
TEXTS = frozenset({"summary", "description", "ask"})

_DATE_LIKE = re.compile(
    r"\b\d{4}\b.*\b\d{1,2}\b|\b\d{1,2}\b.*\b\d{4}\b|\b(?:jan|feb|mar|apr|ma[ji]|jun|jul|aug|sep|o[ck]t|nov|dec)\w*\b",
    re.I,
)


def _sources(value: str, warnings: list[str] | None = None) -> list[dict]:
    """`title | address | publisher | date` per line; a Markdown link works too.

    A part that looks like a date but is not written YYYY-MM-DD is left out, with
    a warning, rather than read as the publisher.
    """
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
            elif part and words and _DATE_LIKE.search(part) and len(part) <= 30:
                if warnings is not None:
                    warnings.append(f"'{part}' is not a date written YYYY-MM-DD; it was left out")
            elif part:
                words.append(part)
        title = words[0] if words else source.get("url", "")
        entry = {"id": f"kalla-{len(out) + 1}", "title": title}
        if "url" in source:
            entry["url"] = source["url"]
        if "date" in source:
            entry["date"] = source["date"]
        if len(words) > 1:
            entry["publisher"] = ", ".join(words[1:])
        out.append(entry)
    return out


def record_from_issue(
    body: str,
    today: dt.date | None = None,
    known: set[str] | None = None,
    warnings: list[str] | None = None,
) -> dict:
    """The barrier record that an issue body describes, as plain data in field order.

    The id is made from the title, `status` defaults to `identified` and
    `last_reviewed` is today. Raises `FromIssueError` when the body has no title.
    What it could not read goes to `warnings` (never into a value): dates not
    written YYYY-MM-DD, and organisations that are not in `known`.
    """
    answers = sections(body)
    if "title" not in answers:
        raise FromIssueError(
            "no '### Titel' section with an answer: this is not the body of a barrier issue"
        )
    by_id = {f.id: f for f in FIELDS}
    lang = _code(answers.pop("language", "sv"), by_id["language"].options)
    lang = lang if lang in vocab.EDITIONS else "sv"

    def in_language(text: str) -> str | dict[str, str]:
        """A text under the language the form says it is written in (Swedish: a plain string)."""
        return text if lang == "sv" else {lang: text}

    values: dict = {"id": make_id(answers["title"])}
    for field_id, answer in answers.items():
        form_field = by_id[field_id]
        if field_id == "title":
            values[field_id] = in_language(" ".join(answer.split()))
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
            values[field_id] = [
                {**s, "text": in_language(s["text"])} if "text" in s else s
                for s in _solutions(answer)
            ]
        elif field_id == "sources":
            values[field_id] = _sources(answer, warnings)
        elif field_id == "impact":
            found = [m.group(0) for m in citations.GROUP.finditer(answer)]
            values[field_id] = {"text": in_language(answer)}
            values[field_id].update({"cite": found[0]} if found else {})
        else:
            values[field_id] = in_language(answer) if field_id in TEXTS else answer
    values.setdefault("status", "identified")
    values.setdefault("responsible", [])  # left empty: no source names who can act yet
    values["last_reviewed"] = (today or dt.date.today()).isoformat()
    kept = {"responsible"}
    return {
        n: values[n] for n in Barrier.model_fields if values.get(n) or n in kept and n in values
    }


# -- writing the record ------------------------------------------------------------------------


def _unknown_organisations(record: dict, known: set[str]) -> list[str]:
    found = []
    for field in ("responsible", "stakeholders"):
        found += [r["stakeholder"] for r in record.get(field, []) if r["stakeholder"] not in known]
    for field in ("forums", "contributors"):
        found += [org for org in record.get(field, []) if org not in known]
    return [
        f"'{org}' is not an organisation in stakeholders/: write its id, or add the record "
        "(barrierkb new stakeholder)"
        for org in dict.fromkeys(found)
    ]


def issue_record(
    body: str, today: dt.date | None = None, known: set[str] | None = None
) -> tuple[str, str, list[str]]:
    """The id and YAML text of the record an issue body describes, and what it could not read.

    Each warning names the line of the body it comes from.
    """
    warnings: list[str] = []
    record = record_from_issue(body, today, known, warnings)
    if known is not None:
        warnings += _unknown_organisations(record, known)
    return record["id"], record_yaml(record), [_at_line(body, w) for w in warnings]


def _at_line(body: str, warning: str) -> str:
    """`line N: warning`, N being the body's line that holds the quoted text."""
    quoted = re.search(r"'([^']+)'", warning)
    for number, line in enumerate(body.splitlines(), start=1):
        if quoted and (quoted.group(1) in line or quoted.group(1) in make_id(line)):
            return f"line {number}: {warning}"
    return warning


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
