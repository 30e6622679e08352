"""The endpoint's query workers: processes that each load the graph into Oxigraph and
answer queries sent over a pipe, so a query past its time limit can be stopped by ending
its process. Terms cross the pipe as plain tuples (:func:`encode_term`, :func:`decode_row`).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Literal, URIRef

from kg.errors import InputError, KgError
from kg.server.negotiation import GRAPH_OUT

__all__ = ["QueryTimeout", "WorkerPool", "encode_term", "decode_row"]


class QueryTimeout(KgError):
    """A query ran past the time limit and its worker was stopped."""


def encode_term(term) -> tuple:
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


def _worker_main(conn, graph_file: str, fmt: str, prefixes: dict[str, str]) -> None:
    """Load the graph, then answer query requests from ``conn`` until it closes."""
    import pyoxigraph as ox

    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()

    try:
        store = ox.Store()
        store.bulk_load(path=graph_file, format=getattr(ox.RdfFormat, fmt))
        conn.send(("ready", len(store)))
    except Exception as exc:  # reported to the parent, which raises InputError
        conn.send(("error", f"{graph_file}: cannot load graph: {exc}"))
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
                        None if solution[i] is None else encode_term(solution[i])
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
        fmt = getattr(ox.RdfFormat, GRAPH_OUT[request["graph_format"]][0])
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
        graph_file: Path,
        fmt: str,
        prefixes: dict[str, str],
        *,
        size: int = 2,
        load_timeout: float = 600.0,
    ) -> None:
        self._ctx = multiprocessing.get_context("spawn")
        self._args = (str(graph_file), fmt, dict(prefixes))
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


def decode_row(row: tuple) -> tuple:
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
