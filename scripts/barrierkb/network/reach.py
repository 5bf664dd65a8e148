"""Who an organisation reaches in one and two steps, in names.

`reach` lists the stakeholders one and two steps from an organisation over
the recorded relations, with the relation or the go-betweens that lead
there, as plain lists and dicts of names: the network page leads with it.
"""

from __future__ import annotations

import networkx as nx

from .analytics import stakeholder_projection
from .graph import RELATION, STAKEHOLDER, existing_key, group_of, id_of, label_of, node_kind


def _by_name(G: nx.Graph, nodes) -> list[str]:
    return sorted(nodes, key=lambda n: (str(label_of(G, n)).casefold(), n))


def reach(G: nx.Graph, stakeholder_id: str) -> dict[str, list[dict]]:
    """The stakeholders one and two relations away from `stakeholder_id`, by name.

    Returns
    -------
    dict
        ``one``: ``{id, label, relations}`` for each direct relation, where
        ``relations`` lists ``(type, reverse)`` pairs (``reverse`` when the
        other organisation names the relation); ``two``: ``{id, label, via}``
        for each organisation two steps away, ``via`` the ``{id, label}`` of
        the direct relations that lead there.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:malmo", "stakeholder:gc", type="member_of")
    >>> _ = G.add_edge("stakeholder:kbh", "stakeholder:gc", type="member_of")
    >>> r = reach(G, "malmo")
    >>> [(o["id"], o["relations"]) for o in r["one"]], [(t["id"], t["via"]) for t in r["two"]]
    ([('gc', [('member_of', False)])], [('kbh', [{'id': 'gc', 'label': 'gc'}])])
    """
    center = existing_key(G, STAKEHOLDER, stakeholder_id)
    relations: dict[str, set[tuple[str, bool]]] = {}
    for u, v, d in G.edges(data=True):
        if group_of(d) == RELATION and center in (u, v) and u != v:
            other = v if u == center else u
            if node_kind(G, other) == STAKEHOLDER:
                relations.setdefault(other, set()).add((d["type"], other == u))
    H = stakeholder_projection(G)
    via: dict[str, set[str]] = {}
    for first in relations:
        for second in H.neighbors(first):
            if second != center and second not in relations:
                via.setdefault(second, set()).add(first)

    def named(n: str) -> dict:
        return {"id": id_of(G, n), "label": label_of(G, n)}

    return {
        "one": [{**named(n), "relations": sorted(relations[n])} for n in _by_name(G, relations)],
        "two": [
            {**named(n), "via": [named(m) for m in _by_name(G, via[n])]} for n in _by_name(G, via)
        ],
    }


__all__ = ["reach"]
