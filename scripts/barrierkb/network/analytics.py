"""Analyses of the stakeholder graph: brokers, communities, ego networks, the power/interest grid.

Each function takes a graph from `graph.build_graph` (or any graph keyed and
typed the same way) and plain ids, and returns plain lists and dicts that a
template, a table or the CLI can show as they are. Ids in and out are the
records' plain ids (``malmo-stad``), not the graph's node keys. Routes from
one organisation to another are in `routes`, allies in `allies`.
"""

from __future__ import annotations

from collections.abc import Iterable

import igraph
import networkx as nx

from ..records.i18n import N_
from .graph import (
    BARRIER,
    RELATION,
    STAKEHOLDER,
    TYPE_ORDER,
    existing_key,
    group_of,
    id_of,
    label_of,
    node_kind,
)

#: Power and interest scores from this value up count as high.
HIGH_SCORE = 3
#: The four quadrants of the power/interest grid, with Swedish labels.
QUADRANTS: dict[str, str] = {
    "manage_closely": N_("Hantera nära"),
    "keep_satisfied": N_("Håll nöjda"),
    "keep_informed": N_("Håll informerade"),
    "monitor": N_("Bevaka"),
}


def stakeholder_projection(G: nx.Graph) -> nx.Graph:
    """The stakeholders and their relations as a simple undirected graph.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.

    Returns
    -------
    networkx.Graph
        One node per stakeholder (same keys and attributes as in `G`) and one
        edge per pair of stakeholders with at least one relation, whatever
        its direction. Barriers, roles and self-relations are left out.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("stakeholder:a", "stakeholder:b", type="member_of")
    0
    >>> G.add_edge("stakeholder:b", "stakeholder:a", type="funds")
    0
    >>> G.add_edge("stakeholder:a", "barrier:x", type="affected")
    0
    >>> sorted(stakeholder_projection(G).edges)
    [('stakeholder:a', 'stakeholder:b')]
    """
    H = nx.Graph()
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if node_kind(G, n) == STAKEHOLDER)
    H.add_edges_from(
        (u, v)
        for u, v, d in G.edges(data=True)
        if u != v and group_of(d) == RELATION and u in H and v in H
    )
    return H


def brokers(G: nx.Graph) -> list[dict]:
    """Stakeholders ranked by how much they hold the network together.

    Computed on `stakeholder_projection`: exact betweenness centrality
    (normalised; the share of shortest paths between other stakeholders that
    pass through this one), degree centrality, and whether removing the
    stakeholder would split its part of the network (an articulation point).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.

    Returns
    -------
    list of dict
        One dict per stakeholder with ``id``, ``label``, ``betweenness``,
        ``degree_centrality`` (both rounded to six decimals), ``neighbours``
        (number of related stakeholders), ``is_articulation_point`` and
        ``binds``, the names of two neighbours it connects that have no
        relation of their own (`bridged_pair`; empty when there are none);
        sorted by betweenness, then degree, both descending, then by id.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for a in ("a", "c"):
    ...     _ = G.add_edge(f"stakeholder:{a}", "stakeholder:forum", type="member_of")
    >>> [(b["id"], b["betweenness"], b["is_articulation_point"]) for b in brokers(G)]
    [('forum', 1.0, True), ('a', 0.0, False), ('c', 0.0, False)]
    """
    H = stakeholder_projection(G)
    between, degree, cut = _centralities(H)
    rows = [
        {
            "id": id_of(G, n),
            "label": label_of(G, n),
            "betweenness": round(between[n], 6),
            "degree_centrality": round(degree[n], 6),
            "neighbours": H.degree(n),
            "is_articulation_point": n in cut,
            "binds": [label_of(G, m) for m in bridged_pair(H, n) or ()],
        }
        for n in H
    ]
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree_centrality"], r["id"]))
    return rows


def _centralities(H: nx.Graph) -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
    """Betweenness, degree centrality and the articulation points of the simple graph `H`."""
    degree = nx.degree_centrality(H) if len(H) > 1 else dict.fromkeys(H, 0.0)
    return betweenness(H), degree, frozenset(nx.articulation_points(H))


def betweenness(H: nx.Graph) -> dict[str, float]:
    """Exact normalised betweenness centrality of the simple undirected graph `H`.

    The figures of ``networkx.betweenness_centrality(H, normalized=True)``, to
    within rounding in the last bits, computed by igraph's C core: networkx's
    own takes seconds at a thousand stakeholders, where igraph takes a
    fraction of a tenth.

    >>> betweenness(nx.Graph([("a", "hub"), ("hub", "c")]))
    {'a': 0.0, 'hub': 1.0, 'c': 0.0}
    """
    nodes = list(H)
    index = {n: i for i, n in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in H.edges])
    # igraph counts each pair of ends once; networkx's normalised figure divides by the
    # number of ordered pairs of other nodes, (n - 1)(n - 2), after counting each pair twice.
    n = len(nodes)
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    figures = g.betweenness(directed=False)
    return {node: value * scale for node, value in zip(nodes, figures, strict=True)}


