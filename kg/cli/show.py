"""``kg show``: the card of one entity, found by name, alias or IRI."""

from __future__ import annotations

import argparse
import sys

from kg.cards import CARD_FORMATS, MAX_SOURCES, entity_card, format_card, write_card_html
from kg.cli.common import GRAPH_FORMS, add_graph_argument
from kg.io.files import write_text_atomic
from kg.sparql import open_graph

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "show",
        help="the card of one entity: facts, agreements, source sentences",
        description=f"Print what GRAPH ({GRAPH_FORMS}) says about the entity NAME: its class, "
        "labels, code, jurisdiction, facts, agreements with parties and dates, and the "
        "sentences it was read from with their document and date. NAME is a label, an alias "
        "or an IRI (<…>, id:… or https://…); a near miss finds the nearest name when one entity "
        "is clearly nearest. A name that means no entity or several is an error (exit code 2) "
        "naming the nearest names or the candidates.",
    )
    add_graph_argument(parser)
    parser.add_argument("name", metavar="NAME", help="a label, alias or IRI of the entity")
    parser.add_argument(
        "--format",
        "-f",
        choices=sorted(CARD_FORMATS),
        default="text",
        help="text (default; mentions in 【】), json or markdown",
    )
    parser.add_argument(
        "--max-sources",
        type=int,
        default=MAX_SOURCES,
        metavar="N",
        help=f"show at most N source sentences, the earliest (0: all; default {MAX_SOURCES})",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write to FILE instead of stdout; a FILE ending in .html gets the card as a "
        "self-contained HTML page",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_graph(args.graph) as graph:
        card = entity_card(graph, args.name, max_sources=args.max_sources or None)
    if args.output and args.output.lower().endswith((".html", ".htm")):
        path = write_card_html(card, args.output)
    elif args.output:
        path = write_text_atomic(args.output, format_card(card, args.format))
    else:
        sys.stdout.write(format_card(card, args.format))
        return 0
    print(f"wrote {path}", file=sys.stderr)
    return 0
