"""Provenance read back from an rdflib graph: spans, their sentences, documents and text.

A span of a document's text is named ``<DOC#char=s,e>`` (:func:`kg.model.iri.span_iri`)
and its text is that slice of the document's ``cy:text``, stored once. A sentence has
``cy:inDocument``; any other span (a mention, or part of a sentence a fact was read from)
has ``cy:inSentence``; an assertion has ``cy:span``.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.model import iri
from kg.namespace import CY

__all__ = ["Spans", "sentence_of", "document_of", "assertions"]


def sentence_of(graph: Graph, span: Node) -> Node | None:
    """The sentence a span lies in: its ``cy:inSentence``, or the span itself when it is a
    sentence (has ``cy:inDocument``); ``None`` when the graph does not say."""
    sentence = graph.value(span, CY.inSentence)
    if sentence is not None:
        return sentence
    return span if (span, CY.inDocument, None) in graph else None


def document_of(graph: Graph, span: Node) -> Node | None:
    """The document of a span: the ``cy:inDocument`` of its sentence (``None`` when the
    graph does not say)."""
    sentence = sentence_of(graph, span)
    return None if sentence is None else graph.value(sentence, CY.inDocument)


def assertions(graph: Graph) -> Iterator[tuple[Node, Node, Node, Node, Node]]:
    """Every assertion of the graph: ``(assertion, subject, predicate, object, span)``."""
    for assertion, span in graph.subject_objects(CY.span):
        yield (
            assertion,
            graph.value(assertion, RDF.subject),
            graph.value(assertion, RDF.predicate),
            graph.value(assertion, RDF.object),
            span,
        )


class Spans:
    """The text of a graph's spans; each document's text is looked up once."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._texts: dict[str, str | None] = {}

    def document_text(self, doc: str) -> str | None:
        """The ``cy:text`` of the document whose IRI is ``doc``."""
        if doc not in self._texts:
            text = self.graph.value(URIRef(doc), CY.text)
            self._texts[doc] = None if text is None else str(text)
        return self._texts[doc]

    def text(self, span: Node) -> str | None:
        """The characters a span names; ``None`` when it is no span of a described document."""
        where = iri.span_of(str(span))
        if where is None:
            return None
        doc, start, end = where
        text = self.document_text(doc)
        if text is None or not 0 <= start <= end <= len(text):
            return None
        return text[start:end]

    @staticmethod
    def position(span: Node) -> tuple[str, int, int]:
        """Document IRI, start and end of a span (``("", 0, 0)`` for any other node), to
        sort spans in text order."""
        return iri.span_of(str(span)) or ("", 0, 0)
