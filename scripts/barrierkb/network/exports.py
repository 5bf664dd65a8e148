"""The stakeholder graph as files: GraphML for Gephi, node-link JSON, and the SVG drawing."""

from __future__ import annotations

import io
import json

import networkx as nx

from .drawings import network_svg

#: The formats `export_graph` writes.
FORMATS: tuple[str, ...] = ("graphml", "json", "svg")


def export_graph(G: nx.Graph, fmt: str, home: str | None = "malmo-stad") -> str:
    """The graph in one of `FORMATS`, as text.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("stakeholder:a", label="A")
    >>> export_graph(G, "json").startswith("{")
    True
    """
    if fmt == "graphml":
        return to_graphml(G)
    if fmt == "json":
        return to_node_link_json(G)
    if fmt == "svg":
        return network_svg(G, home=home)
    raise ValueError(f"unknown graph format {fmt!r}; use {', '.join(FORMATS)}")


def to_graphml(G: nx.Graph) -> str:
    """The graph as GraphML, for Gephi and other tools.

    Parameters
    ----------
    G : networkx.Graph
        A graph from `build_graph` (any graph whose attribute values are
        str, int, float or bool).

    Returns
    -------
    str
        A UTF-8 GraphML document; the same graph gives the same text.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("stakeholder:a", label="A", power=3)
    >>> G.add_edge("stakeholder:a", "stakeholder:a", key="funds", type="funds")
    'funds'
    >>> H = nx.read_graphml(io.BytesIO(to_graphml(G).encode()))
    >>> H.nodes["stakeholder:a"]
    {'label': 'A', 'power': 3}
    """
    out = io.BytesIO()
    nx.write_graphml(G, out, encoding="utf-8", prettyprint=True)
    return out.getvalue().decode("utf-8")


def to_node_link_json(G: nx.Graph) -> str:
    """The graph as node-link JSON (``nodes`` and ``edges``), sorted and indented.

    Parameters
    ----------
    G : networkx.Graph
        A graph from `build_graph`.

    Returns
    -------
    str
        JSON text ending in a newline; the same graph gives the same text.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("stakeholder:a", "stakeholder:b", key="member_of", type="member_of")
    'member_of'
    >>> data = json.loads(to_node_link_json(G))
    >>> data["edges"][0]["source"], data["edges"][0]["key"]
    ('stakeholder:a', 'member_of')
    """
    data = nx.node_link_data(G, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
