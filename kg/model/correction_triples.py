"""The provenance of corrections as triples: each correction a ``prov:Activity``, with who,
why and when, and the entities, mentions and facts it changed, added or took out."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any

from kg.model import iri
from kg.records import Corrected, Entity, Mention, Relation

__all__ = ["correction_triples"]

_XSD = "http://www.w3.org/2001/XMLSchema#"


def correction_triples(
    corrected: Corrected, doc_iri: str, fact: Callable[[Relation], Any], t: Any
) -> Iterator[tuple]:
    """The triples of what one correction did in the article ``doc_iri``, as terms of the
    rendering ``t`` (see :mod:`kg.model.triples`); ``fact`` gives the IRI term of the
    assertion of a fact of the article (one the correction took out too).

    The correction and its author are shared by every article it changed; what it
    influenced, generated and invalidated are the article's.
    """
    c = corrected.correction
    ref = t.iri(iri.correction_iri(c.id))
    agent = t.iri(iri.agent_iri(c.who))
    yield ref, t["rdf:type"], t["cy:Correction"]
    yield ref, t["dcterms:identifier"], t.string(c.id)
    yield ref, t["cy:correctionKind"], t.string(c.kind)
    yield ref, t["rdfs:comment"], t.string(c.why)
    yield ref, t["prov:wasAssociatedWith"], agent
    yield agent, t["rdf:type"], t["prov:Agent"]
    yield agent, t["rdfs:label"], t.string(c.who)
    if isinstance(c.when, datetime.datetime):
        yield ref, t["prov:endedAtTime"], t.typed(c.when.isoformat(), _XSD + "dateTime")
    elif c.when is not None:
        yield ref, t["dcterms:date"], t.typed(c.when.isoformat(), _XSD + "date")

    def node(x: Entity | Mention | Relation) -> Any:
        if isinstance(x, Entity):
            return t.iri(iri.entity_iri(x.cls, x.key))
        if isinstance(x, Mention):
            return t.iri(iri.span_iri(doc_iri, x.span.start, x.span.end))
        return fact(x)

    for entity in corrected.influenced:
        yield node(entity), t["prov:wasInfluencedBy"], ref
    for added in corrected.generated:
        yield fact(added), t["prov:wasGeneratedBy"], ref
    for gone in corrected.invalidated:
        yield node(gone), t["prov:wasInvalidatedBy"], ref
