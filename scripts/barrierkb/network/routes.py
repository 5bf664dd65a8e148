"""Routes through the stakeholder graph: how one organisation reaches another.

`stakeholder_routes` finds the best chains of relations between two
stakeholders; `advocacy_routes` those from the home organisation to everyone
responsible for a barrier; `route_in_words`, `routes_in_words` and
`barrier_routes_in_words` say them in the edition's language. Like
`analytics`, every function takes a graph from `graph.build_graph` and plain
ids, and returns plain lists, dicts and text.

Routes run over the stakeholder relations, each traversable both ways: being
a member of a forum gives access to its other members. How routes are ranked
and how ties are broken (never by id) is told in `paths`: shorter first, then
fewer inferred steps, then through the home organisation's own forums, then
along recorded cooperation. Routes still equal share a rank and are listed by
name.

A route is a dict: ``rank`` (1 for the best; equals share it), ``inferred``
(True when its last step is inferred from a forum where the barrier is
raised, not recorded) and ``steps``, a list of stops ``{id, label, via,
reverse, inferred}``: ``via`` is the relation that leads to the stop (None for
the first) and ``reverse`` is True when it was walked against its direction.
"""

from __future__ import annotations

import networkx as nx

from ..records import vocab
from ..records.i18n import N_, _, current
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
    node_kind,
)
from .paths import Router

#: Label of a relation walked against its direction (Swedish; `step_label` translates it).
REVERSE_LABELS: dict[str, str] = {
    "member_of": N_("har som medlem"),
    "part_of": N_("omfattar"),
    "reports_to": N_("får rapporter från"),
    "funds": N_("finansieras av"),
    "secretariat_of": N_("har som sekretariat"),
    "cooperates_with": N_("samarbetar med"),
}
#: Label of an inferred last step: the barrier is raised at the forum, and the
#: forum's table is a place to meet those who can act on it.
RAISED_AT_STEP = N_("hindret är lyft här; antaget steg till")


def _routes(router: Router, target: str, forums=(), k: int = 3) -> list[dict]:
    return [
        {"rank": rank, "inferred": path.inferred, "steps": router.steps(path)}
        for rank, group in enumerate(router.ranked(target, forums, k), start=1)
        for path in group
    ]


def stakeholder_routes(G: nx.Graph, from_id: str, to_id: str, k: int = 3) -> list[dict]:
    """The best chains of relations from one stakeholder to another.

    Relations are walked both ways; `from_id` is the home organisation for
    the tie-breaks (its forums, its own units). Paths are simple (no stop
    twice), best first: at least `k` when there are that many, and the last
    one's equals, up to `paths.MAX_EQUALS` more.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    from_id, to_id : str
        Plain stakeholder ids.
    k : int
        At least this many routes, when there are that many.

    Returns
    -------
    list of dict
        Routes as the module docstring describes; an empty list when there is
        no route. The route to oneself is that one stop.

    Raises
    ------
    networkx.NodeNotFound
        When an id is not a stakeholder in `G`.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:malmo", "stakeholder:gc", type="member_of")
    >>> _ = G.add_edge("stakeholder:kbh", "stakeholder:gc", type="member_of")
    >>> [[(s["id"], s["via"], s["reverse"]) for s in r["steps"]]
    ...  for r in stakeholder_routes(G, "malmo", "kbh")]
    [[('malmo', None, False), ('gc', 'member_of', False), ('kbh', 'member_of', True)]]
    """
    source, target = existing_key(G, STAKEHOLDER, from_id), existing_key(G, STAKEHOLDER, to_id)
    return _routes(Router(G, source), target, (), k)


def _advocacy(router: Router, barrier: str, k: int, via_forums: bool = True) -> list[dict]:
    G = router.G
    roles: dict[str, list[str]] = {}
    for u, _v, d in G.in_edges(barrier, data=True):
        if group_of(d) == RESPONSIBLE and node_kind(G, u) == STAKEHOLDER:
            roles.setdefault(u, []).append(d["type"])
    forums = [
        v
        for _, v, d in G.out_edges(barrier, data=True)
        if via_forums and d.get("type") == RAISED_AT and node_kind(G, v) == STAKEHOLDER
    ]
    out = []
    for target in sorted(roles, key=lambda n: (str(label_of(G, n)).casefold(), n)):
        routes = _routes(router, target, forums, k)
        out.append(
            {
                "id": id_of(G, target),
                "label": label_of(G, target),
                "roles": sorted(set(roles[target]), key=TYPE_ORDER.__getitem__),
                "no_route": not routes,
                "routes": routes,
            }
        )
    return out


