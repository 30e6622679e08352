"""Upload a graph to a SPARQL server: Graph Store Protocol, with SPARQL Update as fallback.

The graph (any GRAPH :func:`kg.sparql.open_graph` opens) is sent as N-Triples in batches: the first batch replaces the target graph (``PUT``), the others are
added to it (``POST``), following the SPARQL 1.1 Graph Store HTTP Protocol that Oxigraph,
Fuseki, GraphDB, Virtuoso and Neptune speak. A server without it (``404``, ``405``,
``415``, ``501``) gets ``CLEAR`` and ``INSERT DATA`` SPARQL updates instead. Failed
connections, timeouts, ``429`` and ``5xx`` answers are retried with exponential backoff.
Authentication: extra headers (``Authorization: Bearer ...``) or ``~/.netrc``.

Only ``http(s)://`` endpoints are accepted and the target graph must be an absolute IRI
(read by Oxigraph, :func:`kg.sparql.terms.parse_iri`), both checked before anything is
read or sent. Each request must be answered within ``request_timeout`` seconds and the
whole push be done within ``timeout``.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.errors import InputError
from kg.sparql.graphs import open_graph
from kg.sparql.http import HttpClient, PushError, Response, check_http_url, parse_header
from kg.sparql.terms import ntriples_term, parse_iri
from kg.store import iter_batches

__all__ = [
    "PushError",
    "Response",
    "HttpClient",
    "PushResult",
    "parse_header",
    "graph_store_url",
    "update_url",
    "push",
    "fetch_graph",
    "PUSH_TIMEOUT",
    "REQUEST_TIMEOUT",
]

_NO_GSP_STATUS = {404, 405, 406, 415, 501}

#: Seconds the whole push may take, and each of its requests, by default.
PUSH_TIMEOUT = 3600.0
REQUEST_TIMEOUT = 120.0


@dataclass
class PushResult:
    """What was uploaded, how, and in how many requests."""

    triples: int = 0
    batches: int = 0
    method: str = ""
    requests: int = 0
    target: str = ""
    notes: list[str] = field(default_factory=list)


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of ``graph`` (``None``: the default graph)."""
    sep = "&" if "?" in endpoint else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"


def update_url(endpoint: str) -> str:
    """The SPARQL Update URL beside a Graph Store endpoint (``/store`` or ``/data`` ->
    ``/update``; otherwise the endpoint itself)."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    for suffix in ("/store", "/data", "/rdf-graphs/service", "/statements"):
        if path.endswith(suffix):
            path = path[: -len(suffix)] + "/update"
            return urllib.parse.urlunsplit(parts._replace(path=path, query=""))
    return endpoint


def _upload(
    client: HttpClient, verb: str, url: str, lines: list[str], ok: tuple[int, ...] = ()
) -> Response:
    """Send N-Triples lines with the Graph Store Protocol."""
    body = "".join(lines).encode("utf-8")
    headers = {"Content-Type": "application/n-triples"}
    return client.request(verb, url, body=body, headers=headers, what="upload", ok=ok)


def _update(client: HttpClient, url: str, text: str) -> Response:
    """Send one SPARQL Update request."""
    headers = {"Content-Type": "application/sparql-update"}
    return client.request("POST", url, body=text.encode("utf-8"), headers=headers, what="update")


def _ntriples_lines(data: str | Path, timeout: float) -> Iterator[str]:
    with open_graph(data, timeout=timeout) as opened:
        yield from opened.ntriples_lines()


def _graph_iri(graph: str | None) -> str | None:
    if graph is None:
        return None
    try:
        return parse_iri(graph)
    except ValueError as exc:
        raise InputError(f"graph {graph!r}: {exc}") from None


def push(
    data: str | Path,
    endpoint: str,
    *,
    graph: str | None = None,
    headers: Mapping[str, str] | None = None,
    netrc: bool = False,
    method: str = "auto",
    update_endpoint: str | None = None,
    batch_size: int = 50_000,
    append: bool = False,
    retries: int = 4,
    timeout: float = PUSH_TIMEOUT,
    request_timeout: float = REQUEST_TIMEOUT,
) -> PushResult:
    """Upload the triples of ``data`` (a GRAPH, see :func:`kg.sparql.open_graph`) into
    ``graph`` (an absolute IRI; the default graph when ``None``).

    ``method``: ``"gsp"`` (Graph Store Protocol), ``"update"`` (SPARQL Update) or
    ``"auto"`` (GSP, falling back to Update when the server does not support it). The
    target graph is replaced unless ``append``. Each request must be answered within
    ``request_timeout`` seconds and the whole push be done within ``timeout``, or it
    stops with :class:`PushError`. A bad endpoint (not ``http(s)://``), graph IRI or
    option raises :class:`~kg.errors.InputError` before anything is read or sent.
    """
    if method not in ("auto", "gsp", "update"):
        raise InputError(f"unknown push method {method!r}")
    if batch_size < 1:
        raise InputError("batch size must be at least 1")
    if not (timeout > 0 and request_timeout > 0):
        raise InputError("timeouts must be more than 0 seconds")
    check_http_url(endpoint, "endpoint")
    update = check_http_url(update_endpoint or update_url(endpoint), "update endpoint")
    graph = _graph_iri(graph)
    client = HttpClient(
        headers=headers,
        netrc=netrc,
        retries=retries,
        timeout=request_timeout,
        deadline=timeout,
    )
    result = PushResult(target=graph or "default graph")
    lines = _ntriples_lines(data, min(timeout, request_timeout))
    batches = iter_batches(lines, batch_size)
    first = next(batches, [])

    if method in ("auto", "gsp"):
        url = graph_store_url(endpoint, graph)
        verb = "POST" if append else "PUT"
        ok = tuple(_NO_GSP_STATUS) if method == "auto" else ()
        answer = _upload(client, verb, url, first, ok=ok)
        if answer.status not in _NO_GSP_STATUS:
            result.method = "graph-store"
            result.triples, result.batches = len(first), 1
            for batch in batches:
                _upload(client, "POST", url, batch)
                result.triples += len(batch)
                result.batches += 1
            result.requests = client.requests
            return result
        result.notes.append(
            f"the server answered HTTP {answer.status} to the Graph Store Protocol; "
            "used SPARQL Update"
        )

    result.method = "sparql-update"
    name = ntriples_term(URIRef(graph)) if graph else ""  # <iri>, as Oxigraph writes it
    target = f"GRAPH {name} " if graph else ""
    if not append:
        _update(client, update, f"DROP SILENT GRAPH {name}" if graph else "CLEAR DEFAULT")
    for batch in [first, *batches] if first else []:
        text = "".join(batch)
        _update(
            client,
            update,
            f"INSERT DATA {{ {target}{{\n{text}}} }}" if target else f"INSERT DATA {{\n{text}}}",
        )
        result.triples += len(batch)
        result.batches += 1
    result.requests = client.requests
    return result


def fetch_graph(
    endpoint: str,
    graph: str | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    netrc: bool = False,
    timeout: float = REQUEST_TIMEOUT,
) -> str:
    """The N-Triples of ``graph`` (default graph when ``None``) read back with a GSP GET."""
    client = HttpClient(headers=headers, netrc=netrc, timeout=timeout)
    answer = client.request(
        "GET",
        graph_store_url(endpoint, graph),
        headers={"Accept": "application/n-triples"},
        what="download",
    )
    return answer.body.decode("utf-8")
