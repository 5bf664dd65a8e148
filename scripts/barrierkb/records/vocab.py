"""The controlled vocabularies of the record contract, declared once.

Each vocabulary is a tuple of codes in display order and a Swedish label per
code. The model, the JSON Schema, the field reference and the site all read
them from here.
"""

from __future__ import annotations

STATUSES: tuple[str, ...] = (
    "identified",
    "analysed",
    "raised",
    "in_dialogue",
    "solution_proposed",
    "decided",
    "solved",
    "partly_solved",
    "written_off",
)
STATUS_LABELS: dict[str, str] = {
    "identified": "Identifierat",
    "analysed": "Analyserat",
    "raised": "Lyft",
    "in_dialogue": "I dialog",
    "solution_proposed": "Lösning föreslagen",
    "decided": "Beslutat",
    "solved": "Löst",
    "partly_solved": "Delvis löst",
    "written_off": "Avskrivet",
}
#: Statuses after which a barrier is no longer worked on.
CLOSED_STATUSES: frozenset[str] = frozenset({"solved", "written_off"})

THEMES: tuple[str, ...] = (
    "labour_market",
    "social_security",
    "taxation",
    "education",
    "research_innovation",
    "funding",
    "business",
    "transport",
    "digital",
    "health",
    "migration",
    "statistics",
)
THEME_LABELS: dict[str, str] = {
    "labour_market": "Arbetsmarknad",
    "social_security": "Social trygghet",
    "taxation": "Skatt",
    "education": "Utbildning och erkännande",
    "research_innovation": "Forskning och innovation",
    "funding": "Finansiering",
    "business": "Näringsliv",
    "transport": "Transport och infrastruktur",
    "digital": "Digitala tjänster",
    "health": "Hälsa och vård",
    "migration": "Migration och uppehållsrätt",
    "statistics": "Statistik och data",
}

OBSTACLE_TYPES: tuple[str, ...] = (
    "legal",
    "administrative",
    "information",
    "practice",
    "infrastructure",
)
OBSTACLE_TYPE_LABELS: dict[str, str] = {
    "legal": "Lagstiftning",
    "administrative": "Administrativt",
    "information": "Information",
    "practice": "Praxis",
    "infrastructure": "Infrastruktur",
}

RESPONSIBLE_ROLES: tuple[str, ...] = ("rule_owner", "decision_maker")
STAKEHOLDER_ROLES: tuple[str, ...] = ("advocate", "ally", "affected", "opponent", "informed")
ROLE_LABELS: dict[str, str] = {
    "rule_owner": "Äger regelverket",
    "decision_maker": "Beslutsfattare",
    "advocate": "Driver frågan",
    "ally": "Allierad",
    "affected": "Berörd",
    "opponent": "Motpart",
    "informed": "Informerad",
}

SOLUTION_TYPES: tuple[str, ...] = (
    "knowledge",
    "administrative_coordination",
    "domestic_law",
    "intergovernmental_agreement",
)
SOLUTION_TYPE_LABELS: dict[str, str] = {
    "knowledge": "Kunskap och information",
    "administrative_coordination": "Administrativ samordning",
    "domestic_law": "Ändring i nationell lag",
    "intergovernmental_agreement": "Mellanstatligt avtal",
}

FMC_STATUSES: tuple[str, ...] = ("registered", "prioritised", "resolved", "written_off")
FMC_STATUS_LABELS: dict[str, str] = {
    "registered": "Registrerat",
    "prioritised": "Prioriterat",
    "resolved": "Löst",
    "written_off": "Avskrivet",
}

PRIORITIES: tuple[str, ...] = ("high", "medium", "low")
PRIORITY_LABELS: dict[str, str] = {"high": "Hög", "medium": "Medel", "low": "Låg"}
CONFIDENCES: tuple[str, ...] = PRIORITIES
VISIBILITIES: tuple[str, ...] = ("public", "internal")

