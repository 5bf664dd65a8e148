"""The network parts of the site: routes and allies on barrier pages, ego
drawings on stakeholder pages, the network page and the graph downloads.

Everything comes from the graph analytics; this module only arranges it.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..network import analytics

from ..network import drawings
from ..network.allies import all_allies, home_allies
from ..network.exports import to_graphml, to_node_link_json
from ..records.load import KnowledgeBase
from ..network.routes import all_advocacy_routes, step_label
from .templating import (
    SiteOptions,
    barrier_page,
    front_matter,
    relative,
    render_template,
    stakeholder_page,
)

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
            "routes.html.j2",
            here,
            routes=routes,
            compact=compact,
            step_label=step_label,
            stakeholder_page=stakeholder_page,
        )
    )


def compact_routes(all_routes: dict[str, list[dict]]) -> Callable[[str], Markup]:
    """Barrier id -> its shortest route to each fixer, one line each (for briefings)."""
    return lambda barrier_id: routes_block(
        all_routes.get(barrier_id, []), "briefings/index.md", compact=True
    )


def routes_html_for(kb: KnowledgeBase, graph, options: SiteOptions) -> Callable[[str], Markup]:
    """`compact_routes` from the graph, for a briefing printed without the site."""
    if graph is None or options.home not in kb.stakeholders:
        return lambda _id: Markup("")
    return compact_routes(all_advocacy_routes(graph, options.home))


def network_files(kb: KnowledgeBase, graph, options: SiteOptions) -> dict:
    """Pages, page sections and downloads that come from the graph."""
    home_known = options.home in kb.stakeholders
    all_routes = all_advocacy_routes(graph, options.home) if home_known else {}
    allies = all_allies(graph, options.home) if home_known else {}
    barrier_sections = {}
    for b in kb.barriers.values():
        here = barrier_page(b.id)
        section = {
            "allies": Markup(
                render_template(
                    "allies.html.j2",
                    here,
                    allies=allies.get(b.id, []),
                    home=kb.stakeholders.get(options.home),
                    stakeholder_page=stakeholder_page,
                )
            )
        }
        section["routes"] = routes_block(all_routes.get(b.id, []), here)
        barrier_sections[b.id] = section
    stakeholder_sections = {}
    for s in kb.stakeholders.values():
        here = stakeholder_page(s.id)
        two_steps = analytics.ego_network(graph, s.id, radius=2, barriers=False)["nodes"]
        stakeholder_sections[s.id] = {
            "ego_svg": Markup(drawings.ego_svg(graph, s.id, radius=1, href=_href_from(here))),
            "second_circle": [n for n in two_steps if n["distance"] == 2],
        }
    grid = analytics.power_interest(graph)
    page = front_matter(title="Nätverket", hide=["navigation"]) + render_template(
        "network.md.j2",
        NETWORK_PAGE,
        svg=Markup(drawings.network_svg(graph, href=_href_from(NETWORK_PAGE), home=options.home)),
        brokers=analytics.brokers(graph)[:25],
        home=kb.stakeholders.get(options.home),
        home_allies=home_allies(graph, options.home)[:25] if home_known else [],
        grid=grid,
        quadrants=analytics.QUADRANTS,
        communities=analytics.communities(graph),
        kb=kb,
        stakeholder_page=stakeholder_page,
        edges=_relation_rows(kb),
    )
    return {
        "barrier_sections": barrier_sections,
        "stakeholder_sections": stakeholder_sections,
        "routes_html": compact_routes(all_routes),
        "pages": {NETWORK_PAGE: page},
        "exports": {
            "data/natverk.graphml": to_graphml(graph),
            "data/natverk.json": to_node_link_json(graph),
        },
    }


def _relation_rows(kb: KnowledgeBase) -> list[tuple]:
    return [
        (s, rel)
        for s in kb.stakeholders.values()
        for rel in s.relations
        if rel.target in kb.stakeholders
    ]
