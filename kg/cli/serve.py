"""``kg serve``: a read-only SPARQL 1.1 endpoint over a built graph, until interrupted."""

from __future__ import annotations

import argparse
import signal
import sys

from kg.cli.common import GRAPH_FORMS, add_graph_argument
from kg.server.app import (
    DEFAULT_FAST_LANE,
    DEFAULT_HOST,
    DEFAULT_MEMORY_MB,
    DEFAULT_PORT,
    ConnectionLimits,
    make_server,
)
from kg.sparql import INFERENCE

__all__ = ["register", "run"]

_LIMITS = ConnectionLimits()


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve a graph as a read-only SPARQL endpoint",
        description=f"Serve GRAPH ({GRAPH_FORMS}) at "
        "http://HOST:PORT/sparql, following the SPARQL 1.1 Protocol: GET and POST, results as "
        "JSON, XML, CSV or TSV and graphs as Turtle, N-Triples, RDF/XML, JSON-LD, N3, TriG or "
        "N-Quads by content negotiation (format= wins over Accept when it can be served); a "
        "GET without a query gives the SPARQL service description, and http://HOST:PORT/ is a "
        "query page (YASGUI, offline) with the named queries as examples. No prefix is "
        "predeclared: queries declare theirs. Updates, LOAD and SERVICE are refused (query "
        "workers cannot open a connection at all). FROM and FROM NAMED are honoured; "
        "default-graph-uri and named-graph-uri override them. Fixed limits: a request body of "
        "at most "
        f"{_LIMITS.max_body >> 20} MiB, request line and headers within "
        f"{_LIMITS.header_timeout:g} s and a body within {_LIMITS.body_timeout:g} s, "
        f"{_LIMITS.backlog} connections waiting (more are answered 503). Stop it with Ctrl-C.",
    )
    add_graph_argument(parser)
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST})"
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"port to listen on (default {DEFAULT_PORT}; 0 picks a free one)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="S",
        help="stop a query after S seconds (default 10)",
    )
    parser.add_argument(
        "--max-results",
        type=int,
        default=10000,
        metavar="N",
        help="return at most N rows or triples (default 10000); "
        "a cut result carries the header X-Result-Truncated",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        metavar="N",
        help="query worker processes (default 2), each holding the graph; with the fast lane "
        "one more stands by for short queries",
    )
    parser.add_argument(
        "--fast-lane",
        type=float,
        default=DEFAULT_FAST_LANE,
        metavar="S",
        help=f"a query that finds every worker busy may run up to S seconds on a worker kept "
        f"for short queries (default {DEFAULT_FAST_LANE:g}); a longer one is stopped there and "
        "waits for a worker as usual; 0: no fast lane (and one process fewer)",
    )
    parser.add_argument(
        "--cors",
        default="*",
        metavar="ORIGINS",
        help="origins whose web pages may read the answers (CORS): '*' (default; any, as the "
        "endpoint is read-only and takes no credentials), origins separated by commas "
        "(https://example.org,http://127.0.0.1:8000), or 'none' for no CORS headers",
    )
    parser.add_argument(
        "--max-memory",
        type=int,
        default=DEFAULT_MEMORY_MB,
        metavar="MB",
        help=f"memory a query may take in its worker beyond the loaded graph (default "
        f"{DEFAULT_MEMORY_MB}); a query past it is stopped with 503 and the worker replaced",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=_LIMITS.threads,
        metavar="N",
        help=f"connections handled at once (default {_LIMITS.threads})",
    )
    parser.add_argument("--infer", choices=INFERENCE, help="serve the RDFS or OWL-RL closure")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    parser.set_defaults(func=run)


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    server = make_server(
        args.graph,
        host=args.host,
        port=args.port,
        timeout=args.timeout,
        max_results=args.max_results,
        workers=args.workers,
        infer_regime=args.infer,
        quiet=args.quiet,
        max_memory_mb=args.max_memory,
        limits=ConnectionLimits(threads=args.threads),
        cors=args.cors,
        fast_lane=args.fast_lane,
    )
    signal.signal(signal.SIGTERM, _stop)
    lane = f"fast lane {args.fast_lane:g} s" if args.fast_lane else "no fast lane"
    print(
        f"SPARQL endpoint at {server.url} ({server.pool.triples} statements; read-only; "
        f"time limit {args.timeout:g} s; at most {args.max_results} results; "
        f"{args.max_memory} MB per query; {lane}; {server.config.cors.describe()}); "
        f"query page at {server.url.removesuffix('sparql')}. Ctrl-C to stop.",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        server.close()
    return 0
