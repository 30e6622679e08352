"""Map extraction records to RDF triples: the one place where records become RDF.

The mapping is written once (:func:`_triples`) over a small term factory and rendered two
ways: as rdflib terms (:func:`extraction_triples`, :func:`to_graph`, :func:`to_dataset`)
and as N-Triples text (:func:`extraction_ntriples`, :func:`extraction_nquads`), which is
what large builds hand to Oxigraph or write out without building rdflib graphs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from kg import vocab
from kg.model import iri, ntriples
from kg.model.correction_triples import correction_triples
from kg.model.statements import (
    SubjectGroups,
    is_own_statement,
    split_statements,
    split_terms,
    statement_groups,
    subject_groups,
)
from kg.namespace import CY
from kg.records import DateValue, Document, Entity, Extraction, QuantityValue, Relation, Span

__all__ = [
    "PREFIXES",
    "SubjectGroups",
    "extraction_triples",
    "extraction_ntriples",
    "extraction_nquads",
    "extraction_statements",
    "extraction_terms",
    "split_terms",
    "subject_groups",
    "statement_groups",
    "split_statements",
    "is_own_statement",
    "document_ntriples",
    "nt_literal",
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
    **iri.NAMESPACES,
}

#: Unit local name -> how a quantity's label writes it (the unit's ``@zh`` label).
_UNIT_LABELS = vocab.unit_labels()

_CY = str(CY._NS)
_XSD = str(XSD)
_RDF = str(RDF)
_RDFS = str(RDFS)
_DCT = str(DCTERMS)
_SKOS = str(SKOS)

Triple = tuple[Node, Node, Node]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the package's prefixes on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def entity_ref(entity: Entity) -> URIRef:
    """The IRI of an entity record."""
    return URIRef(_entity_iri(entity.cls, entity.key))


@lru_cache(maxsize=65536)
def _entity_iri(cls: str, key: str) -> str:
    return iri.entity_iri(cls, key)


@lru_cache(maxsize=65536)
def _label(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _decimal_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text if "." in text else text + ".0"


def decimal_literal(value: Decimal) -> Literal:
    """An ``xsd:decimal`` literal in canonical form (``75.0``, ``3000000.0``, ``394.2``)."""
    return Literal(_decimal_text(value), datatype=XSD.decimal)


def nt_literal(text: str) -> str:
    """``text`` as an N-Triples string literal, quoted and escaped (``"a\\"b"``)."""
    return ntriples.literal(text)


# Entities whose terms and describing triples a rendering keeps (a few MB at most).
_DESCRIBED_MAX = 65536


class _Terms(dict):
    """How one rendering makes terms: IRIs, plain, ``@zh``, typed and integer literals.

    Indexing by prefixed name gives a vocabulary term (``t["cy:party"]``), made once.
    ``n3`` gives a term's N-Triples form, which assertion IRIs are hashed from (the same
    string for both renderings, so IRIs do not depend on the rendering).
    """

    def __init__(
        self,
        iri_: Callable[[str], Any],
        string: Callable[[str], Any],
        zh: Callable[[str], Any],
        typed: Callable[[str, str], Any],
        integer: Callable[[int], Any],
        n3: Callable[[Any], str],
    ) -> None:
        super().__init__()
        self.iri, self.string, self.zh, self.typed, self.integer, self.n3 = (
            iri_,
            string,
            zh,
            typed,
            integer,
            n3,
        )
        #: (class, key, label, code) -> the triples describing that entity (:func:`_entity_triples`)
        self.described: dict[tuple, tuple[tuple, ...]] = {}
        #: (class, key) -> the IRI term of that entity
        self.entities: dict[tuple[str, str], Any] = {}

    def entity(self, cls: str, key: str) -> Any:
        """The IRI term of the entity of class ``cls`` and key ``key`` (made once)."""
        term = self.entities.get((cls, key))
        if term is None:
            if len(self.entities) >= _DESCRIBED_MAX:
                self.entities.clear()
            term = self.entities[(cls, key)] = self.iri(_entity_iri(cls, key))
        return term

    def __missing__(self, name: str) -> Any:
        prefix, local = name.split(":", 1)
        term = self[name] = self.iri(PREFIXES[prefix] + local)
        return term


def _nt_typed(lexical: str, datatype: str) -> str:
    return f"{nt_literal(lexical)}^^<{datatype}>"


_XSD_INTEGER = f"^^<{_XSD}integer>"

_RDFLIB_TERMS = _Terms(
    URIRef,
    Literal,
    lambda text: Literal(text, lang="zh"),
    lambda lexical, datatype: Literal(lexical, datatype=URIRef(datatype)),
    Literal,
    lambda term: term.n3(),
)

_NT_TERMS = _Terms(
    lambda value: f"<{value}>",
    nt_literal,
    lambda text: f"{nt_literal(text)}@zh",
    _nt_typed,
    lambda number: f'"{number}"{_XSD_INTEGER}',
    lambda term: term,
)


def _document_triples(doc: Document, t: _Terms, segmenter: str | None = None) -> Iterator[tuple]:
    doc_ref = t.iri(iri.document_iri(doc.id))
    yield doc_ref, t["rdf:type"], t["cy:Document"]
    yield doc_ref, t["dcterms:identifier"], t.string(doc.id)
    if doc.title:
        yield doc_ref, t["dcterms:title"], t.zh(doc.title)
    if doc.published:
        yield doc_ref, t["dcterms:date"], t.typed(doc.published.isoformat(), _XSD + "date")
    if doc.url:
        yield doc_ref, t["schema:url"], t.typed(doc.url, _XSD + "anyURI")
    if doc.source:
        yield doc_ref, t["dcterms:source"], t.string(doc.source)
    yield doc_ref, t["cy:contentHash"], t.string(doc.content_hash)
    yield doc_ref, t["cy:sourceEncoding"], t.string(doc.encoding)
    yield doc_ref, t["cy:text"], t.string(doc.text)
    if segmenter:
        yield doc_ref, t["cy:segmenter"], t.string(segmenter)


def _entity_triples(entity: Entity, ref: Any, t: _Terms) -> tuple[tuple, ...]:
    """The triples describing an entity (its class, label and code), made once per entity
    and rendering: the same agencies and places recur across articles."""
    key = (entity.cls, entity.key, entity.label, entity.code)
    triples = t.described.get(key)
    if triples is None:
        triples = (
            (ref, t["rdf:type"], t["cy:" + entity.cls]),
            (ref, t["rdfs:label"], t.zh(_label(entity.label))),
        )
        if entity.code:
            code = "cy:countryCode" if entity.cls == "Country" else "cy:divisionCode"
            triples += ((ref, t[code], t.string(entity.code)),)
        if len(t.described) >= _DESCRIBED_MAX:
            t.described.clear()
        t.described[key] = triples
    return triples


def chinese_amount(value: Decimal) -> str:
    """A number as Chinese news writes it, with 亿 or 万 where they divide it exactly.

    >>> chinese_amount(Decimal("600000000000")), chinese_amount(Decimal("3000000"))
    ('6000亿', '300万')
    >>> chinese_amount(Decimal("394.2")), chinese_amount(Decimal("1198"))
    ('394.2', '1198')
    """
    for step, name in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
        if value >= step and (value / step) == (value / step).to_integral_value():
            return f"{format((value / step).normalize(), 'f')}{name}"
    return format(value.normalize(), "f")


def _quantity_triples(ref: Any, q: QuantityValue, t: _Terms) -> Iterator[tuple]:
    yield ref, t["rdf:type"], t["cy:Target"] if q.year is not None else t["cy:Quantity"]
    yield ref, t["cy:value"], t.typed(_decimal_text(q.value), _XSD + "decimal")
    yield ref, t["cy:unit"], t["cy:" + q.unit]
    label = f"{chinese_amount(q.value)}{_UNIT_LABELS.get(q.unit, q.unit)}"
    if q.indicator:
        yield ref, t["cy:indicator"], t.zh(q.indicator)
        label = f"{q.indicator} {label}"
    if q.year is not None:
        yield ref, t["cy:targetYear"], t.typed(f"{q.year:04d}", _XSD + "gYear")
        label = f"{q.year}年 {label}"
    yield ref, t["rdfs:label"], t.zh(label)


def _relation_object(
    rel: Relation, subject_iri: str, t: _Terms, described: set[Entity]
) -> tuple[Any, tuple[tuple, ...] | list[tuple]]:
    """The RDF object of a relation and any triples describing it not yet given."""
    obj = rel.object
    if isinstance(obj, Entity):
        ref = t.entity(obj.cls, obj.key)
        if obj in described:
            return ref, ()
        described.add(obj)
        return ref, _entity_triples(obj, ref, t)
    if isinstance(obj, QuantityValue):
        ref = t.iri(
            iri.quantity_iri(
                subject_iri, rel.predicate, obj.value, obj.unit, obj.indicator, obj.year
            )
        )
        return ref, list(_quantity_triples(ref, obj, t))
    if isinstance(obj, DateValue):
        return t.typed(obj.lexical, _XSD + obj.datatype), ()
    raise TypeError(f"unsupported relation object {obj!r}")


def _triples(ex: Extraction, t: _Terms) -> list[tuple]:
    """All triples one document contributes, as terms of the rendering ``t``.

    Provenance is compact: a span of the text is named by its offsets
    (:func:`kg.model.iri.span_iri`), and the text itself is stored once, on the document.
    A sentence something was read from is a span with ``cy:inDocument``; any other span
    has ``cy:inSentence``, its sentence. A mention is a span with ``cy:mentionOf``; a
    fact is an assertion (``rdf:subject``, ``rdf:predicate``, ``rdf:object``) whose
    ``cy:span`` is the span it was read from. No ``rdf:type`` is written where these
    properties' domains give it.
    """
    doc = ex.document
    doc_iri = iri.document_iri(doc.id)
    doc_ref = t.iri(doc_iri)
    out = list(_document_triples(doc, t, ex.segmenter))
    add, extend = out.append, out.extend
    in_document, in_sentence = t["cy:inDocument"], t["cy:inSentence"]
    mention_of, alt_label, merge_reason = t["cy:mentionOf"], t["skos:altLabel"], t["cy:mergeReason"]
    rdf_subject, rdf_predicate, rdf_object = t["rdf:subject"], t["rdf:predicate"], t["rdf:object"]
    span_of, year_source = t["cy:span"], t["cy:yearSource"]
    string, zh, entity_term = t.string, t.zh, t.entity

    bounds = {sent.index: (sent.start, sent.end) for sent in ex.sentences}
    sentences: dict[int, Any] = {}  # index -> IRI term of the sentences described
    spans: set[tuple[int, int]] = set()  # spans given their sentence
    refs: dict[tuple[int, int, int], Any] = {}  # (sentence, start, end) -> span_ref's answer

    def span_ref(span: Span) -> Any:
        """The IRI term of ``span``, once per span and sentence (a span asked again has
        been described): its sentence (described once), or a span in it, tied to it once."""
        key = (span.sentence, span.start, span.end)
        ref = refs.get(key)
        if ref is not None:
            return ref
        start, end = bounds[span.sentence]
        sentence = sentences.get(span.sentence)
        if sentence is None:
            sentence = sentences[span.sentence] = t.iri(iri.span_iri(doc_iri, start, end))
            add((sentence, in_document, doc_ref))
        if (span.start, span.end) == (start, end):
            ref = sentence
        else:
            ref = t.iri(iri.span_iri(doc_iri, span.start, span.end))
            if (span.start, span.end) not in spans:
                spans.add((span.start, span.end))
                add((ref, in_sentence, sentence))
        refs[key] = ref
        return ref

    described: set[Entity] = set()
    for mention in ex.mentions:
        entity, span = mention.entity, mention.span
        ent_ref = entity_term(entity.cls, entity.key)
        if entity not in described:
            described.add(entity)
            extend(_entity_triples(entity, ent_ref, t))
        basis = mention.basis
        if basis != "alias-declaration":
            surface = _label(span.surface)
            if surface != _label(entity.label):
                add((ent_ref, alt_label, zh(surface)))
        if basis != "exact":
            add((ent_ref, merge_reason, string(basis)))
        add((span_ref(span), mention_of, ent_ref))

    for rel in ex.relations:
        subject_entity = rel.subject
        subject_iri = _entity_iri(subject_entity.cls, subject_entity.key)
        subject = entity_term(subject_entity.cls, subject_entity.key)
        predicate = t["cy:" + rel.predicate]
        obj, extra = _relation_object(rel, subject_iri, t, described)
        if subject_entity not in described:
            described.add(subject_entity)
            extend(_entity_triples(subject_entity, subject, t))
        extend(extra)
        add((subject, predicate, obj))
        ref = _assertion_ref(doc_iri, rel, subject_iri, obj, t)
        add((ref, rdf_subject, subject))
        add((ref, rdf_predicate, predicate))
        add((ref, rdf_object, obj))
        add((ref, span_of, span_ref(rel.span)))
        if isinstance(rel.object, DateValue):  # how this document's date got its year
            add((ref, year_source, string(rel.object.year_source)))
    for entity, alias in ex.aliases:  # names a correction gave
        if entity in described and _label(alias) != _label(entity.label):
            ref = t.iri(_entity_iri(entity.cls, entity.key))
            add((ref, t["skos:altLabel"], t.zh(_label(alias))))
    for corrected in ex.corrections:  # (the assertion of a fact it added or took out)
        extend(correction_triples(corrected, doc_iri, lambda r: _fact_ref(doc_iri, r, t), t))
    return out


def _assertion_ref(doc_iri: str, rel: Relation, subject_iri: str, obj: Any, t: _Terms) -> Any:
    """The IRI of the assertion of ``rel`` in the document whose IRI is ``doc_iri``."""
    parts = (subject_iri, _CY + rel.predicate, t.n3(obj), str(rel.span.start))
    return t.iri(iri.assertion_iri_in(doc_iri, *parts))


def _fact_ref(doc_iri: str, rel: Relation, t: _Terms) -> Any:
    """:func:`_assertion_ref` of a fact alone."""
    subject_iri = _entity_iri(rel.subject.cls, rel.subject.key)
    return _assertion_ref(
        doc_iri, rel, subject_iri, _relation_object(rel, subject_iri, t, set())[0], t
    )


def extraction_triples(ex: Extraction) -> Iterator[Triple]:
    """All triples one document contributes: metadata, sentences, entities, facts, provenance."""
    return iter(_triples(ex, _RDFLIB_TERMS))


def _statements(triples: Iterable[tuple]) -> dict[str, None]:
    return dict.fromkeys([f"{s} {p} {o}" for s, p, o in triples])


def extraction_statements(ex: Extraction) -> list[str]:
    """One document's triples as N-Triples statements ``s p o`` (no final `` .``), each
    once, in mapping order."""
    return list(_statements(_triples(ex, _NT_TERMS)))


def extraction_terms(ex: Extraction) -> list[tuple[str, str, str]]:
    """One document's triples as N-Triples terms ``(s, p, o)``, each once, sorted.

    Sorted as their statements ``f"{s} {p} {o}"`` sort (a subject or predicate has no
    space, and the space between terms sorts before any character a term has), which
    lets later steps render and check them without making or splitting statements.
    """
    return sorted(dict.fromkeys(_triples(ex, _NT_TERMS)))


def extraction_ntriples(ex: Extraction) -> str:
    """One document's triples as N-Triples, each once, in mapping order.

    The same triples as :func:`extraction_triples`, without building rdflib terms.
    """
    statements = _statements(_triples(ex, _NT_TERMS))
    return " .\n".join(statements) + " .\n" if statements else ""


def extraction_nquads(ex: Extraction) -> str:
    """One document's triples as N-Quads: its own in its named graph (the document's IRI),
    the shared ones in the default graph (see :func:`is_own_statement`)."""
    doc_iri = iri.document_iri(ex.document.id)
    own, shared = split_statements(extraction_statements(ex), doc_iri)
    graph = f" <{doc_iri}> .\n"
    return "".join(f"{st}{graph}" for st in own) + "".join(f"{st} .\n" for st in shared)


def document_ntriples(doc: Document, segmenter: str | None = None) -> str:
    """The triples about the document itself (metadata, content hash and the
    ``segmenter`` that cut it) as N-Triples.

    They are what an incremental build compares to decide whether an article changed
    (or is to be cut by another segmenter).
    """
    terms = _document_triples(doc, _NT_TERMS, segmenter)
    return "".join(f"{s} {p} {o} .\n" for s, p, o in terms)


def to_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """A dataset: each document's own triples (its metadata, sentences, mentions and
    assertions) in a named graph called by the document's IRI, the triples documents
    share (entities, facts, quantities) in the default graph."""
    ds = Dataset()
    bind_prefixes(ds)
    default = ds.default_graph
    for ex in extractions:
        doc_iri = iri.document_iri(ex.document.id)
        graph = ds.graph(URIRef(doc_iri))
        for triple in extraction_triples(ex):
            (graph if iri.owned_by(str(triple[0]), doc_iri) else default).add(triple)
    return ds


def to_graph(extractions: Iterable[Extraction]) -> Graph:
    """The union of all documents' triples in one graph."""
    graph = bind_prefixes(Graph())
    for ex in extractions:
        for triple in extraction_triples(ex):
            graph.add(triple)
    return graph
