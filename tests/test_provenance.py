"""Compact provenance loses nothing: in the graphs ``kg build`` writes for the seed and the
development set, every mention resolves to exactly the characters it was read from, and
every fact leads to its document, its sentence and its span, as the extraction records say."""

from __future__ import annotations

from collections import Counter

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg.build import build
from kg.extract import Lexicon, extract
from kg.io.articles import read_documents
from kg.model import iri
from kg.model.provenance import Spans, assertions, document_of, sentence_of
from kg.model.triples import entity_ref
from kg.namespace import CY

from .conftest import DATA, SEED

CORPORA = {"seed": [SEED], "dev": [DATA / "corpus" / "dev"]}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def built(request, tmp_path_factory):
    """A corpus built with ``kg build``, its ``graph.ttl`` read back, and its records."""
    inputs = CORPORA[request.param]
    out = tmp_path_factory.mktemp(request.param)
    result = build(inputs, out, html=False)
    assert result.rejects == []
    result.close()
    lexicon = Lexicon.default()
    extractions = [extract(doc, lexicon) for doc in read_documents(inputs)]
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    return request.param, out / "graph.ttl", graph, extractions


def _mention_records(extractions) -> dict[tuple[str, int, int], tuple[str, URIRef]]:
    """(document IRI, start, end) -> (surface, entity IRI) of every mention read."""
    found = {}
    for ex in extractions:
        doc = iri.document_iri(ex.document.id)
        for m in ex.mentions:
            found[(doc, m.span.start, m.span.end)] = (m.span.surface, entity_ref(m.entity))
    return found


def test_provenance_every_mention_resolves_to_its_exact_span(built):
    _, _, graph, extractions = built
    records = _mention_records(extractions)
    spans = Spans(graph)
    seen = set()
    for mention, entity in graph.subject_objects(CY.mentionOf):
        doc, start, end = iri.span_of(str(mention))
        surface, read_as = records[(doc, start, end)]
        # the document's text, sliced at the offsets the mention's IRI carries
        text = str(graph.value(URIRef(doc), CY.text))
        assert text[start:end] == surface == spans.text(mention), mention
        assert entity == read_as
        # in one sentence of that document, which holds it
        sentence = sentence_of(graph, mention)
        assert graph.value(sentence, CY.inDocument) == URIRef(doc)
        _, s_start, s_end = iri.span_of(str(sentence))
        assert s_start <= start < end <= s_end
        seen.add((doc, start, end))
    assert seen == set(records) and len(seen) > 100


def test_provenance_every_fact_leads_to_its_document_sentence_and_span(built):
    _, _, graph, extractions = built
    expected: Counter = Counter()
    sentences = {}
    for ex in extractions:
        doc = iri.document_iri(ex.document.id)
        by_index = {s.index: s for s in ex.sentences}
        for rel in ex.relations:
            sentence = by_index[rel.span.sentence]
            key = (doc, str(entity_ref(rel.subject)), rel.predicate, rel.span.start, rel.span.end)
            expected[key] += 1
            sentences[key] = (sentence.start, sentence.end, sentence.text, rel.span.surface)
    spans = Spans(graph)
    found: Counter = Counter()
    for _, subject, predicate, obj, span in assertions(graph):
        assert (subject, predicate, obj) in graph  # the fact itself is stated
        doc, start, end = iri.span_of(str(span))
        key = (doc, str(subject), str(predicate).removeprefix(str(CY._NS)), start, end)
        s_start, s_end, s_text, surface = sentences[key]
        assert spans.text(span) == surface
        sentence = sentence_of(graph, span)
        assert document_of(graph, span) == URIRef(doc)
        assert iri.span_of(str(sentence)) == (doc, s_start, s_end)
        assert spans.text(sentence) == s_text
        found[key] += 1
    assert found == expected and sum(found.values()) > 50


def test_provenance_no_rdf_type_where_a_domain_gives_it(built):
    _, _, graph, _ = built
    for cls in (CY.Sentence, CY.Mention, CY.Assertion, CY.Span):
        assert not set(graph.subjects(RDF.type, cls)), cls
    # documents keep theirs (queries and shapes start from them), with their text once
    for doc in graph.subjects(RDF.type, CY.Document):
        assert len(list(graph.objects(doc, CY.text))) == 1
        assert graph.value(doc, DCTERMS.identifier) is not None


def test_provenance_turtle_writes_spans_relative_to_their_document(built):
    _, path, graph, _ = built
    text = path.read_text(encoding="utf-8")
    docs = sorted(str(d) for d in graph.subjects(RDF.type, CY.Document))
    assert [line[7:-3] for line in text.splitlines() if line.startswith("@base")] == docs
    assert "#char=" not in "".join(line for line in text.splitlines() if "<http" in line)
    # a strict parser reads the same graph
    strict = pyoxigraph.Store()
    strict.load(path.read_bytes(), pyoxigraph.RdfFormat.TURTLE)
    assert len(strict) == len(graph)
