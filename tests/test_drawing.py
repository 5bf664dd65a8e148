"""SVG drawings: deterministic, self-contained, accessible and escaped."""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from conftest import REPO, run_cli

from barrierkb.network.drawings import default_href, ego_svg, network_svg
from barrierkb.network.graph import build_graph
from barrierkb.network.layout import ego_layout, network_layout
from barrierkb.network.svg import EDGE_STYLES, LINE_STYLES, label_box
from barrierkb.records.lang import localized
from barrierkb.records.load import load

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & <b onload="evil()">'
LONG = "Styrelsen for International Rekruttering og Integration (SIRI)"


def stakeholder(G, sid, label, type_="agency", level="national", country="SE"):
    G.add_node(
        f"stakeholder:{sid}",
        kind="stakeholder",
        record_id=sid,
        label=label,
        type=type_,
        level=level,
        country=country,
    )


@pytest.fixture
def G():
    G = nx.MultiDiGraph()
    stakeholder(G, "malmo", "Malmö stad", "municipality", "local")
    stakeholder(G, "gc", "Greater Copenhagen", "forum", "regional", "DK")
    stakeholder(G, "gov", "Norges regering", "government", "national", "NO")
    stakeholder(G, "siri", LONG, "agency", "national", "DK")
    stakeholder(G, "evil", HOSTILE, "other", "local")
    stakeholder(G, "nmr", "Nordiska ministerrådet", "intergovernmental", "nordic", "NORDIC")
    stakeholder(G, "eu", "Europeiska kommissionen", "intergovernmental", "eu", "EU")
    G.add_node(
        "barrier:b-x", kind="barrier", record_id="b-x", label="Ett <i>hinder</i>", status="raised"
    )
    for u, kind, v in [
        ("stakeholder:malmo", "member_of", "stakeholder:gc"),
        ("stakeholder:malmo", "part_of", "stakeholder:gc"),
        ("stakeholder:evil", "cooperates_with", "stakeholder:malmo"),
        ("stakeholder:gov", "member_of", "stakeholder:nmr"),
        ("stakeholder:siri", "reports_to", "stakeholder:gov"),
        ("stakeholder:nmr", "funds", "stakeholder:gc"),
        ("stakeholder:nmr", "secretariat_of", "stakeholder:eu"),
        ("stakeholder:gov", "decision_maker", "barrier:b-x"),
        ("stakeholder:malmo", "affected", "barrier:b-x"),
        ("barrier:b-x", "raised_at", "stakeholder:gc"),
    ]:
        G.add_edge(u, v, key=kind, type=kind)
    return G


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def drawings(G, home: str = "malmo") -> dict[str, str]:
    return {
        "network": network_svg(G, home=home),
        "ego1": ego_svg(G, home, 1),
        "ego2": ego_svg(G, home, 2),
        "ego-no-barriers": ego_svg(G, "gc", 2, barriers=False),
    }


@pytest.mark.parametrize("name", ["network", "ego1", "ego2", "ego-no-barriers"])
def test_drawing_is_a_labelled_group_with_title_and_description(G, name):
    root = parse(drawings(G)[name])
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "group"  # the nodes are links: an img role would hide them
    title_id, desc_id = root.get("aria-labelledby").split()
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert (title.get("id"), desc.get("id")) == (title_id, desc_id)
    assert title.text.strip() and len(desc.text) > 40
    assert root.get("font-family") == "sans-serif"


@pytest.mark.parametrize("name", ["network", "ego1", "ego2", "ego-no-barriers"])
def test_drawing_loads_nothing_and_runs_nothing(G, name):
    svg = drawings(G)[name]
    root = parse(svg)
    tags = {el.tag.removeprefix(SVG) for el in root.iter()}
    assert not tags & {"script", "style", "image", "foreignObject", "use", "iframe"}
    for el in root.iter():
        for attr, value in el.attrib.items():
            assert not attr.lower().startswith("on"), (el.tag, attr)
            if attr in ("href", "{http://www.w3.org/1999/xlink}href"):
                assert value.startswith("../"), value
    assert svg.count("http") == 1  # the SVG namespace, nothing fetched
    assert "@font-face" not in svg and "url(http" not in svg


