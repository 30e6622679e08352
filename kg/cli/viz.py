"""``kg viz``: write the interactive HTML view of a graph (works offline)."""

from __future__ import annotations

import argparse

from kg.query import load_graph
from kg.viz import PHYSICS_MAX_NODES, write_html

_PHYSICS = {"auto": None, "on": True, "off": False}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "viz",
        help="write an interactive HTML view of a graph",
        description="Write a self-contained HTML page (no network needed) that draws GRAPH (a "
        "Turtle file or a kg build output directory): nodes coloured and shaped by class with "
        "a legend that filters them, a search box, and hover texts with the source sentences.",
    )
    parser.add_argument("graph", metavar="GRAPH", help="graph file or kg build directory")
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
        help=f"layout simulation: auto (on up to {PHYSICS_MAX_NODES} nodes), on or off",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = write_html(
        load_graph(args.graph),
        args.out,
        focus=args.focus,
        hops=args.hops,
        classes=args.classes,
        physics=_PHYSICS[args.physics],
    )
    print(path)
    return 0
