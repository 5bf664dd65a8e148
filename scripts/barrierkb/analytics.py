"""Analyses of the stakeholder graph: brokers, advocacy routes, allies, ego networks.

Each function takes a graph from `graph.build_graph` (or any graph keyed and
typed the same way) and plain ids, and returns plain lists and dicts that a
template, a table or the CLI can show as they are. Ids in and out are the
records' plain ids (``malmo-stad``), not the graph's node keys.

Routes run over the stakeholder relations, each traversable both ways: being
a member of a forum gives access to its other members. Among paths of equal
length the one whose ids come first in sorted order wins, so every result is
the same from run to run.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable

import networkx as nx

from . import vocab
from .audience import for_audience
from .graph import (
    BARRIER,
    EDGE_GROUPS,
    EDGE_TYPES,
    RAISED_AT,
    RELATION,
    RESPONSIBLE,
    STAKEHOLDER,
    node_key,
    split_key,
)
from .load import KnowledgeBase
from .text import text

#: Swedish label of a relation walked against its direction.
REVERSE_LABELS: dict[str, str] = {
    "member_of": "har som medlem",
    "part_of": "omfattar",
    "reports_to": "får rapporter från",
    "funds": "finansieras av",
    "secretariat_of": "har som sekretariat",
    "cooperates_with": "samarbetar med",
}
#: Swedish label of the last step of an advocacy route that goes through a
#: forum where the barrier is raised.
RAISED_AT_STEP = "lyfter hindret till"
#: Relations that make one organisation part of a forum's membership.
MEMBERSHIP: frozenset[str] = frozenset({"member_of", "part_of"})
#: Roles on a barrier that make an organisation an ally of the home organisation.
ALLY_ROLES: tuple[str, ...] = ("advocate", "ally", "affected")
#: Power and interest scores from this value up count as high.
HIGH_SCORE = 3
#: The four quadrants of the power/interest grid, with Swedish labels.
QUADRANTS: dict[str, str] = {
    "manage_closely": "Hantera nära",
    "keep_satisfied": "Håll nöjda",
    "keep_informed": "Håll informerade",
    "monitor": "Bevaka",
}

_TYPE_ORDER = {t: i for i, t in enumerate(EDGE_TYPES)}


# -- small accessors that also work on hand-made graphs ---------------------------------


def _kind(G: nx.Graph, n: str) -> str:
    return G.nodes[n].get("kind") or split_key(n)[0]


def _rid(G: nx.Graph, n: str) -> str:
    return G.nodes[n].get("record_id") or split_key(n)[1]


def _label(G: nx.Graph, n: str) -> str:
    return G.nodes[n].get("label") or _rid(G, n)


def _group(data: dict) -> str | None:
    return data.get("group") or EDGE_GROUPS.get(data.get("type", ""))


def _key(G: nx.Graph, kind: str, record_id: str) -> str:
    key = node_key(kind, record_id)
    if key not in G:
        what = "stakeholder" if kind == STAKEHOLDER else "public barrier"
        raise nx.NodeNotFound(f"there is no {what} with the id {record_id!r} in the graph")
    return key


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
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if _kind(G, n) == STAKEHOLDER)
    H.add_edges_from(
        (u, v)
        for u, v, d in G.edges(data=True)
        if u != v and _group(d) == RELATION and u in H and v in H
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
        (number of related stakeholders) and ``is_articulation_point``;
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
    between = nx.betweenness_centrality(H, normalized=True)
    degree = nx.degree_centrality(H) if len(H) > 1 else dict.fromkeys(H, 0.0)
    cut = set(nx.articulation_points(H))
    rows = [
        {
            "id": _rid(G, n),
            "label": _label(G, n),
            "betweenness": round(between[n], 6),
            "degree_centrality": round(degree[n], 6),
            "neighbours": H.degree(n),
            "is_articulation_point": n in cut,
        }
        for n in H
    ]
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree_centrality"], r["id"]))
    return rows


# -- routes ------------------------------------------------------------------------------


class _Router:
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
        adj: dict[str, set[str]] = {n: set() for n in G.nodes if _kind(G, n) == STAKEHOLDER}
        via: dict[tuple[str, str], tuple[str, bool]] = {}
        for u, v, d in G.edges(data=True):
            if u == v or _group(d) != RELATION or u not in adj or v not in adj:
                continue
            adj[u].add(v)
            adj[v].add(u)
            for a, b, backward in ((u, v, False), (v, u, True)):
                found = via.get((a, b))
                kind = d.get("type", "")
                if found is None or (backward, _TYPE_ORDER.get(kind, 99)) < (
                    found[1],
                    _TYPE_ORDER.get(found[0], 99),
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
        out = [{"id": _rid(G, path[0]), "label": _label(G, path[0]), "via": None, "reverse": False}]
        for i in range(1, len(path)):
            if forum_hop and i == len(path) - 1:
                kind, backward = RAISED_AT, False
            else:
                kind, backward = self.via[(path[i - 1], path[i])]
            out.append(
                {
                    "id": _rid(G, path[i]),
                    "label": _label(G, path[i]),
                    "via": kind,
                    "reverse": backward,
                }
            )
        return out


class _PathStream:
    """The simple paths from one node to another, produced lazily in order."""

    def __init__(self, router: _Router, source: str, target: str):
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


def _best_paths(
    router: _Router, source: str, target: str, forums: Iterable[str], k: int
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


def stakeholder_routes(G: nx.Graph, from_id: str, to_id: str, k: int = 3) -> list[list[dict]]:
    """Up to `k` shortest chains of relations from one stakeholder to another.

    Relations are walked both ways. Paths are simple (no stop twice) and come
    shortest first; among equally short ones, in order of their ids.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    from_id, to_id : str
        Plain stakeholder ids.
    k : int
        At most this many routes.

    Returns
    -------
    list of list of dict
        Each route is a list of stops ``{id, label, via, reverse}``: ``via``
        is the relation type that leads to the stop (None for the first) and
        ``reverse`` is True when it was walked against its direction. An
        empty list when there is no route.

    Raises
    ------
    networkx.NodeNotFound
        When an id is not a stakeholder in `G`.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:malmo", "stakeholder:gc", type="member_of")
    >>> _ = G.add_edge("stakeholder:kbh", "stakeholder:gc", type="member_of")
    >>> [[(s["id"], s["via"], s["reverse"]) for s in r]
    ...  for r in stakeholder_routes(G, "malmo", "kbh")]
    [[('malmo', None, False), ('gc', 'member_of', False), ('kbh', 'member_of', True)]]
    """
    source, target = _key(G, STAKEHOLDER, from_id), _key(G, STAKEHOLDER, to_id)
    router = _Router(G)
    return [router.steps(p) for p, _ in _best_paths(router, source, target, (), k)]


def _advocacy(
    router: _Router, barrier: str, home: str, k: int, via_forums: bool = True
) -> list[dict]:
    G = router.G
    roles: dict[str, list[str]] = {}
    for u, _, d in G.in_edges(barrier, data=True):
        if _group(d) == RESPONSIBLE and _kind(G, u) == STAKEHOLDER:
            roles.setdefault(u, []).append(d["type"])
    forums = [
        v
        for _, v, d in G.out_edges(barrier, data=True)
        if via_forums and d.get("type") == RAISED_AT and v in router.adj
    ]
    out = []
    for target in sorted(roles):
        paths = _best_paths(router, home, target, forums, k)
        out.append(
            {
                "id": _rid(G, target),
                "label": _label(G, target),
                "roles": sorted(set(roles[target]), key=_TYPE_ORDER.__getitem__),
                "no_route": not paths,
                "routes": [router.steps(p, hop) for p, hop in paths],
            }
        )
    return out


def advocacy_routes(
    G: nx.Graph, barrier_id: str, home: str = "malmo-stad", k: int = 3, via_forums: bool = True
) -> list[dict]:
    """How the home organisation can reach those who can fix a barrier.

    For each stakeholder responsible for the barrier (rule owner or decision
    maker), up to `k` shortest simple paths from `home` over the stakeholder
    relations, walked both ways (membership in a forum gives access to its
    other members). A forum where the barrier is raised is a stop from which
    the barrier reaches each responsible stakeholder: such a route ends with a
    step whose ``via`` is ``raised_at``. Routes never pass through barriers.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    barrier_id : str
        Plain id of a public barrier.
    home : str
        Plain id of the home organisation.
    k : int
        At most this many routes per responsible stakeholder.
    via_forums : bool
        Whether a forum where the barrier is raised leads on to those
        responsible; with False, routes use the relations only.

    Returns
    -------
    list of dict
        One dict per responsible stakeholder, sorted by id: ``id``,
        ``label``, ``roles`` (its roles on the barrier), ``no_route`` (True
        when no route is known) and ``routes``, each a list of stops
        ``{id, label, via, reverse}`` as in `stakeholder_routes`.

    Raises
    ------
    networkx.NodeNotFound
        When the barrier or the home organisation is not in `G`.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:malmo", "stakeholder:gc", type="member_of")
    >>> _ = G.add_edge("barrier:x", "stakeholder:gc", type="raised_at")
    >>> _ = G.add_edge("stakeholder:gov", "barrier:x", type="decision_maker")
    >>> _ = G.add_edge("stakeholder:agency", "barrier:x", type="rule_owner")
    >>> _ = G.add_edge("stakeholder:agency", "stakeholder:gov", type="reports_to")
    >>> [(r["id"], r["no_route"]) for r in advocacy_routes(G, "x", home="malmo")]
    [('agency', False), ('gov', False)]
    >>> [s["id"] for s in advocacy_routes(G, "x", home="malmo")[1]["routes"][0]]
    ['malmo', 'gc', 'gov']
    """
    barrier, source = _key(G, BARRIER, barrier_id), _key(G, STAKEHOLDER, home)
    return _advocacy(_Router(G), barrier, source, k, via_forums)


def all_advocacy_routes(
    G: nx.Graph, home: str = "malmo-stad", k: int = 3, via_forums: bool = True
) -> dict[str, list[dict]]:
    """`advocacy_routes` for every barrier in `G`, sharing the work between them.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    home : str
        Plain id of the home organisation.
    k : int
        At most this many routes per responsible stakeholder.
    via_forums : bool
        As in `advocacy_routes`.

    Returns
    -------
    dict
        Barrier id to the list `advocacy_routes` returns, in id order.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:gov", "barrier:x", type="decision_maker")
    >>> G.add_node("stakeholder:malmo")
    >>> all_advocacy_routes(G, home="malmo")["x"][0]["no_route"]
    True
    """
    source = _key(G, STAKEHOLDER, home)
    router = _Router(G)
    barriers = sorted((n for n in G if _kind(G, n) == BARRIER), key=lambda n: _rid(G, n))
    return {_rid(G, b): _advocacy(router, b, source, k, via_forums) for b in barriers}


def step_label(step: dict) -> str:
    """The Swedish words for how a route reached a stop.

    >>> step_label({"via": "member_of", "reverse": False})
    'medlem i'
    >>> step_label({"via": "member_of", "reverse": True})
    'har som medlem'
    """
    via = step.get("via")
    if via is None:
        return ""
    if via == RAISED_AT:
        return RAISED_AT_STEP
    if step.get("reverse"):
        return REVERSE_LABELS.get(via, via)
    return vocab.RELATION_LABELS.get(via, via)


def route_in_words(route: list[dict]) -> str:
    """One route as a line of Swedish words.

    >>> route_in_words([{"label": "Malmö stad", "via": None},
    ...                 {"label": "Greater Copenhagen", "via": "member_of"}])
    'Malmö stad → medlem i → Greater Copenhagen'
    """
    parts = []
    for step in route:
        if step.get("via") is not None:
            parts.append(step_label(step))
        parts.append(step["label"])
    return " → ".join(parts)


def routes_in_words(G: nx.Graph, from_id: str, to_id: str, k: int = 3) -> str:
    """The routes from one stakeholder to another, in Swedish, for the terminal.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    from_id, to_id : str
        Plain stakeholder ids.
    k : int
        At most this many routes.

    Returns
    -------
    str
        One numbered line per route, shortest first, or a line saying that no
        route is known; without a final newline, ready for ``print``.

    Raises
    ------
    networkx.NodeNotFound
        When an id is not a stakeholder in `G`.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("stakeholder:malmo", label="Malmö stad")
    >>> G.add_node("stakeholder:gc", label="Greater Copenhagen")
    >>> G.add_node("stakeholder:nmr", label="Nordiska ministerrådet")
    >>> _ = G.add_edge("stakeholder:malmo", "stakeholder:gc", type="member_of")
    >>> print(routes_in_words(G, "malmo", "gc"))
    1. Malmö stad → medlem i → Greater Copenhagen
    >>> print(routes_in_words(G, "malmo", "nmr"))
    Ingen känd väg från Malmö stad till Nordiska ministerrådet.
    """
    routes = stakeholder_routes(G, from_id, to_id, k)
    if not routes:
        source, target = node_key(STAKEHOLDER, from_id), node_key(STAKEHOLDER, to_id)
        return f"Ingen känd väg från {_label(G, source)} till {_label(G, target)}."
    return "\n".join(f"{i}. {route_in_words(r)}" for i, r in enumerate(routes, start=1))


# -- allies, neighbourhoods, communities --------------------------------------------------


def _typed(keyed: dict, types: frozenset[str] | tuple[str, ...]) -> set[str]:
    """The types among a node pair's parallel edges that are in `types`."""
    return {d.get("type") for d in keyed.values()} & set(types)


