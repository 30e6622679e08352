"""Entity resolution across documents: one node per entity, every name and source kept, auditable."""

from __future__ import annotations

import datetime

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.extract import extract
from kg.model.provenance import Spans, document_of
from kg.model.triples import to_graph
from kg.namespace import CY
from kg.records import Document

DOCS = [
    Document(
        id="a",
        text="3月2日，重庆市经信委与四川省经济和信息化厅签署《川渝汽车产业协同发展合作协议》。"
        "西部（重庆）科学城涉及北碚、沙坪坝2个区。",
        published=datetime.date(2024, 3, 3),
    ),
    Document(
        id="b",
        text="5月8日，重庆市经济和信息化委员会与贵州省工业和信息化厅签署《渝黔数字经济合作协议》。"
        "西部(重庆)科学城规划面积1198平方公里。",
        published=datetime.date(2024, 5, 9),
    ),
]


@pytest.fixture(scope="module")
def graph():
    return to_graph([extract(doc) for doc in DOCS])


def _nodes(graph, cls, name):
    literal = Literal(name, lang="zh")
    return {
        s
        for s in set(graph.subjects(RDFS.label, literal))
        | set(graph.subjects(SKOS.altLabel, literal))
        if (s, RDF.type, cls) in graph
    }


@pytest.mark.parametrize(
    ("cls", "names"),
    [
        (CY.Agency, ["重庆市经信委", "重庆市经济和信息化委员会"]),
        (CY.ScienceCity, ["西部(重庆)科学城"]),
    ],
)
def test_resolution_merges_variants_into_one_node(graph, cls, names):
    nodes = set.union(*(_nodes(graph, cls, n) for n in names))
    assert len(nodes) == 1


@pytest.mark.parametrize(
    ("cls", "name"), [(CY.Agency, "重庆市经信委"), (CY.ScienceCity, "西部(重庆)科学城")]
)
def test_resolution_keeps_the_documents_of_every_mention(graph, cls, name):
    [node] = _nodes(graph, cls, name)
    docs = {
        str(graph.value(document_of(graph, m), DCTERMS.identifier))
        for m in graph.subjects(CY.mentionOf, node)
    }
    assert docs == {"a", "b"}


def test_resolution_says_why_names_were_merged(graph):
    [agency] = _nodes(graph, CY.Agency, "重庆市经信委")
    assert Literal("canonical-name") in set(graph.objects(agency, CY.mergeReason))
    spans = Spans(graph)
    surfaces = {spans.text(m) for m in graph.subjects(CY.mentionOf, agency)}
    assert surfaces == {"重庆市经信委", "重庆市经济和信息化委员会"}


def test_resolution_short_district_names_merge_by_official_code(graph):
    beibei = URIRef("https://w3id.org/chengyu-kg/id/district/500109")
    assert (beibei, CY.divisionCode, Literal("500109")) in graph
    assert Literal("official-code") in set(graph.objects(beibei, CY.mergeReason))
    assert (beibei, CY.locatedIn, URIRef("https://w3id.org/chengyu-kg/id/city/500000")) in graph
