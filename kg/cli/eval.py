"""``kg eval``: precision, recall and F1 of a built graph against gold annotations."""

from __future__ import annotations

import argparse
import json

from kg.evaluate import evaluate_graph, format_report


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score a graph against gold annotations",
        description="Print precision, recall and F1 per class and recall per relation of GRAPH "
        "(a Turtle file or a kg build output directory) against GOLD (a gold JSON file or a "
        "directory of them; format in tests/data/README.md).",
    )
    parser.add_argument("gold", metavar="GOLD")
    parser.add_argument("graph", metavar="GRAPH")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--errors", action="store_true", help="also list missed and spurious entities and facts"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report = evaluate_graph(args.gold, args.graph)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(format_report(report))
    if args.errors:
        for title, items in (
            ("missed", report.missed),
            ("spurious", report.spurious),
            ("missed relations", report.missed_relations),
        ):
            if items:
                print(f"\n{title}:")
                print("\n".join(f"  {item}" for item in items))
    return 0
