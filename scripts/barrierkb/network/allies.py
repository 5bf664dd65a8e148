"""Allies of the home organisation: who shares its barriers and its forums.

`allies` looks at one barrier, `all_allies` at every barrier, `home_allies`
at all the home organisation's barriers and forums together. Like
`analytics`, every function takes a graph from `graph.build_graph` and plain
ids, and returns plain lists and dicts.
"""

from __future__ import annotations

import networkx as nx

from .graph import (
    BARRIER,
    RAISED_AT,
    RESPONSIBLE,
    STAKEHOLDER,
    existing_key,
    group_of,
    id_of,
    label_of,
    node_kind,
)
from .paths import units_of

#: Relations that make one organisation part of a forum's membership.
MEMBERSHIP: frozenset[str] = frozenset({"member_of", "part_of"})
#: Roles on a barrier that make an organisation an ally of the home organisation.
ALLY_ROLES: tuple[str, ...] = ("advocate", "ally", "affected")


def _typed(keyed: dict, types: frozenset[str] | tuple[str, ...]) -> set[str]:
    """The types among a node pair's parallel edges that are in `types`."""
    return {d.get("type") for d in keyed.values()} & set(types)


def _memberships(G: nx.Graph, n: str) -> set[str]:
    """The stakeholders that `n` is a member of or part of."""
    return {
        v
        for v, keyed in G._succ[n].items()  # the raw adjacency: this runs per barrier
        if v != n and node_kind(G, v) == STAKEHOLDER and _typed(keyed, MEMBERSHIP)
    }


def _members(G: nx.Graph, forum: str) -> set[str]:
    """The stakeholders that are members of or part of `forum`."""
    return {
        u
        for u, keyed in G._pred[forum].items()
        if u != forum and node_kind(G, u) == STAKEHOLDER and _typed(keyed, MEMBERSHIP)
    }


def _named(G: nx.Graph, nodes: set[str]) -> list[dict]:
    """Nodes as ``{id, label}``, by name."""
    rows = [{"id": id_of(G, n), "label": label_of(G, n)} for n in nodes]
    return sorted(rows, key=lambda r: (str(r["label"]).casefold(), r["id"]))


def _allies(
    G: nx.Graph, barrier: str, home: str, home_forums: set[str], own: set[str]
) -> list[dict]:
    roles: dict[str, set[str]] = {}
    excluded = {home} | own
    for u, keyed in G._pred[barrier].items():
        if node_kind(G, u) == STAKEHOLDER:
            roles[u] = _typed(keyed, ALLY_ROLES)
            if _typed(keyed, ("opponent",)) or any(
                group_of(d) == RESPONSIBLE for d in keyed.values()
            ):
                excluded.add(u)
    shared: dict[str, set[str]] = {}
    for forum, keyed in G._succ[barrier].items():
        if forum in home_forums and _typed(keyed, (RAISED_AT,)):
            for member in _members(G, forum):
                shared.setdefault(member, set()).add(forum)
    candidates = {n for n, r in roles.items() if r} | set(shared)
    rows = [
        {
            "id": id_of(G, n),
            "label": label_of(G, n),
            "roles": [r for r in ALLY_ROLES if r in roles.get(n, ())],
            "shared_forums": _named(G, shared.get(n, set())),
        }
        for n in candidates - excluded
    ]
    rows.sort(key=lambda r: (not r["roles"], -len(r["shared_forums"]), str(r["label"]).casefold()))
    return rows


def allies(G: nx.Graph, barrier_id: str, home: str = "malmo-stad") -> list[dict]:
    """Organisations that share this barrier, or a forum where it is raised, with home.

    An ally has a stake in this barrier as advocate, ally or affected, or is,
    like `home`, a member of (or part of) a forum where the barrier is
    raised. Never an ally: an opponent of this barrier, those responsible for
    it (rule owners and decision makers: they are whom the allies press),
    and the home organisation itself with its own units (`paths.units_of`). For the allies of
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
        empty) and ``shared_forums`` (``{id, label}`` of the forums where the
        barrier is raised and both sit, by name, may be empty). Those with a
        role first, then by the number of shared forums, then by name.

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
    >>> _ = G.add_edge("stakeholder:gov", "barrier:x", type="rule_owner")
    >>> _ = G.add_edge("stakeholder:gov", "stakeholder:gc", type="member_of")
    >>> [(a["id"], a["roles"], a["shared_forums"]) for a in allies(G, "x", "malmo")]
    [('firs', ['advocate'], []), ('kbh', [], [{'id': 'gc', 'label': 'gc'}])]
    """
    barrier, source = existing_key(G, BARRIER, barrier_id), existing_key(G, STAKEHOLDER, home)
    return _allies(G, barrier, source, _memberships(G, source), set(units_of(G, source)))


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
    source = existing_key(G, STAKEHOLDER, home)
    home_forums, own = _memberships(G, source), set(units_of(G, source))
    barriers = sorted((n for n in G if node_kind(G, n) == BARRIER), key=lambda n: id_of(G, n))
    return {id_of(G, b): _allies(G, b, source, home_forums, own) for b in barriers}


def home_allies(G: nx.Graph, home: str = "malmo-stad") -> list[dict]:
    """Organisations that share barriers or forums with the home organisation.

    A barrier is shared when both have a role on it as advocate, ally or
    affected; a forum is shared when both are members of it (or part of it).
    The home organisation's own units are not allies of it.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    home : str
        Plain id of the home organisation.

    Returns
    -------
    list of dict
        ``id``, ``label``, ``shared_barriers`` and ``shared_forums`` (each
        ``{id, label}``, by name); most shared first, then by name.

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
    >>> _ = G.add_edge("stakeholder:malmo-dept", "stakeholder:malmo", type="part_of")
    >>> _ = G.add_edge("stakeholder:malmo-dept", "stakeholder:gc", type="member_of")
    >>> [(a["id"], a["shared_barriers"], a["shared_forums"]) for a in home_allies(G, "malmo")]
    [('kbh', [{'id': 'x', 'label': 'x'}], [{'id': 'gc', 'label': 'gc'}])]
    """
    source = existing_key(G, STAKEHOLDER, home)
    own = {source} | set(units_of(G, source))
    shared: dict[str, tuple[set[str], set[str]]] = {}
    for barrier, keyed in G._succ[source].items():
        if node_kind(G, barrier) == BARRIER and _typed(keyed, ALLY_ROLES):
            for u, other in G._pred[barrier].items():
                if u not in own and node_kind(G, u) == STAKEHOLDER and _typed(other, ALLY_ROLES):
                    shared.setdefault(u, (set(), set()))[0].add(barrier)
    for forum in _memberships(G, source):
        for u in _members(G, forum) - own:
            shared.setdefault(u, (set(), set()))[1].add(forum)
    rows = [
        {
            "id": id_of(G, n),
            "label": label_of(G, n),
            "shared_barriers": _named(G, barriers),
            "shared_forums": _named(G, forums),
        }
        for n, (barriers, forums) in shared.items()
    ]
    rows.sort(
        key=lambda r: (
            -len(r["shared_barriers"]) - len(r["shared_forums"]),
            str(r["label"]).casefold(),
        )
    )
    return rows


__all__ = [
    "all_allies",
    "allies",
    "home_allies",
]
