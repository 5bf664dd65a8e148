"""Routes and allies on the shipped records: ties broken by meaning, strategy kept to its place."""

from __future__ import annotations

import networkx as nx
import pytest
from conftest import REPO

from barrierkb.network.allies import all_allies
from barrierkb.network.graph import build_graph, id_of, node_kind
from barrierkb.network.paths import units_of
from barrierkb.network.routes import all_advocacy_routes
from barrierkb.records.load import load

HOME = "malmo-stad"


@pytest.fixture(scope="module")
def shipped():
    kb = load(REPO)
    return kb, build_graph(kb)


def _renamed(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with every stakeholder id replaced so that ids sort the other way."""
    ids = sorted(id_of(G, n) for n in G if node_kind(G, n) == "stakeholder")
    new_id = {old: f"s{len(ids) - i:04d}" for i, old in enumerate(ids)}
    mapping = {
        n: f"stakeholder:{new_id[id_of(G, n)]}" for n in G if node_kind(G, n) == "stakeholder"
    }
    H = nx.relabel_nodes(G, mapping, copy=True)
    for new in mapping.values():
        H.nodes[new]["record_id"] = new.partition(":")[2]
    return H, {v: k for k, v in new_id.items()}


def _by_names(routes: dict) -> dict:
    return {
        barrier: [
            (t["label"], [(r["rank"], [str(s["label"]) for s in r["steps"]]) for r in t["routes"]])
            for t in targets
        ]
        for barrier, targets in routes.items()
    }


def test_no_route_is_chosen_by_how_ids_sort(shipped):
    _, G = shipped
    renamed, back = _renamed(G)
    home_again = {v: k for k, v in back.items()}[HOME]
    assert _by_names(all_advocacy_routes(renamed, home_again)) == _by_names(
        all_advocacy_routes(G, HOME)
    )


def test_no_ally_is_a_home_unit_or_responsible_for_the_barrier(shipped):
    kb, G = shipped
    own = {HOME} | {id_of(G, n) for n in units_of(G, f"stakeholder:{HOME}")}
    assert len(own) > 1  # the records name units of the city
    for barrier_id, rows in all_allies(G, HOME).items():
        responsible = {r.stakeholder for r in kb.barriers[barrier_id].responsible}
        named = {a["id"] for a in rows}
        assert not named & own, barrier_id
        assert not named & responsible, barrier_id


def test_routes_to_the_citys_own_units_go_down_the_part_of_chain(shipped):
    _, G = shipped
    from barrierkb.network.routes import stakeholder_routes

    for unit, chain in units_of(G, f"stakeholder:{HOME}").items():
        routes = stakeholder_routes(G, HOME, id_of(G, unit))
        assert [[s["id"] for s in r["steps"]] for r in routes] == [[id_of(G, n) for n in chain]]
