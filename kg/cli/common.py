"""What several commands declare alike: the GRAPH argument and the options that go with it."""

from __future__ import annotations

import argparse

__all__ = ["GRAPH_FORMS", "add_graph_argument"]

#: What a GRAPH argument may be, for the help texts (see :func:`kg.sparql.open_graph`).
GRAPH_FORMS = (
    "a graph file (Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML or N3), a kg build "
    "output directory, a store directory or the URL of a SPARQL endpoint"
)


def add_graph_argument(
    parser: argparse.ArgumentParser, *, dest: str = "graph", optional: bool = False
) -> None:
    """Declare the GRAPH positional argument every command that reads a graph takes."""
    parser.add_argument(
        dest, metavar="GRAPH", nargs="?" if optional else None, help=f"{GRAPH_FORMS}"
    )