def bridged_pair(H: nx.Graph, node: str) -> tuple[str, str] | None:
    """Two neighbours of `node` with no relation of their own, the best connected first.

    `H` is the undirected `stakeholder_projection`. None when every pair of
    neighbours is related directly (the node binds nobody together).

    >>> H = nx.Graph([("hub", "a"), ("hub", "b"), ("hub", "c"), ("a", "b")])
    >>> bridged_pair(H, "hub")
    ('a', 'c')
    """
    neighbours = sorted(H.neighbors(node), key=lambda n: (-H.degree(n), n))
    for i, x in enumerate(neighbours):
        for y in neighbours[i + 1 :]:
            if not H.has_edge(x, y):
                return x, y
    return None


def neighbourhood(
    G: nx.Graph, center: str, radius: int = 1, barriers: bool = True
) -> dict[str, int]:
    """The nodes within `radius` steps of a node, with their distance from it.

    Edges count in both directions. With ``barriers=False`` only stakeholders
    and their relations are walked. `ego_network` describes the same
    neighbourhood by plain ids; the ego drawings place it in rings.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    center : str
        Node key (``stakeholder:<id>``) at the centre.
    radius : int
        How many steps out.
    barriers : bool
        Whether barriers are part of the neighbourhood.

    Returns
    -------
    dict
        Node key to its number of steps from `center` (0 for the centre), in
        the order a breadth-first walk reaches them.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:a", "stakeholder:b", type="member_of")
    >>> _ = G.add_edge("stakeholder:b", "barrier:x", type="advocate")
    >>> neighbourhood(G, "stakeholder:a", 2)
    {'stakeholder:a': 0, 'stakeholder:b': 1, 'barrier:x': 2}
    >>> neighbourhood(G, "stakeholder:a", 2, barriers=False)
    {'stakeholder:a': 0, 'stakeholder:b': 1}
    """
    succ, pred = G._succ, G._pred  # the raw adjacency: this runs for every stakeholder

    def walkable(m: str, keyed: dict) -> bool:
        if barriers:
            return True
        return node_kind(G, m) == STAKEHOLDER and any(
            group_of(d) == RELATION for d in keyed.values()
        )

    distance = {center: 0}
    frontier = [center]
    for step in range(1, radius + 1):
        reached = []
        for n in frontier:
            for adjacency in (succ[n], pred[n]):
                for m, keyed in adjacency.items():
                    if m not in distance and walkable(m, keyed):
                        distance[m] = step
                        reached.append(m)
        frontier = reached
    return distance


def ego_network(G: nx.Graph, stakeholder_id: str, radius: int = 1, barriers: bool = True) -> dict:
    """A stakeholder's neighbourhood: everything within `radius` steps.

    Edges count in both directions. With ``barriers=False`` only stakeholders
    and their relations are walked.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    stakeholder_id : str
        Plain id of the stakeholder at the centre.
    radius : int
        How many steps out (1 or 2 are the useful ones).
    barriers : bool
        Whether barriers are part of the neighbourhood.

    Returns
    -------
    dict
        ``center`` (the id), ``radius``, ``nodes`` and ``edges``. Each node is
        ``{key, kind, id, label, distance}`` plus ``type`` and ``level`` for
        stakeholders or ``status`` for barriers, sorted by distance, kind and
        id. Each edge is ``{source, target, type}`` between node keys, for
        every edge of `G` among those nodes, sorted.

    Raises
    ------
    networkx.NodeNotFound
        When the stakeholder is not in `G`.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:malmo", "stakeholder:gc", type="member_of")
    >>> _ = G.add_edge("stakeholder:kbh", "stakeholder:gc", type="member_of")
    >>> [(n["id"], n["distance"]) for n in ego_network(G, "malmo", 1)["nodes"]]
    [('malmo', 0), ('gc', 1)]
    >>> len(ego_network(G, "malmo", 2)["edges"])
    2
    """
    center = existing_key(G, STAKEHOLDER, stakeholder_id)
    distance = neighbourhood(G, center, radius, barriers)
    # the raw node data and adjacency: this runs for every stakeholder
    node_data, succ = G._node, G._succ
    kind_order = {STAKEHOLDER: 0, BARRIER: 1}
    keyed_rows = []
    for n, steps in distance.items():
        data = node_data[n]
        row = {
            "key": n,
            "kind": node_kind(G, n),
            "id": id_of(G, n),
            "label": label_of(G, n),
            "distance": steps,
        }
        for attr in ("type", "level", "status"):
            if attr in data:
                row[attr] = data[attr]
        keyed_rows.append(((steps, kind_order.get(row["kind"], 2), row["id"]), row))
    keyed_rows.sort(key=lambda pair: pair[0])
    edges = []
    for n in distance:
        adjacency = succ[n]
        # a set intersection, which walks the smaller side: a hub's edges can far
        # outnumber a neighbourhood
        for m in adjacency.keys() & distance.keys():
            for d in adjacency[m].values():
                if barriers or group_of(d) == RELATION:
                    kind = d.get("type", "")
                    edges.append((n, m, TYPE_ORDER.get(kind, 99), kind))
    edges.sort()
    return {
        "center": stakeholder_id,
        "radius": radius,
        "nodes": [row for _, row in keyed_rows],
        "edges": [{"source": n, "target": m, "type": kind} for n, m, _, kind in edges],
    }


