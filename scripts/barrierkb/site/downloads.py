"""The downloads and the data page that links them."""

from __future__ import annotations

from .exports import to_csv, to_json, to_xlsx
from ..records.model import KINDS
from ..records.schema import schema_name, schema_text
from .templating import render_template
from .feed import FEED_PATH, atom_feed

DATA_PAGE = "data.md"


def downloads(
    kb,
    graph_exports: dict[str, str] | None = None,
    site_url: str = "",
    cite_as: dict[str, dict] | None = None,
) -> dict:
    """Every download file by its path in the site."""
    files: dict[str, str | bytes] = {
        "data/granshinderbasen.json": to_json(kb, cite_as),
        "data/hinder.csv": to_csv(kb, "barriers"),
        "data/aktorer.csv": to_csv(kb, "stakeholders"),
        "data/granshinderbasen.xlsx": to_xlsx(kb),
        FEED_PATH: atom_feed(kb, site_url),
    }
    for kind in KINDS:
        files[f"schema/{schema_name(kind)}"] = schema_text(kind)
    files.update(graph_exports or {})
    return files


DESCRIPTIONS = {
    "data/granshinderbasen.json": ("JSON", "Alla publika poster med alla fält."),
    "data/hinder.csv": ("CSV", "Hindren som tabell, för Excel (UTF-8, semikolon)."),
    "data/aktorer.csv": ("CSV", "Aktörerna som tabell, för Excel (UTF-8, semikolon)."),
    "data/granshinderbasen.xlsx": ("XLSX", "Hinder och aktörer i en Excel-arbetsbok."),
    "data/natverk.graphml": ("GraphML", "Aktörsnätverket, för Gephi."),
    "data/natverk.json": ("JSON", "Aktörsnätverket som node-link-JSON."),
    FEED_PATH: ("Atom", "Statusändringar som nyhetsflöde."),
    "schema/barrier.schema.json": ("JSON Schema", "Schemat för hinderposter."),
    "schema/stakeholder.schema.json": ("JSON Schema", "Schemat för aktörsposter."),
    "schema/briefing.schema.json": ("JSON Schema", "Schemat för mötesposter."),
}


def data_page(files: dict[str, str | bytes]) -> str:
    rows = [
        (path, *DESCRIPTIONS.get(path, ("", "")), len(content))
        for path, content in sorted(files.items())
    ]
    return render_template("data.md.j2", DATA_PAGE, rows=rows)
