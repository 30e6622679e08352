"""``kg push``: upload a graph to a SPARQL server (Graph Store Protocol or SPARQL Update)."""

from __future__ import annotations

import argparse

from kg.cli.common import GRAPH_FORMS, add_graph_argument
from kg.sparql.http import parse_header
from kg.sparql.push import PUSH_TIMEOUT, REQUEST_TIMEOUT, push


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "push",
        help="upload a graph to a SPARQL server",
        description=f"Upload GRAPH ({GRAPH_FORMS}) to a SPARQL server via the Graph Store HTTP Protocol (PUT, then POST "
        "of N-Triples batches), falling back to SPARQL Update (INSERT DATA) when the "
        "server does not speak it. Transient failures are retried with backoff. Only http:// "
        "and https:// endpoints are accepted. Exit codes: 0 pushed, 2 bad arguments (an "
        "endpoint, graph IRI or header that is not valid, a GRAPH that cannot be read), 4 the "
        "server refused, could not be reached or did not answer in time.",
    )
    add_graph_argument(parser, dest="graph_in")
    parser.add_argument(
        "--endpoint",
        required=True,
        metavar="URL",
        help="Graph Store endpoint (http:// or https://), e.g. http://localhost:7878/store "
        "(Oxigraph) or http://localhost:3030/ds/data (Fuseki)",
    )
    parser.add_argument(
        "--graph",
        metavar="IRI",
        help="named graph to upload into, an absolute IRI (default: the default graph)",
    )
    parser.add_argument(
        "--header",
        action="append",
        default=[],
        metavar="'NAME: VALUE'",
        help="extra HTTP header, e.g. 'Authorization: Bearer TOKEN' (repeatable)",
    )
    parser.add_argument(
        "--netrc", action="store_true", help="authenticate with the host's ~/.netrc entry"
    )
    parser.add_argument(
        "--method",
        choices=("auto", "gsp", "update"),
        default="auto",
        help="Graph Store Protocol, SPARQL Update, or GSP with Update as fallback (default)",
    )
    parser.add_argument(
        "--update-endpoint",
        metavar="URL",
        help="SPARQL Update endpoint for the fallback (default: guessed from --endpoint)",
    )
    parser.add_argument(
        "--batch", type=int, default=50_000, metavar="N", help="triples per request"
    )
    parser.add_argument(
        "--append", action="store_true", help="add to the graph instead of replacing it"
    )
    parser.add_argument("--retries", type=int, default=4, metavar="N", help="retries per request")
    parser.add_argument(
        "--timeout",
        type=float,
        default=PUSH_TIMEOUT,
        metavar="SECONDS",
        help=f"give up when the whole push is not done within SECONDS, retries included "
        f"(default {PUSH_TIMEOUT:g})",
    )
    parser.add_argument(
        "--request-timeout",
        type=float,
        default=REQUEST_TIMEOUT,
        metavar="SECONDS",
        help="retry, then give up on, a request not answered in full within SECONDS "
        f"(default {REQUEST_TIMEOUT:g})",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    headers = dict(parse_header(h) for h in args.header)
    result = push(
        args.graph_in,
        args.endpoint,
        graph=args.graph,
        headers=headers,
        netrc=args.netrc,
        method=args.method,
        update_endpoint=args.update_endpoint,
        batch_size=args.batch,
        append=args.append,
        retries=args.retries,
        timeout=args.timeout,
        request_timeout=args.request_timeout,
    )
    for note in result.notes:
        print(f"note: {note}")
    print(
        f"pushed {result.triples} triples to {result.target} of {args.endpoint} "
        f"({result.method}, {result.batches} batch{'es' if result.batches != 1 else ''}, "
        f"{result.requests} request{'s' if result.requests != 1 else ''})"
    )
    return 0
