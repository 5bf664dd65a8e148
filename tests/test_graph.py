"""The stakeholder graph: what enters it, what never does, and its exports."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

import networkx as nx
import pytest

from barrierkb.network.exports import to_graphml, to_node_link_json
from barrierkb.network.graph import build_graph, node_key, split_key, xml_safe
from barrierkb.records.load import load

HOSTILE = '<script>alert("x")</script> & Co'

RECORDS = {
    "stakeholders/malmo-stad.yml": """
        id: malmo-stad
        name: Malmö stad
        type: municipality
        country: SE
        level: local
        power: 2
        interest: 5
        relations:
          - {type: member_of, target: greater-copenhagen, cite: "[@gc]"}
          - {type: cooperates_with, target: not-yet-written, cite: "[@gc]"}
        sources: [{id: gc, title: Organisering, url: 'https://www.greatercph.se/'}]
        """,
    "stakeholders/greater-copenhagen.yml": """
        id: greater-copenhagen
        name: {sv: Greater Copenhagen, en: Greater Copenhagen Committee}
        type: forum
        country: DK
        level: regional
        """,
    "stakeholders/regjeringen-no.yml": """
        id: regjeringen-no
        name: {sv: Norges regering, en: Government of Norway}
        type: government
        country: NO
        level: national
        """,
    "stakeholders/innovasjon-norge.yml": """
        id: innovasjon-norge
        name: Innovasjon Norge
        type: agency
        country: NO
        level: national
        relations:
          - {type: reports_to, target: regjeringen-no, cite: "[@om-oss]"}
          - {type: reports_to, target: secret-club, cite: "[@om-oss]"}
        sources: [{id: om-oss, title: Om oss, url: 'https://www.innovasjonnorge.no/'}]
        """,
    "stakeholders/hostile.yml": f"""
        id: hostile
        name: '{HOSTILE}'
        type: other
        country: SE
        level: local
        """,
    "stakeholders/secret-club.yml": """
        id: secret-club
        name: Hemliga klubben
        type: association
        country: SE
        level: local
        visibility: internal
        internal_notes: INTERNAL-STAKEHOLDER-NOTE
        """,
    "barriers/funding-no.yml": """
        id: funding-no
        title: {sv: Norska medel bara för norska mottagare, en: Norwegian funds}
        summary: Norska statliga medel går bara till norska stödmottagare.
        status: raised
        status_history:
          - {date: 2026-03-23, status: raised, forum: regjeringen-no, cite: "[@underlag]"}
        borders: [SE-NO]
        themes: [funding]
        responsible:
          - {stakeholder: innovasjon-norge, role: rule_owner, cite: "[@underlag]"}
          - {stakeholder: regjeringen-no, role: decision_maker, cite: "[@underlag]"}
          - {stakeholder: secret-club, role: decision_maker, cite: "[@underlag]"}
        stakeholders:
          - {stakeholder: malmo-stad, role: ally, cite: "[@underlag]"}
          - {stakeholder: hostile, role: opponent, cite: "[@underlag]"}
        forums: [greater-copenhagen]
        sources: [{id: underlag, title: Underlag, url: 'https://example.org/'}]
        owner: Stadskontoret
        last_reviewed: 2026-03-23
        internal_notes: PUBLIC-BARRIER-NOTE
        """,
    "barriers/secret-barrier.yml": """
        id: secret-barrier
        title: Ett internt hinder
        summary: Syns aldrig utåt.
        status: identified
        borders: [SE-DK]
        themes: [taxation]
        responsible: [{stakeholder: regjeringen-no, role: rule_owner, cite: "[@underlag]"}]
        sources: [{id: underlag, title: Underlag}]
        owner: Stadskontoret
        last_reviewed: 2026-03-23
        visibility: internal
        """,
    # a barrier sharing its id with a stakeholder
    "barriers/greater-copenhagen.yml": """
        id: greater-copenhagen
        title: Ett hinder med samma id som ett forum
        summary: Id:n får inte krocka i grafen.
        status: identified
        borders: [SE-DK]
        themes: [transport]
        responsible: [{stakeholder: regjeringen-no, role: rule_owner, cite: "[@underlag]"}]
        sources: [{id: underlag, title: Underlag}]
        owner: Stadskontoret
        last_reviewed: 2026-03-23
        """,
}


def write_records(root: Path, records: dict[str, str] = RECORDS) -> Path:
    for rel, text in records.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


@pytest.fixture
def kb(tmp_path):
    kb = load(write_records(tmp_path))
    assert not kb.diagnostics, [str(d) for d in kb.diagnostics]
    return kb


@pytest.fixture
def G(kb):
    return build_graph(kb)


def test_a_node_per_public_stakeholder_and_barrier(G):
    assert list(G.nodes) == [
        "stakeholder:greater-copenhagen",
        "stakeholder:hostile",
        "stakeholder:innovasjon-norge",
        "stakeholder:malmo-stad",
        "stakeholder:regjeringen-no",
        "barrier:funding-no",
        "barrier:greater-copenhagen",
    ]


def test_nodes_carry_the_records_attributes_for_graphml(G):
    assert G.nodes["stakeholder:malmo-stad"] == {
        "kind": "stakeholder",
        "record_id": "malmo-stad",
        "label": "Malmö stad",
        "type": "municipality",
        "country": "SE",
        "level": "local",
        "power": 2,
        "interest": 5,
    }
    assert "power" not in G.nodes["stakeholder:regjeringen-no"]
    assert G.nodes["stakeholder:regjeringen-no"]["country"] == "NO"
    assert G.nodes["barrier:funding-no"] == {
        "kind": "barrier",
        "record_id": "funding-no",
        "label": "Norska medel bara för norska mottagare",
        "status": "raised",
    }


def test_ids_shared_by_a_barrier_and_a_stakeholder_stay_apart(G):
    assert G.nodes["barrier:greater-copenhagen"]["kind"] == "barrier"
    assert G.nodes["stakeholder:greater-copenhagen"]["kind"] == "stakeholder"


def test_attribute_values_are_graphml_types(G):
    values = [v for _, d in G.nodes(data=True) for v in d.values()]
    values += [v for *_, d in G.edges(keys=True, data=True) for v in d.values()]
    assert values and all(type(v) in (str, int, float, bool) for v in values)


def test_every_relation_role_and_forum_becomes_a_typed_edge(G):
    assert sorted((u, v, d["type"]) for u, v, d in G.edges(data=True)) == [
        ("barrier:funding-no", "stakeholder:greater-copenhagen", "raised_at"),
        ("barrier:funding-no", "stakeholder:regjeringen-no", "raised_at"),
        ("stakeholder:hostile", "barrier:funding-no", "opponent"),
        ("stakeholder:innovasjon-norge", "barrier:funding-no", "rule_owner"),
        ("stakeholder:innovasjon-norge", "stakeholder:regjeringen-no", "reports_to"),
        ("stakeholder:malmo-stad", "barrier:funding-no", "ally"),
        ("stakeholder:malmo-stad", "stakeholder:greater-copenhagen", "member_of"),
        ("stakeholder:regjeringen-no", "barrier:funding-no", "decision_maker"),
        ("stakeholder:regjeringen-no", "barrier:greater-copenhagen", "rule_owner"),
    ]
    data = G.get_edge_data("stakeholder:malmo-stad", "stakeholder:greater-copenhagen")
    assert data == {"member_of": {"type": "member_of", "group": "relation", "label": "medlem i"}}


def test_internal_records_and_notes_never_enter(kb, G):
    assert "stakeholder:secret-club" not in G
    assert "barrier:secret-barrier" not in G
    exported = to_graphml(G) + to_node_link_json(G)
    for secret in ("secret-club", "secret-barrier", "Hemliga", "INTERNAL-", "PUBLIC-BARRIER-NOTE"):
        assert secret not in exported
    # the caller's knowledge base is left as it was
    assert "secret-club" in kb.stakeholders
    assert kb.barriers["funding-no"].internal_notes == "PUBLIC-BARRIER-NOTE"


def test_references_to_missing_records_make_no_edge(G):
    assert not any("not-yet-written" in n for n in G)


def test_labels_in_another_language(kb):
    G = build_graph(kb, lang="en")
    assert G.nodes["stakeholder:regjeringen-no"]["label"] == "Government of Norway"
    assert G.nodes["stakeholder:malmo-stad"]["label"] == "Malmö stad"  # Swedish only


def test_same_records_same_graph(tmp_path):
    one = build_graph(load(write_records(tmp_path / "one")))
    # the same records written in the opposite order
    reversed_records = dict(reversed(list(RECORDS.items())))
    two = build_graph(load(write_records(tmp_path / "two", reversed_records)))
    assert list(one.nodes(data=True)) == list(two.nodes(data=True))
    assert list(one.edges(keys=True, data=True)) == list(two.edges(keys=True, data=True))
    assert to_graphml(one) == to_graphml(two)
    assert to_node_link_json(one) == to_node_link_json(two)


def test_graphml_round_trip(G):
    back = nx.read_graphml(io.BytesIO(to_graphml(G).encode("utf-8")))
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.number_of_edges() == G.number_of_edges()
    assert back.is_directed()
    for n, data in G.nodes(data=True):
        assert back.nodes[n] == data  # same values, same types (int stays int)
    assert type(back.nodes["stakeholder:malmo-stad"]["power"]) is int


def test_graphml_keeps_parallel_edges(kb):
    G = build_graph(kb)
    G.add_edge(
        "stakeholder:malmo-stad",
        "stakeholder:greater-copenhagen",
        key="funds",
        type="funds",
        group="relation",
        label="finansierar",
    )
    back = nx.read_graphml(io.BytesIO(to_graphml(G).encode("utf-8")))
    assert back.is_multigraph()
    assert back.number_of_edges() == G.number_of_edges()


def test_graphml_escapes_hostile_names(G):
    text = to_graphml(G)
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    back = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    assert back.nodes["stakeholder:hostile"]["label"] == HOSTILE


def test_characters_xml_cannot_carry_are_dropped():
    assert xml_safe("A\x00B\x1bC\ufffeD") == "ABCD"
    G = nx.MultiDiGraph()
    G.add_node("stakeholder:x", label=xml_safe("Malm\x08ö"))
    back = nx.read_graphml(io.BytesIO(to_graphml(G).encode("utf-8")))
    assert back.nodes["stakeholder:x"]["label"] == "Malmö"


def test_node_link_json(G):
    text = to_node_link_json(G)
    data = json.loads(text)
    assert set(data) == {"directed", "multigraph", "graph", "nodes", "edges"}
    assert data["directed"] and data["multigraph"]
    assert {"id": "stakeholder:malmo-stad", "record_id": "malmo-stad"}.items() <= (
        data["nodes"][3].items()
    )
    assert {
        "source": "stakeholder:malmo-stad",
        "target": "stakeholder:greater-copenhagen",
        "key": "member_of",
        "type": "member_of",
    }.items() <= next(e.items() for e in data["edges"] if e["type"] == "member_of")
    assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_node_keys_keep_barriers_and_stakeholders_apart():
    assert node_key("barrier", "x") == "barrier:x"
    assert split_key(node_key("stakeholder", "malmo-stad")) == ("stakeholder", "malmo-stad")
    with pytest.raises(ValueError):
        node_key("briefing", "x")


def test_empty_knowledge_base(tmp_path):
    G = build_graph(load(tmp_path))
    assert G.number_of_nodes() == 0
    assert nx.read_graphml(io.BytesIO(to_graphml(G).encode())).number_of_nodes() == 0
