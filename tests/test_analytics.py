"""Analyses of the stakeholder graph, on small hand-made graphs."""

from __future__ import annotations

import itertools
import json
import random
import textwrap
from pathlib import Path

import networkx as nx
import pytest

from barrierkb.network import paths
from barrierkb.network.allies import all_allies, allies, home_allies
from barrierkb.network.analytics import (
    betweenness,
    brokers,
    communities,
    ego_network,
    power_interest,
    stakeholder_projection,
)
from barrierkb.network.graph import build_graph
from barrierkb.network.paths import Router
from barrierkb.network.routes import (
    advocacy_routes,
    all_advocacy_routes,
    barrier_routes_in_words,
    route_in_words,
    routes_in_words,
    stakeholder_routes,
    step_label,
)
from barrierkb.records.load import load

LABELS = {
    "malmo": "Malmö stad",
    "gc": "Greater Copenhagen",
    "kbh": "Köpenhamns kommun",
    "gov": "Norges regering",
    "agency": "Innovasjon Norge",
    "nmr": "Nordiska ministerrådet",
    "island": "Ensam myndighet",
}


def graph(
    *edges: tuple[str, str, str], nodes: tuple[str, ...] = (), labels: dict | None = None
) -> nx.MultiDiGraph:
    """A graph from (source, type, target) triples; barrier ids start with 'b-'."""
    names = {**LABELS, **(labels or {})}
    G = nx.MultiDiGraph()

    def key(name: str) -> str:
        kind = "barrier" if name.startswith("b-") else "stakeholder"
        k = f"{kind}:{name}"
        if k not in G:
            G.add_node(k, kind=kind, record_id=name, label=names.get(name, name))
        return k

    for name in nodes:
        key(name)
    for u, kind, v in edges:
        G.add_edge(key(u), key(v), key=kind, type=kind)
    return G


def ids(route: dict) -> list[str]:
    return [step["id"] for step in route["steps"]]


@pytest.fixture
def oresund():
    """Malmö in Greater Copenhagen with Copenhagen; a Norwegian agency under its
    government, in the Nordic Council of Ministers; a barrier raised in Greater
    Copenhagen, another with no route, and a lonely agency."""
    return graph(
        ("malmo", "member_of", "gc"),
        ("kbh", "member_of", "gc"),
        ("kbh", "cooperates_with", "nmr"),
        ("gov", "member_of", "nmr"),
        ("agency", "reports_to", "gov"),
        ("agency", "rule_owner", "b-funding"),
        ("gov", "decision_maker", "b-funding"),
        ("malmo", "ally", "b-funding"),
        ("kbh", "advocate", "b-funding"),
        ("b-funding", "raised_at", "gc"),
        ("island", "rule_owner", "b-lonely"),
        ("malmo", "affected", "b-lonely"),
    )


# -- projection and brokers ---------------------------------------------------------------


def test_projection_keeps_stakeholders_and_relations_only(oresund):
    H = stakeholder_projection(oresund)
    assert not H.is_directed()
    assert sorted(H.nodes) == sorted(n for n in oresund if n.startswith("stakeholder:"))
    assert sorted(map(sorted, H.edges)) == [
        ["stakeholder:agency", "stakeholder:gov"],
        ["stakeholder:gc", "stakeholder:kbh"],
        ["stakeholder:gc", "stakeholder:malmo"],
        ["stakeholder:gov", "stakeholder:nmr"],
        ["stakeholder:kbh", "stakeholder:nmr"],
    ]


def test_projection_ignores_self_relations():
    assert stakeholder_projection(graph(("a", "member_of", "a"))).number_of_edges() == 0


def test_brokers_on_a_chain():
    G = graph(
        ("a", "member_of", "b"),
        ("b", "cooperates_with", "c"),
        ("c", "funds", "d"),
        nodes=("alone",),
    )
    rows = brokers(G)
    assert [r["id"] for r in rows] == ["b", "c", "a", "d", "alone"]
    b = rows[0]
    assert b == {
        "id": "b",
        "label": "b",
        "betweenness": round(2 / 6, 6),
        "degree_centrality": 0.5,
        "neighbours": 2,
        "is_articulation_point": True,
        "binds": ["c", "a"],  # c has more relations than a, so it is named first
    }
    assert not rows[2]["is_articulation_point"]
    assert rows[4]["betweenness"] == 0.0 and rows[4]["neighbours"] == 0


