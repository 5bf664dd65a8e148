"""The record model: barriers, stakeholders and briefings, defined once.

The JSON Schema, the field reference page, the `new` template and the
validator are all derived from these classes. Unknown keys are errors, so a
mistyped field never vanishes silently.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)

from . import vocab

#: What the new-record templates write where a value is needed; `check` refuses it.
PLACEHOLDER = "TODO"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s/$.?#][^\s]*$"
_COUNTRY_ALT = "|".join(vocab.COUNTRIES)
BORDER_PATTERN = rf"^(?:{_COUNTRY_ALT})-(?:{_COUNTRY_ALT})$"


def _as_literal(values: tuple[str, ...]) -> Any:
    return Literal[values]  # type: ignore[valid-type]


def _validate_text(value: Any) -> str | dict[str, str]:
    """A text is a non-empty string, or a mapping of language codes to strings."""
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("text is empty")
        return value
    if isinstance(value, dict) and value:
        unknown = [k for k in value if k not in vocab.LANGUAGES]
        if unknown:
            raise ValueError(f"unknown language {unknown[0]!r}; use {', '.join(vocab.LANGUAGES)}")
        if not all(isinstance(v, str) and v.strip() for v in value.values()):
            raise ValueError("every language needs a non-empty string")
        return dict(value)
    raise ValueError("expected a text, or a mapping of sv/en/da/nb to texts")


def _validate_date(value: Any) -> dt.date:
    """Dates are ISO `YYYY-MM-DD` strings, and must exist in the calendar."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a date in the calendar") from None
    raise ValueError("expected a date written YYYY-MM-DD")


