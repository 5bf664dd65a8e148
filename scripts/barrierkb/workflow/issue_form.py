"""The GitHub issue form for a new barrier, declared once as data.

`.github/ISSUE_TEMPLATE/barrier.yml` is generated from `FIELDS` below
(`barrierkb from-issue --form`), and every field's `id` is the name of a
`Barrier` field, so the form, the reader of its answers (`from_issue`) and the
model cannot drift apart (a test holds them together).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..records import vocab
from .writer import BlockDumper

FORM_PATH = ".github/ISSUE_TEMPLATE/barrier.yml"


@dataclass(frozen=True)
class FormField:
    """One question of the issue form; `id` is the `Barrier` field it fills."""

    id: str
    type: str  # input, textarea or dropdown
    #: The question in Swedish, Danish and English.
    labels: tuple[str, str, str]
    description: str
    required: bool = False
    placeholder: str = ""
    #: For dropdowns: the vocabulary's codes and their Swedish labels.
    options: dict[str, str] = field(default_factory=dict)
    multiple: bool = False
    default: int | None = None

    @property
    def label(self) -> str:
        """The label the form shows and the issue body repeats: every language, once each.

        >>> FIELDS[2].label
        'Sammanfattning / Sammenfatning / Summary'
        """
        return " / ".join(dict.fromkeys(self.labels))


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
        "language",
        "dropdown",
        ("Språk", "Sprog", "Language"),
        "Vilket språk du skriver texterna på. Hvilket sprog du skriver teksterne på. The language "
        "you write the texts in.",
        required=True,
        options={"sv": "Svenska", "da": "Dansk", "en": "English"},
        default=0,
    ),
    FormField(
        "title",
        "input",
        ("Titel", "Titel", "Title"),
        "En kort rubrik som säger vad hindret är, på det språk du valt ovan.",
        required=True,
        placeholder="Statliga innovationsmedel går bara till svenska stödmottagare",
    ),
    FormField(
        "summary",
        "textarea",
        ("Sammanfattning", "Sammenfatning", "Summary"),
        "En till tre meningar: vem får det sämre, och varför just för att hen eller företaget "
        "rör sig över gränsen?",
        required=True,
    ),
    FormField(
        "description",
        "textarea",
        ("Beskrivning", "Beskrivelse", "Description"),
        "Hela redogörelsen, i Markdown utan HTML. Beskriv situationen, inte en enskild person: "
        "inga namn, e-postadresser eller telefonnummer. Varje stycke och varje punkt hänvisar "
        "till sin källa: [@kalla-1] för den första källan nedan, [@kalla-2, s. 4] för sidan 4 "
        "i den andra.",
    ),
    FormField(
        "status",
        "dropdown",
        ("Status", "Status", "Status"),
        "Hur långt påverkansarbetet har kommit. Ett nytt hinder är oftast identifierat.",
        required=True,
        options=vocab.STATUS_LABELS,
        default=0,
    ),
    FormField(
        "borders",
        "input",
        ("Gränser", "Grænser", "Borders"),
        "Landspar med bindestreck, flera åtskilda med komma. Koder: " + _country_list() + ".",
        required=True,
        placeholder="SE-DK, SE-NO",
    ),
    FormField(
        "themes",
        "dropdown",
        ("Teman", "Temaer", "Themes"),
        "Välj ett eller flera.",
        required=True,
        options=vocab.THEME_LABELS,
        multiple=True,
    ),
    FormField(
        "obstacle_type",
        "dropdown",
        ("Typ av hinder", "Type af hindring", "Type of barrier"),
        "Lagstiftning, administration, praxis eller infrastruktur. Välj Information när "
        "problemet är att information saknas eller är svår att hitta.",
        options=vocab.OBSTACLE_TYPE_LABELS,
    ),
    FormField(
        "responsible",
        "textarea",
        ("Vem kan lösa det", "Hvem kan løse den", "Who can solve it"),
        "En organisation per rad: dess id i stakeholders/ (eller namn), kolon, roll: "
        + _roles(vocab.RESPONSIBLE_ROLES)
        + ", och sist källan som säger det, som [@kalla-1]. Utan roll blir det rule_owner. "
        "Lämna tomt om ingen källa säger vem som kan lösa hindret.",
        placeholder="vinnova: rule_owner [@kalla-1, s. 3]\n"
        "regeringen-se: decision_maker [@kalla-2]",
    ),
    FormField(
        "stakeholders",
        "textarea",
        ("Andra berörda", "Andre berørte", "Others concerned"),
        "En organisation per rad: id (eller namn), kolon, roll: "
        + _roles(vocab.STAKEHOLDER_ROLES)
        + ", och sist källan som säger det, som [@kalla-1]. Utan roll blir det affected.",
        placeholder="malmo-stad: advocate [@kalla-1]\ngreater-copenhagen: ally [@kalla-1]",
    ),
    FormField(
        "forums",
        "input",
        ("Forum", "Forum", "Forum"),
        "Id:n för forum där hindret tas upp eller bör tas upp, åtskilda med komma.",
        placeholder="greater-copenhagen, granshinderradet",
    ),
    FormField(
        "ask",
        "textarea",
        ("Begäran", "Anmodning", "The ask"),
        "Den konkreta begäran till den som kan lösa hindret.",
    ),
    FormField(
        "solutions",
        "textarea",
        ("Lösningar", "Løsninger", "Solutions"),
        "En lösning per rad: typ, kolon, text. Typer: " + _solution_types() + ".",
        placeholder="domestic_law: Ändra villkoren så att stöd kan gå till testbäddar i "
        "grannlandet.",
    ),
    FormField(
        "impact",
        "textarea",
        ("Konsekvenser", "Konsekvenser", "Impact"),
        "Vem som drabbas och hur många, med källa: [@kalla-1, s. 4].",
    ),
    FormField(
        "related",
        "input",
        ("Relaterade hinder", "Relaterede hindringer", "Related barriers"),
        "Id:n för andra hinder i barriers/, åtskilda med komma.",
    ),
    FormField(
        "sources",
        "textarea",
        ("Källor", "Kilder", "Sources"),
        "Minst en. En källa per rad: titel | adress | utgivare | datum (ÅÅÅÅ-MM-DD). Den första "
        "källan heter kalla-1, den andra kalla-2 och så vidare: hänvisa till dem med [@kalla-1]. "
        "Varje påstående ska ha en källa.",
        required=True,
        placeholder="Återrapportering av uppdrag | https://malmo.se/ | Malmö stad | 2026-03-23",
    ),
    FormField(
        "contributors",
        "input",
        ("Bidragsgivare", "Bidragydere", "Contributors"),
        "Id:n i stakeholders/ för de organisationer som bidragit till posten, åtskilda med "
        "komma. De krediteras på hindrets sida.",
        placeholder="malmo-stad",
    ),
    FormField(
        "owner",
        "input",
        ("Förvaltare", "Forvalter", "Owner"),
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
        "# Generated from scripts/barrierkb/workflow/issue_form.py: edit FIELDS there, then run\n"
        f"#   barrierkb from-issue --form -o {FORM_PATH}\n"
        "# Each field's id is a barrier field; `barrierkb from-issue` reads the answers.\n"
    )
    return header + yaml.dump(
        issue_form(),
        Dumper=BlockDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
