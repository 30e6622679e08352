"""A read-only SPARQL 1.1 Protocol endpoint over a built graph: stdlib HTTP, pyoxigraph workers.

The query workers are in :mod:`kg.server.workers`, connection limits (threads, deadlines,
body size) in :mod:`kg.server.connections`, content negotiation in :mod:`kg.server.negotiation`.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import InputError
from kg.io.rdflib_writers import generate_ntriples
from kg.server.connections import (
    BodyError,
    ConnectionLimits,
    LimitedHTTPServer,
    LimitedRequestHandler,
)
from kg.server.negotiation import GRAPH_OUT, GRAPH_TYPES, RESULT_OUT, RESULT_TYPES, negotiate
from kg.server.workers import QueryStopped, QueryTimeout, WorkerPool, decode_row
from kg.sparql import (
    QUERY_PREFIXES,
    QueryResult,
    format_csv,
    format_json,
    format_tsv,
    format_xml,
    infer,
    open_graph,
    parse_iri,
    query_form,
)

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "RESULT_TYPES",
    "GRAPH_TYPES",
    "ServerConfig",
    "ConnectionLimits",
    "QueryStopped",
    "QueryTimeout",
    "WorkerPool",
    "SparqlServer",
    "negotiate",
    "make_server",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_MEMORY_MB = 1024  # per query worker, beyond the graph it holds

# --------------------------------------------------------------------------- HTTP


@dataclass
class ServerConfig:
    """Limits and behaviour of the endpoint."""

    timeout: float = 10.0
    max_results: int = 10000
    quiet: bool = False
    prefixes: dict[str, str] = field(default_factory=dict)


@dataclass
class _Response:
    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def _error(status: int, message: str) -> _Response:
    return _Response(status, (message.rstrip() + "\n").encode("utf-8"))


def _results_body(reply: tuple, fmt: str) -> tuple[bytes, bool]:
    if reply[0] == "ask":
        result = QueryResult("ASK", boolean=reply[1])
    else:
        _, variables, rows, truncated = reply
        result = QueryResult(
            "SELECT", variables=variables, rows=[decode_row(r) for r in rows], truncated=truncated
        )
    render = {"json": format_json, "xml": format_xml, "csv": format_csv, "tsv": format_tsv}[fmt]
    return render(result).encode("utf-8"), result.truncated


def _dataset_error(params: dict[str, list[str]]) -> _Response | None:
    """400 for a ``default-graph-uri`` or ``named-graph-uri`` that is not an absolute IRI."""
    for name in ("default-graph-uri", "named-graph-uri"):
        for value in params.get(name, []):
            try:
                parse_iri(value)
            except ValueError as exc:
                return _error(HTTPStatus.BAD_REQUEST, f"{name} {value[:80]!r}: {exc}")
    return None


class SparqlServer(LimitedHTTPServer):
    """The HTTP server: a fixed pool of threads (:class:`LimitedHTTPServer`) take the
    requests, a :class:`WorkerPool` runs the queries."""

    def __init__(
        self,
        address: tuple[str, int],
        pool: WorkerPool,
        config: ServerConfig,
        limits: ConnectionLimits | None = None,
    ) -> None:
        self.pool = pool
        self.config = config
        self.cleanup: list[Path] = []  # temporary files to remove on close
        self._serving = threading.Event()
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler, limits or ConnectionLimits())

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Answer requests until :meth:`close` (or ``shutdown``) is called from another thread."""
        self._serving.set()
        try:
            super().serve_forever(poll_interval)
        finally:
            self._serving.clear()

    @property
    def url(self) -> str:
        """The endpoint's URL."""
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/sparql"

    def answer(self, text: str, params: dict[str, list[str]], accept: str | None) -> _Response:
        """Check, run and render one query (the protocol's ``query`` operation)."""
        form = query_form(text)
        if form == "UPDATE":
            word = text.strip().split(None, 1)[0].upper() if text.strip() else ""
            what = "LOAD" if "LOAD" in word else "SPARQL updates (INSERT, DELETE, LOAD, ...)"
            return _error(
                HTTPStatus.FORBIDDEN, f"refused: this endpoint is read-only; {what} not allowed"
            )
        refused = _dataset_error(params)
        if refused is not None:
            return refused
        kind = "graph" if form in ("CONSTRUCT", "DESCRIBE") else "results"
        fmt = negotiate(accept, kind, (params.get("format") or params.get("output") or [None])[0])
        if fmt is None:
            offered = ", ".join(RESULT_TYPES if kind == "results" else GRAPH_TYPES)
            return _error(HTTPStatus.NOT_ACCEPTABLE, f"not acceptable; this query offers {offered}")
        request = {
            "query": text,
            "max_results": self.config.max_results,
            "default_graphs": params.get("default-graph-uri", []),
            "named_graphs": params.get("named-graph-uri", []),
            "graph_format": fmt if kind == "graph" else "turtle",
        }
        try:
            reply = self.pool.run(request, self.config.timeout)
        except QueryStopped as exc:
            return _error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        status = reply[0]
        if status == "syntax":
            message = reply[1] if reply[1].startswith("SPARQL") else f"SPARQL error: {reply[1]}"
            return _error(HTTPStatus.BAD_REQUEST, message)
        if status == "refused":
            return _error(HTTPStatus.FORBIDDEN, reply[1])
        if status == "error":
            return _error(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {reply[1]}")
        if status == "graph":
            if kind != "graph":  # the form was not recognised up front; honour the default
                fmt = "turtle"
            body, truncated = reply[1], reply[2]
            content_type = GRAPH_OUT[fmt][1]
            if content_type.startswith("text/"):
                content_type += "; charset=utf-8"
        else:
            if kind != "results":
                fmt = "json"
            body, truncated = _results_body(reply, fmt)
            content_type = RESULT_OUT[fmt]
        headers = {}
        if truncated:
            headers["X-Result-Truncated"] = f"true; limit={self.config.max_results}"
        return _Response(HTTPStatus.OK, body, content_type, headers)

    def close(self) -> None:
        """Stop serving, close the socket and stop the workers."""
        if self._serving.is_set():
            self.shutdown()
        self.server_close()
        self.pool.close()
        for path in self.cleanup:
            path.unlink(missing_ok=True)


class _Handler(LimitedRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql/0.1"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if not self.server.config.quiet:
            super().log_message(format, *args)

    def _send(self, response: _Response) -> None:
        self.start_response()
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Vary", "Accept")
        if self.close_connection:
            self.send_header("Connection", "close")
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def _route(self) -> tuple[str, dict[str, list[str]]] | None:
        parts = urlsplit(self.path)
        if parts.path.rstrip("/") != "/sparql":
            self._send(
                _error(HTTPStatus.NOT_FOUND, f"not found; the endpoint is {self.server.url}")
            )
            return None
        return parts.path, parse_qs(parts.query, keep_blank_values=True)

    def _dispatch(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._send(
                _error(HTTPStatus.FORBIDDEN, "refused: this endpoint is read-only; no updates")
            )
            return
        queries = params.get("query", [])
        if len(queries) != 1:
            message = (
                "missing query parameter: send ?query=SPARQL (GET), or POST query= or "
                "Content-Type: application/sparql-query"
                if not queries
                else "more than one query parameter"
            )
            self._send(_error(HTTPStatus.BAD_REQUEST, message))
            return
        try:
            response = self.server.answer(queries[0], params, self.headers.get("Accept"))
        except Exception as exc:  # never drop the connection without an answer
            response = _error(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {exc}")
        self._send(response)

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        if self.has_body():  # not read: the connection cannot carry another request
            self.close_connection = True
        routed = self._route()
        if routed is not None:
            self._dispatch(routed[1])

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_POST(self) -> None:  # noqa: N802
        close_after = self.close_connection
        self.close_connection = True  # until the body is read in full
        routed = self._route()
        if routed is None:
            return
        params = routed[1]
        try:
            body = self.read_body()
        except BodyError as exc:
            self._send(_error(exc.status, str(exc)))
            return
        except TimeoutError:
            self._send(_error(HTTPStatus.REQUEST_TIMEOUT, "the request body came too slowly"))
            return
        self.close_connection = close_after
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._send(_error(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8"))
            return
        if content_type == "application/x-www-form-urlencoded":
            form = parse_qs(text, keep_blank_values=True)
            self._dispatch({**params, **form})
        elif content_type == "application/sparql-query":
            self._dispatch({**params, "query": [text]})
        elif content_type == "application/sparql-update":
            self._send(
                _error(HTTPStatus.FORBIDDEN, "refused: this endpoint is read-only; no updates")
            )
        else:
            self._send(
                _error(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    "POST application/x-www-form-urlencoded (query=...) or application/sparql-query",
                )
            )

    def _read_only(self) -> None:
        if self.has_body():
            self.close_connection = True
        self._send(_error(HTTPStatus.METHOD_NOT_ALLOWED, "refused: this endpoint is read-only"))

    do_PUT = do_DELETE = do_PATCH = _read_only  # noqa: N815


# --------------------------------------------------------------------------- entry point


def _served_file(graph: str | Path, infer_regime: str | None) -> tuple[Path, str, Path | None]:
    """The file the workers load, its pyoxigraph format, and a temporary file to remove."""
    with open_graph(graph) as opened:
        if infer_regime:
            closure = infer(opened.to_data(), infer_regime)
            fd, tmp = tempfile.mkstemp(prefix="kg-serve-", suffix=".nt")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(generate_ntriples(closure))
            return Path(tmp), "N_TRIPLES", Path(tmp)
        file, fmt, temporary = opened.as_file()
    return file, fmt.oxigraph, file if temporary else None


def make_server(
    graph: str | Path,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout: float = 10.0,
    max_results: int = 10000,
    workers: int = 2,
    infer_regime: str | None = None,
    quiet: bool = False,
    max_memory_mb: int | None = DEFAULT_MEMORY_MB,
    limits: ConnectionLimits | None = None,
) -> SparqlServer:
    """Load ``graph`` into worker processes and bind the endpoint (``port=0``: any free port).

    Each worker may take ``max_memory_mb`` more megabytes than it holds once the graph is
    loaded (``None``: no limit); ``limits`` bounds the connections (:class:`ConnectionLimits`).
    Call ``serve_forever()`` to answer requests and ``close()`` to stop.
    """
    if timeout <= 0:
        raise InputError("--timeout must be positive")
    if max_results < 1:
        raise InputError("--max-results must be at least 1")
    if max_memory_mb is not None and max_memory_mb < 64:
        raise InputError("--max-memory must be at least 64 (MB)")
    limits = limits or ConnectionLimits()
    if limits.threads < 1:
        raise InputError("--threads must be at least 1")
    source, fmt, temporary = _served_file(graph, infer_regime)
    try:
        memory = max_memory_mb << 20 if max_memory_mb else None
        pool = WorkerPool(source, fmt, QUERY_PREFIXES, size=workers, memory_limit=memory)
        config = ServerConfig(timeout, max_results, quiet, dict(QUERY_PREFIXES))
        try:
            server = SparqlServer((host, port), pool, config, limits)
        except OSError as exc:
            pool.close()
            raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    except BaseException:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise
    if temporary is not None:
        server.cleanup.append(temporary)
    return server
