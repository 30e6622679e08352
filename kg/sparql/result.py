"""What a query returns, whichever engine ran it, and the terms engines hand back as rdflib's."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.model.triples import bind_prefixes

__all__ = ["QueryResult", "result_from_json", "from_oxigraph"]

_DECIMAL_TYPE = "http://www.w3.org/2001/XMLSchema#decimal"


@dataclass
class QueryResult:
    """What a query returned, independent of the engine that ran it.

    ``SELECT``: ``variables`` and ``rows`` (``None`` for unbound); ``ASK``: ``boolean``;
    ``CONSTRUCT``/``DESCRIBE``: ``triples``. ``truncated`` is set when a size limit cut it.
    """

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    truncated: bool = False

    @property
    def is_graph(self) -> bool:
        """Whether the result is a graph (CONSTRUCT or DESCRIBE)."""
        return self.form in ("CONSTRUCT", "DESCRIBE")

    def column(self, name: str) -> list[Node | None]:
        """The values of one variable, row by row."""
        i = self.variables.index(name)
        return [row[i] for row in self.rows]

    def records(self) -> list[dict[str, str | None]]:
        """Rows as dicts of variable -> lexical form (``None`` for unbound)."""
        return [
            {v: None if t is None else str(t) for v, t in zip(self.variables, row, strict=True)}
            for row in self.rows
        ]

    def graph(self) -> Graph:
        """The triples of a graph result as an rdflib graph."""
        graph = bind_prefixes(Graph())
        for triple in self.triples:
            graph.add(triple)
        return graph


def _term_from_json(value: Mapping[str, str]) -> Node:
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    lang, datatype = value.get("xml:lang"), value.get("datatype")
    return Literal(value["value"], lang=lang, datatype=URIRef(datatype) if datatype else None)


def result_from_json(text: str | bytes) -> QueryResult:
    """A :class:`QueryResult` from SPARQL 1.1 Query Results JSON (as an endpoint returns)."""
    doc = json.loads(text)
    if "boolean" in doc:
        return QueryResult("ASK", boolean=bool(doc["boolean"]))
    variables = list(doc.get("head", {}).get("vars", []))
    rows: list[tuple[Node | None, ...]] = []
    for binding in doc.get("results", {}).get("bindings", []):
        rows.append(tuple(_term_from_json(binding[v]) if v in binding else None for v in variables))
    return QueryResult("SELECT", variables=variables, rows=rows)


def from_oxigraph(term: Any) -> Any:
    """A pyoxigraph term as rdflib's (integral decimals written ``75.0``, as the package writes them)."""
    import pyoxigraph
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        if datatype == _DECIMAL_TYPE and "." not in term.value:
            return Literal(term.value + ".0", datatype=URIRef(datatype))
        return Literal(term.value, datatype=URIRef(datatype))
    raise QueryError(f"unsupported term in result: {term!r}")
