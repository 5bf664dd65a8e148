"""What a node or edge of the stakeholder graph is, read the same way for every graph.

The analyses (`analytics`, `routes`, `allies`) and the drawings (`drawing`,
`svg`) take a graph from `graph.build_graph`, or one made by hand in a test or
a doctest with only node keys and edge types. These accessors read the
attributes `build_graph` sets and fall back on the node key
(``kind:record_id``) and the edge type when they are missing.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("stakeholder:malmo", "barrier:x", type="advocate")
>>> kind_of(G, "barrier:x"), id_of(G, "barrier:x"), label_of(G, "stakeholder:malmo")
('barrier', 'x', 'malmo')
>>> group_of(G.edges["stakeholder:malmo", "barrier:x", 0])
'stake'
"""

from __future__ import annotations

import networkx as nx

from .graph import EDGE_GROUPS, EDGE_TYPES, STAKEHOLDER, node_key, split_key

#: Position of each edge type in display order, for sorting edges.
TYPE_ORDER: dict[str, int] = {t: i for i, t in enumerate(EDGE_TYPES)}


def kind_of(G: nx.Graph, n: str) -> str:
    """The kind of node `n`: ``stakeholder`` or ``barrier``."""
    return G.nodes[n].get("kind") or split_key(n)[0]


def id_of(G: nx.Graph, n: str) -> str:
    """The plain record id of node `n`."""
    return G.nodes[n].get("record_id") or split_key(n)[1]


def label_of(G: nx.Graph, n: str) -> str:
    """The label of node `n`; its id when it has none."""
    return G.nodes[n].get("label") or id_of(G, n)


def group_of(data: dict) -> str | None:
    """The group of an edge (``relation``, ``responsible``, ...) from its attributes."""
    return data.get("group") or EDGE_GROUPS.get(data.get("type", ""))


def existing_key(G: nx.Graph, kind: str, record_id: str) -> str:
    """The node key of a record, which must be in `G`.

    Raises
    ------
    networkx.NodeNotFound
        When `G` has no such node.

    Examples
    --------
    >>> existing_key(nx.MultiDiGraph(), "stakeholder", "nobody")
    Traceback (most recent call last):
    ...
    networkx.exception.NodeNotFound: there is no stakeholder with the id 'nobody' in the graph
    """
    key = node_key(kind, record_id)
    if key not in G:
        what = "stakeholder" if kind == STAKEHOLDER else "public barrier"
        raise nx.NodeNotFound(f"there is no {what} with the id {record_id!r} in the graph")
    return key
