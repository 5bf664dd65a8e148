"""Ranked paths between stakeholders: recorded relations first, ties broken by meaning.

A path runs over the recorded relations, each walked both ways, and may end
with one inferred step: from a forum where a barrier is raised to someone
who can act on it (the records say the barrier is on the forum's table, not
that the forum takes it further). A path's cost has four parts, compared in
this order:

1. its number of steps, fewer first;
2. its number of inferred steps, fewer first;
3. its stops at forums the home organisation does not attend, fewer first;
4. its steps that are not recorded cooperation (`cooperates_with`), fewer first.

Paths whose costs are still equal are equals: they share a rank and are
listed by the names of their stops. Ids never decide which path wins. A
path to one of the home organisation's own units is the `part_of` chain
down to it, and nothing else.

The four parts are packed into one integer weight per step (`step_weight`),
so networkx's `shortest_simple_paths` (Yen's algorithm over Dijkstra) finds
paths in cost order.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import networkx as nx

from .graph import RAISED_AT, RELATION, STAKEHOLDER, TYPE_ORDER, group_of, label_of, node_kind

#: Weight of each part of a step's cost; a part never outweighs one above it
#: on paths of fewer than 100 steps.
STEP, INFERRED, OUTSIDE, NOT_COOPERATION = 10**6, 10**4, 10**2, 1
#: Relations that count as recorded cooperation for the fourth part of the cost.
COOPERATION = frozenset({"cooperates_with"})
#: Relations by which an organisation attends a forum.
ATTENDS = frozenset({"member_of", "secretariat_of"})
#: At most this many paths are read past the k-th while looking for its equals.
MAX_EQUALS = 12


def step_weight(inferred: bool, home_forum: bool, cooperation: bool) -> int:
    """The cost of one step as an integer; see the module docstring.

    >>> own, outside = step_weight(False, True, True), step_weight(False, False, True)
    >>> own < outside < step_weight(True, True, True)
    True
    >>> 2 * step_weight(True, False, False) < 3 * step_weight(False, True, True)
    True
    """
    return (
        STEP
        + (INFERRED if inferred else 0)
        + (0 if home_forum else OUTSIDE)
        + (0 if cooperation else NOT_COOPERATION)
    )


@dataclass(frozen=True)
class Path:
    """A path of node keys; `inferred` when its last step is inferred from a forum."""

    nodes: tuple[str, ...]
    cost: int
    inferred: bool = False


def units_of(G: nx.Graph, home: str) -> dict[str, tuple[str, ...]]:
    """The home organisation's own units: node key -> the `part_of` chain down from home.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:dept", "stakeholder:city", type="part_of")
    >>> _ = G.add_edge("stakeholder:office", "stakeholder:dept", type="part_of")
    >>> units_of(G, "stakeholder:city")["stakeholder:office"]
    ('stakeholder:city', 'stakeholder:dept', 'stakeholder:office')
    """
    chains: dict[str, tuple[str, ...]] = {home: (home,)}
    frontier = [home]
    while frontier:
        parent = frontier.pop(0)
        for child in sorted(G.predecessors(parent)):
            parts = G.get_edge_data(child, parent) or {}
            if child not in chains and any(d.get("type") == "part_of" for d in parts.values()):
                chains[child] = (*chains[parent], child)
                frontier.append(child)
    del chains[home]
    return chains


def forums_of(G: nx.Graph, members: Iterable[str]) -> set[str]:
    """The forums that any of `members` is a member or the secretariat of."""
    return {
        v
        for m in members
        for _, v, d in G.out_edges(m, data=True)
        if d.get("type") in ATTENDS and node_kind(G, v) == STAKEHOLDER
    }


class Router:
    """Paths from one home organisation, in cost order, cached per target.

    The relations become a directed graph with both directions of every
    recorded pair, each weighted by `step_weight`; `via` keeps, for each
    direction, the relation a step names (recorded direction first, then the
    relation order of the vocabulary).
    """

    def __init__(self, G: nx.Graph, home: str):
        self.G, self.home = G, home
        self.units = units_of(G, home) if home in G else {}
        self.home_forums = forums_of(G, [home, *self.units]) if home in G else set()
        self.via: dict[tuple[str, str], tuple[str, bool]] = {}
        cooperation: set[frozenset[str]] = set()
        D = nx.DiGraph()
        D.add_nodes_from(sorted(n for n in G.nodes if node_kind(G, n) == STAKEHOLDER))
        for u, v, d in sorted(G.edges(data=True), key=lambda e: (e[0], e[1])):
            if u == v or group_of(d) != RELATION or u not in D or v not in D:
                continue
            kind = d.get("type", "")
            if kind in COOPERATION:
                cooperation.add(frozenset((u, v)))
            for a, b, backward in ((u, v, False), (v, u, True)):
                found = self.via.get((a, b))
                if found is None or (backward, TYPE_ORDER.get(kind, 99)) < (
                    found[1],
                    TYPE_ORDER.get(found[0], 99),
                ):
                    self.via[(a, b)] = (kind, backward)
        for a, b in sorted(self.via):
            D.add_edge(a, b, w=self.weight(b, frozenset((a, b)) in cooperation))
        self.D = D
        self._streams: dict[tuple[str, str], _Stream] = {}

    def weight(self, stop: str, cooperation: bool, inferred: bool = False) -> int:
        return step_weight(inferred, stop in self.home_forums, cooperation)

    def stream(self, source: str, target: str) -> _Stream:
        key = (source, target)
        if key not in self._streams:
            self._streams[key] = _Stream(self, source, target)
        return self._streams[key]

    def ranked(self, target: str, forums: Iterable[str] = (), k: int = 3) -> list[list[Path]]:
        """The best paths from home to `target`, as groups of equals, best group first.

        Paths go straight to `target` or end with an inferred step from one of
        `forums`. At least `k` paths when there are that many; the last group
        holds all the k-th path's equals found among the next `MAX_EQUALS`.
        """
        if target in self.units:
            return [[Path(self.units[target], 0)]]
        last = self.weight(target, False, inferred=True)
        streams = [(self.stream(self.home, target), 0)]
        streams += [
            (self.stream(self.home, f), last)
            for f in sorted(set(forums))
            if f != target and f in self.D
        ]
        heap: list[tuple[int, int, int]] = []

        def push(si: int, j: int) -> None:
            stream, extra = streams[si]
            while (path := stream.get(j)) is not None:
                if not extra:
                    heapq.heappush(heap, (path.cost, si, j))
                    return
                if target not in path.nodes:
                    heapq.heappush(heap, (path.cost + extra, si, j))
                    return
                j += 1

        for si in range(len(streams)):
            push(si, 0)
        found: list[Path] = []
        seen: set[tuple[str, ...]] = set()
        while heap and len(found) < k + MAX_EQUALS:
            cost, si, j = heapq.heappop(heap)
            if len(found) >= k and cost > found[-1].cost:
                break
            path = streams[si][0].get(j)
            assert path is not None
            if streams[si][1]:
                path = Path((*path.nodes, target), cost, inferred=True)
            if path.nodes not in seen:  # a recorded path beats the same stops inferred
                seen.add(path.nodes)
                found.append(path)
            push(si, j + 1)
        groups: dict[int, list[Path]] = {}
        for path in found:
            groups.setdefault(path.cost, []).append(path)
        return [sorted(groups[c], key=self._by_name) for c in sorted(groups)]

    def _by_name(self, path: Path) -> tuple:
        return tuple(str(label_of(self.G, n)).casefold() for n in path.nodes), path.nodes

    def steps(self, path: Path) -> list[dict]:
        """A path as a list of stops ``{id, label, via, reverse, inferred}``."""
        G, nodes = self.G, path.nodes
        out = [_stop(G, nodes[0], None, False, False)]
        for i in range(1, len(nodes)):
            if path.inferred and i == len(nodes) - 1:
                out.append(_stop(G, nodes[i], RAISED_AT, False, True))
            else:
                kind, backward = self.via[(nodes[i - 1], nodes[i])]
                out.append(_stop(G, nodes[i], kind, backward, False))
        return out


def _stop(G: nx.Graph, node: str, via: str | None, reverse: bool, inferred: bool) -> dict:
    return {
        "id": G.nodes[node].get("record_id", node.partition(":")[2]),
        "label": label_of(G, node),
        "via": via,
        "reverse": reverse,
        "inferred": inferred,
    }


class _Stream:
    """The paths from one stakeholder to another, read lazily in cost order."""

    def __init__(self, router: Router, source: str, target: str):
        self.router = router
        self.found: list[Path] = []
        self._paths: Iterator[list[str]] | None
        if source == target and source in router.D:
            self.found.append(Path((source,), 0))
            self._paths = None
        elif source in router.D and target in router.D:
            self._paths = nx.shortest_simple_paths(router.D, source, target, weight="w")
        else:
            self._paths = None

    def get(self, i: int) -> Path | None:
        while len(self.found) <= i and self._paths is not None:
            try:
                nodes = next(self._paths)
            except (StopIteration, nx.NetworkXNoPath):
                self._paths = None
                break
            steps = zip(nodes, nodes[1:], strict=False)
            cost = sum(self.router.D.edges[a, b]["w"] for a, b in steps)
            self.found.append(Path(tuple(nodes), cost))
        return self.found[i] if i < len(self.found) else None