Text = Annotated[
    Any,
    PlainValidator(_validate_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "propertyNames": {"enum": list(vocab.LANGUAGES)},
                    "additionalProperties": {"type": "string", "minLength": 1},
                    "minProperties": 1,
                },
            ],
            "description": "Markdown text without raw HTML: a Swedish string, "
            "or a mapping of sv/en/da/nb to strings.",
        }
    ),
]
Date = Annotated[
    dt.date,
    BeforeValidator(_validate_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]
Url = Annotated[str, Field(pattern=URL_PATTERN, max_length=2000)]
Border = Annotated[str, Field(pattern=BORDER_PATTERN)]
Country = Annotated[str, Field(pattern=r"^(?:[A-Z]{2}|NORDIC|EU)$")]
Score = Annotated[int, Field(ge=1, le=5, strict=True)]
Label = Annotated[str, Field(min_length=1, max_length=500)]


def _unique(values: list) -> list:
    seen = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{value!r} is listed twice")
        seen.add(value)
    return values


class Record(BaseModel):
    """Common configuration: unknown keys are errors, nothing is coerced silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


#: A citation in Pandoc syntax, such as `[@ksau-2026-03-23, uppdrag 3]`.
Cite = Annotated[
    str,
    Field(
        min_length=1,
        max_length=1000,
        description="Citation in Pandoc syntax: [@key], [@key, locator] or [@a; @b, s. 12].",
    ),
]


class Source(Record):
    id: Slug = Field(description="Key that citations use; unique in the record.")
    title: Label | None = Field(
        None, description="Title of the document or page; left out when `id` names sources/<id>."
    )
    url: Url | None = Field(None, description="http or https address.")
    date: Date | None = Field(None, description="Date of publication.")
    publisher: Label | None = Field(None, description="Who published it.")


class StatusEvent(Record):
    date: Date = Field(description="When the status was reached (see date_basis).")
    status: _as_literal(vocab.STATUSES) = Field(description="The advocacy status reached.")
    date_basis: _as_literal(vocab.DATE_BASES) = Field(
        "event", description="event: the day it happened; reported: the source's date (känt per)."
    )
    note: Text | None = Field(None, description="What happened.")
    forum: Slug | None = Field(None, description="Stakeholder id of the forum, if any.")
    cite: Cite | None = Field(None, description="The source that records the event.")


class ResponsibleRef(Record):
    stakeholder: Slug = Field(description="Stakeholder id.")
    role: _as_literal(vocab.RESPONSIBLE_ROLES) = Field(description="rule_owner or decision_maker.")
    cite: Cite | None = Field(None, description="The source that names it in this role.")


class StakeholderRef(Record):
    stakeholder: Slug = Field(description="Stakeholder id.")
    role: _as_literal(vocab.STAKEHOLDER_ROLES) = Field(
        description="advocate, ally, affected, opponent or informed."
    )
    cite: Cite | None = Field(None, description="The source that names it in this role.")


with warnings.catch_warnings():
    # `register` is the contract's field name; it only shadows ABCMeta.register on the class.
    warnings.filterwarnings("ignore", message='Field name "register"', category=UserWarning)

    class RegisterRef(Record):
        register: _as_literal(vocab.REGISTERS) = Field(
            description="nordic_fmc, oresunddirekt, b_solutions or other."
        )
        id: Label | None = Field(None, description="The barrier's number or id in that register.")
        url: Url | None = Field(None, description="Its page in that register.")

        @model_validator(mode="after")
        def _id_or_url(self) -> RegisterRef:
            if self.id is None and self.url is None:
                raise ValueError("give the register's number (id), its page (url), or both")
            return self


class Solution(Record):
    type: _as_literal(vocab.SOLUTION_TYPES) = Field(description="Kind of solution.")
    text: Text = Field(description="The proposed solution.")


class Impact(Record):
    text: Text | None = Field(None, description="Who is affected, and how.")
    people_affected: Annotated[int, Field(ge=0, strict=True)] | None = Field(
        None, description="Number of people affected, from the source."
    )
    confidence: _as_literal(vocab.CONFIDENCES) | None = Field(
        None, description="high, medium, low."
    )
    cite: Cite | None = Field(None, description="The source of the figures.")


class Official(Record):
    fmc_status: _as_literal(vocab.FMC_STATUSES) = Field(
        description="Status in the Nordic Freedom of Movement Council's database."
    )
    resolved_in: Label | None = Field(None, description="Year or act that resolved it.")
    cite: Cite | None = Field(None, description="The source that gives the status.")


class Barrier(Record):
    """A cross-border barrier: people or firms worse off because they cross a border."""

    id: Slug = Field(description="Lowercase slug equal to the file name's stem; never reused.")
    title: Text = Field(description="Short title.")
    summary: Text = Field(description="One to three sentences.")
    description: Text | None = Field(None, description="The full account.")
    status: _as_literal(vocab.STATUSES) = Field(description="Advocacy status.")
    status_history: list[StatusEvent] = Field(
        default_factory=list, description="Oldest first; the last status equals `status`."
    )
    borders: Annotated[list[Border], Field(min_length=1), AfterValidator(_unique)] = Field(
        description="Country pairs such as SE-DK or SE-NO."
    )
    themes: Annotated[
        list[_as_literal(vocab.THEMES)], Field(min_length=1), AfterValidator(_unique)
    ] = Field(description="Themes from the vocabulary.")
    obstacle_type: _as_literal(vocab.OBSTACLE_TYPES) | None = Field(
        None, description="legal, administrative, information, practice or infrastructure."
    )
    responsible: list[ResponsibleRef] = Field(
        description="Who can fix it; may be [] while identified or analysed and no source "
        "names who can act."
    )
    stakeholders: list[StakeholderRef] = Field(
        default_factory=list, description="Others with a stake."
    )
    forums: Annotated[list[Slug], AfterValidator(_unique)] = Field(
        default_factory=list, description="Forums where it is or should be raised."
    )
    ask: Text | None = Field(None, description="The concrete request to the decision-maker.")
    solutions: list[Solution] = Field(default_factory=list, description="Proposed solutions.")
    impact: Impact | None = Field(None, description="Who and how many are affected.")
    official: Official | None = Field(None, description="The Nordic official layer.")
    priority: _as_literal(vocab.PRIORITIES) | None = Field(None, description="high, medium, low.")
    related: Annotated[list[Slug], AfterValidator(_unique)] = Field(
        default_factory=list, description="Ids of related barriers."
    )
    references: list[RegisterRef] = Field(
        default_factory=list, description="The same barrier in other registers."
    )
    sources: Annotated[list[Source], Field(min_length=1)] = Field(
        description="Where the facts come from; at least one."
    )
    contributors: Annotated[list[Slug], AfterValidator(_unique)] = Field(
        default_factory=list, description="Stakeholder ids of organisations that contributed."
    )
    owner: Label = Field(description="The unit that keeps the record; never a person's name.")
    last_reviewed: Date = Field(description="Date of the last review.")
    review_due: Date | None = Field(None, description="When the next review is due.")
    visibility: _as_literal(vocab.VISIBILITIES) = Field(
        "public", description="public, or internal: never in the public site or exports."
    )
    internal_notes: Text | None = Field(None, description="Notes for the internal build only.")


class Relation(Record):
    type: _as_literal(vocab.RELATION_TYPES) = Field(description="Kind of relation.")
    target: Slug = Field(description="Stakeholder id.")
    note: Text | None = Field(None, description="What the relation means here.")
    cite: Cite | None = Field(None, description="The source that records the relation.")


class Stakeholder(Record):
    """An organisation or forum."""

    id: Slug = Field(description="Slug equal to the file name's stem.")
    name: Text = Field(description="Name of the organisation or forum.")
    type: _as_literal(vocab.STAKEHOLDER_TYPES) = Field(description="Kind of organisation.")
    country: Country = Field(description="ISO 3166-1 alpha-2 code, or NORDIC or EU.")
    level: _as_literal(vocab.LEVELS) = Field(description="local, regional, national, nordic, eu.")
    url: Url | None = Field(None, description="Home page, http or https.")
    description: Text | None = Field(None, description="What it is and does.")
    relations: list[Relation] = Field(default_factory=list, description="Ties to others.")
    power: Score | None = Field(
        None, description="Power over the barriers, 1 to 5: the owner's assessment."
    )
    interest: Score | None = Field(
        None, description="Interest in the barriers, 1 to 5: the owner's assessment."
    )
    sources: list[Source] = Field(
        default_factory=list, description="Where the relations and facts come from."
    )
    contacts: list[Contact] = Field(
        default_factory=list, description="Contact roles: a unit or role, never a person."
    )
    channels: list[Channel] = Field(
        default_factory=list,
        description="Functional channels (a shared mailbox, a switchboard): overlay only.",
    )
    visibility: _as_literal(vocab.VISIBILITIES) = Field(
        "public", description="public, or internal."
    )
    internal_notes: Text | None = Field(None, description="Notes for the internal build only.")


class Contact(Record):
    role: Text = Field(description="A unit or role to contact, never a person's name.")
    note: Text | None = Field(None, description="What to contact them about.")


class Channel(Record):
    kind: _as_literal(vocab.CHANNEL_KINDS) = Field(
        description="mailbox, switchboard, phone or web."
    )
    value: Label = Field(description="The functional address or number (overlay only).")
    note: Text | None = Field(None, description="When to use it.")


class AgendaItem(Record):
    barrier: Slug = Field(description="Barrier id.")
    ask: Text | None = Field(None, description="Overrides the barrier's own ask for this meeting.")
    talking_points: list[Text] = Field(
        default_factory=list,
        description="What to say: the home organisation's strategy, overlay only.",
    )


class Commitment(Record):
    """A promise made at a meeting: who, what, by when."""

    by: Slug = Field(description="Stakeholder id of who made the commitment.")
    what: Text = Field(description="What they committed to do.")
    due: Date | None = Field(None, description="When it is due; left out when no date was set.")
    done: Date | None = Field(
        None, description="When it was met, as the source of a later outcome records it."
    )


class OutcomeItem(Record):
    """What came out of a meeting for one barrier on its agenda."""

    barrier: Slug = Field(description="Barrier id; the barrier is on the meeting's agenda.")
    result: Text = Field(description="What the meeting said or decided about the barrier.")
    status: _as_literal(vocab.STATUSES) | None = Field(
        None,
        description="Status the barrier reached at the meeting; also in its status_history, "
        "with the meeting's date and forum.",
    )
    commitments: list[Commitment] = Field(default_factory=list, description="Who promised what.")


class Outcome(Record):
    """What came out of a meeting, from its minutes, decision or press release."""

    summary: Text = Field(description="What came out of the meeting, in a few sentences.")
    cite: Cite = Field(description="The source that records it (minutes, decision, release).")
    items: list[OutcomeItem] = Field(default_factory=list, description="Per barrier on the agenda.")


class Briefing(Record):
    """A meeting pack, and after the meeting what came out of it."""

    id: Slug = Field(description="Slug such as 2026-05-20-greater-copenhagen.")
    title: Text = Field(description="Title of the meeting.")
    date: Date = Field(description="Date of the meeting.")
    forum: Slug = Field(description="Stakeholder id of the forum.")
    attendees: Annotated[list[Slug], AfterValidator(_unique)] = Field(
        default_factory=list, description="Stakeholder ids at the table."
    )
    purpose: Text | None = Field(None, description="Why we go.")
    barriers: Annotated[list[AgendaItem], Field(min_length=1)] = Field(description="The agenda.")
    example: bool = Field(
        False, description="true: no real meeting; lives in examples/briefings/ with a banner."
    )
    sources: list[Source] = Field(
        default_factory=list, description="Sources that the purpose and talking points cite."
    )
    talking_points: dict[Slug, list[Text]] = Field(
        default_factory=dict,
        description="What to say, by barrier id: the home organisation's strategy, overlay only.",
    )
    visibility: _as_literal(vocab.VISIBILITIES) = Field(
        "public", description="public, or internal."
    )
    internal_notes: Text | None = Field(None, description="Notes for the internal build only.")
    outcome: Outcome | None = Field(
        None, description="After the meeting: what came out of it, with commitments."
    )


class SharedSource(Record):
    """A document that several records cite: `sources/<id>.yml`."""

    id: Slug = Field(description="The key citations use; equal to the file name's stem.")
    title: Label = Field(description="Title of the document or page.")
    publisher: Label | None = Field(None, description="Who published it.")
    date: Date | None = Field(None, description="Date of publication.")
    url: Url | None = Field(None, description="http or https address.")
    kind: _as_literal(vocab.SOURCE_KINDS) = Field(
        description="report, decision, law, web_page, article, dataset or minutes."
    )
    language: _as_literal(vocab.LANGUAGES) | None = Field(
        None, description="Language of the document: sv, en, da or nb."
    )
    visibility: _as_literal(vocab.VISIBILITIES) = Field(
        "public", description="public, or internal."
    )


def models_in(annotation: object) -> list[type[BaseModel]]:
    """The record classes an annotation holds, such as `list[Source] | None`.

    >>> models_in(list[Source] | None)
    [<class 'barrierkb.records.model.Source'>]
    """
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in getattr(annotation, "__args__", ()):
        found += [m for m in models_in(arg) if m not in found]
    return found


#: The record kinds, by the folder that holds them: the one declaration of
#: which kinds exist. Loading, checking, exports and the schema all loop over it.
KINDS: dict[str, type[Record]] = {
    "barriers": Barrier,
    "stakeholders": Stakeholder,
    "briefings": Briefing,
    "sources": SharedSource,
}
#: Fields that belong to the overlay (internal material), never to the public tree:
#: notes, talking points and functional contact channels. `visibility: internal`
#: belongs there too.
INTERNAL_FIELDS: frozenset[str] = frozenset({"internal_notes", "talking_points", "channels"})

#: Example briefings (no real meeting) live apart, in this folder, with the briefing model.
EXAMPLES = "examples/briefings"
#: Every folder the loader reads, by kind: the record kinds, then the examples.
FOLDERS: dict[str, str] = {**{kind: kind for kind in KINDS}, "examples": EXAMPLES}


def model_of(kind: str) -> type[Record]:
    """The model of a kind; examples are briefings.

    >>> model_of("examples").__name__
    'Briefing'
    """
    return KINDS.get(kind, Briefing)


def kind_of(record: Record) -> str:
    """The kind of a record (examples are of kind briefings).

    >>> kind_of(Stakeholder(id="a", name="A", type="forum", country="SE", level="local"))
    'stakeholders'
    """
    return next(kind for kind, model in KINDS.items() if isinstance(record, model))
