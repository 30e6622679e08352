"""The view at scale, without a browser: signing dates as properties, short labels, the date
periods offered, communities, and a page that is the same under any hash seed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections import Counter, defaultdict

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.model import iri
from kg.model.triples import bind_prefixes
from kg.namespace import CY
from kg.viz import communities, generate_html, graph_view
from kg.viz.view import LABEL_MAX_CHARS, short_label

from .conftest import ROOT
from .test_viz import _name, page_data, parse

ID = iri.BASE
_XSD = "http://www.w3.org/2001/XMLSchema#"  # (rdflib's XSD at module level makes pytest warn)
DATE, YEAR_MONTH, YEAR = (URIRef(_XSD + name) for name in ("date", "gYearMonth", "gYear"))
LONG_TITLE = "关于共同推进两地跨区域产业链供应链协同发展的战略合作框架协议"

#: Agreements of the dated graph: key, title, signing dates (lexical form, datatype), parties.
AGREEMENTS = [
    ("g1", "甲乙科技合作协议", [("2024-03-05", DATE)], ["a1", "a2"]),
    ("g2", "丙丁产业合作协议", [("2024-03-05", DATE)], ["a3", "a4"]),
    ("g3", LONG_TITLE, [("2023-09", YEAR_MONTH)], ["a5", "a1"]),
    ("g4", "戊己文化合作协议", [("1974", YEAR)], ["a6"]),
    ("g5", "无日期合作备忘录", [], []),
    ("g6", "两次签署的协议", [("2024-01-02", DATE), ("2024-02-03", DATE)], ["a3"]),
]


def dated_graph() -> Graph:
    """Agreements signed the same day by different parties, in a month, a year, twice or
    never; a city with districts; an agency under the city; a project alone."""
    graph = bind_prefixes(Graph())

    def node(kind: str, key: str, cls, label: str) -> URIRef:
        ref = URIRef(f"{ID}{kind}/{key}")
        graph.add((ref, RDF.type, cls))
        graph.add((ref, RDFS.label, Literal(label, lang="zh")))
        return ref

    agencies = {f"a{i}": node("agency", f"a{i}", CY.Agency, f"机构{i}") for i in range(1, 7)}
    for key, title, dates, parties in AGREEMENTS:
        ref = node("agreement", key, CY.Agreement, title)
        for value, datatype in dates:
            graph.add((ref, CY.signedOn, Literal(value, datatype=datatype)))
        for party in parties:
            graph.add((ref, CY.party, agencies[party]))
    city = node("city", "c1", CY.City, "甲市")
    for i in range(1, 5):
        graph.add((node("district", f"d{i}", CY.District, f"甲市{i}区"), CY.locatedIn, city))
    graph.add((agencies["a1"], CY.jurisdiction, city))
    node("project", "p1", CY.Project, "孤立的项目")
    return graph


@pytest.fixture(scope="module")
def dated() -> tuple[Graph, dict]:
    graph = dated_graph()
    return graph, page_data(generate_html(graph))


def _by_name(data: dict) -> dict[str, dict]:
    return {_name(n): n for n in data["nodes"]}


@pytest.mark.parametrize("key", [a[0] for a in AGREEMENTS])
def test_viz_signing_dates_are_properties_of_the_agreement(dated, key):
    graph, data = dated
    ref = URIRef(f"{ID}agreement/{key}")
    title = str(graph.value(ref, RDFS.label))
    dates = sorted(str(d) for d in graph.objects(ref, CY.signedOn))
    node = _by_name(data)[title]
    assert node["id"] == str(ref)
    assert node["signedOn"] == dates  # the page's data attribute
    first, *rest = node["label"].split("\n")  # drawn on the node
    assert first == short_label(title)
    assert rest == (["、".join(dates)] if dates else [])
    if dates:  # and in the hover text
        assert f"签署日期: {'；'.join(dates)}" in node["title"]
    assert not any(n["id"].startswith("date:") for n in data["nodes"])
    assert not any(e["predicate"] == "signedOn" for e in data["edges"])


def test_viz_agreements_signed_the_same_day_are_not_related(dated):
    graph, data = dated
    view = nx.Graph(graph_view(graph).to_networkx())
    g1, g2 = f"{ID}agreement/g1", f"{ID}agreement/g2"
    assert graph.value(URIRef(g1), CY.signedOn) == graph.value(URIRef(g2), CY.signedOn)
    assert not nx.has_path(view, g1, g2)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[g1]["component"] != nodes[g2]["component"]
    assert nodes[g1]["community"] != nodes[g2]["community"]


@pytest.mark.parametrize(
    ("text", "drawn"),
    [
        ("共建西部金融中心合作协议", "共建西部金融中心合作协议"),
        ("一二三四五六七八九十一二三四五六七八", "一二三四五六七八九十一二三四五六七八"),
        ("一二三四五六七八九十一二三四五六七八九", "一二三四五六七八九十一二三四五六七八…"),
        (LONG_TITLE, LONG_TITLE[:LABEL_MAX_CHARS] + "…"),
        ("", ""),
    ],
)
def test_viz_long_labels_are_shortened(text, drawn):
    assert short_label(text) == drawn
    assert len(short_label(text)) <= LABEL_MAX_CHARS + 1


def test_viz_long_title_is_whole_in_the_hover_text_and_search(dated):
    _, data = dated
    node = _by_name(data)[LONG_TITLE]
    assert node["label"].split("\n")[0] == LONG_TITLE[:LABEL_MAX_CHARS] + "…"
    assert node["title"].splitlines()[1] == LONG_TITLE
    assert LONG_TITLE in node["search"].split("\n")


def test_viz_date_periods_list_each_year_and_month_with_its_agreements(dated):
    graph, data = dated
    expected: Counter = Counter()
    for agreement in graph.subjects(RDF.type, CY.Agreement):
        periods = set()
        for d in graph.objects(agreement, CY.signedOn):
            periods.add(str(d)[:4])
            if d.datatype in (DATE, YEAR_MONTH):
                periods.add(str(d)[:7])
        expected.update(periods)
    html = generate_html(graph)
    tags = parse(html)
    values = [a["value"] for t, a in tags.tags if t == "option" and a.get("value")]
    assert values == sorted(expected)
    text = "".join(tags.text)
    for period, count in expected.items():
        assert f"{period} ({count})" in text
    assert "5 / 6 份协议有日期" in text  # g5 has no date


def test_viz_communities_cover_each_node_once(dated):
    graph, data = dated
    groups = {c["id"]: c for c in data["communities"]}
    members: dict[int, list[str]] = defaultdict(list)
    for n in data["nodes"]:
        members[n["community"]].append(n["id"])
    assert set(members) == set(groups)
    degree = Counter()
    for e in data["edges"]:
        degree[e["from"]] += 1
        degree[e["to"]] += 1
    for cid, group in groups.items():
        assert group["size"] == len(members[cid])
        assert degree[group["hub"]] == max(degree[m] for m in members[cid])
        if group["isolated"]:
            assert {degree[m] for m in members[cid]} == {0}
            assert group["name"].startswith("孤立节点")
    isolated = [g for g in groups.values() if g["isolated"]]
    assert len(isolated) == 1
    assert set(members[isolated[0]["id"]]) == {
        n["id"] for n in data["nodes"] if not degree[n["id"]]
    }
    assert {f"{ID}agreement/g5", f"{ID}project/p1"} <= set(members[isolated[0]["id"]])
    sizes = [g["size"] for g in data["communities"] if not g["isolated"]]
    assert sizes == sorted(sizes, reverse=True)


def test_viz_communities_are_connected_groups_of_the_view(dated):
    graph, _ = dated
    view = graph_view(graph)
    g = nx.Graph(view.to_networkx())
    for community in communities(view):
        if not community.isolated:
            assert nx.is_connected(g.subgraph(community.members))
            assert len(community.members) >= 2


def test_viz_panel_lists_the_communities_that_collapse(dated):
    graph, data = dated
    tags = parse(generate_html(graph))
    listed = [int(a["data-community"]) for t, a in tags.tags if "data-community" in a]
    assert listed == [c["id"] for c in data["communities"] if c["size"] >= data["collapseMin"]]
    assert listed  # the city and its districts, and the isolated nodes


_HASH_SCRIPT = """
import hashlib, sys
from rdflib import Graph
from kg.viz import generate_html
print(hashlib.sha256(generate_html(Graph().parse(sys.argv[1])).encode()).hexdigest())
"""


def test_viz_page_is_the_same_under_any_hash_seed(tmp_path):
    """Sets and dicts of strings iterate in an order that changes with the hash seed; the
    communities and the layout must not."""
    from .test_viz import _chain_graph

    graph = dated_graph()
    for triple in _chain_graph(30):
        graph.add(triple)
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", _HASH_SCRIPT, str(path)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1
    here = hashlib.sha256(generate_html(Graph().parse(path)).encode()).hexdigest()
    assert digests == {here}
