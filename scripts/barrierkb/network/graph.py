"""The stakeholder graph: records as a typed `networkx.MultiDiGraph`, and its exports.

`build_graph(kb)` makes a node per public stakeholder and per public barrier,
and an edge per relation, role and forum. Analyses live in `analytics`,
drawings in `drawing`; both take the graph this module builds.

Node keys are ``"stakeholder:<id>"`` and ``"barrier:<id>"``, so a barrier and
an organisation that share an id stay apart; the plain id is in the node's
``record_id`` attribute (not ``id``, which node-link JSON and Gephi reserve for
the key). Every attribute value is a str, int, float or bool, so the graph
writes to GraphML as it is.

Edges point the way the records read, and carry ``type``, ``group`` and a
Swedish ``label``:

- ``relation``: member_of, part_of, reports_to, funds, secretariat_of and
  cooperates_with, from a stakeholder to the stakeholder it names;
- ``responsible``: rule_owner and decision_maker, from a stakeholder to a
  barrier;
- ``stake``: advocate, ally, affected, opponent and informed, from a
  stakeholder to a barrier;
- ``forum``: raised_at, from a barrier to each forum in its ``forums`` or
  ``status_history``.

An edge's key is its type, so a pair of nodes has at most one edge of each
type. A reference to a record that is missing or internal makes no edge.

The analyses and drawings read nodes and edges through `node_kind`, `id_of`,
`label_of` and `group_of`, which also work on a graph made by hand in a test
or a doctest with only node keys and edge types:

>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("stakeholder:malmo", "barrier:x", type="advocate")
>>> node_kind(G, "barrier:x"), id_of(G, "barrier:x"), label_of(G, "stakeholder:malmo")
('barrier', 'x', 'malmo')
>>> group_of(G.edges["stakeholder:malmo", "barrier:x", 0])
'stake'
"""

from __future__ import annotations

import re

import networkx as nx

from ..records import vocab
from ..records.audience import Audience, for_audience
from ..records.i18n import N_, _
from ..records.lang import localized
from ..records.load import KnowledgeBase

STAKEHOLDER = "stakeholder"
BARRIER = "barrier"
KINDS: tuple[str, ...] = (STAKEHOLDER, BARRIER)

RAISED_AT = "raised_at"
RELATION = "relation"
RESPONSIBLE = "responsible"
STAKE = "stake"
FORUM = "forum"

#: Edge group of each edge type.
EDGE_GROUPS: dict[str, str] = {
    **{t: RELATION for t in vocab.RELATION_TYPES},
    **{t: RESPONSIBLE for t in vocab.RESPONSIBLE_ROLES},
    **{t: STAKE for t in vocab.STAKEHOLDER_ROLES},
    RAISED_AT: FORUM,
}
#: Every edge type, in display order.
EDGE_TYPES: tuple[str, ...] = tuple(EDGE_GROUPS)
#: Position of each edge type in display order, for sorting edges.
TYPE_ORDER: dict[str, int] = {t: i for i, t in enumerate(EDGE_TYPES)}
#: Label of each edge type, read from source to target: the vocabulary's
#: labels, and the forum where a barrier is raised (an interface string,
#: translated by `edge_label`).
EDGE_LABELS: dict[str, str] = {
    **vocab.RELATION_LABELS,
    **{role: label.lower() for role, label in vocab.ROLE_LABELS.items()},
    RAISED_AT: N_("lyfts i"),
}


def edge_label(kind: str) -> str:
    """The label of an edge type, in the edition's language where it is an interface string."""
    return _(EDGE_LABELS[kind]) if kind == RAISED_AT else EDGE_LABELS[kind]


# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: str) -> str:
    """`value` without the characters XML 1.0 cannot carry, even escaped.

    >>> xml_safe("Malmö\\x00 stad")
    'Malmö stad'
    """
    return _NOT_XML.sub("", value)


def node_key(kind: str, record_id: str) -> str:
    """The graph's key for a record: ``kind:record_id``.

    >>> node_key("stakeholder", "malmo-stad")
    'stakeholder:malmo-stad'
    """
    if kind not in KINDS:
        raise ValueError(f"unknown node kind {kind!r}; use {' or '.join(KINDS)}")
    return f"{kind}:{record_id}"


def split_key(key: str) -> tuple[str, str]:
    """The kind and plain id of a node key.

    >>> split_key("barrier:funding-x")
    ('barrier', 'funding-x')
    """
    kind, _sep, record_id = key.partition(":")
    return kind, record_id


