"""Map extraction records to RDF triples: the one place where records become RDF."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from decimal import Decimal

from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from kg import iri
from kg.namespace import CY
from kg.records import DateValue, Entity, Extraction, QuantityValue, Relation

__all__ = [
    "PREFIXES",
    "extraction_triples",
    "to_dataset",
    "to_graph",
    "bind_prefixes",
    "entity_ref",
    "decimal_literal",
]

SCHEMA = "https://schema.org/"

#: Prefixes bound in every graph the package writes.
PREFIXES = {
    "cy": str(CY._NS),
    "id": iri.BASE,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "org": "http://www.w3.org/ns/org#",
    "schema": SCHEMA,
}

_UNIT_LABELS = {
    "Yuan": "元",
    "SquareKilometre": "平方公里",
    "SquareMetre": "平方米",
    "Mu": "亩",
    "Tonne": "吨",
    "KilowattHour": "千瓦时",
    "Kilowatt": "千瓦",
    "Kilometre": "公里",
    "CubicMetre": "立方米",
    "Percent": "%",
    "Vehicle": "辆",
    "Item": "个",
    "Household": "户",
    "Person": "人",
}

Triple = tuple[Node, Node, Node]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the package's prefixes on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def entity_ref(entity: Entity) -> URIRef:
    """The IRI of an entity record."""
    return URIRef(iri.entity_iri(entity.cls, entity.key))


def _label(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def decimal_literal(value: Decimal) -> Literal:
    """An ``xsd:decimal`` literal in canonical form (``75.0``, ``3000000.0``, ``394.2``)."""
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _entity_triples(entity: Entity) -> Iterator[Triple]:
    ref = entity_ref(entity)
    yield ref, RDF.type, CY[entity.cls]
    yield ref, RDFS.label, _zh(_label(entity.label))
    if entity.code:
        yield ref, CY.divisionCode, Literal(entity.code)


def _quantity_triples(ref: URIRef, q: QuantityValue) -> Iterator[Triple]:
    yield ref, RDF.type, CY.Target if q.year is not None else CY.Quantity
    yield ref, CY.value, decimal_literal(q.value)
    yield ref, CY.unit, CY[q.unit]
    label = f"{format(q.value.normalize(), 'f')}{_UNIT_LABELS.get(q.unit, q.unit)}"
    if q.indicator:
        yield ref, CY.indicator, _zh(q.indicator)
        label = f"{q.indicator} {label}"
    if q.year is not None:
        yield ref, CY.targetYear, Literal(f"{q.year:04d}", datatype=XSD.gYear)
        label = f"{q.year}年 {label}"
    yield ref, RDFS.label, _zh(label)


def _relation_object(rel: Relation) -> tuple[Node, list[Triple]]:
    """The RDF object of a relation and any triples describing it."""
    obj = rel.object
    subject = entity_ref(rel.subject)
    if isinstance(obj, Entity):
        return entity_ref(obj), list(_entity_triples(obj))
    if isinstance(obj, QuantityValue):
        ref = URIRef(
            iri.quantity_iri(
                str(subject), rel.predicate, obj.value, obj.unit, obj.indicator, obj.year
            )
        )
        return ref, list(_quantity_triples(ref, obj))
    if isinstance(obj, DateValue):
        extra = [(subject, CY.yearSource, Literal(obj.year_source))]
        return Literal(obj.date.isoformat(), datatype=XSD.date), extra
    raise TypeError(f"unsupported relation object {obj!r}")


def _span_triples(node: URIRef, doc_id: str, start: int, end: int, surface: str, sentence: int):
    yield node, CY.inSentence, URIRef(iri.sentence_iri(doc_id, sentence))
    yield node, CY.startOffset, Literal(start)
    yield node, CY.endOffset, Literal(end)
    yield node, CY.surface, Literal(surface)


def extraction_triples(ex: Extraction) -> Iterator[Triple]:
    """All triples one document contributes: metadata, sentences, entities, facts, provenance."""
    doc = ex.document
    doc_ref = URIRef(iri.document_iri(doc.id))
    yield doc_ref, RDF.type, CY.Document
    yield doc_ref, DCTERMS.identifier, Literal(doc.id)
    if doc.title:
        yield doc_ref, DCTERMS.title, _zh(doc.title)
    if doc.published:
        yield doc_ref, DCTERMS.date, Literal(doc.published.isoformat(), datatype=XSD.date)
    if doc.url:
        yield doc_ref, URIRef(SCHEMA + "url"), Literal(doc.url, datatype=XSD.anyURI)
    if doc.source:
        yield doc_ref, DCTERMS.source, Literal(doc.source)
    yield doc_ref, CY.contentHash, Literal(doc.content_hash)
    yield doc_ref, CY.sourceEncoding, Literal(doc.encoding)

    for sent in ex.sentences:
        ref = URIRef(iri.sentence_iri(doc.id, sent.index))
        yield ref, RDF.type, CY.Sentence
        yield ref, CY.inDocument, doc_ref
        yield ref, CY.sentenceIndex, Literal(sent.index)
        yield ref, CY.startOffset, Literal(sent.start)
        yield ref, CY.endOffset, Literal(sent.end)
        yield ref, CY.text, Literal(sent.text)

    for mention in ex.mentions:
        entity, span = mention.entity, mention.span
        ent_ref = entity_ref(entity)
        yield from _entity_triples(entity)
        if mention.basis != "alias-declaration" and _label(span.surface) != _label(entity.label):
            yield ent_ref, SKOS.altLabel, _zh(_label(span.surface))
        if mention.basis != "exact":
            yield ent_ref, CY.mergeReason, Literal(mention.basis)
        ref = URIRef(iri.mention_iri(doc.id, span.start, span.end))
        yield ref, RDF.type, CY.Mention
        yield ref, CY.mentionOf, ent_ref
        yield from _span_triples(ref, doc.id, span.start, span.end, span.surface, span.sentence)

    for rel in ex.relations:
        subject = entity_ref(rel.subject)
        predicate = CY[rel.predicate]
        obj, extra = _relation_object(rel)
        yield from _entity_triples(rel.subject)
        yield from extra
        yield subject, predicate, obj
        span = rel.span
        ref = URIRef(
            iri.assertion_iri(doc.id, str(subject), str(predicate), obj.n3(), str(span.start))
        )
        yield ref, RDF.type, CY.Assertion
        yield ref, RDF.subject, subject
        yield ref, RDF.predicate, predicate
        yield ref, RDF.object, obj
        yield from _span_triples(ref, doc.id, span.start, span.end, span.surface, span.sentence)


def to_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """A dataset with each document's triples in a named graph called by the document's IRI."""
    ds = Dataset()
    bind_prefixes(ds)
    for ex in extractions:
        graph = ds.graph(URIRef(iri.document_iri(ex.document.id)))
        for triple in extraction_triples(ex):
            graph.add(triple)
    return ds


def to_graph(extractions: Iterable[Extraction]) -> Graph:
    """The union of all documents' triples in one graph."""
    graph = bind_prefixes(Graph())
    for ex in extractions:
        for triple in extraction_triples(ex):
            graph.add(triple)
    return graph