def advocacy_routes(
    G: nx.Graph, barrier_id: str, home: str = "malmo-stad", k: int = 3, via_forums: bool = True
) -> list[dict]:
    """How the home organisation can reach those who can act on a barrier.

    For each stakeholder responsible for the barrier (rule owner or decision
    maker), the best routes from `home` over the stakeholder relations,
    walked both ways. A forum where the barrier is raised is a place to meet
    those responsible: a route may end with an inferred step from it (its
    ``inferred`` is True), ranked after recorded routes of the same length.
    Routes never pass through barriers.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    barrier_id : str
        Plain id of a public barrier.
    home : str
        Plain id of the home organisation.
    k : int
        At least this many routes per responsible stakeholder, when there are.
    via_forums : bool
        Whether a forum where the barrier is raised leads on to those
        responsible; with False, routes use the recorded relations only.

    Returns
    -------
    list of dict
        One dict per responsible stakeholder, by name: ``id``, ``label``,
        ``roles`` (its roles on the barrier), ``no_route`` (True when no route
        is known) and ``routes`` as the module docstring describes.

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
    >>> best = advocacy_routes(G, "x", home="malmo")[1]["routes"][0]
    >>> [s["id"] for s in best["steps"]], best["inferred"]
    (['malmo', 'gc', 'gov'], True)
    """
    barrier, source = existing_key(G, BARRIER, barrier_id), existing_key(G, STAKEHOLDER, home)
    return _advocacy(Router(G, source), barrier, k, via_forums)


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
        As in `advocacy_routes`.
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
    router = Router(G, existing_key(G, STAKEHOLDER, home))
    barriers = sorted((n for n in G if node_kind(G, n) == BARRIER), key=lambda n: id_of(G, n))
    return {id_of(G, b): _advocacy(router, b, k, via_forums) for b in barriers}


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
    return vocab.RELATION.label(via, current()) if via in vocab.RELATION_TYPES else via


def route_in_words(route: dict | list[dict]) -> str:
    """One route (or its list of steps) as a line of words.

    >>> route_in_words([{"label": "Malmö stad", "via": None},
    ...                 {"label": "Greater Copenhagen", "via": "member_of"}])
    'Malmö stad → medlem i → Greater Copenhagen'
    """
    parts = []
    for step in route["steps"] if isinstance(route, dict) else route:
        if step.get("via") is not None:
            parts.append(step_label(step))
        parts.append(step["label"])
    return " → ".join(parts)


def numbered(routes: list[dict]) -> list[str]:
    """One line per route, numbered by rank; equals share the number and a letter.

    >>> numbered([{"rank": 1, "steps": [{"label": "A", "via": None}]},
    ...           {"rank": 1, "steps": [{"label": "B", "via": None}]},
    ...           {"rank": 2, "steps": [{"label": "C", "via": None}]}])
    ['1a. A', '1b. B', '2. C']
    """
    sizes: dict[int, int] = {}
    for route in routes:
        sizes[route["rank"]] = sizes.get(route["rank"], 0) + 1
    seen: dict[int, int] = {}
    lines = []
    for route in routes:
        rank = route["rank"]
        letter = "abcdefghijklmnopqrstuvwxyz"[seen.get(rank, 0)] if sizes[rank] > 1 else ""
        seen[rank] = seen.get(rank, 0) + 1
        lines.append(f"{rank}{letter}. {route_in_words(route)}")
    return lines


def routes_in_words(G: nx.Graph, from_id: str, to_id: str, k: int = 3) -> str:
    """The routes from one stakeholder to another, in words, for the terminal.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    from_id, to_id : str
        Plain stakeholder ids.
    k : int
        As in `stakeholder_routes`.

    Returns
    -------
    str
        One line per route, best first (`numbered`), or a line saying that no
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
        return _no_route(
            G, existing_key(G, STAKEHOLDER, from_id), existing_key(G, STAKEHOLDER, to_id)
        )
    return "\n".join(numbered(routes))


def _no_route(G: nx.Graph, source: str, target: str) -> str:
    return _("Ingen känd väg från %(source)s till %(target)s.") % {
        "source": label_of(G, source),
        "target": label_of(G, target),
    }


def barrier_routes_in_words(G: nx.Graph, home: str, barrier_id: str, k: int = 3) -> str:
    """The routes from `home` to each organisation that can act on a barrier, in words.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:malmo", "stakeholder:gc", type="member_of")
    >>> _ = G.add_edge("stakeholder:gov", "stakeholder:gc", type="member_of")
    >>> _ = G.add_edge("stakeholder:gov", "barrier:x", type="decision_maker")
    >>> print(barrier_routes_in_words(G, "malmo", "x"))
    gov (beslutsfattare):
      1. malmo → medlem i → gc → har som medlem → gov
    """
    blocks = []
    for target in advocacy_routes(G, barrier_id, home, k):
        roles = ", ".join(vocab.ROLE.label(r, current()).lower() for r in target["roles"])
        lines = numbered(target["routes"]) or [
            _no_route(G, existing_key(G, STAKEHOLDER, home), f"stakeholder:{target['id']}")
        ]
        blocks.append(f"{target['label']} ({roles}):\n" + "\n".join("  " + li for li in lines))
    return "\n".join(blocks) or _("Ingen ansvarig aktör är känd för hindret.")


__all__ = [
    "advocacy_routes",
    "all_advocacy_routes",
    "barrier_routes_in_words",
    "numbered",
    "route_in_words",
    "routes_in_words",
    "stakeholder_routes",
    "step_label",
]