STAKEHOLDER_TYPES: tuple[str, ...] = (
    "municipality",
    "region",
    "agency",
    "ministry",
    "government",
    "parliament",
    "forum",
    "committee",
    "intergovernmental",
    "business",
    "association",
    "research",
    "other",
)
STAKEHOLDER_TYPE_LABELS: dict[str, str] = {
    "municipality": "Kommun",
    "region": "Region",
    "agency": "Myndighet",
    "ministry": "Departement",
    "government": "Regering",
    "parliament": "Parlament",
    "forum": "Forum",
    "committee": "Gränskommitté",
    "intergovernmental": "Mellanstatligt organ",
    "business": "Företag",
    "association": "Förening",
    "research": "Forskning",
    "other": "Övrigt",
}
#: Stakeholder types that can host a meeting where a barrier is raised.
FORUM_TYPES: frozenset[str] = frozenset({"forum", "intergovernmental", "committee", "parliament"})

LEVELS: tuple[str, ...] = ("local", "regional", "national", "nordic", "eu")
LEVEL_LABELS: dict[str, str] = {
    "local": "Lokal",
    "regional": "Regional",
    "national": "Nationell",
    "nordic": "Nordisk",
    "eu": "EU",
}

RELATION_TYPES: tuple[str, ...] = (
    "member_of",
    "part_of",
    "reports_to",
    "funds",
    "secretariat_of",
    "cooperates_with",
)
RELATION_LABELS: dict[str, str] = {
    "member_of": "medlem i",
    "part_of": "del av",
    "reports_to": "rapporterar till",
    "funds": "finansierar",
    "secretariat_of": "sekretariat för",
    "cooperates_with": "samarbetar med",
}

#: Countries that borders may name: the Nordic countries and autonomous areas,
#: and the neighbours across the Baltic and the Fehmarn Belt.
COUNTRIES: dict[str, str] = {
    "SE": "Sverige",
    "DK": "Danmark",
    "NO": "Norge",
    "FI": "Finland",
    "IS": "Island",
    "AX": "Åland",
    "FO": "Färöarna",
    "GL": "Grönland",
    "DE": "Tyskland",
    "EE": "Estland",
    "LV": "Lettland",
    "LT": "Litauen",
    "PL": "Polen",
}


def border_label(border: str) -> str:
    """The Swedish name of a border, such as `SE-DK`.

    >>> border_label("SE-DK")
    'Sverige–Danmark'
    """
    return "–".join(COUNTRIES.get(code, code) for code in border.split("-"))


#: A stakeholder's country may also be one of these.
SUPRANATIONAL: dict[str, str] = {"NORDIC": "Norden", "EU": "EU"}

LANGUAGES: tuple[str, ...] = ("sv", "en", "da", "nb")

#: What a shared source is.
SOURCE_KINDS: tuple[str, ...] = (
    "report",
    "decision",
    "law",
    "web_page",
    "article",
    "dataset",
    "minutes",
)
SOURCE_KIND_LABELS: dict[str, str] = {
    "report": "Rapport",
    "decision": "Beslut",
    "law": "Lag eller förordning",
    "web_page": "Webbsida",
    "article": "Artikel",
    "dataset": "Datamängd",
    "minutes": "Protokoll",
}
LANGUAGE_LABELS: dict[str, str] = {
    "sv": "svenska",
    "en": "engelska",
    "da": "danska",
    "nb": "norska",
}
#: Whether a status event's date is the day it happened, or only the date of
#: the source that reports it ("känt per").
DATE_BASES: tuple[str, ...] = ("event", "reported")
#: Other registers that list the same barrier.
REGISTERS: tuple[str, ...] = ("nordic_fmc", "oresunddirekt", "b_solutions", "other")
REGISTER_LABELS: dict[str, str] = {
    "nordic_fmc": "Nordiska gränshinderdatabasen",
    "oresunddirekt": "Øresunddirekt",
    "b_solutions": "b-solutions",
    "other": "Annat register",
}
#: Statuses from which a barrier needs at least one organisation that can act.
NEEDS_RESPONSIBLE: frozenset[str] = frozenset(STATUSES[STATUSES.index("raised") :])
