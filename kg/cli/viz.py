"""``kg viz``: write the interactive HTML view of a graph (works offline)."""

from __future__ import annotations

import argparse

from kg.cli.common import GRAPH_FORMS, add_graph_argument
from kg.sparql import open_graph
from kg.viz import write_html

_PHYSICS = {"auto": None, "on": True, "off": False}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "viz",
        help="write an interactive HTML view of a graph",
        description="Write a self-contained HTML page (no network needed) that draws GRAPH "
        f"({GRAPH_FORMS}): nodes coloured and shaped by class with "
        "a legend that filters them, a filter by signing date, communities that collapse, "
        "labels that come in as one zooms in, a search box, and hover texts with the source "
        "sentences.",
    )
    add_graph_argument(parser)
    parser.add_argument("--out", "-o", required=True, metavar="FILE.html", help="page to write")
    parser.add_argument(
        "--focus", metavar="LABEL", help="draw only the neighbourhood of the node with this name"
    )
    parser.add_argument(
        "--hops",
        type=int,
        default=1,
        metavar="N",
        help="with --focus: keep nodes at most N edges away (default 1)",
    )
    parser.add_argument(
        "--classes",
        metavar="A,B",
        help="draw only nodes of these classes (e.g. Agency,Agreement)",
    )
    parser.add_argument(
        "--physics",
        choices=sorted(_PHYSICS),
        default="auto",
        help="auto or off: show the community layout as computed; on: run the layout "
        "simulation from it before the page is shown",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_graph(args.graph) as graph:
        data = graph.to_graph()
    path = write_html(
        data,
        args.out,
        focus=args.focus,
        hops=args.hops,
        classes=args.classes,
        physics=_PHYSICS[args.physics],
    )
    print(path)
    return 0