def test_network_drawing_from_two_processes_is_byte_identical(tmp_path: Path):
    svgs = []
    for seed in ("1", "2"):  # another hash seed: set and dict order may not leak into output
        out = tmp_path / f"natverk-{seed}.svg"
        done = run_cli(
            "graph", "--root", str(REPO), "--format", "svg", "-o", str(out),
            env={"PYTHONHASHSEED": seed},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        svgs.append(out.read_bytes())
    assert svgs[0] == svgs[1]


def test_records_in_another_order_draw_the_same_bytes(tmp_path: Path):
    def write(root: Path, reverse: bool) -> None:
        records = {
            "malmo-stad": "type: municipality\nlevel: local\nrelations:\n"
            "  - {type: member_of, target: gc}\n  - {type: member_of, target: nmr}",
            "gc": "type: forum\nlevel: regional",
            "nmr": "type: intergovernmental\nlevel: nordic\nrelations:\n"
            "  - {type: funds, target: gc}",
        }
        items = list(records.items())
        (root / "stakeholders").mkdir(parents=True)
        for sid, body in reversed(items) if reverse else items:
            text = f"id: {sid}\nname: Org {sid}\ncountry: SE\n{body}\n"
            (root / "stakeholders" / f"{sid}.yml").write_text(textwrap.dedent(text))

    write(tmp_path / "a", False)
    write(tmp_path / "b", True)
    one, two = build_graph(load(tmp_path / "a")), build_graph(load(tmp_path / "b"))
    assert drawings(one, "malmo-stad") == drawings(two, "malmo-stad")


def test_numbers_have_one_decimal(G):
    for svg in drawings(G).values():
        numbers = re.findall(r"-?\d+\.\d+", svg)
        assert numbers and all(len(n.split(".")[1]) == 1 for n in numbers)
        assert "-0.0" not in svg


def test_hostile_names_are_escaped(G):
    for svg in drawings(G).values():
        assert "<script" not in svg and "<b " not in svg and "<i>" not in svg
        root = parse(svg)  # still well-formed
        assert not [el for el in root.iter() if el.tag.endswith("script")]
        titles = [el.text for el in root.iter(f"{SVG}title")]
        if any("evil" in (a.get("href") or "") for a in root.iter(f"{SVG}a")):
            assert any(HOSTILE in t for t in titles)


def test_nodes_link_to_their_pages(G):
    root = parse(network_svg(G))
    links = {a.get("href") for a in root.iter(f"{SVG}a")}
    assert "../stakeholders/malmo/" in links and "../stakeholders/gc/" in links
    ego = parse(ego_svg(G, "malmo", 1, href=lambda kind, rid: f"/{kind}/{rid}.html"))
    links = {a.get("href") for a in ego.iter(f"{SVG}a")}
    assert {"/stakeholder/malmo.html", "/barrier/b-x.html"} <= links
    assert default_href("barrier", "x") == "../barriers/x/"


def label_lines(text: ET.Element) -> list[str]:
    return [t.text or "" for t in text.iter(f"{SVG}tspan")]


def test_each_node_has_a_title_and_long_names_wrap_whole(G):
    root = parse(network_svg(G))
    nodes = list(root.iter(f"{SVG}a"))
    assert len(nodes) == 7  # every stakeholder, no barriers
    for a in nodes:
        title = a.find(f"{SVG}title").text
        lines = label_lines(a.find(f"{SVG}text"))
        assert title.startswith(" ".join(lines))  # the whole name, never cut
        assert not any(line.endswith("…") for line in lines)
    siri = next(a for a in nodes if a.get("href").endswith("/siri/"))
    assert len(label_lines(siri.find(f"{SVG}text"))) > 1
    assert " ".join(label_lines(siri.find(f"{SVG}text"))) == LONG


def label_boxes(svg: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every node label's box, from its position, anchor and lines in the SVG."""
    out = []
    for text in parse(svg).iter(f"{SVG}text"):
        if text.get("class") == "bkb-label":
            lines = label_lines(text)
            box = label_box(
                float(text.get("x")), float(text.get("y")), lines, text.get("text-anchor")
            )
            out.append((" ".join(lines), box))
    return out


def overlapping(boxes) -> list[tuple[str, str]]:
    return [
        (a, b)
        for i, (a, (l1, t1, r1, b1)) in enumerate(boxes)
        for b, (l2, t2, r2, b2) in boxes[i + 1 :]
        if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1
    ]


def test_network_drawing_of_the_records_has_no_overlapping_or_cut_labels():
    kb = load(REPO)
    G = build_graph(kb)
    svg = network_svg(G, home="malmo-stad")
    boxes = label_boxes(svg)
    assert len(boxes) == len(kb.stakeholders)
    assert overlapping(boxes) == []
    drawn = sorted(name for name, _ in boxes)
    names = [" ".join(str(localized(s.name, "sv")).split()) for s in kb.stakeholders.values()]
    assert drawn == sorted(names)
    sizes = {float(t.get("font-size")) for t in parse(svg).iter(f"{SVG}text") if t.get("class")}
    assert min(sizes) >= 11


def test_edges_have_titles_in_words(G):
    svg = network_svg(G)
    assert "<title>Malmö stad är medlem i Greater Copenhagen</title>" in svg
    ego = ego_svg(G, "gc", 1)
    assert "Hindret ”Ett &lt;i&gt;hinder&lt;/i&gt;” lyfts i Greater Copenhagen" in ego


def test_shapes_differ_by_kind(G):
    root = parse(ego_svg(G, "malmo", 1))
    shapes = {}
    for a in root.iter(f"{SVG}a"):
        shape = next(el for el in a if el.tag != f"{SVG}title")
        shapes[a.get("href")] = (
            shape.tag.removeprefix(SVG),
            len((shape.get("points") or "").split()),
        )
    assert shapes["../stakeholders/malmo/"] == ("circle", 0)
    assert shapes["../stakeholders/gc/"] == ("polygon", 4)  # diamond
    assert shapes["../stakeholders/evil/"] == ("polygon", 3)  # triangle
    assert shapes["../barriers/b-x/"] == ("polygon", 6)  # hexagon
    net = parse(network_svg(G))
    gov = next(a for a in net.iter(f"{SVG}a") if a.get("href").endswith("/gov/"))
    assert gov.find(f"{SVG}rect") is not None


def test_at_most_five_line_styles_each_in_the_legend(G):
    patterns = {(dash, width) for dash, width, _ in LINE_STYLES.values()}
    assert len(patterns) == len(LINE_STYLES) <= 5
    assert set(EDGE_STYLES.values()) == patterns
    for svg in drawings(G).values():
        root = parse(svg)
        drawn = {
            (p.get("stroke-dasharray") or "", float(p.get("stroke-width")))
            for g in root.iter(f"{SVG}g")
            if g.get("data-type")
            for p in g.iter(f"{SVG}path")
            if p.get("stroke") == "#000000"
        }
        legend = next(g for g in root.iter(f"{SVG}g") if (g.get("id") or "").endswith("-legend"))
        shown = {
            (line.get("stroke-dasharray") or "", float(line.get("stroke-width")))
            for line in legend.iter(f"{SVG}line")
        }
        assert drawn <= shown and len(shown) <= 5


def test_legend_names_what_is_drawn(G):
    root = parse(network_svg(G, home="malmo"))
    legend = root.find(f".//{SVG}g[@id='natverk-legend']")
    texts = [t.text for t in legend.iter(f"{SVG}text")]
    assert "Teckenförklaring" in texts
    assert {
        "Kommun eller region",
        "Medlem i, del av eller sekretariat för",
        "Rapporterar till eller finansierar",
        "Samarbetar med",
        "Hemorganisation (tjock kant)",
    } <= set(texts)
    assert "Gränshinder" not in texts  # no barriers in the network drawing
    ego = parse(ego_svg(G, "malmo", 1))
    assert "Gränshinder" in [t.text for t in ego.iter(f"{SVG}text")]


def test_description_says_in_words_what_the_drawing_shows(G):
    desc = parse(network_svg(G, home="malmo")).find(f"{SVG}desc").text
    assert desc.startswith("7 aktörer och 7 relationer")
    assert "Lokal 2" in desc and "medlem i 2" in desc and "Malmö stad" in desc
    ego = parse(ego_svg(G, "malmo", 1)).find(f"{SVG}desc").text
    assert "Malmö stad är medlem i Greater Copenhagen" in ego
    assert "1 gränshinder" in ego


def test_network_bands_by_level(G):
    pos = network_layout(G)
    y = {n.split(":")[1]: p[1] for n, p in pos.items()}
    assert y["malmo"] < y["gc"] < y["gov"] < y["nmr"] < y["eu"]
    assert "barrier:b-x" not in pos


def test_ego_drawing_places_farther_nodes_on_wider_rings(G):
    pos, distance = ego_layout(G, "stakeholder:malmo", 2)
    assert pos["stakeholder:malmo"] == (0.0, 0.0)
    assert distance["stakeholder:gc"] == 1 and distance["stakeholder:nmr"] == 2
    r1 = abs(complex(*pos["stakeholder:gc"]))
    r2 = abs(complex(*pos["stakeholder:nmr"]))
    assert r2 > r1 > 0


def test_ids_differ_between_drawings(G):
    ids = []
    for svg in (
        network_svg(G),
        ego_svg(G, "malmo", 1),
        ego_svg(G, "malmo", 2),
        ego_svg(G, "gc", 1),
    ):
        ids += [el.get("id") for el in parse(svg).iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    custom = parse(ego_svg(G, "malmo", 1, id_prefix="Min Bild!"))
    assert custom.get("aria-labelledby") == "min-bild-title min-bild-desc"


def test_ego_drawing_of_an_unknown_stakeholder_raises_node_not_found(G):
    with pytest.raises(nx.NodeNotFound):
        ego_svg(G, "nobody")


def test_empty_and_lonely_graphs():
    assert parse(network_svg(nx.MultiDiGraph())).get("role") == "group"
    G = nx.MultiDiGraph()
    stakeholder(G, "alone", "Ensam")
    root = parse(ego_svg(G, "alone", 2))
    assert "Inga direkta band" in root.find(f"{SVG}desc").text
