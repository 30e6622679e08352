"""The endpoint's query workers: processes that each load the graph into Oxigraph and
answer queries sent over a pipe, so a query past its time or memory limit can be stopped by
ending its process. Terms cross the pipe as plain tuples (:func:`encode_term`, :func:`decode_row`).

A worker is sealed once its graph is loaded (:func:`_seal`): it cannot open a file
descriptor, so no query can open a connection (Oxigraph would follow ``SERVICE``), and its
address space is capped, so a runaway query ends its own worker, not the machine.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import resource
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Literal, URIRef

from kg.errors import InputError, KgError, QueryError
from kg.server.negotiation import GRAPH_OUT
from kg.sparql import read_query

__all__ = ["QueryTimeout", "QueryStopped", "WorkerPool", "encode_term", "decode_row"]

#: What a query that asks for another endpoint is told.
SERVICE_REFUSED = (
    "refused: SERVICE (federated query) is not allowed; this endpoint only queries its own graph"
)


class QueryStopped(KgError):
    """A query was stopped (time or memory limit) and its worker replaced: the server is fine."""


class QueryTimeout(QueryStopped):
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


# Queries run once before a worker is sealed, so that every module a query needs is
# imported while files can still be opened.
_WARM_UP = (
    """SELECT ?s (COUNT(*) AS ?n) (GROUP_CONCAT(STR(?o)) AS ?g) (SAMPLE(?o) AS ?x)
    WHERE { ?s ?p ?o ; <urn:kg:p>/<urn:kg:q>* ?y . OPTIONAL { ?s ?p ?o }
      { ?a ?b ?c } UNION { ?d ?e ?f } MINUS { ?s ?p 1 } GRAPH ?g2 { ?s ?p ?o }
      FILTER (REGEX(STR(?o), "a", "i") && EXISTS { ?s ?p ?o } && LANG(?o) = "zh"
              && ?o > 1.5e0 && CONTAINS(LCASE(?o), "x") && !ISBLANK(?s))
      BIND (CONCAT(STR(NOW()), STRLEN("x"), RAND(), MD5("x")) AS ?t)
      VALUES ?v { 1 "a"@zh <urn:kg:v> UNDEF } { SELECT ?s WHERE { ?s a ?k } LIMIT 1 } }
    GROUP BY ?s HAVING (COUNT(*) > 1) ORDER BY DESC(?n) ?s LIMIT 1 OFFSET 1""",
    "CONSTRUCT { ?s <urn:kg:p> ?o } FROM <urn:kg:g> FROM NAMED <urn:kg:h> WHERE { ?s ?p ?o }",
    "DESCRIBE <urn:kg:s>",
    "ASK { ?s ?p ?o }",
)


def _open_fds() -> list[int]:
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            return [int(name) for name in os.listdir(folder)]
        except OSError:
            continue
    return list(range(3))


def _memory_in_use() -> int:
    """Bytes of address space this process holds (``VmSize``), 0 when it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _seal(memory_limit: int | None) -> None:
    """Allow no new file descriptor (so no socket), and at most ``memory_limit`` more bytes.

    Every descriptor number below the new limit is taken (gaps are filled with
    ``/dev/null``), so ``socket()``, ``open()`` and Oxigraph's HTTP client all fail with
    EMFILE; the hard limits are lowered, so nothing in the process can raise them again.
    """
    if memory_limit:
        in_use = _memory_in_use()
        if in_use:
            cap = in_use + memory_limit
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    null = os.open(os.devnull, os.O_RDONLY)
    top = max([*_open_fds(), null])
    for fd in range(top + 1):
        try:
            os.fstat(fd)
        except OSError:
            os.dup2(null, fd)
    resource.setrlimit(resource.RLIMIT_NOFILE, (top + 1, top + 1))


def _worker_main(
    conn, graph_file: str, fmt: str, prefixes: dict[str, str], memory_limit: int | None
) -> None:
    """Load the graph, seal the process, then answer query requests until ``conn`` closes."""
    import pyoxigraph as ox

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    os.environ["RUST_BACKTRACE"] = "0"  # past the memory limit: one line, not a backtrace
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()

    try:
        store = ox.Store()
        store.bulk_load(path=graph_file, format=getattr(ox.RdfFormat, fmt))
        for text in _WARM_UP:
            _answer(store, {"query": text, "max_results": 1, "graph_format": "turtle"}, prefixes)
        _answer(store, {"query": "SELECT {", "max_results": 1}, prefixes)
        _seal(memory_limit)
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


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _dataset(request: dict, reading) -> dict:
    """The dataset options of ``Store.query``: the protocol's ``default-graph-uri`` and
    ``named-graph-uri`` if given (they override the query's, as the Protocol says), else the
    query's ``FROM`` and ``FROM NAMED`` as read, else the union of all graphs."""
    import pyoxigraph as ox

    default, named = request.get("default_graphs") or [], request.get("named_graphs") or []
    if not (default or named) and reading.has_dataset:
        default, named = reading.from_graphs, reading.from_named
    elif not (default or named):
        return {"use_default_graph_as_union": True}
    return {
        "default_graph": [ox.NamedNode(iri) for iri in default],
        "named_graphs": [ox.NamedNode(iri) for iri in named],
    }