def _memberships(G: nx.Graph, n: str) -> set[str]:
    """The stakeholders that `n` is a member of or part of."""
    return {
        v
        for v, keyed in G._succ[n].items()  # the raw adjacency: this runs per barrier
        if v != n and _kind(G, v) == STAKEHOLDER and _typed(keyed, MEMBERSHIP)
    }


def _members(G: nx.Graph, forum: str) -> set[str]:
    """The stakeholders that are members of or part of `forum`."""
    return {
        u
        for u, keyed in G._pred[forum].items()
        if u != forum and _kind(G, u) == STAKEHOLDER and _typed(keyed, MEMBERSHIP)
    }


def _allies(G: nx.Graph, barrier: str, home: str, home_forums: set[str]) -> list[dict]:
    roles: dict[str, set[str]] = {}
    opponents = set()
    for u, keyed in G._pred[barrier].items():
        if _kind(G, u) == STAKEHOLDER:
            roles[u] = _typed(keyed, ALLY_ROLES)
            if _typed(keyed, ("opponent",)):
                opponents.add(u)
    shared: dict[str, set[str]] = {}
    for forum, keyed in G._succ[barrier].items():
        if forum in home_forums and _typed(keyed, (RAISED_AT,)):
            for member in _members(G, forum):
                shared.setdefault(member, set()).add(forum)
    candidates = {n for n, r in roles.items() if r} | set(shared)
    rows = [
        {
            "id": _rid(G, n),
            "label": _label(G, n),
            "roles": [r for r in ALLY_ROLES if r in roles.get(n, ())],
            "shared_forums": sorted(_rid(G, f) for f in shared.get(n, ())),
        }
        for n in candidates - opponents - {home}
    ]
    rows.sort(key=lambda r: (not r["roles"], -len(r["shared_forums"]), r["id"]))
    return rows