def test_brokers_ignore_barriers(oresund):
    assert all(not r["id"].startswith("b-") for r in brokers(oresund))
    top = brokers(oresund)[0]
    assert top["id"] in ("gc", "kbh", "nmr")


def test_brokers_of_tiny_graphs():
    assert brokers(nx.MultiDiGraph()) == []
    assert brokers(graph(nodes=("a",)))[0]["degree_centrality"] == 0.0


# -- routes -------------------------------------------------------------------------------


def test_route_walks_relations_both_ways(oresund):
    routes = stakeholder_routes(oresund, "malmo", "agency")
    assert [ids(r) for r in routes] == [["malmo", "gc", "kbh", "nmr", "gov", "agency"]]
    assert [(s["via"], s["reverse"]) for s in routes[0]["steps"]] == [
        (None, False),
        ("member_of", False),
        ("member_of", True),
        ("cooperates_with", False),
        ("member_of", True),
        ("reports_to", True),
    ]
    assert routes[0]["steps"][0]["label"] == "Malmö stad"
    assert routes[0]["rank"] == 1 and not routes[0]["inferred"]


def test_no_route_is_an_empty_list(oresund):
    assert stakeholder_routes(oresund, "malmo", "island") == []


def test_route_to_oneself():
    assert [ids(r) for r in stakeholder_routes(graph(nodes=("a",)), "a", "a")] == [["a"]]


def test_routes_never_pass_through_barriers():
    G = graph(("a", "advocate", "b-x"), ("c", "rule_owner", "b-x"))
    assert stakeholder_routes(G, "a", "c") == []


def test_equal_routes_share_a_rank_and_are_listed_by_name_not_id():
    # ids sort aa < mm < za; their names sort the other way
    G = graph(
        ("home", "member_of", "aa"),
        ("aa", "member_of", "t"),
        ("home", "member_of", "za"),
        ("za", "member_of", "t"),
        ("home", "member_of", "mm"),
        ("mm", "member_of", "t"),
        ("home", "cooperates_with", "x"),
        ("x", "cooperates_with", "y"),
        ("y", "funds", "t"),
        labels={"za": "Alfaforum", "mm": "Mellanforum", "aa": "Östra forum"},
    )
    routes = stakeholder_routes(G, "home", "t", k=2)
    assert [(r["rank"], ids(r)) for r in routes] == [
        (1, ["home", "za", "t"]),
        (1, ["home", "mm", "t"]),
        (1, ["home", "aa", "t"]),
    ]  # the second best is tied with a third: all three shown as equals
    assert [ids(r) for r in stakeholder_routes(G, "home", "t", k=4)][-1] == ["home", "x", "y", "t"]


def test_tie_break_prefers_the_home_organisations_own_forum():
    # two routes of two steps to the ministry: through a forum Malmö sits in,
    # or through an agency whose id sorts first
    G = graph(
        ("malmo", "member_of", "forum"),
        ("ministry", "member_of", "forum"),
        ("agency", "reports_to", "ministry"),
        ("malmo", "cooperates_with", "agency"),
    )
    (best, *rest) = stakeholder_routes(G, "malmo", "ministry")
    assert ids(best) == ["malmo", "forum", "ministry"] and best["rank"] == 1
    assert [r["rank"] for r in rest] == [2]


def test_tie_break_prefers_recorded_cooperation_when_forums_are_equal():
    G = graph(
        ("malmo", "funds", "a-fund"),
        ("a-fund", "funds", "target"),
        ("malmo", "cooperates_with", "z-partner"),
        ("z-partner", "cooperates_with", "target"),
    )
    routes = stakeholder_routes(G, "malmo", "target")
    assert [ids(r) for r in routes] == [
        ["malmo", "z-partner", "target"],
        ["malmo", "a-fund", "target"],
    ]
    assert [r["rank"] for r in routes] == [1, 2]


def test_route_to_an_own_unit_goes_down_the_part_of_chain():
    G = graph(
        ("dept", "part_of", "malmo"),
        ("office", "part_of", "dept"),
        ("malmo", "member_of", "gc"),
        ("office", "member_of", "gc"),
    )
    routes = stakeholder_routes(G, "malmo", "office")
    assert [ids(r) for r in routes] == [["malmo", "dept", "office"]]  # not through gc
    assert [s["via"] for s in routes[0]["steps"]] == [None, "part_of", "part_of"]


