"""The site layer: the knowledge base rendered into pages and files, with no MkDocs import.

`render_site(kb, options, network)` returns `{path: content}` for every
generated page (Markdown whose body is HTML) and download (text or bytes):
`render_pages` (the pages of the records and their lists) and
`render_overview` (what shows the knowledge base whole: the network page,
the downloads and the data page), which can run apart. The
MkDocs plugin adds them to the build; `barrierkb export-md` writes them to a
folder for another engine.
"""

from __future__ import annotations

from ..records.load import KnowledgeBase
from .briefings import annual_pages, briefing_pages
from .context import NetworkView
from .downloads import DATA_PAGE, data_page, downloads
from .network import (
    NETWORK_PAGE,
    barrier_sections,
    compact_routes,
    graph_downloads,
    network_page,
    stakeholder_sections,
)
from .pages import (
    barrier_pages,
    cite_as,
    facet_pages,
    register_page,
    stakeholder_index,
    stakeholder_pages,
)
from .paths import REGISTER, STAKEHOLDER_INDEX
from .reference import REFERENCE, reference_page
from .source_pages import source_pages
from .templating import SiteOptions

__all__ = [
    "NetworkView",
    "SiteOptions",
    "render_overview",
    "render_pages",
    "render_site",
    "site_files",
]


def render_site(
    kb: KnowledgeBase,
    options: SiteOptions,
    network: NetworkView | None = None,
    history: dict | None = None,
) -> dict[str, str | bytes]:
    """Every generated page and file, by its path relative to the docs folder.

    Without a `network` (the graph was not built), pages have no routes,
    allies or drawings and there is no network page. Routes and allies are
    the home organisation's strategy: only the internal audience gets them.
    """
    pages = render_pages(kb, options, network, history)
    return site_files(pages, render_overview(kb, options, network, history))


def site_files(pages: dict[str, str], overview: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """The pages and the overview as one site, by path: what `render_site` returns, for
    halves rendered apart (`site.ahead`)."""
    return dict(sorted({**pages, **overview}.items()))


def render_pages(
    kb: KnowledgeBase,
    options: SiteOptions,
    network: NetworkView | None = None,
    history: dict | None = None,
) -> dict[str, str]:
    """The page of every record and every list of records (`render_overview` makes the rest).

    These pages read the network only around one record: the drawing and the
    second circle of a stakeholder and, in an internal build, a barrier's
    routes and allies. The analyses of the whole graph are the overview's.
    """
    strategy = network if network and options.audience == "internal" else None
    files: dict[str, str] = {
        REGISTER: register_page(kb),
        STAKEHOLDER_INDEX: stakeholder_index(kb),
        REFERENCE: reference_page(),
    }
    files.update(facet_pages(kb))
    sections = barrier_sections(kb, strategy) if strategy else None
    files.update(barrier_pages(kb, options, sections, history))
    files.update(
        stakeholder_pages(kb, stakeholder_sections(kb, network) if network else None, options)
    )
    files.update(
        briefing_pages(kb, options, compact_routes(strategy) if strategy else None, history)
    )
    files.update(annual_pages(kb))
    files.update(source_pages(kb))
    return files


def render_overview(
    kb: KnowledgeBase,
    options: SiteOptions,
    network: NetworkView | None = None,
    history: dict | None = None,
) -> dict[str, str | bytes]:
    """What shows the knowledge base whole: the network page (the graph drawn, and its
    analyses), every download as the bytes written, and the data page that lists them."""
    cite_as_of = {b.id: cite_as(kb, b, options, history) for b in kb.barriers.values()}
    data = downloads(
        kb,
        graph_downloads(network) if network else None,
        cite_as=cite_as_of,
        options=options,
        history=history,
    )
    # Downloads as UTF-8 bytes (what is written, and what the data page gives the size of):
    # half the memory of text with any character beyond Latin-1, for files that stay in
    # memory through the whole build.
    written: dict[str, str | bytes] = {
        p: c.encode() if isinstance(c, str) else c for p, c in data.items()
    }
    overview: dict[str, str | bytes] = {DATA_PAGE: data_page(written), **written}
    if network:
        overview[NETWORK_PAGE] = network_page(kb, network, options)
    return overview
