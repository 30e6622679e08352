"""A read-only SPARQL 1.1 Protocol endpoint over a built graph: stdlib HTTP, pyoxigraph workers.

``/sparql`` answers queries (GET, POST) and, asked without one, gives the service
description (:mod:`kg.server.description`); ``/`` is the query page (:mod:`kg.server.page`);
``/id/…`` the card of the entity with that IRI (:mod:`kg.server.entities`).
The query workers are in :mod:`kg.server.workers` and their pool (with its fast lane) in
:mod:`kg.server.pool`, connection limits (threads, deadlines, body size) in
:mod:`kg.server.connections`, content negotiation in :mod:`kg.server.negotiation`, CORS in
:mod:`kg.server.cors`.
"""

from __future__ import annotations

import os
import re
import socket
import tempfile
import threading
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
from kg.server.cors import ALLOWED_METHODS, CorsPolicy
from kg.server.description import ServiceFacts
from kg.server.entities import ENTITY_PATH, entity_page
from kg.server.negotiation import GRAPH_TYPES, RESULT_TYPES, negotiate
from kg.server.page import query_page, static_file
from kg.server.pool import DEFAULT_FAST_LANE, WorkerPool
from kg.server.protocol import Response, ServerConfig, answer, describe, error
from kg.server.workers import QueryStopped, QueryTimeout
from kg.sparql import QUERY_PREFIXES, infer, open_graph

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "RESULT_TYPES",
    "GRAPH_TYPES",
    "DEFAULT_FAST_LANE",
    "ServerConfig",
    "ConnectionLimits",
    "CorsPolicy",
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
ENDPOINT_PATH = "/sparql"
_HOST = re.compile(r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")

# --------------------------------------------------------------------------- HTTP


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
        self.page = query_page(config.prefixes)
        self.facts = ServiceFacts(
            pool.triples, pool.graph_count, tuple(pool.graph_names), config.regime
        )
        super().__init__(address, _Handler, limits or ConnectionLimits())
        if config.cors.origins == "*":  # the 503 of a full queue, sent before any header is read
            self.busy_headers = b"Access-Control-Allow-Origin: *\r\n"

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
        return f"http://{host}:{port}{ENDPOINT_PATH}"

    def endpoint_url(self, host: str | None) -> str:
        """The endpoint's URL as a client reached it (its ``Host`` header), else :attr:`url`."""
        if host and _HOST.fullmatch(host.strip()):
            return f"http://{host.strip()}{ENDPOINT_PATH}"
        return self.url

    def describe(
        self, params: dict[str, list[str]], accept: str | None, host: str | None
    ) -> Response:
        """The service description (a GET without a query), in the format asked for."""
        return describe(self.endpoint_url(host), self.facts, params, accept)

    def answer(self, text: str, params: dict[str, list[str]], accept: str | None) -> Response:
        """Check, run and render one query (the protocol's ``query`` operation)."""
        return answer(self.pool, self.config, text, params, accept)

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

    def _header(self, name: str) -> str | None:
        headers = getattr(self, "headers", None)  # none yet when the request line was bad
        return headers.get(name) if headers is not None else None

    def _send(self, response: Response) -> None:
        self.start_response()
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        cors = self.server.config.cors
        self.send_header("Vary", "Accept, Origin" if cors.varies else "Accept")
        self.send_header("X-Content-Type-Options", "nosniff")
        headers = {**cors.headers(self._header("Origin")), **response.headers}
        if self.close_connection:
            self.send_header("Connection", "close")
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The standard library's errors (a bad request line, an unknown method) as plain
        text with the CORS headers, like every other answer."""
        self.close_connection = True
        phrase = message or HTTPStatus(code).phrase
        if code == HTTPStatus.NOT_IMPLEMENTED:
            phrase = f"{phrase}; this endpoint answers {ALLOWED_METHODS}"
        self._send(error(code, phrase))

    def _route(self) -> tuple[str, dict[str, list[str]]]:
        parts = urlsplit(self.path)
        path = parts.path if parts.path in ("", "/") else parts.path.rstrip("/")
        return path or "/", parse_qs(parts.query, keep_blank_values=True)

    def _not_found(self) -> None:
        self._send(error(HTTPStatus.NOT_FOUND, f"not found; the endpoint is {self.server.url}"))

    def _dispatch(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._send(
                error(HTTPStatus.FORBIDDEN, "refused: this endpoint is read-only; no updates")
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
            self._send(error(HTTPStatus.BAD_REQUEST, message))
            return
        try:
            response = self.server.answer(queries[0], params, self.headers.get("Accept"))
        except Exception as exc:  # never drop the connection without an answer
            response = error(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {exc}")
        self._send(response)

    def _static(self, path: str) -> None:
        if path == "/":
            response = Response(HTTPStatus.OK, self.server.page, "text/html; charset=utf-8")
            response.headers["Cache-Control"] = "no-cache"
        else:
            found = static_file(path.removeprefix("/static/"))
            if found is None:
                self._not_found()
                return
            response = Response(HTTPStatus.OK, *found)
            response.headers["Cache-Control"] = "public, max-age=86400"
        self._send(response)

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        if self.has_body():  # not read: the connection cannot carry another request
            self.close_connection = True
        path, params = self._route()
        if path == ENDPOINT_PATH:
            if "query" in params or "update" in params:
                self._dispatch(params)
            else:
                self._send(
                    self.server.describe(params, self.headers.get("Accept"), self._header("Host"))
                )
        elif path == "/" or path.startswith("/static/"):
            self._static(path)
        elif path.startswith(ENTITY_PATH) and len(path) > len(ENTITY_PATH):
            self._send(entity_page(self.server.url, path))
        else:
            self._not_found()

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_OPTIONS(self) -> None:  # noqa: N802
        """Which methods the server answers, and the answer to a CORS preflight."""
        if self.has_body():
            self.close_connection = True
        path, _ = self._route()
        if path not in (ENDPOINT_PATH, "/", "*") and not path.startswith("/static/"):
            self._not_found()
            return
        response = Response(HTTPStatus.NO_CONTENT, b"", headers={"Allow": ALLOWED_METHODS})
        if self.headers.get("Access-Control-Request-Method"):
            response.headers.update(
                self.server.config.cors.preflight(
                    self.headers.get("Origin"), self.headers.get("Access-Control-Request-Headers")
                )
            )
        self._send(response)

    def do_POST(self) -> None:  # noqa: N802
        close_after = self.close_connection
        self.close_connection = True  # until the body is read in full
        path, params = self._route()
        if path != ENDPOINT_PATH:
            self._not_found()
            return
        try:
            body = self.read_body()
        except BodyError as exc:
            self._send(error(exc.status, str(exc)))
            return
        except TimeoutError:
            self._send(error(HTTPStatus.REQUEST_TIMEOUT, "the request body came too slowly"))
            return
        self.close_connection = close_after
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._send(error(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8"))
            return
        if content_type == "application/x-www-form-urlencoded":
            form = parse_qs(text, keep_blank_values=True)
            self._dispatch({**params, **form})
        elif content_type == "application/sparql-query":
            self._dispatch({**params, "query": [text]})
        elif content_type == "application/sparql-update":
            self._send(
                error(HTTPStatus.FORBIDDEN, "refused: this endpoint is read-only; no updates")
            )
        else:
            self._send(
                error(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    "POST application/x-www-form-urlencoded (query=...) or application/sparql-query",
                )
            )

    def _read_only(self) -> None:
        if self.has_body():
            self.close_connection = True
        response = error(HTTPStatus.METHOD_NOT_ALLOWED, "refused: this endpoint is read-only")
        response.headers["Allow"] = ALLOWED_METHODS
        self._send(response)

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
    cors: str | CorsPolicy = "*",
    fast_lane: float = DEFAULT_FAST_LANE,
) -> SparqlServer:
    """Load ``graph`` (a file, a build folder or a store) into worker processes and bind the
    endpoint (``port=0``: any free port).

    Each worker may take ``max_memory_mb`` more megabytes than it holds once the graph is
    loaded (``None``: no limit); ``limits`` bounds the connections (:class:`ConnectionLimits`);
    ``cors`` says which origins' pages may read answers (:meth:`CorsPolicy.parse`);
    ``fast_lane`` is what a query may take on the worker kept for short ones (``0``: no such
    worker; :mod:`kg.server.pool`). Call ``serve_forever()`` to answer requests and
    ``close()`` to stop.
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
    if workers < 1:
        raise InputError("--workers must be at least 1")
    if fast_lane < 0:
        raise InputError("--fast-lane must be 0 (none) or more seconds")
    policy = cors if isinstance(cors, CorsPolicy) else CorsPolicy.parse(cors)
    source, fmt, temporary = _served_file(graph, infer_regime)
    try:
        memory = max_memory_mb << 20 if max_memory_mb else None
        pool = WorkerPool(
            source, fmt, QUERY_PREFIXES, size=workers, memory_limit=memory, fast_lane=fast_lane
        )
        config = ServerConfig(
            timeout, max_results, quiet, dict(QUERY_PREFIXES), policy, infer_regime
        )
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