def allies(G: nx.Graph, barrier_id: str, home: str = "malmo-stad") -> list[dict]:
    """Organisations that share this barrier, or a forum where it is raised, with home.

    An ally has a stake in this barrier as advocate, ally or affected, or is,
    like `home`, a member of (or part of) a forum where the barrier is
    raised. An opponent of this barrier is never an ally. For the allies of
    the home organisation over all barriers and forums, see `home_allies`.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    barrier_id : str
        Plain id of a public barrier.
    home : str
        Plain id of the home organisation.

    Returns
    -------
    list of dict
        ``id``, ``label``, ``roles`` (its ally roles on this barrier, may be
        empty) and ``shared_forums`` (ids of the forums where the barrier is
        raised and both sit, may be empty). Those with a role first, then by
        the number of shared forums, then by id.

    Raises
    ------
    networkx.NodeNotFound
        When the barrier or the home organisation is not in `G`.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:malmo", "stakeholder:gc", type="member_of")
    >>> _ = G.add_edge("stakeholder:kbh", "stakeholder:gc", type="member_of")
    >>> _ = G.add_edge("barrier:x", "stakeholder:gc", type="raised_at")
    >>> _ = G.add_edge("stakeholder:firs", "barrier:x", type="advocate")
    >>> [(a["id"], a["roles"], a["shared_forums"]) for a in allies(G, "x", "malmo")]
    [('firs', ['advocate'], []), ('kbh', [], ['gc'])]
    """
    barrier, source = _key(G, BARRIER, barrier_id), _key(G, STAKEHOLDER, home)
    return _allies(G, barrier, source, _memberships(G, source))


