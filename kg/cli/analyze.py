"""``kg analyze``: the graph as a network: classes, centrality, communities, bridges, exports."""

from __future__ import annotations

import argparse
import sys

from kg.analyze import (
    REPORT_FORMATS,
    analyze,
    format_json,
    format_markdown,
    format_text,
    to_networkx,
    write_exports,
)
from kg.cli.common import GRAPH_FORMS, add_graph_argument
from kg.sparql import open_graph

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse the graph as a network and export it for Gephi",
        description=f"Project GRAPH ({GRAPH_FORMS}) to a NetworkX "
        "graph of entities and their relations (documents, sentences, mentions and assertions "
        "left out) and report counts per class, degree and betweenness centrality, Louvain "
        "communities, connected components, the agencies and agreements of each side "
        "(province-level division) and what bridges them, and what each document contributes.",
    )
    add_graph_argument(parser)
    parser.add_argument("--format", "-f", choices=REPORT_FORMATS, default="text")
    parser.add_argument("--top", type=int, default=10, metavar="N", help="rows in the rankings")
    parser.add_argument("--seed", type=int, default=42, help="Louvain random seed (default 42)")
    parser.add_argument("--graphml", metavar="FILE", help="write the network as GraphML")
    parser.add_argument("--gexf", metavar="FILE", help="write the network as GEXF (Gephi)")
    parser.add_argument("--nodes-csv", metavar="FILE", help="write the nodes as CSV")
    parser.add_argument("--edges-csv", metavar="FILE", help="write the edges as CSV")
    parser.add_argument(
        "--keep-literals",
        action="store_true",
        help="keep literal values (codes, dates, values, other names) as node attributes",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_graph(args.graph) as opened:
        graph = opened.to_graph()
    network = to_networkx(graph, keep_literals=args.keep_literals)
    report = analyze(graph, top=args.top, seed=args.seed, g=network)
    render = {"text": format_text, "markdown": format_markdown, "json": format_json}
    sys.stdout.write(render[args.format](report))
    written = write_exports(
        network,
        {
            "graphml": args.graphml,
            "gexf": args.gexf,
            "nodes_csv": args.nodes_csv,
            "edges_csv": args.edges_csv,
        },
    )
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0
