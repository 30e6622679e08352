"""``kg eval``: score a graph against gold annotations, or a judged sample by its verdicts."""

from __future__ import annotations

import argparse
import json

from kg.cli.common import GRAPH_FORMS, add_graph_argument
from kg.evaluate import evaluate_graph, format_report
from kg.review import format_judgements, judgement_report, read_judgements

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score a graph against gold annotations, or a judged sample",
        description="Print precision, recall and F1 per class and recall per relation of GRAPH "
        f"({GRAPH_FORMS}) against GOLD (a gold JSON file or a "
        "directory of them; format in tests/data/README.md). With --judgements, print instead "
        "the precision per kind of a sample judged by hand (a CSV written by kg sample, or "
        "downloaded from its HTML page), with a Wilson 95%% interval.",
    )
    parser.add_argument("gold", metavar="GOLD", nargs="?")
    add_graph_argument(parser, optional=True)
    parser.add_argument(
        "--judgements",
        metavar="FILE.csv",
        help="score the verdicts (correct/partial/wrong, y/n, 1/0, ✓/✗) of a judged kg sample",
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also list missed and spurious entities and facts (with --judgements: the rows "
        "judged partial or wrong)",
    )
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    if args.judgements:
        if args.gold or args.graph:
            args.parser.error("give GOLD and GRAPH, or --judgements FILE, not both")
        return _run_judgements(args)
    if not args.gold or not args.graph:
        args.parser.error("GOLD and GRAPH are required (or --judgements FILE)")
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


def _run_judgements(args: argparse.Namespace) -> int:
    report = judgement_report(read_judgements(args.judgements))
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(format_judgements(report))
    if args.errors and report.flagged:
        print("\nnot correct:")
        for row in report.flagged:
            what = " -> ".join(x for x in (row.label or row.entity, row.value) if x)
            note = f"  ({row.note})" if row.note else ""
            print(f"  {row.row} {row.kind} {row.judgement}: {what}{note}")
    return 0
