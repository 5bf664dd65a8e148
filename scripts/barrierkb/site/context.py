"""What the network analyses say about the records, each computed once, when first read.

`prepare` makes a `NetworkView` of the graph; the page renderers only read
it. Each property holds the plain data a `network` function returns (see
their docstrings for the shape of each row).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import networkx as nx

from ..network import analytics
from ..network.allies import all_allies, home_allies
from ..network.graph import id_of
from ..network.paths import units_of
from ..network.reach import reach
from ..network.routes import all_advocacy_routes


@dataclass(frozen=True)
class NetworkView:
    """The stakeholder graph and every analysis the site shows of it.

    Each analysis runs the first time a page asks for it, and once: a process
    that renders only some of the pages (`site.ahead`) pays only for theirs.
    Exact betweenness alone grows with nodes times edges.
    """

    graph: nx.MultiDiGraph
    #: The home organisation, when it is in the graph.
    home: str | None
    #: Whether the home organisation's strategy (routes, allies) is shown: internal builds.
    strategy: bool = False

    @property
    def _plan(self) -> str | None:
        """The home organisation, when its strategy is shown."""
        return self.home if self.strategy else None

    @cached_property
    def routes(self) -> dict[str, list[dict]]:
        """Barrier id -> `routes.advocacy_routes` of the barrier from the home organisation."""
        return all_advocacy_routes(self.graph, self._plan) if self._plan else {}

    @cached_property
    def allies(self) -> dict[str, list[dict]]:
        """Barrier id -> `allies.allies` of the barrier."""
        return all_allies(self.graph, self._plan) if self._plan else {}

    @cached_property
    def second_circle(self) -> dict[str, list[dict]]:
        """Stakeholder id -> the stakeholders two steps away (`analytics.ego_network` rows)."""
        second = {}
        for _, data in self.graph.nodes(data=True):
            if data.get("kind") == "stakeholder":
                sid = data["record_id"]
                ego = analytics.ego_network(self.graph, sid, radius=2, barriers=False)
                second[sid] = [node for node in ego["nodes"] if node["distance"] == 2]
        return second

    @cached_property
    def brokers(self) -> list[dict]:
        """`analytics.brokers`, the 25 who hold the network together most."""
        return analytics.brokers(self.graph)[:25]

    @cached_property
    def home_allies(self) -> list[dict]:
        """`allies.home_allies`, the 25 who share most with the home organisation."""
        return home_allies(self.graph, self._plan)[:25] if self._plan else []

    @cached_property
    def communities(self) -> list[list[str]]:
        """`analytics.communities`: stakeholders more tied to each other than to the rest."""
        return analytics.communities(self.graph)

    @cached_property
    def grid(self) -> dict:
        """`analytics.power_interest`, without the home organisation and its units."""
        if not self.home:
            return analytics.power_interest(self.graph, leave_out=[])
        units = units_of(self.graph, f"stakeholder:{self.home}")
        own = [self.home, *(id_of(self.graph, k) for k in units)]
        return analytics.power_interest(self.graph, leave_out=own)

    @cached_property
    def home_reach(self) -> dict:
        """`reach.reach` of the home organisation: who it reaches in one and two steps."""
        return reach(self.graph, self.home) if self.home else {"one": [], "two": []}


def network_view(graph: nx.MultiDiGraph, home: str, strategy: bool = True) -> NetworkView:
    """The analyses the site shows of `graph`, each run when first read.

    Routes and allies are the home organisation's strategy: only an internal
    build shows them, so a public one passes `strategy=False` and skips them.
    """
    return NetworkView(graph, home if f"stakeholder:{home}" in graph else None, strategy)
