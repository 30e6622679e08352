"""``kg timeline``: agreements per month, quarter or year, by region pair and by sector."""

from __future__ import annotations

import argparse
import sys

from kg.cli.common import GRAPH_FORMS, add_graph_argument
from kg.io.files import write_text_atomic
from kg.sparql import open_graph
from kg.timeline import (
    PERIODS,
    TIMELINE_FORMATS,
    agreement_timeline,
    format_timeline,
    write_timeline_html,
)

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "timeline",
        help="agreements over time, by region pair and by sector",
        description=f"Count the agreements of GRAPH ({GRAPH_FORMS}) per period, each in the "
        "period of its earliest signing date; agreements dated less precisely than the period "
        "and undated ones are counted apart. --pair splits the counts by the regions of the "
        "parties' jurisdictions (重庆–四川), --sector by the sector of the agreement's title. "
        "Prints a table, or writes an offline HTML chart with -o FILE.html.",
    )
    add_graph_argument(parser)
    parser.add_argument(
        "--by",
        choices=PERIODS,
        default="month",
        help="the period: month (default), quarter or year",
    )
    parser.add_argument(
        "--pair", action="store_true", help="split by region pair of the parties (order-free)"
    )
    parser.add_argument(
        "--sector", action="store_true", help="split by sector, from the title's industry words"
    )
    parser.add_argument(
        "--format",
        "-f",
        choices=list(TIMELINE_FORMATS),
        default="table",
        help="table (default), csv, json or markdown",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write to FILE instead of stdout; a FILE ending in .html gets the chart: a "
        "self-contained page (inline SVG, no script) that works offline",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_graph(args.graph) as graph:
        result = agreement_timeline(graph, by=args.by, pair=args.pair, sector=args.sector)
    if args.output and args.output.lower().endswith((".html", ".htm")):
        path = write_timeline_html(result, args.output)
    elif args.output:
        path = write_text_atomic(args.output, format_timeline(result, args.format))
    else:
        sys.stdout.write(format_timeline(result, args.format))
        return 0
    print(f"wrote {path} ({result.total()} agreements)", file=sys.stderr)
    return 0
