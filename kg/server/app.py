"""A read-only SPARQL 1.1 Protocol endpoint over a built graph: stdlib HTTP, pyoxigraph workers.

Size: the worker processes, content negotiation and the HTTP handler of one
endpoint; each part is small and they share the request and reply formats.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import socket
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import InputError, KgError
from kg.io.formats import RDF_FORMATS
from kg.io.rdflib_writers import generate_ntriples
from kg.sparql import (
    QUERY_PREFIXES,
    QueryResult,
    format_csv,
    format_json,
    format_tsv,
    format_xml,
    infer,
    open_graph,
    query_form,
    syntax_error,
    uses_service,
)

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "RESULT_TYPES",
    "GRAPH_TYPES",
    "ServerConfig",
    "QueryTimeout",
    "WorkerPool",
    "SparqlServer",
    "negotiate",
    "make_server",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
MAX_BODY = 1 << 20  # bytes of a POSTed query

#: Media types for SELECT/ASK results, in the server's order of preference, with short names.
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}

# The graph formats CONSTRUCT/DESCRIBE results are served in, in order of preference.
_SERVED_GRAPH_FORMATS = ("turtle", "ntriples", "rdfxml", "jsonld")

#: Media types for CONSTRUCT/DESCRIBE results, in order of preference, with short names.
GRAPH_TYPES = {
    **{RDF_FORMATS[name].media_type: name for name in _SERVED_GRAPH_FORMATS},
    "text/plain": "ntriples",
}

# short name -> (pyoxigraph RdfFormat attribute, media type sent)
_GRAPH_OUT = {
    name: (RDF_FORMATS[name].oxigraph, RDF_FORMATS[name].media_type)
    for name in _SERVED_GRAPH_FORMATS
}
_RESULT_OUT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}


class QueryTimeout(KgError):
    """A query ran past the time limit and its worker was stopped."""


# --------------------------------------------------------------------------- worker process


def _encode_term(term) -> tuple:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return ("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language or datatype == "http://www.w3.org/2001/XMLSchema#string":
            datatype = None
        return ("literal", term.value, term.language, datatype)
    return ("literal", str(term), None, None)


def _watch_parent(parent: int) -> None:
    """End this worker when the server process is gone (even mid-query: pyoxigraph releases
    the GIL while it evaluates)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def _worker_main(conn, source: str, fmt: str, prefixes: dict[str, str]) -> None:
    """Load the graph, then answer query requests from ``conn`` until it closes."""
    import pyoxigraph as ox

    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()

    try:
        store = ox.Store()
        store.bulk_load(path=source, format=getattr(ox.RdfFormat, fmt))
        conn.send(("ready", len(store)))
    except Exception as exc:  # reported to the parent, which raises InputError
        conn.send(("error", f"{source}: cannot load graph: {exc}"))
        return
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(_answer(store, request, prefixes))
        except (BrokenPipeError, OSError):
            return


