"""The network parts of the site: routes and allies on barrier pages, ego
drawings on stakeholder pages, the network page and the graph downloads.

Everything comes from a `context.NetworkView`; this module only arranges it.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..network import drawings
from ..network.exports import to_graphml, to_node_link_json
from ..network.routes import step_label
from ..records.i18n import _
from ..records.load import KnowledgeBase
from .context import NetworkView
from .paths import BRIEFING_INDEX, barrier_page, relative, stakeholder_page
from .templating import SiteOptions, front_matter, render_template

NETWORK_PAGE = "network.md"


def _href_from(here: str) -> Callable[[str, str], str]:
    def href(kind: str, record_id: str) -> str:
        page = barrier_page(record_id) if kind == "barrier" else stakeholder_page(record_id)
        return relative(here, page)

    return href


def routes_block(routes: list[dict], here: str, compact: bool = False) -> Markup:
    """The advocacy routes of one barrier as an HTML block.

    Compact (for printed briefings): the shortest route to each stakeholder, a line each.
    """
    return Markup(
        render_template(
            "routes.html.j2", here, routes=routes, compact=compact, step_label=step_label
        )
    )


def compact_routes(view: NetworkView | None) -> Callable[[str], Markup]:
    """Barrier id -> its shortest route to each fixer, one line each (for briefings)."""
    if view is None or view.home is None:
        return lambda _id: Markup("")
    return lambda barrier_id: routes_block(
        view.routes.get(barrier_id, []), BRIEFING_INDEX, compact=True
    )


def barrier_sections(kb: KnowledgeBase, view: NetworkView) -> dict[str, dict]:
    """Barrier id -> the routes and allies blocks of its page."""
    sections = {}
    for b in kb.barriers.values():
        here = barrier_page(b.id)
        allies = render_template(
            "allies.html.j2",
            here,
            allies=view.allies.get(b.id, []),
            home=kb.stakeholders.get(view.home) if view.home else None,
        )
        sections[b.id] = {
            "allies": Markup(allies),
            "routes": routes_block(view.routes.get(b.id, []), here),
        }
    return sections


def stakeholder_sections(kb: KnowledgeBase, view: NetworkView) -> dict[str, dict]:
    """Stakeholder id -> the ego drawing and the second circle of its page."""
    return {
        s.id: {
            "ego_svg": Markup(
                drawings.ego_svg(
                    view.graph, s.id, radius=1, href=_href_from(stakeholder_page(s.id))
                )
            ),
            "second_circle": view.second_circle.get(s.id, []),
        }
        for s in kb.stakeholders.values()
    }


def network_page(kb: KnowledgeBase, view: NetworkView, options: SiteOptions) -> str:
    svg = drawings.network_svg(view.graph, href=_href_from(NETWORK_PAGE), home=options.home)
    return front_matter(title=_("Nätverket"), hide=["navigation"]) + render_template(
        "network.md.j2",
        NETWORK_PAGE,
        svg=Markup(svg),
        brokers=view.brokers,
        home=kb.stakeholders.get(options.home),
        home_allies=view.home_allies if options.audience == "internal" else None,
        reach=view.home_reach,
        step_label=step_label,
        grid=view.grid,
        communities=view.communities,
        kb=kb,
        edges=[
            (s, rel)
            for s in kb.stakeholders.values()
            for rel in s.relations
            if rel.target in kb.stakeholders
        ],
    )


def graph_downloads(view: NetworkView) -> dict[str, str]:
    return {
        "data/natverk.graphml": to_graphml(view.graph),
        "data/natverk.json": to_node_link_json(view.graph),
    }
