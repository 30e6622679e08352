"""The endpoint's SPARQL 1.1 service description: what a GET without a query answers.

It names the endpoint, the query language, the result and graph formats served, the
features (the default graph is the union of all graphs) and the default dataset (its
size and its named graphs), in any graph format the endpoint serves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from kg.io.formats import RDF_FORMATS
from kg.server.negotiation import GRAPH_OUT, W3C_FORMATS

__all__ = ["SD", "ServiceFacts", "service_description", "describe_service"]

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
_ENTAILMENT = "http://www.w3.org/ns/entailment/"
_PREFIXES = {
    "sd": str(SD),
    "void": str(VOID),
    "formats": "http://www.w3.org/ns/formats/",
    "ent": _ENTAILMENT,
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

# The entailment regime of the graph served, by ``--infer`` (none: the graph as stored).
_REGIMES = {None: "Simple", "rdfs": "RDFS", "owlrl": "OWL-RDF-Based"}


@dataclass(frozen=True)
class ServiceFacts:
    """What the description says about the data: statements loaded, the named graphs (how
    many, and the first ones by name) and the inference regime (``--infer``)."""

    statements: int
    graph_count: int = 0
    graph_names: Sequence[str] = field(default_factory=tuple)
    regime: str | None = None


def service_description(endpoint: str, facts: ServiceFacts) -> Graph:
    """The description of the endpoint at ``endpoint`` as an rdflib graph."""
    graph = Graph()
    for prefix, namespace in _PREFIXES.items():
        graph.bind(prefix, namespace)
    service = BNode("service")
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(endpoint)))
    graph.add((service, RDFS.label, Literal("chengyu-kg read-only SPARQL endpoint", lang="en")))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for kind in ("results", "graph"):
        for iri in W3C_FORMATS[kind].values():
            graph.add((service, SD.resultFormat, URIRef(iri)))
    regime = _REGIMES.get(facts.regime, "Simple")
    graph.add((service, SD.defaultEntailmentRegime, URIRef(_ENTAILMENT + regime)))
    if facts.regime == "owlrl":
        graph.add(
            (
                service,
                SD.defaultSupportedEntailmentProfile,
                URIRef("http://www.w3.org/ns/owl-profile/RL"),
            )
        )
    dataset = BNode("dataset")
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default = BNode("default")
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    graph.add(
        (
            default,
            RDFS.comment,
            Literal("the union of all graphs of the dataset", lang="en"),
        )
    )
    if not facts.graph_count:  # then the statements are the default graph's triples
        graph.add((default, VOID.triples, Literal(facts.statements, datatype=XSD.integer)))
    if facts.graph_count > len(facts.graph_names):
        listed = f"{facts.graph_count} named graphs; the first {len(facts.graph_names)} are listed"
        graph.add((dataset, RDFS.comment, Literal(listed, lang="en")))
    for i, name in enumerate(facts.graph_names):
        named = BNode(f"graph{i}")
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, URIRef(name)))
    return graph


def describe_service(endpoint: str, facts: ServiceFacts, fmt: str = "turtle") -> bytes:
    """The description in one of the graph formats the endpoint serves (``GRAPH_OUT``)."""
    if fmt not in GRAPH_OUT:
        raise ValueError(f"no such graph format: {fmt!r}")
    # one graph, no named one: its N-Triples are its N-Quads (rdflib writes N-Quads of datasets)
    name = "nt" if fmt == "nquads" else RDF_FORMATS[fmt].rdflib
    return service_description(endpoint, facts).serialize(format=name, encoding="utf-8")
