"""Render the knowledge base into pages and files: a pure function of the records.

`render_site(kb, options, graph)` returns `{path: content}` for every generated
page (Markdown) and download (text or bytes). The MkDocs plugin adds them to
the build; `barrierkb export-md` writes them to a folder for another engine.
"""

from __future__ import annotations

from ..records.load import KnowledgeBase
from .briefings import annual_pages, briefing_pages
from .downloads import DATA_PAGE, data_page, downloads
from .templating import SiteOptions
from .network import network_files
from .pages import (
    REGISTER,
    STAKEHOLDER_INDEX,
    barrier_pages,
    facet_pages,
    register_page,
    stakeholder_index,
    stakeholder_pages,
)
from .reference import REFERENCE, reference_page

__all__ = ["SiteOptions", "render_site"]


def render_site(kb: KnowledgeBase, options: SiteOptions, graph=None) -> dict[str, str | bytes]:
    """Every generated page and file, by its path relative to the docs folder."""
    net = network_files(kb, graph, options) if graph is not None else {}
    files: dict[str, str | bytes] = {
        REGISTER: register_page(kb),
        STAKEHOLDER_INDEX: stakeholder_index(kb),
        REFERENCE: reference_page(),
    }
    files.update(facet_pages(kb))
    files.update(barrier_pages(kb, options, net.get("barrier_sections")))
    files.update(stakeholder_pages(kb, net.get("stakeholder_sections")))
    files.update(briefing_pages(kb, options, net.get("routes_html")))
    files.update(annual_pages(kb))
    files.update(net.get("pages", {}))
    data = downloads(kb, net.get("exports"))
    files.update(data)
    files[DATA_PAGE] = data_page(data)
    return dict(sorted(files.items()))
