"""Check a graph against the SHACL shapes in ``ontology/shapes.ttl`` (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph

from kg.resources import ontology_path

__all__ = ["ValidationReport", "validate", "load_ontology", "load_shapes"]


@dataclass(frozen=True)
class ValidationReport:
    """Whether a graph conforms, and pySHACL's report text when it does not."""

    conforms: bool
    text: str


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """The OWL ontology as a graph (parsed once)."""
    return Graph().parse(ontology_path("chengyu.ttl"), format="turtle")


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """The SHACL shapes as a graph (parsed once)."""
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


def validate(graph: Graph) -> ValidationReport:
    """Validate ``graph`` with the ontology mixed in, so subclasses satisfy ``sh:class``."""
    from pyshacl import validate as shacl_validate

    data = Graph()
    for triple in graph:
        data.add(triple)
    for triple in load_ontology():
        data.add(triple)
    conforms, _, text = shacl_validate(
        data,
        shacl_graph=load_shapes(),
        inference="none",
        advanced=False,
    )
    return ValidationReport(bool(conforms), str(text))
