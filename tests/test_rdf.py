"""Records map to the triples the ontology promises, and the result conforms to the shapes."""

from __future__ import annotations

import pytest
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS

from kg.io.rdflib_writers import generate_turtle
from kg.model import iri
from kg.model.provenance import Spans, sentence_of
from kg.model.triples import to_dataset, to_graph
from kg.model.validate import validate
from kg.namespace import CY

ID = iri.BASE


@pytest.mark.parametrize(
    "triple",
    [
        (
            URIRef(ID + "agreement/京津科技协同合作协议@2023-03-05"),
            CY.party,
            URIRef(ID + "agency/北京市科学技术委员会"),
        ),
        (
            URIRef(ID + "agreement/京津科技协同合作协议@2023-03-05"),
            CY.signedOn,
            Literal("2023-03-05", datatype=XSD.date),
        ),
        (
            URIRef(ID + "science-city/中关村科学城"),
            CY.includesDistrict,
            URIRef(ID + "district/110108"),
        ),
        (URIRef(ID + "district/110108"), CY.divisionCode, Literal("110108")),
        (URIRef(ID + "district/110108"), CY.locatedIn, URIRef(ID + "city/110000")),
        (URIRef(ID + "city/110000"), RDFS.label, Literal("北京市", lang="zh")),
        (
            URIRef(ID + "agency/北京市科学技术委员会"),
            SKOS.altLabel,
            Literal("北京市科委", lang="zh"),
        ),
        (URIRef(ID + "agency/北京市科学技术委员会"), CY.mergeReason, Literal("canonical-name")),
        # provenance: spans named by their offsets, the text once, on the document
        (
            URIRef(ID + "doc/doc1#char=5,10"),
            CY.mentionOf,
            URIRef(ID + "agency/北京市科学技术委员会"),
        ),
        (URIRef(ID + "doc/doc1#char=5,10"), CY.inSentence, URIRef(ID + "doc/doc1#char=0,32")),
        (URIRef(ID + "doc/doc1#char=32,55"), CY.inDocument, URIRef(ID + "doc/doc1")),
        (
            URIRef(ID + "doc/doc1"),
            CY.text,
            Literal(
                "3月5日，北京市科委与天津市科技局签署《京津科技协同合作协议》。"
                "中关村科学城涉及海淀区，规划面积75平方公里。"
            ),
        ),
    ],
)
def test_rdf_maps_records_to_triples(small_extraction, triple):
    assert triple in to_graph([small_extraction])


def test_rdf_quantity_has_value_and_unit(small_extraction):
    graph = to_graph([small_extraction])
    area = graph.value(URIRef(ID + "science-city/中关村科学城"), CY.plannedArea)
    assert graph.value(area, CY.value) == Literal("75.0", datatype=XSD.decimal)
    assert graph.value(area, CY.unit) == CY.SquareKilometre
    assert (area, RDF.type, CY.Quantity) in graph


def test_rdf_every_fact_has_an_assertion_with_its_sentence(small_extraction):
    graph = to_graph([small_extraction])
    doc = URIRef(iri.document_iri("doc1"))
    sentences = {s.text for s in small_extraction.sentences}
    spans = Spans(graph)
    facts = [
        (s, p, o)
        for p in (CY.party, CY.signedOn, CY.includesDistrict, CY.plannedArea, CY.locatedIn)
        for s, o in graph.subject_objects(p)
    ]
    assert len(facts) == 6
    for s, p, o in facts:
        assertions = set(graph.subjects(RDF.subject, s)) & set(graph.subjects(RDF.predicate, p))
        assertions &= set(graph.subjects(RDF.object, o))
        assert assertions, (s, p, o)
        for a in assertions:
            sentence = sentence_of(graph, graph.value(a, CY.span))
            assert graph.value(sentence, CY.inDocument) == doc
            assert spans.text(sentence) in sentences


def test_rdf_graph_conforms_to_shapes(small_extraction):
    report = validate(to_graph([small_extraction]))
    assert report.conforms, report.text


def test_rdf_shapes_reject_an_agreement_whose_party_is_not_an_agency(small_extraction):
    graph = to_graph([small_extraction])
    graph.add(
        (
            URIRef(ID + "agreement/京津科技协同合作协议@2023-03-05"),
            CY.party,
            URIRef(ID + "district/110108"),
        )
    )
    assert not validate(graph).conforms


def test_rdf_named_graph_holds_the_documents_own_nodes_and_the_default_graph_the_rest(
    small_extraction,
):
    ds = to_dataset([small_extraction])
    doc = iri.document_iri("doc1")
    named = ds.graph(URIRef(doc))
    assert {str(s) for s in named.subjects()} and all(
        str(s) == doc or str(s).startswith(doc + "#") for s in named.subjects()
    )
    assert not any(str(s).startswith(doc) for s in ds.default_graph.subjects())
    union = Graph()
    for triple in (*named, *ds.default_graph):
        union.add(triple)
    assert isomorphic(union, to_graph([small_extraction]))


def test_rdf_turtle_is_byte_identical_and_round_trips(small_extraction):
    first = generate_turtle(to_graph([small_extraction]))
    second = generate_turtle(to_graph([small_extraction]))
    assert first == second
    assert isomorphic(Graph().parse(data=first, format="turtle"), to_graph([small_extraction]))


def _generated_extractions(count: int, seed: int) -> list:
    from kg.extract import Lexicon, extract
    from kg.records import Document

    from .conftest import bench_corpus

    lexicon = Lexicon.default()
    return [
        extract(Document(id=r["id"], text=r["text"]), lexicon)
        for r in bench_corpus().generate(count, seed=seed)
    ]


@pytest.mark.parametrize("source", ["hand-made", "generated"])
def test_rdf_terms_sort_and_split_as_the_statements(small_extraction, source):
    from kg.model.triples import (
        extraction_statements,
        extraction_terms,
        split_statements,
        split_terms,
    )

    exs = [small_extraction] if source == "hand-made" else _generated_extractions(5, seed=11)
    for ex in exs:
        doc = iri.document_iri(ex.document.id)
        statements = sorted(extraction_statements(ex))
        triples = extraction_terms(ex)
        assert [f"{s} {p} {o}" for s, p, o in triples] == statements
        own, shared = split_terms(triples, doc)
        expected = split_statements(statements, doc)
        assert own and shared
        assert ([" ".join(t) for t in own], [" ".join(t) for t in shared]) == expected


def test_rdf_year_source_is_on_the_assertion_of_the_date(small_extraction):
    from rdflib.namespace import RDF

    graph = to_graph([small_extraction])
    [assertion] = graph.subjects(RDF.predicate, CY.signedOn)
    assert graph.value(assertion, CY.yearSource) == Literal("published")
    assert set(graph.subjects(CY.yearSource, None)) == {assertion}
