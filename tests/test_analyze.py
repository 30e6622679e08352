"""``kg analyze``: the NetworkX projection, the report, and GraphML / GEXF / CSV exports."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from rdflib import URIRef

from kg.analyze import (
    PROVENANCE_CLASSES,
    analyze,
    format_json,
    format_markdown,
    format_text,
    generate_edges_csv,
    generate_gexf,
    generate_graphml,
    generate_nodes_csv,
    node_sides,
    to_networkx,
)
from kg.cli import main
from kg.model import iri

from .fixtures_seed import SEED_ID, load

pytest_plugins = ["tests.fixtures_seed"]

AGREEMENTS = {
    "加强双核创新联动 推进共建具有全国影响力的科技创新中心合作协议",
    "西部(重庆)科学城管理委员 西部(成都)科学城管理委员共同助推西部科学城建设战略合作协议",
    "共建世界级先进汽车产业集群战略合作协议",
    "共建西部金融中心合作协议",
    "推进成渝地区双城经济圈建设携手共促巴蜀文化旅游走廊建设战略合作协议",
}
CHONGQING_AGENCIES = {
    "重庆市科学技术局",
    "重庆市经济和信息化委员会",
    "重庆市地方金融监督管理局",
    "重庆市文化和旅游发展委员会",
    "西部(重庆)科学城管理委员会",
}
CHENGDU_AGENCIES = {
    "成都市科学技术局",
    "成都市经济和信息化局",
    "成都市地方金融监督管理局",
    "成都市文化广电旅游局",
    "西部(成都)科学城管理委员会",
}


def _id(cls: str, key: str) -> str:
    return iri.entity_iri(cls, key)


@pytest.fixture(scope="module")
def mini_graph(mini_dir):
    return load(mini_dir)


def test_analyze_projection_leaves_provenance_out(graph_dir):
    g = to_networkx(load(graph_dir))
    classes = {c for _, c in g.nodes(data="class")}
    assert not classes & set(PROVENANCE_CLASSES)
    assert {"Agency", "Agreement", "ScienceCity", "District", "City"} <= classes
    assert not any("/doc/" in node for node in g)
    assert all(d["label"] for _, d in g.nodes(data=True))


@pytest.mark.parametrize(
    ("source", "target", "key", "label"),
    [
        (
            _id("Agreement", "共建西部金融中心合作协议@2021-12-17"),
            _id("Agency", "重庆市地方金融监督管理局"),
            "party",
            "签署方",
        ),
        (
            _id("ScienceCity", "西部(重庆)科学城"),
            _id("District", "500109"),
            "includesDistrict",
            "包含区县",
        ),
        (
            _id("ScienceCity", "西部(重庆)科学城"),
            _id("District", "重庆高新区直管园"),
            "coreArea",
            "核心区",
        ),
        (_id("Project", "大鱼海棠公园"), _id("District", "500108"), "locatedIn", "位于"),
    ],
    ids=["party", "includesDistrict", "coreArea", "locatedIn"],
)
def test_analyze_relations_are_typed_edges(graph_dir, source, target, key, label):
    g = to_networkx(load(graph_dir))
    data = g.get_edge_data(source, target, key)
    assert data is not None, (source, target, key)
    assert data["predicate"] == key and data["label"] == label
    assert data["iri"] == f"https://w3id.org/chengyu-kg/ontology#{key}"


def test_analyze_nodes_carry_class_label_degree(mini_graph):
    g = to_networkx(mini_graph)
    node = g.nodes[_id("Agency", "重庆市科学技术局")]
    assert node["class"] == "Agency" and node["label"] == "重庆市科学技术局"
    assert node["degree"] == 2  # party of one agreement, jurisdiction 重庆市
    assert node["side"] == "重庆市"


@pytest.mark.parametrize(
    ("node", "attribute", "value"),
    [
        (_id("District", "500109"), "divisionCode", "500109"),
        (_id("District", "500109"), "altLabel", "北碚"),
        (_id("Agreement", "共建西部金融中心合作协议@2021-12-17"), "signedOn", "2021-12-17"),
        (_id("Agency", "重庆市科学技术局"), "mergeReason", "canonical-name"),
    ],
)
def test_analyze_keep_literals_adds_attributes(mini_graph, node, attribute, value):
    assert attribute not in to_networkx(mini_graph).nodes[node]
    assert to_networkx(mini_graph, keep_literals=True).nodes[node][attribute] == value


@pytest.mark.parametrize(
    ("node", "side"),
    [
        (_id("District", "500109"), "50"),  # division code
        (_id("City", "510100"), "51"),
        (_id("Agency", "重庆市科学技术局"), "50"),  # jurisdiction
        (_id("ScienceCity", "西部(重庆)科学城"), "50"),  # districts it includes
        (_id("Project", "成都超算中心"), "51"),  # located in
        (_id("District", "成都高新技术产业开发区"), "51"),  # its name
        (_id("District", "重庆高新区直管园"), "50"),
        (_id("Agreement", "共建西部金融中心合作协议@2021-12-17"), None),  # agreements bridge sides
    ],
    ids=["code", "city", "jurisdiction", "districts", "located", "name", "name2", "agreement"],
)
def test_analyze_node_sides(mini_graph, node, side):
    assert node_sides(mini_graph).get(URIRef(node)) == side


def test_analyze_report_names_both_cities_agencies_and_agreements(graph_dir):
    report = analyze(load(graph_dir))
    sides = {s["side"]: s for s in report["sides"]}
    assert CHONGQING_AGENCIES <= set(sides["重庆市"]["agencies"])
    assert CHENGDU_AGENCIES <= set(sides["成都市、四川省"]["agencies"])
    assert set(sides["重庆市"]["agreements"]) == AGREEMENTS
    assert set(sides["成都市、四川省"]["agreements"]) == AGREEMENTS
    assert {a["label"] for a in report["cross_side_agreements"]} == AGREEMENTS
    bridges = {b["label"] for b in report["bridges"] if b["class"] == "Agreement"}
    assert bridges == AGREEMENTS


def test_analyze_report_rankings_components_documents(graph_dir):
    report = analyze(load(graph_dir), top=5)
    assert report["degree"][0]["label"] == "重庆市"
    assert report["betweenness"][0]["label"] == "重庆市"
    assert len(report["degree"]) == 5
    assert report["classes"]["Agreement"] == 5
    assert report["predicates"]["party"] == 10
    assert report["components"]["count"] >= 1
    assert sum(report["components"]["sizes"]) == report["graph"]["nodes"]
    (doc,) = report["documents"]
    assert doc["id"] == SEED_ID and doc["facts"] >= 30 and doc["entities"] >= 30


def test_analyze_communities_are_reproducible(graph_dir):
    graph = load(graph_dir)
    first, second = analyze(graph, seed=7), analyze(graph, seed=7)
    assert first["communities"] == second["communities"]
    members = [m for c in first["communities"] for m in c["members"]]
    assert len(members) == len(set(members)) <= first["graph"]["nodes"]
    assert max(c["size"] for c in first["communities"]) >= 5


def test_analyze_formats(mini_graph):
    report = analyze(mini_graph)
    text = format_text(report)
    assert "agreements between sides: 5" in text
    assert "重庆市科学技术局" in text and "成都市科学技术局" in text
    markdown = format_markdown(report)
    assert "## Agreements between sides" in markdown
    assert "| 《共建西部金融中心合作协议》 |" in markdown
    assert json.loads(format_json(report)) == report


EXPORTS = [
    ("graphml", generate_graphml, lambda p: nx.read_graphml(p, force_multigraph=True)),
    ("gexf", generate_gexf, nx.read_gexf),
]


@pytest.mark.parametrize("keep_literals", [False, True])
@pytest.mark.parametrize(("suffix", "generate", "read"), EXPORTS)
def test_analyze_exports_load_back_into_networkx(
    graph_dir, tmp_path, keep_literals, suffix, generate, read
):
    g = to_networkx(load(graph_dir), keep_literals=keep_literals)
    path = tmp_path / f"graph.{suffix}"
    path.write_text(generate(g), encoding="utf-8")
    back = read(path)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    node = _id("Agency", "重庆市科学技术局")
    assert back.nodes[node]["label"] == "重庆市科学技术局"
    assert back.nodes[node]["class"] == "Agency"


def test_analyze_exports_keep_parallel_edges(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("a", label="甲", **{"class": "ScienceCity"}, altLabel=["x", "y"], none=None)
    g.add_node("b", label="乙", **{"class": "District"})
    g.add_edge("a", "b", key="includesDistrict", predicate="includesDistrict", label="包含区县")
    g.add_edge("a", "b", key="coreArea", predicate="coreArea", label="核心区")
    for suffix, generate, read in EXPORTS:
        path = tmp_path / f"g.{suffix}"
        path.write_text(generate(g), encoding="utf-8")
        back = read(path)
        assert back.number_of_edges() == 2, suffix
        assert back.nodes["a"]["altLabel"] == "x; y"
        assert "none" not in back.nodes["a"]


def test_analyze_csv_exports_for_gephi(mini_graph):
    g = to_networkx(mini_graph)
    nodes = list(csv.DictReader(io.StringIO(generate_nodes_csv(g))))
    edges = list(csv.DictReader(io.StringIO(generate_edges_csv(g))))
    assert len(nodes) == g.number_of_nodes() and len(edges) == g.number_of_edges()
    assert {"Id", "Label", "class", "degree"} <= set(nodes[0])
    assert {"Source", "Target", "Type", "Label"} <= set(edges[0])
    party = [e for e in edges if e["predicate"] == "party"]
    assert len(party) == 10 and all(e["Label"] == "签署方" for e in party)


def test_analyze_cli_writes_report_and_exports(mini_dir, tmp_path, capsys):
    out = {name: tmp_path / name for name in ("g.graphml", "g.gexf", "n.csv", "e.csv")}
    args = ["analyze", str(mini_dir), "--format", "json", "--keep-literals"]
    args += ["--graphml", str(out["g.graphml"]), "--gexf", str(out["g.gexf"])]
    args += ["--nodes-csv", str(out["n.csv"]), "--edges-csv", str(out["e.csv"])]
    assert main(args) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["graph"]["nodes"] == nx.read_graphml(out["g.graphml"]).number_of_nodes()
    for back in (nx.read_graphml(out["g.graphml"]), nx.read_gexf(out["g.gexf"])):
        assert all({name for name, _ in MEASURES} <= set(d) for _, d in back.nodes(data=True))
    assert {name for name, _ in MEASURES} <= set(next(csv.DictReader(out["n.csv"].open())))
    assert all(path.exists() for path in out.values())
    assert captured.err.count("wrote ") == 4


MEASURES = [
    ("community", int),
    ("community_size", int),
    ("betweenness", float),
    ("degree_centrality", float),
    ("degree", int),
]


@pytest.mark.parametrize(("suffix", "generate", "read"), EXPORTS)
def test_analyze_exports_carry_community_and_centrality(
    graph_dir, tmp_path, suffix, generate, read
):
    graph = load(graph_dir)
    g = to_networkx(graph)
    report = analyze(graph, g=g)  # as `kg analyze --graphml` does: the report, then the export
    path = tmp_path / f"graph.{suffix}"
    path.write_text(generate(g), encoding="utf-8")
    back = read(path)
    for _, data in back.nodes(data=True):
        for name, kind in MEASURES:
            assert isinstance(data[name], kind), (name, data[name])
    # communities: number k holds exactly the members the report lists as its k-th community
    by_number: dict[int, set[str]] = {}
    for _, data in back.nodes(data=True):
        by_number.setdefault(data["community"], set()).add(data["label"])
    for k, community in enumerate(report["communities"], 1):
        assert community["community"] == k
        assert by_number[k] == set(community["members"])
    for number, members in by_number.items():
        assert {
            back.nodes[v]["community_size"] for v in back if back.nodes[v]["community"] == number
        } == {len(members)}
        if number > len(report["communities"]):
            assert len(members) == 1
    # centrality: the report's rankings, and networkx on the undirected projection
    simple = nx.Graph(nx.to_undirected(g))
    simple.remove_edges_from(nx.selfloop_edges(simple))
    expected = nx.betweenness_centrality(simple)
    for node, data in back.nodes(data=True):
        assert data["betweenness"] == pytest.approx(expected[node], abs=1e-6)
        assert data["degree_centrality"] == pytest.approx(
            g.degree(node) / (g.number_of_nodes() - 1), abs=1e-6
        )
    top = report["betweenness"][0]
    assert back.nodes[top["id"]]["betweenness"] == pytest.approx(top["betweenness"])
    assert max(d["betweenness"] for _, d in back.nodes(data=True)) == pytest.approx(
        top["betweenness"]
    )


def test_analyze_measures_follow_the_seed_and_are_reproducible(graph_dir):
    graph = load(graph_dir)
    first, second = to_networkx(graph), to_networkx(graph)
    analyze(graph, g=first, seed=3)
    analyze(graph, g=second, seed=3)
    assert dict(first.nodes(data="community")) == dict(second.nodes(data="community"))
    assert first.graph["measures_seed"] == 3
