"""The controlled vocabularies of the record contract, declared once, as data.

Each `Vocabulary` holds its codes in display order and a label per code in
Swedish, English and Danish. The model, the JSON Schema, the field reference,
the checker's hints ("Lyft" is the label of `raised`) and every edition of the
site read them from here. The `*_LABELS` dicts are the Swedish labels, kept
for the code that shows Swedish text.

>>> STATUS.label("raised", "da"), STATUS.code_for("løst"), THEME.code_for("Digitala tjänster")
('Rejst', 'solved', 'digital')
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

#: The languages of the site's editions, in their order; records may also use `nb`.
EDITIONS: tuple[str, ...] = ("sv", "da", "en")
LANGUAGES: tuple[str, ...] = ("sv", "en", "da", "nb")


def _fold(text: str) -> str:
    """Lowercase, without accents, spaces or punctuation: how a label is matched."""
    plain = unicodedata.normalize("NFKD", text.casefold().replace("ø", "o").replace("æ", "ae"))
    return "".join(c for c in plain if c.isalnum())


@dataclass(frozen=True)
class Vocabulary:
    """Codes in display order, each with a label per language (sv, en, da)."""

    name: str
    labels: dict[str, tuple[str, str, str]]  # code -> (sv, en, da)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def label(self, code: str, lang: str = "sv") -> str:
        """The label of `code` in `lang` (Swedish for Norwegian); the code when unknown."""
        if code not in self.labels:
            return code
        sv, en, da = self.labels[code]
        return {"en": en, "da": da}.get(lang, sv)

    def in_language(self, lang: str = "sv") -> dict[str, str]:
        return {code: self.label(code, lang) for code in self.labels}

    def code_for(self, text: str) -> str | None:
        """The code whose label (in any language) or code `text` is, matched loosely."""
        wanted = _fold(text)
        for code, labels in self.labels.items():
            if wanted in {_fold(code), *(_fold(label) for label in labels)}:
                return code
        return None


STATUS = Vocabulary(
    "status",
    {
        "identified": ("Identifierat", "Identified", "Identificeret"),
        "analysed": ("Analyserat", "Analysed", "Analyseret"),
        "raised": ("Lyft", "Raised", "Rejst"),
        "in_dialogue": ("I dialog", "In dialogue", "I dialog"),
        "solution_proposed": ("Lösning föreslagen", "Solution proposed", "Løsning foreslået"),
        "decided": ("Beslutat", "Decided", "Besluttet"),
        "solved": ("Löst", "Solved", "Løst"),
        "partly_solved": ("Delvis löst", "Partly solved", "Delvist løst"),
        "written_off": ("Avskrivet", "Written off", "Afskrevet"),
    },
)
THEME = Vocabulary(
    "theme",
    {
        "labour_market": ("Arbetsmarknad", "Labour market", "Arbejdsmarked"),
        "social_security": ("Social trygghet", "Social security", "Social sikring"),
        "taxation": ("Skatt", "Taxation", "Skat"),
        "education": ("Utbildning och erkännande", "Education and recognition",
                      "Uddannelse og anerkendelse"),
        "research_innovation": ("Forskning och innovation", "Research and innovation",
                                "Forskning og innovation"),
        "funding": ("Finansiering", "Funding", "Finansiering"),
        "business": ("Näringsliv", "Business", "Erhvervsliv"),
        "transport": ("Transport och infrastruktur", "Transport and infrastructure",
                      "Transport og infrastruktur"),
        "digital": ("Digitala tjänster", "Digital services", "Digitale tjenester"),
        "health": ("Hälsa och vård", "Health and care", "Sundhed og pleje"),
        "migration": ("Migration och uppehållsrätt", "Migration and residence",
                      "Migration og opholdsret"),
        "statistics": ("Statistik och data", "Statistics and data", "Statistik og data"),
    },
)  # fmt: skip
OBSTACLE_TYPE = Vocabulary(
    "obstacle_type",
    {
        "legal": ("Lagstiftning", "Legislation", "Lovgivning"),
        "administrative": ("Administrativt", "Administrative", "Administrativt"),
        "information": ("Information", "Information", "Information"),
        "practice": ("Praxis", "Practice", "Praksis"),
        "infrastructure": ("Infrastruktur", "Infrastructure", "Infrastruktur"),
    },
)
ROLE = Vocabulary(
    "role",
    {
        "rule_owner": ("Äger regelverket", "Owns the rules", "Ejer regelsættet"),
        "decision_maker": ("Beslutsfattare", "Decision maker", "Beslutningstager"),
        "advocate": ("Driver frågan", "Advocate", "Driver sagen"),
        "ally": ("Allierad", "Ally", "Allieret"),
        "affected": ("Berörd", "Affected", "Berørt"),
        "opponent": ("Motpart", "Opponent", "Modpart"),
        "informed": ("Informerad", "Informed", "Informeret"),
    },
)
SOLUTION_TYPE = Vocabulary(
    "solution_type",
    {
        "knowledge": ("Kunskap och information", "Knowledge and information",
                      "Viden og information"),
        "administrative_coordination": ("Administrativ samordning", "Administrative coordination",
                                        "Administrativ koordinering"),
        "domestic_law": ("Ändring i nationell lag", "Change in national law",
                         "Ændring i national lov"),
        "intergovernmental_agreement": ("Mellanstatligt avtal", "Intergovernmental agreement",
                                        "Mellemstatslig aftale"),
    },
)  # fmt: skip
FMC_STATUS = Vocabulary(
    "fmc_status",
    {
        "registered": ("Registrerat", "Registered", "Registreret"),
        "prioritised": ("Prioriterat", "Prioritised", "Prioriteret"),
        "resolved": ("Löst", "Resolved", "Løst"),
        "written_off": ("Avskrivet", "Written off", "Afskrevet"),
    },
)
PRIORITY = Vocabulary(
    "priority",
    {"high": ("Hög", "High", "Høj"), "medium": ("Medel", "Medium", "Mellem"),
     "low": ("Låg", "Low", "Lav")},
)  # fmt: skip
STAKEHOLDER_TYPE = Vocabulary(
    "stakeholder_type",
    {
        "municipality": ("Kommun", "Municipality", "Kommune"),
        "region": ("Region", "Region", "Region"),
        "agency": ("Myndighet", "Agency", "Myndighed"),
        "ministry": ("Departement", "Ministry", "Ministerium"),
        "government": ("Regering", "Government", "Regering"),
        "parliament": ("Parlament", "Parliament", "Parlament"),
        "forum": ("Forum", "Forum", "Forum"),
        "committee": ("Gränskommitté", "Border committee", "Grænsekomité"),
        "intergovernmental": ("Mellanstatligt organ", "Intergovernmental body",
                              "Mellemstatsligt organ"),
        "business": ("Företag", "Business", "Virksomhed"),
        "association": ("Förening", "Association", "Forening"),
        "research": ("Forskning", "Research", "Forskning"),
        "other": ("Övrigt", "Other", "Andet"),
    },
)  # fmt: skip
LEVEL = Vocabulary(
    "level",
    {
        "local": ("Lokal", "Local", "Lokal"),
        "regional": ("Regional", "Regional", "Regional"),
        "national": ("Nationell", "National", "National"),
        "nordic": ("Nordisk", "Nordic", "Nordisk"),
        "eu": ("EU", "EU", "EU"),
    },
)
RELATION = Vocabulary(
    "relation",
    {
        "member_of": ("medlem i", "member of", "medlem af"),
        "part_of": ("del av", "part of", "del af"),
        "reports_to": ("rapporterar till", "reports to", "rapporterer til"),
        "funds": ("finansierar", "funds", "finansierer"),
        "secretariat_of": ("sekretariat för", "secretariat of", "sekretariat for"),
        "cooperates_with": ("samarbetar med", "cooperates with", "samarbejder med"),
    },
)
#: Countries that borders may name: the Nordic countries and autonomous areas,
#: and the neighbours across the Baltic and the Fehmarn Belt.
COUNTRY = Vocabulary(
    "country",
    {
        "SE": ("Sverige", "Sweden", "Sverige"),
        "DK": ("Danmark", "Denmark", "Danmark"),
        "NO": ("Norge", "Norway", "Norge"),
        "FI": ("Finland", "Finland", "Finland"),
        "IS": ("Island", "Iceland", "Island"),
        "AX": ("Åland", "Åland", "Åland"),
        "FO": ("Färöarna", "Faroe Islands", "Færøerne"),
        "GL": ("Grönland", "Greenland", "Grønland"),
        "DE": ("Tyskland", "Germany", "Tyskland"),
        "EE": ("Estland", "Estonia", "Estland"),
        "LV": ("Lettland", "Latvia", "Letland"),
        "LT": ("Litauen", "Lithuania", "Litauen"),
        "PL": ("Polen", "Poland", "Polen"),
    },
)
#: A stakeholder's country may also be one of these.
SUPRANATIONAL_AREA = Vocabulary(
    "area", {"NORDIC": ("Norden", "The Nordic region", "Norden"), "EU": ("EU", "EU", "EU")}
)
REGISTER = Vocabulary(
    "register",
    {
        "nordic_fmc": ("Nordiska gränshinderdatabasen", "Nordic border barrier database",
                       "Den nordiske grænsehindringsdatabase"),
        "oresunddirekt": ("Øresunddirekt", "Øresunddirekt", "Øresunddirekt"),
        "b_solutions": ("b-solutions", "b-solutions", "b-solutions"),
        "other": ("Annat register", "Other register", "Andet register"),
    },
)  # fmt: skip
SOURCE_KIND = Vocabulary(
    "source_kind",
    {
        "report": ("Rapport", "Report", "Rapport"),
        "decision": ("Beslut", "Decision", "Beslutning"),
        "law": ("Lag eller förordning", "Law or regulation", "Lov eller bekendtgørelse"),
        "web_page": ("Webbsida", "Web page", "Webside"),
        "article": ("Artikel", "Article", "Artikel"),
        "dataset": ("Datamängd", "Dataset", "Datasæt"),
        "minutes": ("Protokoll", "Minutes", "Referat"),
    },
)
LANGUAGE = Vocabulary(
    "language",
    {
        "sv": ("svenska", "Swedish", "svensk"),
        "en": ("engelska", "English", "engelsk"),
        "da": ("danska", "Danish", "dansk"),
        "nb": ("norska", "Norwegian", "norsk"),
    },
)
#: Whether a status event's date is the day it happened, or only the date of
#: the source that reports it ("känt per").
DATE_BASIS = Vocabulary(
    "date_basis",
    {"event": ("Händelsedatum", "Date of the event", "Dato for hændelsen"),
     "reported": ("Känt per", "Known as of", "Kendt pr.")},
)  # fmt: skip
VISIBILITY = Vocabulary(
    "visibility",
    {"public": ("Offentlig", "Public", "Offentlig"), "internal": ("Intern", "Internal", "Intern")},
)

#: How an organisation can be reached without naming a person (overlay only).
CHANNEL_KIND = Vocabulary(
    "channel_kind",
    {
        "mailbox": ("Funktionsbrevlåda", "Shared mailbox", "Funktionspostkasse"),
        "switchboard": ("Växel", "Switchboard", "Omstilling"),
        "phone": ("Telefon", "Phone", "Telefon"),
        "web": ("Webbformulär", "Web form", "Webformular"),
    },
)

#: Every vocabulary, by the name the checker's hints use.
VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v
    for v in (STATUS, THEME, OBSTACLE_TYPE, ROLE, SOLUTION_TYPE, FMC_STATUS, PRIORITY,
              STAKEHOLDER_TYPE, LEVEL, RELATION, COUNTRY, REGISTER, SOURCE_KIND, LANGUAGE,
              DATE_BASIS, VISIBILITY, CHANNEL_KIND)
}  # fmt: skip

# -- the codes, and their Swedish labels, under the names the code uses ---------------------

STATUSES = STATUS.codes
STATUS_LABELS = STATUS.in_language("sv")
#: Statuses after which a barrier is no longer worked on.
CLOSED_STATUSES: frozenset[str] = frozenset({"solved", "written_off"})
#: Statuses from which a barrier needs at least one organisation that can act.
NEEDS_RESPONSIBLE: frozenset[str] = frozenset(STATUSES[STATUSES.index("raised") :])
THEMES = THEME.codes
THEME_LABELS = THEME.in_language("sv")
OBSTACLE_TYPES = OBSTACLE_TYPE.codes
OBSTACLE_TYPE_LABELS = OBSTACLE_TYPE.in_language("sv")
RESPONSIBLE_ROLES: tuple[str, ...] = ("rule_owner", "decision_maker")
STAKEHOLDER_ROLES: tuple[str, ...] = ("advocate", "ally", "affected", "opponent", "informed")
ROLE_LABELS = ROLE.in_language("sv")
SOLUTION_TYPES = SOLUTION_TYPE.codes
SOLUTION_TYPE_LABELS = SOLUTION_TYPE.in_language("sv")
FMC_STATUSES = FMC_STATUS.codes
FMC_STATUS_LABELS = FMC_STATUS.in_language("sv")
PRIORITIES = PRIORITY.codes
PRIORITY_LABELS = PRIORITY.in_language("sv")
CONFIDENCES: tuple[str, ...] = PRIORITIES
VISIBILITIES = VISIBILITY.codes
STAKEHOLDER_TYPES = STAKEHOLDER_TYPE.codes
STAKEHOLDER_TYPE_LABELS = STAKEHOLDER_TYPE.in_language("sv")
#: Stakeholder types that can host a meeting where a barrier is raised.
FORUM_TYPES: frozenset[str] = frozenset({"forum", "intergovernmental", "committee", "parliament"})
LEVELS = LEVEL.codes
LEVEL_LABELS = LEVEL.in_language("sv")
RELATION_TYPES = RELATION.codes
RELATION_LABELS = RELATION.in_language("sv")
COUNTRIES = COUNTRY.in_language("sv")
SUPRANATIONAL = SUPRANATIONAL_AREA.in_language("sv")
REGISTERS = REGISTER.codes
REGISTER_LABELS = REGISTER.in_language("sv")
SOURCE_KINDS = SOURCE_KIND.codes
SOURCE_KIND_LABELS = SOURCE_KIND.in_language("sv")
LANGUAGE_LABELS = LANGUAGE.in_language("sv")
DATE_BASES = DATE_BASIS.codes
CHANNEL_KINDS = CHANNEL_KIND.codes


def border_label(border: str, lang: str = "sv") -> str:
    """The name of a border, such as `SE-DK`, in `lang`.

    >>> border_label("SE-DK"), border_label("SE-DK", "en")
    ('Sverige–Danmark', 'Sweden–Denmark')
    """
    return "–".join(COUNTRY.label(code, lang) for code in border.split("-"))


def country_label(code: str, lang: str = "sv") -> str:
    """A country or area (`NORDIC`, `EU`) by name."""
    vocabulary = SUPRANATIONAL_AREA if code in SUPRANATIONAL_AREA.labels else COUNTRY
    return vocabulary.label(code, lang)


#: Field names as partners write them in their own language, by the field they mean.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("titel", "rubrik", "overskrift"),
    "summary": ("sammanfattning", "sammenfatning", "resume", "resumé"),
    "description": ("beskrivning", "beskrivelse"),
    "status_history": ("statushistorik", "historik", "historik"),
    "borders": ("gränser", "granser", "grænser", "graenser"),
    "themes": ("teman", "temaer", "tema"),
    "responsible": ("ansvariga", "ansvarlig", "ansvarlige"),
    "stakeholders": ("aktörer", "aktorer", "aktører"),
    "ask": ("begäran", "begaran", "anmodning", "krav"),
    "solutions": ("lösningar", "losningar", "løsninger"),
    "impact": ("konsekvenser", "påverkan", "paverkan"),
    "sources": ("källor", "kallor", "kilder"),
    "related": ("relaterade", "relaterede"),
    "owner": ("ägare", "agare", "förvaltare", "ejer"),
    "name": ("namn", "navn"),
    "country": ("land",),
    "level": ("nivå", "niveau"),
    "relations": ("relationer",),
    "date": ("datum", "dato"),
    "attendees": ("deltagare", "deltagere"),
    "purpose": ("syfte", "formål"),
}


def field_for(key: str) -> str | None:
    """The field a key in Swedish or Danish means, such as `sammanfatning` for `summary`.

    >>> field_for("Sammanfatning"), field_for("sammenfatning"), field_for("x")
    ('summary', 'summary', None)
    """
    by_name = {_fold(name): field for field, names in FIELD_NAMES.items() for name in names}
    folded = _fold(key)
    close = difflib.get_close_matches(folded, list(by_name), n=1, cutoff=0.85)
    return by_name.get(folded) or (by_name[close[0]] if close else None)
