"""The downloads and the data page that links them."""

from __future__ import annotations

from ..records.i18n import N_, _
from ..records.model import KINDS
from ..records.schema import schema_name, schema_text
from .calendars import MEETINGS_PATH, REVIEWS_PATH, meetings_ics, reviews_ics
from .exports import to_csv, to_json, to_xlsx
from .feed import FEED_PATH, atom_feed
from .templating import SiteOptions, render_template

DATA_PAGE = "data.md"


def downloads(
    kb,
    graph_exports: dict[str, str] | None = None,
    site_url: str = "",
    cite_as: dict[str, dict] | None = None,
    options: SiteOptions | None = None,
    history: dict | None = None,
) -> dict:
    """Every download file by its path in the site."""
    options = options or SiteOptions()
    files: dict[str, str | bytes] = {
        MEETINGS_PATH: meetings_ics(kb, options.today, options.site_url, history),
        REVIEWS_PATH: reviews_ics(kb, options.today, options.site_url, history),
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


#: Format and contents of each download; the contents are translated on the data page.
DESCRIPTIONS = {
    "data/granshinderbasen.json": ("JSON", N_("Alla publika poster med alla fält.")),
    "data/hinder.csv": ("CSV", N_("Hindren som tabell, för Excel (UTF-8, semikolon).")),
    "data/aktorer.csv": ("CSV", N_("Aktörerna som tabell, för Excel (UTF-8, semikolon).")),
    "data/granshinderbasen.xlsx": ("XLSX", N_("Hinder och aktörer i en Excel-arbetsbok.")),
    "data/natverk.graphml": ("GraphML", N_("Aktörsnätverket, för Gephi.")),
    "data/natverk.json": ("JSON", N_("Aktörsnätverket som node-link-JSON.")),
    FEED_PATH: ("Atom", N_("Statusändringar och mötesutfall som nyhetsflöde.")),
    MEETINGS_PATH: ("iCalendar", N_("Kommande möten, för kalendern.")),
    REVIEWS_PATH: ("iCalendar", N_("Hindrens nästa granskning, för kalendern.")),
    "schema/barrier.schema.json": ("JSON Schema", N_("Schemat för hinderposter.")),
    "schema/stakeholder.schema.json": ("JSON Schema", N_("Schemat för aktörsposter.")),
    "schema/briefing.schema.json": ("JSON Schema", N_("Schemat för mötesposter.")),
}


def data_page(files: dict[str, bytes]) -> str:
    """The data page: each download in `files` (as written) with its format, contents and size."""
    rows = []
    for path, content in sorted(files.items()):
        fmt, description = DESCRIPTIONS.get(path, ("", ""))
        # `_("")` would be the catalogue's header: a file without a description has none.
        rows.append((path, fmt, _(description) if description else "", len(content)))
    return render_template("data.md.j2", DATA_PAGE, rows=rows)