def all_allies(G: nx.Graph, home: str = "malmo-stad") -> dict[str, list[dict]]:
    """`allies` for every barrier in `G`.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    home : str
        Plain id of the home organisation.

    Returns
    -------
    dict
        Barrier id to the list `allies` returns, in id order.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:firs", "barrier:x", type="ally")
    >>> G.add_node("stakeholder:malmo")
    >>> [a["id"] for a in all_allies(G, home="malmo")["x"]]
    ['firs']
    """
    source = _key(G, STAKEHOLDER, home)
    home_forums = _memberships(G, source)
    barriers = sorted((n for n in G if _kind(G, n) == BARRIER), key=lambda n: _rid(G, n))
    return {_rid(G, b): _allies(G, b, source, home_forums) for b in barriers}


def home_allies(G: nx.Graph, home: str = "malmo-stad") -> list[dict]:
    """Organisations that share barriers or forums with the home organisation.

    A barrier is shared when both have a role on it as advocate, ally or
    affected; a forum is shared when both are members of it (or part of it).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    home : str
        Plain id of the home organisation.

    Returns
    -------
    list of dict
        ``id``, ``label``, ``shared_barriers`` and ``shared_forums`` (sorted
        ids); most shared first, then by id.

    Raises
    ------
    networkx.NodeNotFound
        When the home organisation is not in `G`.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:malmo", "stakeholder:gc", type="member_of")
    >>> _ = G.add_edge("stakeholder:kbh", "stakeholder:gc", type="member_of")
    >>> _ = G.add_edge("stakeholder:malmo", "barrier:x", type="affected")
    >>> _ = G.add_edge("stakeholder:kbh", "barrier:x", type="advocate")
    >>> home_allies(G, "malmo")
    [{'id': 'kbh', 'label': 'kbh', 'shared_barriers': ['x'], 'shared_forums': ['gc']}]
    """
    source = _key(G, STAKEHOLDER, home)
    shared: dict[str, tuple[set[str], set[str]]] = {}
    for barrier, keyed in G._succ[source].items():
        if _kind(G, barrier) == BARRIER and _typed(keyed, ALLY_ROLES):
            for u, other in G._pred[barrier].items():
                if u != source and _kind(G, u) == STAKEHOLDER and _typed(other, ALLY_ROLES):
                    shared.setdefault(u, (set(), set()))[0].add(barrier)
    for forum in _memberships(G, source):
        for u in _members(G, forum) - {source}:
            shared.setdefault(u, (set(), set()))[1].add(forum)
    rows = [
        {
            "id": _rid(G, n),
            "label": _label(G, n),
            "shared_barriers": sorted(_rid(G, b) for b in barriers),
            "shared_forums": sorted(_rid(G, f) for f in forums),
        }
        for n, (barriers, forums) in shared.items()
    ]
    rows.sort(key=lambda r: (-len(r["shared_barriers"]) - len(r["shared_forums"]), r["id"]))
    return rows


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
    center = _key(G, STAKEHOLDER, stakeholder_id)
    succ, pred = G._succ, G._pred  # the raw adjacency: this runs for every stakeholder

    def walkable(n: str, m: str, keyed: dict) -> bool:
        if barriers:
            return True
        return _kind(G, m) == STAKEHOLDER and any(_group(d) == RELATION for d in keyed.values())

    distance = {center: 0}
    frontier = [center]
    for step in range(1, radius + 1):
        reached = []
        for n in frontier:
            for adjacency in (succ[n], pred[n]):
                for m, keyed in adjacency.items():
                    if m not in distance and walkable(n, m, keyed):
                        distance[m] = step
                        reached.append(m)
        frontier = reached
    kind_order = {STAKEHOLDER: 0, BARRIER: 1}
    nodes = []
    for n in sorted(
        distance, key=lambda n: (distance[n], kind_order.get(_kind(G, n), 2), _rid(G, n))
    ):
        data = G.nodes[n]
        row = {
            "key": n,
            "kind": _kind(G, n),
            "id": _rid(G, n),
            "label": _label(G, n),
            "distance": distance[n],
        }
        for attr in ("type", "level", "status"):
            if attr in data:
                row[attr] = data[attr]
        nodes.append(row)
    edges = [
        {"source": n, "target": m, "type": d.get("type", "")}
        for n in distance
        for m, keyed in succ[n].items()
        if m in distance
        for d in keyed.values()
        if barriers or _group(d) == RELATION
    ]
    edges.sort(key=lambda e: (e["source"], e["target"], _TYPE_ORDER.get(e["type"], 99), e["type"]))
    return {"center": stakeholder_id, "radius": radius, "nodes": nodes, "edges": edges}


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
    groups = [sorted(_rid(G, n) for n in part) for part in parts]
    return sorted(groups, key=lambda g: (-len(g), g))