def _cost(G: nx.MultiDiGraph, home: str, path: tuple[str, ...]) -> tuple:
    """The documented cost of a path of node keys, part by part."""
    router = Router(G, home)
    outside = sum(1 for n in path[1:] if n not in router.home_forums)
    cooperation = sum(
        1
        for a, b in zip(path, path[1:], strict=False)
        if "cooperates_with"
        in {
            d["type"]
            for d in {**(G.get_edge_data(a, b) or {}), **(G.get_edge_data(b, a) or {})}.values()
        }
    )
    return (len(path), 0, outside, len(path) - 1 - cooperation)


@pytest.mark.parametrize("budget", [paths.DEAD_END_BUDGET, 0], ids=["usual", "dead-end-checks"])
@pytest.mark.parametrize("seed", range(12))
def test_routes_match_brute_force(seed, budget, monkeypatch):
    monkeypatch.setattr(paths, "DEAD_END_BUDGET", budget)
    rng = random.Random(seed)
    names = [f"n{i}" for i in range(9)]
    pairs = [p for p in itertools.combinations(names, 2) if rng.random() < 0.3]
    kinds = ("member_of", "funds", "cooperates_with")
    G = graph(*((u, rng.choice(kinds), v) for u, v in pairs), nodes=tuple(names))
    U = nx.Graph(stakeholder_projection(G))
    home = "stakeholder:n0"
    every = nx.all_simple_paths(U, home, "stakeholder:n8")
    costs = sorted({_cost(G, home, tuple(p)) for p in every})
    for k in (1, 3, 6):
        found = stakeholder_routes(G, "n0", "n8", k=k)
        found_costs = [_cost(G, home, tuple(f"stakeholder:{i}" for i in ids(r))) for r in found]
        assert found_costs == sorted(found_costs)
        # the best routes, with every equal of the last one, and ranks that follow the costs
        assert sorted(set(found_costs)) == costs[: len(set(found_costs))]
        assert len(found) >= min(k, len(list(nx.all_simple_paths(U, home, "stakeholder:n8"))))
        assert [r["rank"] for r in found] == [
            sorted(set(found_costs)).index(c) + 1 for c in found_costs
        ]


def test_route_to_the_only_neighbour_of_home_is_that_one_step():
    # Every other path to the forum would pass it before reaching home: a search that
    # did not see that would try each ordering of the 24 members behind it.
    members = [f"m{i:02}" for i in range(24)]
    G = graph(
        ("malmo", "member_of", "forum"),
        *((m, "member_of", "forum") for m in members),
        *((a, "cooperates_with", b) for a, b in itertools.combinations(members, 2)),
    )
    assert [ids(r) for r in stakeholder_routes(G, "malmo", "forum", k=3)] == [["malmo", "forum"]]


def test_a_forum_reached_only_through_the_target_is_not_searched():
    # The barrier is raised in a forum that Malmö reaches only through the agency, past
    # interlinked members: every path there passes the agency, so none can end with an
    # inferred step to it. Reading them all would grow with every ordering of the members.
    members = [f"c{i:02}" for i in range(6)]
    G = graph(
        ("malmo", "member_of", "agency"),
        ("c00", "member_of", "agency"),
        *((a, "cooperates_with", b) for a, b in itertools.combinations(members, 2)),
        ("agency", "rule_owner", "b-x"),
        ("b-x", "raised_at", "c05"),
    )
    [target] = advocacy_routes(G, "b-x", home="malmo")
    assert [ids(r) for r in target["routes"]] == [["malmo", "agency"]]
    router = Router(G, "stakeholder:malmo")
    router.ranked("stakeholder:agency", ["stakeholder:c05"])
    assert "stakeholder:c05" not in router._streams


def test_more_equal_routes_than_shown_are_chosen_by_name_not_id():
    # 20 forums of equal standing lead to the agency; ids run against the names.
    forums = {f"f{i:02}": f"Forum {chr(ord('T') - i)}" for i in range(20)}
    G = graph(
        *(("malmo", "member_of", f) for f in forums),
        *(("agency", "member_of", f) for f in forums),
        labels=forums,
    )
    routes = stakeholder_routes(G, "malmo", "agency", k=3)
    shown = [r["steps"][1]["label"] for r in routes]
    assert len(routes) == 3 + paths.MAX_EQUALS
    assert shown == sorted(forums.values())[: len(routes)]
    assert {r["rank"] for r in routes} == {1}


