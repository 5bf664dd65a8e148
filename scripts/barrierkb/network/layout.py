"""Where the drawings place their nodes: bands by level for the network, rings for ego networks.

No randomness is involved, so the same graph gives the same positions; the
drawings (`drawings`) only write what these functions place.
"""

from __future__ import annotations

import math

import networkx as nx

from ..records import vocab
from .analytics import neighbourhood, stakeholder_projection
from .graph import STAKEHOLDER, id_of, label_of, node_kind
from .svg import FONT, LINE, NODE_R, SHAPE_ORDER, label_box, shape_of, wrap_label

#: Bands of the network drawing, top to bottom.
LEVEL_ORDER: tuple[str, ...] = vocab.LEVELS
_STAKEHOLDER_TYPE_ORDER = {t: i for i, t in enumerate(vocab.STAKEHOLDER_TYPES)}
#: Where a node's label starts: its first baseline this far below the node's centre.
LABEL_DROP = NODE_R + 14.0
#: Space kept between two labels, or a label and the next node.
GAP = 8.0


def label_size(G: nx.Graph, n: str) -> tuple[float, int]:
    """The width of a node's wrapped label and its number of lines."""
    lines = wrap_label(label_of(G, n))
    left, _, right, _ = label_box(0.0, 0.0, lines)
    return right - left, len(lines)


def network_layout(
    G: nx.Graph, per_row: int | None = None, width: float = 1200.0, sweeps: int = 4
) -> dict[str, tuple[float, float]]:
    """Positions of the stakeholders in bands by level, ordered to cut crossings.

    Each level (local at the top, EU at the bottom) is a band of columns;
    nodes are ordered within their band by the mean position of their
    related nodes in the other bands (a few barycentre sweeps), ties by id.
    Columns are as wide as the widest wrapped label and rows as tall as the
    tallest, so no two labels overlap (`svg.label_box` sizes them). No
    randomness is involved.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    per_row : int or None
        At most this many columns in a band; more nodes make more rows. By
        default, as many as the widest label leaves room for.
    width : float
        Width of the drawing.
    sweeps : int
        Barycentre sweeps down and up the bands.

    Returns
    -------
    dict
        Node key to (x, y), for stakeholder nodes only.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("stakeholder:a", level="local")
    >>> G.add_node("stakeholder:b", level="eu")
    >>> pos = network_layout(G)
    >>> pos["stakeholder:a"][1] < pos["stakeholder:b"][1]
    True
    """
    left, right = 120.0, 30.0
    bands: dict[str, list[str]] = {level: [] for level in LEVEL_ORDER}
    for n in G:
        if node_kind(G, n) == STAKEHOLDER:
            bands.setdefault(G.nodes[n].get("level", "local"), []).append(n)
    for nodes in bands.values():
        nodes.sort(
            key=lambda n: (_STAKEHOLDER_TYPE_ORDER.get(G.nodes[n].get("type", ""), 99), id_of(G, n))
        )
    neighbours = stakeholder_projection(G)
    sizes = {n: label_size(G, n) for nodes in bands.values() for n in nodes}
    column_width = max((w for w, _ in sizes.values()), default=0.0) + GAP
    fits = max(1, int((width - left - right) // max(column_width, 2 * NODE_R + GAP)))
    per_row = min(per_row, fits) if per_row else fits

    def columns(nodes: list[str]) -> dict[str, tuple[int, int, int]]:
        count = len(nodes)
        rows = max(1, math.ceil(count / per_row))
        cols = math.ceil(count / rows) if count else 1
        return {n: (i // rows, i % rows, cols) for i, n in enumerate(nodes)}

    def x_of(col: int, cols: int) -> float:
        return left + (col + 0.5) * (width - left - right) / cols

    def xs() -> dict[str, float]:
        out = {}
        for nodes in bands.values():
            for n, (col, _, cols) in columns(nodes).items():
                out[n] = x_of(col, cols)
        return out

    order = [level for level in bands if bands[level]]
    for sweep in range(sweeps):
        for level in order if sweep % 2 == 0 else list(reversed(order)):
            current = xs()
            nodes = bands[level]

            def barycentre(n: str, current: dict = current, level: str = level) -> float:
                others = [
                    current[m] for m in neighbours[n] if G.nodes[m].get("level", "local") != level
                ]
                return sum(others) / len(others) if others else current[n]

            bands[level] = sorted(nodes, key=lambda n: (round(barycentre(n), 6), id_of(G, n)))

    pos: dict[str, tuple[float, float]] = {}
    y = 20.0
    for level in bands:
        nodes = bands[level]
        if not nodes:
            continue
        placed = columns(nodes)
        rows = max(row for _, row, _ in placed.values()) + 1
        lines = max(sizes[n][1] for n in nodes)
        row_height = LABEL_DROP + (lines - 1) * LINE + 0.3 * FONT + GAP + NODE_R
        for n, (col, row, cols) in placed.items():
            pos[n] = (x_of(col, cols), y + 30 + row * row_height)
        y += 30 + rows * row_height + 10
    return pos


def ego_layout(
    G: nx.Graph, center: str, radius: int = 1, barriers: bool = True
) -> tuple[dict[str, tuple[float, float]], dict[str, int]]:
    """Positions of a node's neighbourhood in rings around it.

    The first ring holds direct neighbours by kind, type and id; the second
    ring holds the rest, each placed near the mean angle of the first-ring
    nodes it hangs from. No randomness is involved.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    center : str
        Node key at the centre.
    radius : int
        How many rings (steps out).
    barriers : bool
        Whether to walk through and show barriers.

    Returns
    -------
    tuple of dict
        Node key to (x, y), with the centre at (0, 0); and node key to its
        distance from the centre.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:a", "stakeholder:b", type="member_of")
    >>> pos, dist = ego_layout(G, "stakeholder:a")
    >>> pos["stakeholder:a"], dist["stakeholder:b"]
    ((0.0, 0.0), 1)
    """
    distance = neighbourhood(G, center, radius, barriers)
    return ring_positions(G, center, distance), distance


def ring_positions(
    G: nx.Graph, center: str, distance: dict[str, int]
) -> dict[str, tuple[float, float]]:
    """Positions for `ego_layout`, from each node's distance to the centre."""

    def sort_key(n: str) -> tuple:
        kind = 0 if node_kind(G, n) == STAKEHOLDER else 1
        shape = SHAPE_ORDER.get(shape_of(G, n), 9)
        return (kind, shape, id_of(G, n))

    pos: dict[str, tuple[float, float]] = {center: (0.0, 0.0)}
    angle: dict[str, float] = {}
    ring_radius = 0.0
    for step in range(1, max(distance.values()) + 1):
        ring = [n for n, d in distance.items() if d == step]
        if step == 1:
            ordered = sorted(ring, key=sort_key)
        else:

            def parent_angle(n: str, step: int = step) -> float:
                parents = [
                    angle[m]
                    for m in (*G.succ[n], *G.pred[n])
                    if distance.get(m) == step - 1 and m in angle
                ]
                return sum(parents) / len(parents) if parents else 0.0

            ordered = sorted(ring, key=lambda n: (round(parent_angle(n), 6), sort_key(n)))
        ring_radius = max(ring_radius + 150.0, len(ordered) * 45.0 / math.pi, 150.0)
        for i, n in enumerate(ordered):
            a = 2 * math.pi * i / len(ordered)
            angle[n] = a
            pos[n] = (ring_radius * math.sin(a), -ring_radius * math.cos(a))
    return pos
