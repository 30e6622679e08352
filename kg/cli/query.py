"""``kg query``: run a SPARQL query (a file, a named query or text) over a built graph."""

from __future__ import annotations

import argparse
import sys

from kg.cli.common import GRAPH_FORMS, add_graph_argument
from kg.errors import QueryError
from kg.sparql import (
    INFERENCE,
    RESULT_FORMATS,
    check_query,
    format_result,
    missing_bindings,
    named_queries,
    open_graph,
    parse_binding,
    resolve_query,
    run_query,
)

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "query",
        help="run a SPARQL query over a graph",
        description=f"Run a SPARQL query over GRAPH ({GRAPH_FORMS}, such as kg serve's). QUERY is a .rq file, the name of a "
        "query in ontology/queries/ (see --list), or the query text. The prefixes cy:, id:, "
        "rdf:, rdfs:, xsd:, skos:, dcterms:, prov:, org:, schema: and owl: are predeclared.",
    )
    add_graph_argument(parser, optional=True)
    parser.add_argument("query", metavar="QUERY", nargs="?")
    parser.add_argument(
        "--format",
        "-f",
        choices=RESULT_FORMATS,
        default="table",
        help="table (default), csv, tsv, json or xml (SPARQL 1.1 results); "
        "turtle or ntriples for CONSTRUCT/DESCRIBE",
    )
    parser.add_argument(
        "--infer",
        choices=INFERENCE,
        help="query the RDFS or OWL-RL closure of the graph and the ontology (off by default)",
    )
    parser.add_argument(
        "--bind",
        action="append",
        default=[],
        metavar="VAR=VALUE",
        help="pre-bind a variable (VALUE: text, <iri> or an N-Triples literal); repeatable",
    )
    parser.add_argument(
        "--max-width",
        type=int,
        default=60,
        metavar="N",
        help="cut table cells wider than N columns (0: never; default 60)",
    )
    parser.add_argument("--list", action="store_true", help="list the named queries and exit")
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    if args.list:
        queries = named_queries()
        width = max((len(n) for n in queries), default=0)
        for name, query in queries.items():
            print(f"{name:<{width}}  {query.description}")
        return 0
    if not args.graph or not args.query:
        args.parser.error("GRAPH and QUERY are required (or --list)")
    text = resolve_query(args.query)
    bindings = dict(parse_binding(b) for b in args.bind)
    missing = missing_bindings(text, bindings)
    if missing:
        needs = " ".join(f"--bind {v}=VALUE" for v in missing)
        raise QueryError(f"{args.query} needs a value for ?{', ?'.join(missing)}: give {needs}")
    with open_graph(args.graph, engine="rdflib") as graph:
        if args.infer:  # the closure is computed with rdflib, over the graph's triples
            result = run_query(graph.to_data(), text, infer_regime=args.infer, bindings=bindings)
        else:
            check_query(text)
            result = graph.query(text, bindings=bindings)
    sys.stdout.write(format_result(result, args.format, max_width=args.max_width))
    return 0