def test_router_streams_are_reused(oresund):
    router = Router(oresund, "stakeholder:malmo")
    assert router.stream("stakeholder:gov") is router.stream("stakeholder:gov")


def test_unknown_ids_raise(oresund):
    with pytest.raises(nx.NodeNotFound, match="nobody"):
        stakeholder_routes(oresund, "malmo", "nobody")
    with pytest.raises(nx.NodeNotFound, match="b-none"):
        advocacy_routes(oresund, "b-none", home="malmo")
    with pytest.raises(nx.NodeNotFound, match="nobody"):
        advocacy_routes(oresund, "b-funding", home="nobody")
    with pytest.raises(nx.NodeNotFound):
        advocacy_routes(oresund, "malmo", home="malmo")  # a stakeholder, not a barrier


# -- advocacy routes ----------------------------------------------------------------------


def test_advocacy_routes_exist(oresund):
    result = advocacy_routes(oresund, "b-funding", home="malmo")
    assert [(r["id"], r["roles"], r["no_route"]) for r in result] == [
        ("agency", ["rule_owner"], False),
        ("gov", ["decision_maker"], False),
    ]  # by name: Innovasjon Norge, Norges regering
    agency, gov = result
    # the forum where the barrier is raised is a stop towards those who can fix it,
    # by an inferred step, shown as such
    assert [(ids(r), r["inferred"]) for r in gov["routes"]] == [
        (["malmo", "gc", "gov"], True),
        (["malmo", "gc", "kbh", "nmr", "gov"], False),
    ]
    assert gov["routes"][0]["steps"][-1]["via"] == "raised_at"
    assert gov["routes"][0]["steps"][-1]["inferred"]
    assert [ids(r) for r in agency["routes"]] == [
        ["malmo", "gc", "agency"],
        ["malmo", "gc", "kbh", "nmr", "gov", "agency"],
    ]


def test_recorded_route_beats_an_inferred_one_of_the_same_length():
    G = graph(
        ("malmo", "member_of", "gc"),
        ("malmo", "member_of", "firs"),
        ("gov", "member_of", "gc"),
        ("gov", "decision_maker", "b-x"),
        ("b-x", "raised_at", "firs"),
    )
    (only,) = advocacy_routes(G, "b-x", home="malmo")
    assert [(ids(r), r["inferred"], r["rank"]) for r in only["routes"]] == [
        (["malmo", "gc", "gov"], False, 1),
        (["malmo", "firs", "gov"], True, 2),
    ]


def test_explicit_no_route(oresund):
    result = advocacy_routes(oresund, "b-lonely", home="malmo")
    assert result == [
        {
            "id": "island",
            "label": "Ensam myndighet",
            "roles": ["rule_owner"],
            "no_route": True,
            "routes": [],
        }
    ]


def test_advocacy_without_forums_uses_relations_only():
    G = graph(
        ("malmo", "member_of", "gc"), ("gov", "member_of", "gc"), ("gov", "decision_maker", "b-x")
    )
    (only,) = advocacy_routes(G, "b-x", home="malmo")
    assert [ids(r) for r in only["routes"]] == [["malmo", "gc", "gov"]]
    last = only["routes"][0]["steps"][-1]
    assert last["via"] == "member_of" and last["reverse"] and not last["inferred"]


def test_relation_preferred_over_forum_hop_for_the_same_stops():
    G = graph(
        ("malmo", "member_of", "gc"),
        ("gov", "member_of", "gc"),
        ("gov", "decision_maker", "b-x"),
        ("b-x", "raised_at", "gc"),
    )
    (only,) = advocacy_routes(G, "b-x", home="malmo")
    assert [ids(r) for r in only["routes"]] == [["malmo", "gc", "gov"]]
    assert only["routes"][0]["steps"][-1]["via"] == "member_of"


