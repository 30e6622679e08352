"""The endpoint's query workers: processes that each load the graph into Oxigraph and
answer queries sent over a pipe, so a query past its time or memory limit can be stopped by
ending its process (the pool that does so is :mod:`kg.server.pool`). Terms cross the pipe
as plain tuples (:func:`encode_term`, :func:`decode_row`).

Queries are read as sent: no prefix is predeclared, so a query that runs here runs on any
other SPARQL endpoint (the query page writes the ``PREFIX`` lines into the query).

A worker is sealed once its graph is loaded (:func:`_seal`): it cannot open a file
descriptor, so no query can open a connection (Oxigraph would follow ``SERVICE``), and its
address space is capped, so a runaway query ends its own worker, not the machine.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import threading
import time

from rdflib import BNode, Literal, URIRef

from kg.errors import KgError, QueryError
from kg.server.negotiation import GRAPH_OUT
from kg.sparql import read_query

__all__ = [
    "QueryTimeout",
    "QueryStopped",
    "SERVICE_REFUSED",
    "MAX_LISTED_GRAPHS",
    "worker_main",
    "encode_term",
    "decode_row",
]

#: How many named graphs a worker reports by name (the service description lists them).
MAX_LISTED_GRAPHS = 1000

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


def worker_main(
    conn, graph_file: str, fmt: str, prefixes: dict[str, str], memory_limit: int | None
) -> None:
    """Load the graph, seal the process, then answer query requests until ``conn`` closes.

    ``prefixes`` only shorten the IRIs of graphs the worker writes (CONSTRUCT, DESCRIBE in
    Turtle); queries are read without them. Once loaded, the worker sends ``("ready",
    statements, named graph count, the first named graphs by name)``.
    """
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
        graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
        _seal(memory_limit)
        conn.send(("ready", len(store), len(graphs), graphs[:MAX_LISTED_GRAPHS]))
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


_ERROR_AT = re.compile(r"error at (\d+):(\d+)")
_PREFIXED_NAME_END = re.compile(r"(?<![\w.\-])((?:[^\W\d_][\w.\-]*)?):\S*$")


def _syntax_message(query: str, message: str) -> str:
    """Oxigraph's syntax error in one line; a prefix the query did not declare named as such
    (Oxigraph points just past the prefixed name).

    >>> _syntax_message("ASK { ?s a cy:Agency }", "error at 1:21: expected one of Prefix not found")
    'SPARQL error at line 1, column 12: unknown prefix cy: (declare it with PREFIX cy: <...>)'
    """
    at = _ERROR_AT.search(message)
    if at and "Prefix not found" in message:
        line, column = int(at[1]), int(at[2])
        lines = query.splitlines()
        hit = (
            _PREFIXED_NAME_END.search(lines[line - 1][: column - 1]) if line <= len(lines) else None
        )
        if hit:
            prefix = hit[1]
            return (
                f"SPARQL error at line {line}, column {hit.start(1) + 1}: unknown prefix "
                f"{prefix}: (declare it with PREFIX {prefix}: <...>)"
            )
    return _one_line(message)


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
        reading = read_query(request["query"], prefixes={})
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
        options = _dataset(request, reading)
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
        return ("syntax", _syntax_message(request["query"], str(exc)))
    except MemoryError:
        return ("memory",)
    except OSError as exc:
        if exc.errno == 24 or "os error 24" in str(exc):  # the seal: Oxigraph read a SERVICE
            return ("refused", SERVICE_REFUSED)
        return ("error", _one_line(f"{type(exc).__name__}: {exc}"))
    except Exception as exc:
        return ("error", _one_line(f"{type(exc).__name__}: {exc}"))


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
