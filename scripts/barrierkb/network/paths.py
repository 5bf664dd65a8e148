"""The k shortest simple paths between stakeholders, over their relations walked both ways.

`Router` is the engine behind `routes`: it works on node keys, finds paths in
a fixed order (`Router`'s docstring says which) and turns a path into the
stops a route lists. `best_paths` merges the paths straight to a target with
those that end with a hop from a forum.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable

import networkx as nx

from .graph import (
    RAISED_AT,
    RELATION,
    STAKEHOLDER,
    TYPE_ORDER,
    group_of,
    id_of,
    label_of,
    node_kind,
)


class Router:
    """Shortest simple paths over the relations, walked both ways.

    Paths come in order of length, then of their node keys, so ties are
    broken by id. The k best are found with Yen's algorithm; every spur path
    is the lexicographically smallest shortest path (a breadth-first search
    over sorted neighbours keeps the first parent it finds), which makes Yen's
    candidates exact for that order. Streams of paths are cached per
    (source, target), so routes for many barriers share the work.
    """

    def __init__(self, G: nx.Graph):
        self.G = G
        adj: dict[str, set[str]] = {n: set() for n in G.nodes if node_kind(G, n) == STAKEHOLDER}
        via: dict[tuple[str, str], tuple[str, bool]] = {}
        for u, v, d in G.edges(data=True):
            if u == v or group_of(d) != RELATION or u not in adj or v not in adj:
                continue
            adj[u].add(v)
            adj[v].add(u)
            for a, b, backward in ((u, v, False), (v, u, True)):
                found = via.get((a, b))
                kind = d.get("type", "")
                if found is None or (backward, TYPE_ORDER.get(kind, 99)) < (
                    found[1],
                    TYPE_ORDER.get(found[0], 99),
                ):
                    via[(a, b)] = (kind, backward)
        self.adj = {n: tuple(sorted(ns)) for n, ns in adj.items()}
        self.via = via
        self._trees: dict[str, dict[str, str | None]] = {}
        self._streams: dict[tuple[str, str], _PathStream] = {}

    def tree(self, source: str) -> dict[str, str | None]:
        """Parents of the lexicographically smallest shortest paths from `source`."""
        if source not in self._trees:
            parent: dict[str, str | None] = {source: None}
            queue = deque([source])
            while queue:
                u = queue.popleft()
                for v in self.adj[u]:
                    if v not in parent:
                        parent[v] = u
                        queue.append(v)
            self._trees[source] = parent
        return self._trees[source]

    def shortest(
        self, source: str, target: str, banned_nodes: set[str], banned_edges: set[tuple]
    ) -> tuple[str, ...] | None:
        """The smallest shortest path avoiding the banned nodes and (directed) edges."""
        if not banned_nodes and not banned_edges:
            parent = self.tree(source)
            if target not in parent:
                return None
        else:
            parent = {source: None}
            queue = deque([source])
            while queue and target not in parent:
                u = queue.popleft()
                for v in self.adj[u]:
                    if v in parent or v in banned_nodes or (u, v) in banned_edges:
                        continue
                    parent[v] = u
                    if v == target:
                        break
                    queue.append(v)
            if target not in parent:
                return None
        path = [target]
        while (up := parent[path[-1]]) is not None:
            path.append(up)
        return tuple(reversed(path))

    def stream(self, source: str, target: str) -> _PathStream:
        key = (source, target)
        if key not in self._streams:
            self._streams[key] = _PathStream(self, source, target)
        return self._streams[key]

    def steps(self, path: tuple[str, ...], forum_hop: bool = False) -> list[dict]:
        """A path as a list of stops; the last hop is `raised_at` when `forum_hop`."""
        G = self.G
        out = [
            {"id": id_of(G, path[0]), "label": label_of(G, path[0]), "via": None, "reverse": False}
        ]
        for i in range(1, len(path)):
            if forum_hop and i == len(path) - 1:
                kind, backward = RAISED_AT, False
            else:
                kind, backward = self.via[(path[i - 1], path[i])]
            out.append(
                {
                    "id": id_of(G, path[i]),
                    "label": label_of(G, path[i]),
                    "via": kind,
                    "reverse": backward,
                }
            )
        return out


class _PathStream:
    """The simple paths from one node to another, produced lazily in order."""

    def __init__(self, router: Router, source: str, target: str):
        self.router, self.source, self.target = router, source, target
        self.found: list[tuple[str, ...]] = []
        self.candidates: list[tuple[int, tuple[str, ...]]] = []
        self.seen: set[tuple[str, ...]] = set()
        self.done = False

    def get(self, i: int) -> tuple[str, ...] | None:
        while len(self.found) <= i and not self.done:
            self._advance()
        return self.found[i] if i < len(self.found) else None

    def _advance(self) -> None:
        router, target = self.router, self.target
        if not self.found:
            first = router.shortest(self.source, target, set(), set())
            if first is None:
                self.done = True
            else:
                self.found.append(first)
                self.seen.add(first)
                self.done = len(first) == 1
            return
        last = self.found[-1]
        for i in range(len(last) - 1):
            root = last[: i + 1]
            banned_edges = {(p[i], p[i + 1]) for p in self.found if p[: i + 1] == root}
            spur = router.shortest(last[i], target, set(root[:-1]), banned_edges)
            if spur is not None:
                path = root[:-1] + spur
                if path not in self.seen:
                    self.seen.add(path)
                    heapq.heappush(self.candidates, (len(path), path))
        if self.candidates:
            self.found.append(heapq.heappop(self.candidates)[1])
        else:
            self.done = True


def best_paths(
    router: Router, source: str, target: str, forums: Iterable[str], k: int
) -> list[tuple[tuple[str, ...], bool]]:
    """The k best paths to `target`, directly or ending with a hop from a forum."""
    streams: list[tuple[_PathStream, bool]] = [(router.stream(source, target), False)]
    streams += [(router.stream(source, f), True) for f in sorted(set(forums)) if f != target]
    heap: list[tuple[int, tuple[str, ...], int, int]] = []

    def push(si: int, j: int) -> None:
        stream, hop = streams[si]
        while (path := stream.get(j)) is not None:
            if not hop:
                heapq.heappush(heap, (len(path), path, si, j))
                return
            if target not in path:
                heapq.heappush(heap, (len(path) + 1, (*path, target), si, j))
                return
            j += 1

    for si in range(len(streams)):
        push(si, 0)
    out: list[tuple[tuple[str, ...], bool]] = []
    seen: set[tuple[str, ...]] = set()
    while heap and len(out) < k:
        _, path, si, j = heapq.heappop(heap)
        if path not in seen:
            seen.add(path)
            out.append((path, streams[si][1]))
        if len(out) < k:
            push(si, j + 1)
    return out