def test_forum_hops_can_be_switched_off(oresund):
    result = advocacy_routes(oresund, "b-funding", home="malmo", via_forums=False)
    assert [ids(r) for r in result[1]["routes"]] == [["malmo", "gc", "kbh", "nmr", "gov"]]
    assert not any(r["inferred"] for e in result for r in e["routes"])
    assert all_advocacy_routes(oresund, home="malmo", via_forums=False)["b-funding"] == result


def test_home_responsible_and_home_as_forum():
    G = graph(
        ("malmo", "decision_maker", "b-x"),
        ("kbh", "rule_owner", "b-x"),
        ("b-x", "raised_at", "malmo"),
    )
    result = {r["id"]: r for r in advocacy_routes(G, "b-x", home="malmo")}
    assert [ids(r) for r in result["malmo"]["routes"]] == [["malmo"]]
    assert [ids(r) for r in result["kbh"]["routes"]] == [["malmo", "kbh"]]
    assert result["kbh"]["routes"][0]["inferred"]


def test_both_roles_one_entry():
    G = graph(("gov", "rule_owner", "b-x"), ("gov", "decision_maker", "b-x"), nodes=("malmo",))
    (entry,) = advocacy_routes(G, "b-x", home="malmo")
    assert entry["roles"] == ["rule_owner", "decision_maker"] and entry["no_route"]


def test_forum_hop_never_revisits_the_target():
    # the only way to the forum passes the target itself: no forum hop then
    G = graph(
        ("malmo", "member_of", "gov"),
        ("gov", "member_of", "gc"),
        ("gov", "decision_maker", "b-x"),
        ("b-x", "raised_at", "gc"),
    )
    (entry,) = advocacy_routes(G, "b-x", home="malmo", k=5)
    assert [ids(r) for r in entry["routes"]] == [["malmo", "gov"]]


def test_all_advocacy_routes_agrees_with_one_at_a_time(oresund):
    together = all_advocacy_routes(oresund, home="malmo")
    assert list(together) == ["b-funding", "b-lonely"]
    for barrier, result in together.items():
        assert result == advocacy_routes(oresund, barrier, home="malmo")


def test_routes_are_the_same_every_run(oresund):
    one = json.dumps(all_advocacy_routes(oresund, home="malmo"))
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(oresund.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(oresund.edges(keys=True, data=True))))
    assert json.dumps(all_advocacy_routes(shuffled, home="malmo")) == one


# -- routes in words ----------------------------------------------------------------------


def test_route_reads_as_a_chain_of_named_steps(oresund):
    assert routes_in_words(oresund, "malmo", "gov") == (
        "1. Malmö stad → medlem i → Greater Copenhagen → har som medlem → Köpenhamns kommun"
        " → samarbetar med → Nordiska ministerrådet → har som medlem → Norges regering"
    )


def test_no_route_in_words(oresund):
    assert routes_in_words(oresund, "malmo", "island") == (
        "Ingen känd väg från Malmö stad till Ensam myndighet."
    )


def test_several_routes_are_numbered():
    G = graph(("a", "member_of", "b"), ("c", "member_of", "b"), ("a", "funds", "c"))
    assert routes_in_words(G, "a", "c") == (
        "1. a → finansierar → c\n2. a → medlem i → b → har som medlem → c"
    )


def test_barrier_routes_in_words_name_each_organisation_that_can_act(oresund):
    text = barrier_routes_in_words(oresund, "malmo", "b-funding")
    assert text.splitlines() == [
        "Innovasjon Norge (äger regelverket):",
        "  1. Malmö stad → medlem i → Greater Copenhagen → hindret är lyft här; antaget steg till"
        " → Innovasjon Norge",
        "  2. Malmö stad → medlem i → Greater Copenhagen → har som medlem → Köpenhamns kommun"
        " → samarbetar med → Nordiska ministerrådet → har som medlem → Norges regering"
        " → får rapporter från → Innovasjon Norge",
        "Norges regering (beslutsfattare):",
        "  1. Malmö stad → medlem i → Greater Copenhagen → hindret är lyft här; antaget steg till"
        " → Norges regering",
        "  2. Malmö stad → medlem i → Greater Copenhagen → har som medlem → Köpenhamns kommun"
        " → samarbetar med → Nordiska ministerrådet → har som medlem → Norges regering",
    ]