def power_interest(kb: KnowledgeBase, lang: str = "sv") -> dict:
    """The power/interest grid of the public stakeholders.

    A score of `HIGH_SCORE` (3) or more counts as high. Quadrants follow
    Mendelow: high power and interest, manage closely; high power only, keep
    satisfied; high interest only, keep informed; neither, monitor.

    Parameters
    ----------
    kb : KnowledgeBase
        The records; only public stakeholders are used.
    lang : str
        Language of the labels.

    Returns
    -------
    dict
        ``points``: ``{id, label, power, interest, quadrant}`` for each
        stakeholder with both scores, by power and interest descending, then
        id; ``quadrants``: ``{key, label, ids}`` for the four quadrants in the
        order of `QUADRANTS`; ``unscored``: ``{id, label}`` for the rest.

    Examples
    --------
    >>> from pathlib import Path
    >>> from barrierkb.model import Stakeholder
    >>> kb = KnowledgeBase(root=Path("."))
    >>> kb.stakeholders["gov"] = Stakeholder(id="gov", name="Regeringen",
    ...     type="government", country="SE", level="national", power=5, interest=2)
    >>> kb.stakeholders["x"] = Stakeholder(id="x", name="X", type="other",
    ...     country="SE", level="local")
    >>> grid = power_interest(kb)
    >>> grid["points"][0]["quadrant"], grid["unscored"]
    ('keep_satisfied', [{'id': 'x', 'label': 'X'}])
    """
    public = for_audience(kb, "public")
    points, unscored = [], []
    for sid, s in sorted(public.stakeholders.items()):
        label = text(s.name, lang)
        if s.power is None or s.interest is None:
            unscored.append({"id": sid, "label": label})
            continue
        high_power, high_interest = s.power >= HIGH_SCORE, s.interest >= HIGH_SCORE
        if high_power:
            quadrant = "manage_closely" if high_interest else "keep_satisfied"
        else:
            quadrant = "keep_informed" if high_interest else "monitor"
        points.append(
            {
                "id": sid,
                "label": label,
                "power": s.power,
                "interest": s.interest,
                "quadrant": quadrant,
            }
        )
    points.sort(key=lambda p: (-p["power"], -p["interest"], p["id"]))
    quadrants = [
        {"key": key, "label": label, "ids": [p["id"] for p in points if p["quadrant"] == key]}
        for key, label in QUADRANTS.items()
    ]
    return {"points": points, "quadrants": quadrants, "unscored": unscored}


__all__ = [
    "advocacy_routes",
    "all_advocacy_routes",
    "all_allies",
    "home_allies",
    "allies",
    "brokers",
    "communities",
    "ego_network",
    "power_interest",
    "route_in_words",
    "routes_in_words",
    "stakeholder_projection",
    "stakeholder_routes",
    "step_label",
]
