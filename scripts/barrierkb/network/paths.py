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

The four parts are packed into one integer weight per step (`step_weight`).
One Dijkstra run from home gives the cheapest cost of reaching every
stakeholder; a best-first search from each target back towards home, guided
by those costs, then reads its simple paths cheapest first (`_Stream`).
Where more paths tie than are shown, the names of their stops, read from the
target back, decide which are kept.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

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
#: After this many partial paths without a whole one, `_Stream` checks each partial
#: path it extends for a way home (a graph search each), so that dead ends cannot
#: multiply. `gates_to` already rules out the usual ones.
DEAD_END_BUDGET = 2_000


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


def gates_to(U: nx.Graph, home: str) -> dict[str, frozenset[str]]:
    """For each node connected to `home`, the nodes every path between the two passes.

    Those are the cut vertices on the way through the graph's blocks (its
    biconnected components) from `home` to the node, the two ends aside. A
    path back towards home that has already stopped at one of them cannot get
    home without stopping there twice.

    >>> U = nx.Graph([("home", "forum"), ("forum", "a"), ("forum", "b"), ("a", "b"),
    ...               ("b", "c")])
    >>> {n: sorted(g) for n, g in sorted(gates_to(U, "home").items())}
    {'a': ['forum'], 'b': ['forum'], 'c': ['b', 'forum'], 'forum': [], 'home': []}
    """
    if home not in U:
        return {}
    cuts = set(nx.articulation_points(U))
    blocks_of: dict[str, list[frozenset[str]]] = {}
    for block in map(frozenset, nx.biconnected_components(U)):
        for n in block:
            blocks_of.setdefault(n, []).append(block)
    gates: dict[str, frozenset[str]] = {home: frozenset()}
    entered: set[frozenset[str]] = set()
    queue = [(home, frozenset[str]())]
    while queue:
        gate, before = queue.pop(0)
        for block in blocks_of.get(gate, ()):
            if block in entered:
                continue
            entered.add(block)
            for n in sorted(block - gates.keys()):
                gates[n] = before
                if n in cuts:
                    queue.append((n, before | {n}))
    return gates


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
        self._names: dict[str, str] = {}
        self._ids: dict[str, tuple[str, str]] = {}
        self._streams: dict[str, _Stream] = {}

    @cached_property
    def gates(self) -> dict[str, frozenset[str]]:
        """`gates_to` home, over the relations."""
        return gates_to(self.D.to_undirected(as_view=True), self.home)

    def leads_home(self, start: str, blocked: Iterable[str]) -> bool:
        """Whether a path goes from `start` home without stopping at `blocked`."""
        avoid = set(blocked) - {start}
        view = nx.subgraph_view(self.D, filter_node=lambda n: n not in avoid)
        return nx.has_path(view, start, self.home)

    @cached_property
    def reached(self) -> dict[str, int]:
        """The cheapest cost from home to every stakeholder it can reach."""
        if self.home not in self.D:
            return {}
        return nx.single_source_dijkstra_path_length(self.D, self.home, weight="w")

    def name(self, node: str) -> str:
        """The name a stop is sorted by (its label, case-folded)."""
        if node not in self._names:
            self._names[node] = str(label_of(self.G, node)).casefold()
        return self._names[node]

    def weight(self, stop: str, cooperation: bool, inferred: bool = False) -> int:
        return step_weight(inferred, stop in self.home_forums, cooperation)

    def stream(self, target: str) -> _Stream:
        """The paths from home to `target`, read lazily; one per target, shared."""
        if target not in self._streams:
            self._streams[target] = _Stream(self, target)
        return self._streams[target]

    def ranked(self, target: str, forums: Iterable[str] = (), k: int = 3) -> list[list[Path]]:
        """The best paths from home to `target`, as groups of equals, best group first.

        Paths go straight to `target` or end with an inferred step from one of
        `forums`. At least `k` paths when there are that many; the last group
        holds the k-th path's equals, up to `MAX_EQUALS` more, taken by the
        names of their stops from the target back (as `_Stream` reads them).
        """
        if target in self.units:
            return [[Path(self.units[target], 0)]]
        last = self.weight(target, False, inferred=True)
        streams = [(self.stream(target), 0)]
        # a forum whose every path from home passes the target adds nothing: skip reading them all
        streams += [
            (self.stream(f), last)
            for f in sorted(set(forums))
            if f != target and f in self.D and target != self.home
            if target not in self.gates.get(f, ())
        ]
        # (cost, names from the target back, stops from the target back, stream, index)
        heap: list[tuple[int, tuple[str, ...], tuple[str, ...], int, int]] = []

        def push(si: int, j: int) -> None:
            stream, extra = streams[si]
            while (path := stream.get(j)) is not None:
                names, backwards = stream.keys[j]
                if not extra:
                    heapq.heappush(heap, (path.cost, names, backwards, si, j))
                    return
                if target not in path.nodes:
                    names, backwards = (self.name(target), *names), (target, *backwards)
                    heapq.heappush(heap, (path.cost + extra, names, backwards, si, j))
                    return
                j += 1

        for si in range(len(streams)):
            push(si, 0)
        found: list[tuple[tuple[str, ...], Path]] = []
        seen: set[tuple[str, ...]] = set()
        while heap and len(found) < k + MAX_EQUALS:
            cost, names, backwards, si, j = heapq.heappop(heap)
            if len(found) >= k and cost > found[-1][1].cost:
                break
            nodes = backwards[::-1]
            if nodes not in seen:  # a recorded path beats the same stops inferred
                seen.add(nodes)
                found.append((names[::-1], Path(nodes, cost, inferred=bool(streams[si][1]))))
            push(si, j + 1)
        groups: dict[int, list[tuple[tuple[str, ...], Path]]] = {}
        for names, path in found:
            groups.setdefault(path.cost, []).append((names, path))
        # equals are listed by the names of their stops from home on
        return [
            [path for _, path in sorted(groups[c], key=lambda e: (e[0], e[1].nodes))]
            for c in sorted(groups)
        ]

    def steps(self, path: Path) -> list[dict]:
        """A path as a list of stops ``{id, label, via, reverse, inferred}``."""
        nodes = path.nodes
        out = [self._stop(nodes[0], None, False, False)]
        for i in range(1, len(nodes)):
            if path.inferred and i == len(nodes) - 1:
                out.append(self._stop(nodes[i], RAISED_AT, False, True))
            else:
                kind, backward = self.via[(nodes[i - 1], nodes[i])]
                out.append(self._stop(nodes[i], kind, backward, False))
        return out

    def _stop(self, node: str, via: str | None, reverse: bool, inferred: bool) -> dict:
        if node not in self._ids:
            data = self.G._node[node]
            self._ids[node] = data.get("record_id", node.partition(":")[2]), label_of(self.G, node)
        plain, label = self._ids[node]
        return {"id": plain, "label": label, "via": via, "reverse": reverse, "inferred": inferred}


