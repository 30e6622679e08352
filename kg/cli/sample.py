"""``kg sample``: draw a random sample of a graph's entities and facts for a person to judge."""

from __future__ import annotations

import argparse

from kg.cli.common import GRAPH_FORMS, add_graph_argument
from kg.review import (
    REVIEW_FORMATS,
    agreement_coverage,
    format_sample_summary,
    review_format,
    sample_graph,
    write_review,
)
from kg.sparql import open_graph

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sample",
        help="draw rows of a graph to judge by hand (CSV or an offline HTML page)",
        description=f"Draw N entities of each class of GRAPH ({GRAPH_FORMS}), N agreement parties and N signing "
        "dates, each with the sentence it was read from, for a person to judge; the same "
        "graph and seed give the same rows. Write them as CSV (UTF-8 with BOM) or as a "
        "self-contained HTML page whose button downloads the judgements as CSV; score a "
        "judged file with kg eval --judgements.",
    )
    add_graph_argument(parser)
    parser.add_argument(
        "--per-class", "-n", type=int, default=20, metavar="N", help="rows per kind (default 20)"
    )
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    parser.add_argument(
        "--output",
        "-o",
        required=True,
        metavar="FILE",
        help=f"where to write the review ({', '.join(REVIEW_FORMATS)})",
    )
    parser.add_argument(
        "--classes",
        metavar="A,B",
        help="only these kinds: entity classes (Agency, Agreement, ...), party, signedOn, and "
        "signing (sentences that tell of a signing with what was read there, to judge what the "
        "graph missed; drawn only when named)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    review_format(args.output)  # a bad suffix fails before the graph is read
    kinds = [k.strip() for k in args.classes.split(",") if k.strip()] if args.classes else None
    with open_graph(args.graph) as graph:
        rows = sample_graph(graph, args.per_class, args.seed, kinds=kinds)
        coverage = agreement_coverage(graph)
    write_review(rows, args.output, title=f"Review of {args.graph} (seed {args.seed})")
    print(format_sample_summary(rows, coverage))
    print(f"wrote {args.output}")
    return 0