def _answer(store, request: dict, prefixes: dict[str, str]) -> tuple:
    """One reply for one request; never raises (a worker outlives every query it is sent)."""
    import pyoxigraph as ox

    limit = request["max_results"]
    try:
        reading = read_query(request["query"])
    except QueryError as exc:
        return ("syntax", str(exc))
    except RecursionError:
        return ("syntax", "SPARQL syntax error: the query is nested too deeply")
    except MemoryError:
        return ("memory",)
    except Exception as exc:
        return ("error", _one_line(f"{type(exc).__name__}: {exc}"))
    if reading.service:
        return ("refused", SERVICE_REFUSED)
    try:
        options = {"prefixes": prefixes, **_dataset(request, reading)}
    except (ValueError, TypeError) as exc:
        return ("syntax", _one_line(f"a graph of the dataset is not an absolute IRI: {exc}"))
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
        return ("syntax", _one_line(str(exc)))
    except MemoryError:
        return ("memory",)
    except OSError as exc:
        if exc.errno == 24 or "os error 24" in str(exc):  # the seal: Oxigraph read a SERVICE
            return ("refused", SERVICE_REFUSED)
        return ("error", _one_line(f"{type(exc).__name__}: {exc}"))
    except Exception as exc:
        return ("error", _one_line(f"{type(exc).__name__}: {exc}"))


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: object


class WorkerPool:
    """Worker processes holding the graph; a query gets one, and a timed-out one is replaced.

    Each worker holds the graph in a ``pyoxigraph.Store``. A query past the time limit is
    stopped by ending its worker process, and one past ``memory_limit`` bytes (beyond what
    the loaded worker holds) ends its own; a replacement starts at once, so a runaway query
    cannot hold the server. A worker reads each query with rdflib's parser and refuses
    ``SERVICE``; sealed, it could not open a connection anyway (:func:`_seal`).
    """

    def __init__(
        self,
        graph_file: Path,
        fmt: str,
        prefixes: dict[str, str],
        *,
        size: int = 2,
        load_timeout: float = 600.0,
        memory_limit: int | None = None,
    ) -> None:
        self._ctx = multiprocessing.get_context("spawn")
        self._args = (str(graph_file), fmt, dict(prefixes), memory_limit)
        self.memory_limit = memory_limit
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

    def _replace(self, worker: _Worker) -> int | None:
        """Stop ``worker`` and start another in the background; the stopped one's exit code."""
        self._stop(worker)
        code = worker.process.exitcode

        def start() -> None:
            if self._closed:
                return
            try:
                self._idle.put(self._start())
            except KgError as exc:  # pragma: no cover - the graph loaded before
                print(f"kg serve: cannot restart a query worker: {exc}", file=sys.stderr)

        threading.Thread(target=start, name="kg-sparql-restart", daemon=True).start()
        return code

    def run(self, request: dict, timeout: float) -> tuple:
        """Send ``request`` to an idle worker; raise :class:`QueryTimeout` past ``timeout`` s
        and :class:`QueryStopped` when the worker ends (past its memory limit)."""
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
                if reply[0] == "memory":  # a Python MemoryError: start afresh all the same
                    self._replace(worker)
                    raise QueryStopped(self._memory_message())
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            worker.process.join(2)  # let it finish dying, to read how it ended
            code = self._replace(worker)
            if code in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV):
                raise QueryStopped(self._memory_message()) from None
            raise QueryStopped(f"query stopped: its worker ended (exit code {code})") from None
        self._replace(worker)
        raise QueryTimeout(f"query stopped: it ran past the time limit of {timeout:g} s")

    def _memory_message(self) -> str:
        limit = f" of {self.memory_limit >> 20} MB" if self.memory_limit else ""
        return f"query stopped: it needed more than the memory limit{limit} of a query worker"

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