class _Stream:
    """The simple paths from home to one stakeholder, read lazily, cheapest first.

    A best-first search from the target back towards home over partial paths,
    each ranked by its cost so far plus the cheapest cost from home to its
    first stop (`Router.reached`). That estimate never exceeds the true cost
    of the rest of a simple path and falls by at most a step's weight from one
    stop to the one before it, so whole paths come out cheapest first, and
    equal ones by the names of their stops from the target back: a partial
    path's key comes before the keys of the paths that extend it.
    """

    def __init__(self, router: Router, target: str):
        self.router = router
        self.found: list[Path] = []
        #: For each path found: the names of its stops and the stops, from the target back.
        self.keys: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
        # (estimate, names from the target back, stops from the target back, cost so far)
        self._heap: list[tuple[int, tuple[str, ...], tuple[str, ...], int]] = []
        self._idle = 0  # partial paths taken since the last whole one
        if target == router.home and target in router.D:
            self.found.append(Path((target,), 0))
            self.keys.append(((router.name(target),), (target,)))
        elif target in router.reached:
            self._heap.append((router.reached[target], (router.name(target),), (target,), 0))

    def get(self, i: int) -> Path | None:
        router = self.router
        heap, reached, gates, home = self._heap, router.reached, router.gates, router.home
        pred, name = router.D._pred, router.name
        while len(self.found) <= i and heap:
            _, names, backwards, cost = heapq.heappop(heap)
            first = backwards[-1]
            if first == home:
                self.found.append(Path(backwards[::-1], cost))
                self.keys.append((names, backwards))
                self._idle = 0
                continue
            self._idle += 1
            if self._idle > DEAD_END_BUDGET and not router.leads_home(first, backwards):
                continue
            for u, data in pred[first].items():
                if u in reached and u not in backwards and gates[u].isdisjoint(backwards):
                    g = cost + data["w"]
                    heapq.heappush(heap, (g + reached[u], (*names, name(u)), (*backwards, u), g))
        return self.found[i] if i < len(self.found) else None