def _answer(store, request: dict, prefixes: dict[str, str]) -> tuple:
    import pyoxigraph as ox

    limit = request["max_results"]
    options: dict = {"prefixes": prefixes}
    if request.get("default_graphs"):
        options["default_graph"] = [ox.NamedNode(u) for u in request["default_graphs"]]
    else:
        options["use_default_graph_as_union"] = True
    if request.get("named_graphs"):
        options["named_graphs"] = [ox.NamedNode(u) for u in request["named_graphs"]]
    try:
        result = store.query(request["query"], **options)
        if isinstance(result, ox.QueryBoolean):
            return ("ask", bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows, truncated = [], False
            for solution in result:
                if len(rows) >= limit:
                    truncated = True
                    break
                rows.append(
                    tuple(
                        None if solution[i] is None else _encode_term(solution[i])
                        for i in range(len(variables))
                    )
                )
            return ("select", variables, rows, truncated)
        triples, truncated = [], False
        for triple in result:
            if len(triples) >= limit:
                truncated = True
                break
            triples.append(triple)
        fmt = getattr(ox.RdfFormat, _GRAPH_OUT[request["graph_format"]][0])
        # ``id:`` names would need escaped slashes (id:city\/500000): write those IRIs in full
        readable = {p: ns for p, ns in prefixes.items() if p != "id"}
        return ("graph", ox.serialize(triples, format=fmt, prefixes=readable), truncated)
    except SyntaxError as exc:
        return ("syntax", str(exc))
    except Exception as exc:
        return ("error", f"{type(exc).__name__}: {exc}")


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: object


class WorkerPool:
    """Worker processes holding the graph; a query gets one, and a timed-out one is replaced.

    Each worker holds the graph in a ``pyoxigraph.Store``. A query past the time limit is
    stopped by ending its worker process (a replacement starts at once), so a runaway query
    cannot hold the server; updates, ``LOAD`` and ``SERVICE`` are refused before a worker
    sees the query (:meth:`SparqlServer.answer`).
    """

    def __init__(
        self,
        source: Path,
        fmt: str,
        prefixes: dict[str, str],
        *,
        size: int = 2,
        load_timeout: float = 600.0,
    ) -> None:
        self._ctx = multiprocessing.get_context("spawn")
        self._args = (str(source), fmt, dict(prefixes))
        self._load_timeout = load_timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._closed = False
        self.triples = 0
        first = self._start()
        self._idle.put(first)
        for _ in range(max(1, size) - 1):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_worker_main, args=(child, *self._args), name="kg-sparql-worker", daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.add(worker)
        if not parent.poll(self._load_timeout):
            self._stop(worker)
            raise InputError(f"{self._args[0]}: loading the graph took too long")
        try:
            status, value = parent.recv()
        except EOFError:
            self._stop(worker)
            raise InputError(f"{self._args[0]}: the query worker died loading the graph") from None
        if status != "ready":
            self._stop(worker)
            raise InputError(value)
        self.triples = value
        return worker

    def _stop(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

    def _replace(self, worker: _Worker) -> None:
        self._stop(worker)

        def start() -> None:
            if self._closed:
                return
            try:
                self._idle.put(self._start())
            except KgError as exc:  # pragma: no cover - the graph loaded before
                print(f"kg serve: cannot restart a query worker: {exc}", file=sys.stderr)

        threading.Thread(target=start, name="kg-sparql-restart", daemon=True).start()

    def run(self, request: dict, timeout: float) -> tuple:
        """Send ``request`` to an idle worker; raise :class:`QueryTimeout` past ``timeout`` s."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"no query worker became free within {timeout:g} s (server busy)"
            ) from None
        try:
            worker.conn.send(request)
            if worker.conn.poll(timeout):
                reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            self._replace(worker)
            return ("error", "the query worker stopped unexpectedly")
        self._replace(worker)
        raise QueryTimeout(f"query stopped: it ran past the time limit of {timeout:g} s")

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
        for worker in workers:
            self._stop(worker)


# --------------------------------------------------------------------------- negotiation


def _parse_accept(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    return ranges


def _quality(media: str, ranges: list[tuple[str, float]]) -> float:
    best, specificity = 0.0, -1
    kind = media.split("/")[0]
    for rng, q in ranges:
        if rng == media:
            s = 2
        elif rng == f"{kind}/*":
            s = 1
        elif rng == "*/*":
            s = 0
        else:
            continue
        if s > specificity:
            best, specificity = q, s
    return best


def negotiate(accept: str | None, kind: str, fmt: str | None = None) -> str | None:
    """The short format name to answer with: from ``format=`` if given, else the Accept header.

    ``kind`` is ``results`` (SELECT, ASK) or ``graph`` (CONSTRUCT, DESCRIBE). ``None`` when
    nothing acceptable is offered.
    """
    offered = RESULT_TYPES if kind == "results" else GRAPH_TYPES
    if fmt:
        fmt = fmt.strip().lower()
        if fmt in offered:
            return offered[fmt]
        names = set(offered.values())
        return fmt if fmt in names else None
    ranges = _parse_accept(accept or "*/*") or [("*/*", 1.0)]
    scored = [
        (_quality(media, ranges), -i, name) for i, (media, name) in enumerate(offered.items())
    ]
    q, _, name = max(scored)
    return name if q > 0 else None


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


def _decode_row(row: tuple) -> tuple:
    from rdflib import BNode, Literal, URIRef

    out = []
    for term in row:
        if term is None:
            out.append(None)
        elif term[0] == "uri":
            out.append(URIRef(term[1]))
        elif term[0] == "bnode":
            out.append(BNode(term[1]))
        else:
            _, value, lang, datatype = term
            out.append(
                Literal(value, lang=lang or None, datatype=URIRef(datatype) if datatype else None)
            )
    return tuple(out)


def _results_body(reply: tuple, fmt: str) -> tuple[bytes, bool]:
    if reply[0] == "ask":
        result = QueryResult("ASK", boolean=reply[1])
    else:
        _, variables, rows, truncated = reply
        result = QueryResult(
            "SELECT", variables=variables, rows=[_decode_row(r) for r in rows], truncated=truncated
        )
    render = {"json": format_json, "xml": format_xml, "csv": format_csv, "tsv": format_tsv}[fmt]
    return render(result).encode("utf-8"), result.truncated


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: one thread per request, queries run by a :class:`WorkerPool`."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], pool: WorkerPool, config: ServerConfig) -> None:
        self.pool = pool
        self.config = config
        self.cleanup: list[Path] = []  # temporary files to remove on close
        self._serving = threading.Event()
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)

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
        if uses_service(text):
            return _error(
                HTTPStatus.FORBIDDEN,
                "refused: SERVICE (federated query) is not allowed; "
                "this endpoint only queries its own graph",
            )
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
        except QueryTimeout as exc:
            return _error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        status = reply[0]
        if status == "syntax":
            message = syntax_error(text) or f"SPARQL syntax error: {reply[1]}"
            return _error(HTTPStatus.BAD_REQUEST, message)
        if status == "error":
            return _error(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {reply[1]}")
        if status == "graph":
            if kind != "graph":  # the form was not recognised up front; honour the default
                fmt = "turtle"
            body, truncated = reply[1], reply[2]
            content_type = _GRAPH_OUT[fmt][1]
            if content_type.startswith("text/"):
                content_type += "; charset=utf-8"
        else:
            if kind != "results":
                fmt = "json"
            body, truncated = _results_body(reply, fmt)
            content_type = _RESULT_OUT[fmt]
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


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql/0.1"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if not self.server.config.quiet:
            super().log_message(format, *args)

    def _send(self, response: _Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Vary", "Accept")
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
        routed = self._route()
        if routed is not None:
            self._dispatch(routed[1])

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_POST(self) -> None:  # noqa: N802
        routed = self._route()
        if routed is None:
            return
        params = routed[1]
        length = self.headers.get("Content-Length")
        if length is None:
            self.close_connection = True
            self._send(_error(HTTPStatus.LENGTH_REQUIRED, "Content-Length required"))
            return
        try:
            size = int(length)
        except ValueError:
            self._send(_error(HTTPStatus.BAD_REQUEST, "bad Content-Length"))
            return
        if size > MAX_BODY:
            self.close_connection = True
            self._send(_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"body over {MAX_BODY} bytes"))
            return
        body = self.rfile.read(size)
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
        self._send(_error(HTTPStatus.METHOD_NOT_ALLOWED, "refused: this endpoint is read-only"))

    do_PUT = do_DELETE = do_PATCH = _read_only  # noqa: N815


# --------------------------------------------------------------------------- entry point


def _prepare_source(graph: str | Path, infer_regime: str | None) -> tuple[Path, str, Path | None]:
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
) -> SparqlServer:
    """Load ``graph`` into worker processes and bind the endpoint (``port=0``: any free port).

    Call ``serve_forever()`` to answer requests and ``close()`` to stop.
    """
    if timeout <= 0:
        raise InputError("--timeout must be positive")
    if max_results < 1:
        raise InputError("--max-results must be at least 1")
    source, fmt, temporary = _prepare_source(graph, infer_regime)
    try:
        pool = WorkerPool(source, fmt, QUERY_PREFIXES, size=workers)
        config = ServerConfig(timeout, max_results, quiet, dict(QUERY_PREFIXES))
        try:
            server = SparqlServer((host, port), pool, config)
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