def test_steps_walked_backwards_read_as_the_reverse_relation():
    assert step_label({"via": None}) == ""
    assert step_label({"via": "raised_at"}) == "hindret är lyft här; antaget steg till"
    assert step_label({"via": "funds", "reverse": True}) == "finansieras av"
    assert route_in_words([{"label": "A", "via": None}]) == "A"


# -- allies -------------------------------------------------------------------------------


def test_allies_leave_out_home_and_opponents_of_the_barrier(oresund):
    oresund.add_edge("stakeholder:nmr", "barrier:b-funding", key="opponent", type="opponent")
    oresund.add_edge("stakeholder:nmr", "stakeholder:gc", key="member_of", type="member_of")
    assert allies(oresund, "b-funding", home="malmo") == [
        {
            "id": "kbh",
            "label": "Köpenhamns kommun",
            "roles": ["advocate"],
            "shared_forums": [{"id": "gc", "label": "Greater Copenhagen"}],
        },
    ]  # not malmo itself, not the opponent nmr although it sits in gc


def test_allies_leave_out_home_units_and_those_responsible():
    G = graph(
        ("malmo", "member_of", "gc"),
        ("malmo-dept", "part_of", "malmo"),
        ("malmo-dept", "member_of", "gc"),
        ("malmo-dept", "affected", "b-x"),
        ("agency", "member_of", "gc"),
        ("agency", "rule_owner", "b-x"),
        ("agency", "advocate", "b-x"),
        ("gov", "decision_maker", "b-x"),
        ("kbh", "member_of", "gc"),
        ("b-x", "raised_at", "gc"),
    )
    assert [a["id"] for a in allies(G, "b-x", "malmo")] == ["kbh"]
    assert [a["id"] for a in all_allies(G, "malmo")["b-x"]] == ["kbh"]
    assert [a["id"] for a in home_allies(G, "malmo")] == ["agency", "kbh"]  # by name; no unit


def test_allies_share_only_forums_where_the_barrier_is_raised(oresund):
    assert allies(oresund, "b-lonely", home="malmo") == []
    oresund.add_edge("barrier:b-lonely", "stakeholder:gc", key="raised_at", type="raised_at")
    assert [a["id"] for a in allies(oresund, "b-lonely", home="malmo")] == ["kbh"]


def test_allies_order_roles_first_then_by_name():
    G = graph(
        ("malmo", "member_of", "f"),
        ("aa", "member_of", "f"),
        ("ab", "member_of", "f"),
        ("zz", "affected", "b-x"),
        ("b-x", "raised_at", "f"),
        labels={"aa": "Örestad", "ab": "Amager"},
    )
    assert [(a["id"], a["roles"]) for a in allies(G, "b-x", "malmo")] == [
        ("zz", ["affected"]),
        ("ab", []),
        ("aa", []),
    ]


def test_all_allies_agrees_with_one_at_a_time(oresund):
    for barrier, rows in all_allies(oresund, home="malmo").items():
        assert rows == allies(oresund, barrier, home="malmo")


def test_home_allies_share_barriers_or_forums_with_home(oresund):
    assert home_allies(oresund, home="malmo") == [
        {
            "id": "kbh",
            "label": "Köpenhamns kommun",
            "shared_barriers": [{"id": "b-funding", "label": "b-funding"}],
            "shared_forums": [{"id": "gc", "label": "Greater Copenhagen"}],
        },
    ]


# -- ego networks and communities ---------------------------------------------------------


def test_ego_network_radius_one(oresund):
    ego = ego_network(oresund, "gc", 1)
    assert ego["center"] == "gc" and ego["radius"] == 1
    assert [(n["id"], n["kind"], n["distance"]) for n in ego["nodes"]] == [
        ("gc", "stakeholder", 0),
        ("kbh", "stakeholder", 1),
        ("malmo", "stakeholder", 1),
        ("b-funding", "barrier", 1),
    ]
    assert ego["nodes"][0]["key"] == "stakeholder:gc"
    assert ego["edges"] == [
        {"source": "barrier:b-funding", "target": "stakeholder:gc", "type": "raised_at"},
        {"source": "stakeholder:kbh", "target": "barrier:b-funding", "type": "advocate"},
        {"source": "stakeholder:kbh", "target": "stakeholder:gc", "type": "member_of"},
        {"source": "stakeholder:malmo", "target": "barrier:b-funding", "type": "ally"},
        {"source": "stakeholder:malmo", "target": "stakeholder:gc", "type": "member_of"},
    ]