def communities(G: nx.Graph, seed: int = 42) -> list[list[str]]:
    """Groups of stakeholders more tied to each other than to the rest.

    Louvain community detection (``networkx.community.louvain_communities``)
    on `stakeholder_projection`, with a fixed seed so that the same graph
    gives the same groups. Treat them as a starting point, not as fact.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    seed : int
        Seed of Louvain's random order.

    Returns
    -------
    list of list of str
        Each community as a sorted list of ids; largest first, then by first
        id. A stakeholder without relations is a community of its own.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v in [("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"),
    ...              ("x", "z"), ("c", "x")]:
    ...     _ = G.add_edge(f"stakeholder:{u}", f"stakeholder:{v}", type="cooperates_with")
    >>> communities(G)
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    H = stakeholder_projection(G)
    if len(H) == 0:
        return []
    parts = nx.community.louvain_communities(H, seed=seed)
    groups = [sorted(id_of(G, n) for n in part) for part in parts]
    return sorted(groups, key=lambda g: (-len(g), g))


def power_interest(G: nx.Graph, leave_out: Iterable[str] = ()) -> dict:
    """The power/interest grid of the stakeholders in the graph.

    A score of `HIGH_SCORE` (3) or more counts as high. Quadrants follow
    Mendelow: high power and interest, manage closely; high power only, keep
    satisfied; high interest only, keep informed; neither, monitor. The scores
    are the home organisation's assessment, read from the nodes' ``power``
    and ``interest`` attributes.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph (the internal build's graph holds its internal
        stakeholders too).
    leave_out : iterable of str
        Plain ids to leave off the grid: the home organisation and its own
        units, which the grid is drawn for, not about.

    Returns
    -------
    dict
        ``points``: ``{id, label, power, interest, quadrant}`` for each
        stakeholder with both scores, by power and interest descending, then
        id; ``quadrants``: ``{key, label, ids}`` for the four quadrants in the
        order of `QUADRANTS`; ``unscored``: ``{id, label}`` for the rest.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("stakeholder:gov", label="Regeringen", power=5, interest=2)
    >>> G.add_node("stakeholder:x", label="X")
    >>> grid = power_interest(G)
    >>> grid["points"][0]["quadrant"], grid["unscored"]
    ('keep_satisfied', [{'id': 'x', 'label': 'X'}])
    """
    points, unscored = [], []
    left_out = set(leave_out)
    stakeholders = sorted(
        (n for n in G if node_kind(G, n) == STAKEHOLDER and id_of(G, n) not in left_out),
        key=lambda n: id_of(G, n),
    )
    for n in stakeholders:
        sid, label = id_of(G, n), label_of(G, n)
        power, interest = G.nodes[n].get("power"), G.nodes[n].get("interest")
        if power is None or interest is None:
            unscored.append({"id": sid, "label": label})
            continue
        high_power, high_interest = power >= HIGH_SCORE, interest >= HIGH_SCORE
        if high_power:
            quadrant = "manage_closely" if high_interest else "keep_satisfied"
        else:
            quadrant = "keep_informed" if high_interest else "monitor"
        points.append(
            {"id": sid, "label": label, "power": power, "interest": interest, "quadrant": quadrant}
        )
    points.sort(key=lambda p: (-p["power"], -p["interest"], p["id"]))
    quadrants = [
        {"key": key, "label": label, "ids": [p["id"] for p in points if p["quadrant"] == key]}
        for key, label in QUADRANTS.items()
    ]
    return {"points": points, "quadrants": quadrants, "unscored": unscored}


__all__ = [
    "brokers",
    "communities",
    "ego_network",
    "neighbourhood",
    "power_interest",
    "stakeholder_projection",
]
