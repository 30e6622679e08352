"""``kg export``: write a graph in another RDF format (Turtle, N-Triples, TriG, N-Quads, JSON-LD)."""

from __future__ import annotations

import argparse
import sys

from kg.cli.common import GRAPH_FORMS, add_graph_argument
from kg.errors import InputError
from kg.io.rdflib_writers import FORMATS, format_for_path, write_text_atomic
from kg.sparql import open_graph

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="convert a graph to another RDF format",
        description=f"Read GRAPH ({GRAPH_FORMS}) and write it as "
        "Turtle, N-Triples, TriG, N-Quads (named graphs kept when GRAPH has them) or JSON-LD "
        "(with the context of ontology/context.jsonld inlined). Without -o, write to stdout.",
    )
    add_graph_argument(parser)
    parser.add_argument(
        "--format",
        "-f",
        choices=sorted(FORMATS),
        help="output format (default: from the -o suffix, else turtle)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="file to write (default stdout)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    fmt = args.format
    if fmt is None and args.output:
        fmt = format_for_path(args.output)
        if fmt is None:
            raise InputError(f"{args.output}: cannot tell the format from the suffix; use --format")
    with open_graph(args.graph) as graph:
        text = FORMATS[fmt or "turtle"](graph.to_data())
    if args.output:
        path = write_text_atomic(args.output, text)
        print(f"wrote {path} ({fmt or 'turtle'})", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
