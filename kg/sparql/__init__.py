"""SPARQL: query text, one result type over two engines, result formats, named queries,
the GRAPH every command opens (:func:`open_graph`), and the HTTP side (push to a server)."""

from __future__ import annotations

from kg.sparql.engine import INFERENCE, infer, run_oxigraph, run_query
from kg.sparql.formats import (
    RESULT_FORMATS,
    display_width,
    format_csv,
    format_json,
    format_result,
    format_table,
    format_tsv,
    format_xml,
    term_display,
    truncate_display,
)
from kg.sparql.graphs import (
    EndpointGraph,
    FileGraph,
    OpenGraph,
    StoreGraph,
    open_graph,
    query_store,
)
from kg.sparql.named import (
    NamedQuery,
    missing_bindings,
    named_queries,
    required_bindings,
    resolve_query,
)
from kg.sparql.result import QueryResult, result_from_json
from kg.sparql.terms import ntriples_term, parse_iri, parse_term, parse_variable
from kg.sparql.text import (
    QUERY_PREFIXES,
    QueryReading,
    check_query,
    inject_bindings,
    parse_binding,
    query_form,
    read_query,
    strip_literals,
    syntax_error,
    uses_service,
)

__all__ = [
    "INFERENCE",
    "RESULT_FORMATS",
    "QUERY_PREFIXES",
    "EndpointGraph",
    "FileGraph",
    "NamedQuery",
    "OpenGraph",
    "QueryReading",
    "QueryResult",
    "StoreGraph",
    "check_query",
    "display_width",
    "format_csv",
    "format_json",
    "format_result",
    "format_table",
    "format_tsv",
    "format_xml",
    "infer",
    "inject_bindings",
    "missing_bindings",
    "named_queries",
    "ntriples_term",
    "open_graph",
    "parse_binding",
    "parse_iri",
    "parse_term",
    "parse_variable",
    "query_form",
    "query_store",
    "read_query",
    "required_bindings",
    "resolve_query",
    "result_from_json",
    "run_oxigraph",
    "run_query",
    "strip_literals",
    "syntax_error",
    "term_display",
    "truncate_display",
    "uses_service",
]
