"""What the network analyses say about the records, computed once per build.

`prepare` fills a `NetworkView` from the graph; the page renderers only read
it. Each field holds the plain data a `network` function returns (see their
docstrings for the shape of each row).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..network import analytics
from ..network.allies import all_allies, home_allies
from ..network.graph import id_of
from ..network.paths import units_of
from ..network.reach import reach
from ..network.routes import all_advocacy_routes


@dataclass(frozen=True)
class NetworkView:
    """The stakeholder graph and every analysis the site shows of it."""

    graph: nx.MultiDiGraph
    #: The home organisation, when it is in the graph.
    home: str | None
    #: Barrier id -> `routes.advocacy_routes` of the barrier from the home organisation.
    routes: dict[str, list[dict]]
    #: Barrier id -> `allies.allies` of the barrier.
    allies: dict[str, list[dict]]
    #: Stakeholder id -> the stakeholders two steps away (`analytics.ego_network` rows).
    second_circle: dict[str, list[dict]]
    #: `analytics.brokers`, the 25 who hold the network together most.
    brokers: list[dict]
    #: `allies.home_allies`, the 25 who share most with the home organisation.
    home_allies: list[dict]
    communities: list[list[str]]
    #: `analytics.power_interest`, without the home organisation and its units.
    grid: dict
    #: `reach.reach` of the home organisation: who it reaches in one and two steps.
    home_reach: dict


def network_view(graph: nx.MultiDiGraph, home: str, strategy: bool = True) -> NetworkView:
    """Run every analysis the site shows, once.

    Routes and allies are the home organisation's strategy: only an internal
    build shows them, so a public one passes `strategy=False` and skips them.
    """
    home_in = home if f"stakeholder:{home}" in graph else None
    plan = home_in if strategy else None
    own = (
        [home, *(id_of(graph, k) for k in units_of(graph, f"stakeholder:{home}"))]
        if home_in
        else []
    )
    second = {}
    for _, data in graph.nodes(data=True):
        if data.get("kind") == "stakeholder":
            sid = data["record_id"]
            nodes = analytics.ego_network(graph, sid, radius=2, barriers=False)["nodes"]
            second[sid] = [node for node in nodes if node["distance"] == 2]
    return NetworkView(
        graph=graph,
        home=home_in,
        routes=all_advocacy_routes(graph, plan) if plan else {},
        allies=all_allies(graph, plan) if plan else {},
        second_circle=second,
        brokers=analytics.brokers(graph)[:25],
        home_allies=home_allies(graph, plan)[:25] if plan else [],
        communities=analytics.communities(graph),
        grid=analytics.power_interest(graph, leave_out=own),
        home_reach=reach(graph, home_in) if home_in else {"one": [], "two": []},
    )