def build_graph(
    kb: KnowledgeBase, lang: str = "sv", audience: Audience = "public"
) -> nx.MultiDiGraph:
    """The stakeholder graph of the records in `kb` that `audience` may see.

    For the public (the default), internal records never enter, whatever `kb`
    holds; notes never enter any graph.
    Nodes and edges are inserted in sorted order, so the same records give
    the same graph, exports and drawings.

    Parameters
    ----------
    kb : KnowledgeBase
        The loaded records (public or internal; only public ones are used).
    lang : str
        Language of the node labels; Swedish when a text lacks it.
    audience : str
        ``public``, or ``internal`` for the internal site (all records).

    Returns
    -------
    networkx.MultiDiGraph
        Stakeholder nodes have ``kind='stakeholder'``, ``record_id``,
        ``label``, ``type``, ``country``, ``level`` and, when scored,
        ``power`` and ``interest``. Barrier nodes have ``kind='barrier'``,
        ``record_id``, ``label`` and ``status``. Edges have ``type``,
        ``group`` and a Swedish ``label``; see the module docstring.

    Examples
    --------
    >>> from pathlib import Path
    >>> from barrierkb.records.load import KnowledgeBase
    >>> from barrierkb.records.model import Barrier, Stakeholder
    >>> kb = KnowledgeBase(root=Path("."))
    >>> kb.stakeholders["gc"] = Stakeholder(id="gc", name="Greater Copenhagen",
    ...     type="forum", country="DK", level="regional")
    >>> kb.stakeholders["malmo"] = Stakeholder(id="malmo", name="Malmö stad",
    ...     type="municipality", country="SE", level="local",
    ...     relations=[{"type": "member_of", "target": "gc"}])
    >>> G = build_graph(kb)
    >>> list(G.nodes)
    ['stakeholder:gc', 'stakeholder:malmo']
    >>> list(G.edges(keys=True))
    [('stakeholder:malmo', 'stakeholder:gc', 'member_of')]
    """
    visible = for_audience(kb, audience)
    G = nx.MultiDiGraph()
    G.graph["name"] = "Gränshinderbasen"
    stakeholders = dict(sorted(visible.stakeholders.items()))
    barriers = dict(sorted(visible.barriers.items()))

    for sid, s in stakeholders.items():
        attrs: dict[str, str | int] = {
            "kind": STAKEHOLDER,
            "record_id": sid,
            "label": xml_safe(localized(s.name, lang)),
            "type": s.type,
            "country": s.country,
            "level": s.level,
        }
        if s.power is not None:
            attrs["power"] = s.power
        if s.interest is not None:
            attrs["interest"] = s.interest
        G.add_node(node_key(STAKEHOLDER, sid), **attrs)
    for bid, b in barriers.items():
        G.add_node(
            node_key(BARRIER, bid),
            kind=BARRIER,
            record_id=bid,
            label=xml_safe(localized(b.title, lang)),
            status=b.status,
        )

    edges: set[tuple[str, str, str]] = set()
    for sid, s in stakeholders.items():
        for relation in s.relations:
            if relation.target in stakeholders:
                edges.add(
                    (
                        node_key(STAKEHOLDER, sid),
                        node_key(STAKEHOLDER, relation.target),
                        relation.type,
                    )
                )
    for bid, b in barriers.items():
        barrier = node_key(BARRIER, bid)
        for ref in [*b.responsible, *b.stakeholders]:
            if ref.stakeholder in stakeholders:
                edges.add((node_key(STAKEHOLDER, ref.stakeholder), barrier, ref.role))
        raised = [*b.forums, *(event.forum for event in b.status_history if event.forum)]
        for forum in raised:
            if forum in stakeholders:
                edges.add((barrier, node_key(STAKEHOLDER, forum), RAISED_AT))

    for u, v, kind in sorted(edges, key=lambda e: (e[0], e[1], TYPE_ORDER[e[2]])):
        G.add_edge(u, v, key=kind, type=kind, group=EDGE_GROUPS[kind], label=edge_label(kind))
    return G


# -- reading nodes and edges ---------------------------------------------------------------
# These read the raw node data (`G._node`, not the `G.nodes` view): every analysis calls
# them for each node it touches.


def node_kind(G: nx.Graph, n: str) -> str:
    """The kind of node `n`: ``stakeholder`` or ``barrier``."""
    return G._node[n].get("kind") or split_key(n)[0]


def id_of(G: nx.Graph, n: str) -> str:
    """The plain record id of node `n`."""
    return G._node[n].get("record_id") or split_key(n)[1]


def label_of(G: nx.Graph, n: str) -> str:
    """The label of node `n`; its id when it has none."""
    return G._node[n].get("label") or id_of(G, n)


def group_of(data: dict) -> str | None:
    """The group of an edge (``relation``, ``responsible``, ...) from its attributes."""
    return data.get("group") or EDGE_GROUPS.get(data.get("type", ""))


def existing_key(G: nx.Graph, kind: str, record_id: str) -> str:
    """The node key of a record, which must be in `G`.

    Raises
    ------
    networkx.NodeNotFound
        When `G` has no such node.

    Examples
    --------
    >>> existing_key(nx.MultiDiGraph(), "stakeholder", "nobody")
    Traceback (most recent call last):
    ...
    networkx.exception.NodeNotFound: there is no stakeholder with the id 'nobody' in the graph
    """
    key = node_key(kind, record_id)
    if key not in G:
        what = "stakeholder" if kind == STAKEHOLDER else "public barrier"
        raise nx.NodeNotFound(f"there is no {what} with the id {record_id!r} in the graph")
    return key