def test_ego_network_radius_two(oresund):
    ego = ego_network(oresund, "gc", 2)
    far = {n["id"] for n in ego["nodes"] if n["distance"] == 2}
    assert far == {"nmr", "agency", "gov", "b-lonely"}


def test_ego_network_without_barriers(oresund):
    ego = ego_network(oresund, "gc", 2, barriers=False)
    assert [(n["id"], n["distance"]) for n in ego["nodes"]] == [
        ("gc", 0),
        ("kbh", 1),
        ("malmo", 1),
        ("nmr", 2),
    ]
    assert all(e["type"] in ("member_of", "cooperates_with") for e in ego["edges"])


def test_ego_network_of_unknown_stakeholder(oresund):
    with pytest.raises(nx.NodeNotFound):
        ego_network(oresund, "b-funding", 1)


def test_communities_two_triangles():
    G = graph(
        ("a", "member_of", "b"),
        ("b", "member_of", "c"),
        ("c", "member_of", "a"),
        ("x", "funds", "y"),
        ("y", "funds", "z"),
        ("z", "funds", "x"),
        ("c", "cooperates_with", "x"),
        nodes=("alone",),
    )
    assert communities(G) == [["a", "b", "c"], ["x", "y", "z"], ["alone"]]
    assert communities(G, seed=42) == communities(G, seed=42)


def test_communities_of_nothing():
    assert communities(nx.MultiDiGraph()) == []


# -- power and interest -------------------------------------------------------------------


def test_power_interest_grid_places_each_scored_stakeholder_in_its_quadrant(tmp_path: Path):
    records = {
        "gov": "type: government\npower: 5\ninterest: 4",
        "agency": "type: agency\npower: 4\ninterest: 1",
        "malmo": "type: municipality\npower: 2\ninterest: 5",
        "club": "type: association\npower: 1\ninterest: 2",
        "edge": "type: other\npower: 3\ninterest: 3",
        "half": "type: other\npower: 3",
        "secret": "type: other\npower: 5\ninterest: 5\nvisibility: internal",
    }
    (tmp_path / "stakeholders").mkdir()
    for sid, body in records.items():
        text = f"id: {sid}\nname: Org {sid}\ncountry: SE\nlevel: local\n{body}\n"
        (tmp_path / "stakeholders" / f"{sid}.yml").write_text(textwrap.dedent(text))
    kb = load(tmp_path)
    assert not kb.diagnostics
    grid = power_interest(build_graph(kb))
    assert [(p["id"], p["quadrant"]) for p in grid["points"]] == [
        ("gov", "manage_closely"),
        ("agency", "keep_satisfied"),
        ("edge", "manage_closely"),
        ("malmo", "keep_informed"),
        ("club", "monitor"),
    ]
    assert grid["points"][0] == {
        "id": "gov",
        "label": "Org gov",
        "power": 5,
        "interest": 4,
        "quadrant": "manage_closely",
    }
    assert [(q["key"], q["label"], q["ids"]) for q in grid["quadrants"]] == [
        ("manage_closely", "Hantera nära", ["gov", "edge"]),
        ("keep_satisfied", "Håll nöjda", ["agency"]),
        ("keep_informed", "Håll informerade", ["malmo"]),
        ("monitor", "Bevaka", ["club"]),
    ]
    assert grid["unscored"] == [{"id": "half", "label": "Org half"}]
    assert "secret" not in json.dumps(grid)
    # the internal build's grid has the internal stakeholders too
    internal = power_interest(build_graph(kb, audience="internal"))
    assert ("secret", "manage_closely") in [(p["id"], p["quadrant"]) for p in internal["points"]]


@pytest.mark.parametrize("seed", range(8))
def test_betweenness_is_networkx_figure(seed):
    rng = random.Random(seed)
    n = rng.choice([0, 1, 2, 3, 12, 40])
    H = nx.gnp_random_graph(n, rng.choice([0.05, 0.2, 0.6]), seed=seed)
    H = nx.relabel_nodes(H, {i: f"stakeholder:s{i}" for i in H})
    expected = nx.betweenness_centrality(H, normalized=True)
    found = betweenness(H)
    assert list(found) == list(expected)
    assert found == pytest.approx(expected, abs=1e-12)
