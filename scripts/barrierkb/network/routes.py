"""Routes through the stakeholder graph: how one organisation reaches another.

`stakeholder_routes` finds the shortest chains of relations between two
stakeholders; `advocacy_routes` those from the home organisation to everyone
responsible for a barrier; `route_in_words` and `routes_in_words` say them in
Swedish. Like `analytics`, every function takes a graph from
`graph.build_graph` and plain ids, and returns plain lists, dicts and text.

Routes run over the stakeholder relations, each traversable both ways: being
a member of a forum gives access to its other members. Among paths of equal
length the one whose ids come first in sorted order wins, so every result is
the same from run to run (the paths are found by `router.Router`).
"""

from __future__ import annotations

import networkx as nx

from ..records import vocab
from ..records.i18n import N_, _
from .graph import (
    BARRIER,
    RAISED_AT,
    RESPONSIBLE,
    STAKEHOLDER,
    TYPE_ORDER,
    existing_key,
    group_of,
    id_of,
    label_of,
    node_key,
    node_kind,
)
from .paths import Router, best_paths

#: Label of a relation walked against its direction (Swedish; `step_label` translates it).
REVERSE_LABELS: dict[str, str] = {
    "member_of": N_("har som medlem"),
    "part_of": N_("omfattar"),
    "reports_to": N_("får rapporter från"),
    "funds": N_("finansieras av"),
    "secretariat_of": N_("har som sekretariat"),
    "cooperates_with": N_("samarbetar med"),
}
#: Label of the last step of an advocacy route that goes through a forum
#: where the barrier is raised.
RAISED_AT_STEP = N_("lyfter hindret till")


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
    source, target = existing_key(G, STAKEHOLDER, from_id), existing_key(G, STAKEHOLDER, to_id)
    router = Router(G)
    return [router.steps(p) for p, _ in best_paths(router, source, target, (), k)]


def _advocacy(
    router: Router, barrier: str, home: str, k: int, via_forums: bool = True
) -> list[dict]:
    G = router.G
    roles: dict[str, list[str]] = {}
    for u, _v, d in G.in_edges(barrier, data=True):
        if group_of(d) == RESPONSIBLE and node_kind(G, u) == STAKEHOLDER:
            roles.setdefault(u, []).append(d["type"])
    forums = [
        v
        for _, v, d in G.out_edges(barrier, data=True)
        if via_forums and d.get("type") == RAISED_AT and v in router.adj
    ]
    out = []
    for target in sorted(roles):
        paths = best_paths(router, home, target, forums, k)
        out.append(
            {
                "id": id_of(G, target),
                "label": label_of(G, target),
                "roles": sorted(set(roles[target]), key=TYPE_ORDER.__getitem__),
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
    barrier, source = existing_key(G, BARRIER, barrier_id), existing_key(G, STAKEHOLDER, home)
    return _advocacy(Router(G), barrier, source, k, via_forums)


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
    source = existing_key(G, STAKEHOLDER, home)
    router = Router(G)
    barriers = sorted((n for n in G if node_kind(G, n) == BARRIER), key=lambda n: id_of(G, n))
    return {id_of(G, b): _advocacy(router, b, source, k, via_forums) for b in barriers}


def step_label(step: dict) -> str:
    """The words for how a route reached a stop, in the edition's language.

    >>> step_label({"via": "member_of", "reverse": False})
    'medlem i'
    >>> step_label({"via": "member_of", "reverse": True})
    'har som medlem'
    """
    via = step.get("via")
    if via is None:
        return ""
    if via == RAISED_AT:
        return _(RAISED_AT_STEP)
    if step.get("reverse"):
        return _(REVERSE_LABELS[via]) if via in REVERSE_LABELS else via
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
        return _("Ingen känd väg från %(source)s till %(target)s.") % {
            "source": label_of(G, source),
            "target": label_of(G, target),
        }
    return "\n".join(f"{i}. {route_in_words(r)}" for i, r in enumerate(routes, start=1))


__all__ = [
    "advocacy_routes",
    "all_advocacy_routes",
    "route_in_words",
    "routes_in_words",
    "stakeholder_routes",
    "step_label",
]
