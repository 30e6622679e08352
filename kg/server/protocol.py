"""The SPARQL 1.1 Protocol's operations, apart from HTTP: one query checked, run on the
workers and rendered in the negotiated format; the service description.

Each returns a :class:`Response` the request handler of :mod:`kg.server.app` sends as is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from http import HTTPStatus

from kg.server.cors import CorsPolicy
from kg.server.description import ServiceFacts, describe_service
from kg.server.negotiation import (
    FORMAT_PARAMETERS,
    GRAPH_OUT,
    GRAPH_TYPES,
    RESULT_OUT,
    RESULT_TYPES,
    negotiate,
)
from kg.server.pool import WorkerPool
from kg.server.workers import QueryStopped, decode_row
from kg.sparql import (
    QueryResult,
    format_csv,
    format_json,
    format_tsv,
    format_xml,
    parse_iri,
    query_form,
)

__all__ = ["ServerConfig", "Response", "error", "graph_type", "answer", "describe"]


@dataclass
class ServerConfig:
    """Limits and behaviour of the endpoint."""

    timeout: float = 10.0
    max_results: int = 10000
    quiet: bool = False
    #: Written into new queries by the query page (the endpoint itself predeclares none).
    prefixes: dict[str, str] = field(default_factory=dict)
    cors: CorsPolicy = field(default_factory=CorsPolicy)
    #: The inference regime of the graph served (``--infer``), for the service description.
    regime: str | None = None


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def error(status: int, message: str) -> Response:
    return Response(status, (message.rstrip() + "\n").encode("utf-8"))


def graph_type(fmt: str) -> str:
    content_type = GRAPH_OUT[fmt][1]
    return content_type + "; charset=utf-8" if content_type.startswith("text/") else content_type


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


def _dataset_error(params: dict[str, list[str]]) -> Response | None:
    """400 for a ``default-graph-uri`` or ``named-graph-uri`` that is not an absolute IRI."""
    for name in ("default-graph-uri", "named-graph-uri"):
        for value in params.get(name, []):
            try:
                parse_iri(value)
            except ValueError as exc:
                return error(HTTPStatus.BAD_REQUEST, f"{name} {value[:80]!r}: {exc}")
    return None


def describe(
    endpoint: str, facts: ServiceFacts, params: dict[str, list[str]], accept: str | None
) -> Response:
    """The service description of the endpoint at ``endpoint``, in the format asked for."""
    formats = [v for name in FORMAT_PARAMETERS for v in params.get(name, [])]
    fmt = negotiate(accept, "graph", formats)
    if fmt is None:
        offered = ", ".join(GRAPH_TYPES)
        return error(
            HTTPStatus.NOT_ACCEPTABLE,
            f"not acceptable; the service description is offered as {offered}",
        )
    body = describe_service(endpoint, facts, fmt)
    return Response(HTTPStatus.OK, body, graph_type(fmt))


def answer(
    pool: WorkerPool,
    config: ServerConfig,
    text: str,
    params: dict[str, list[str]],
    accept: str | None,
) -> Response:
    """Check, run and render one query (the protocol's ``query`` operation)."""
    form = query_form(text)
    if form == "UPDATE":
        word = text.strip().split(None, 1)[0].upper() if text.strip() else ""
        what = "LOAD" if "LOAD" in word else "SPARQL updates (INSERT, DELETE, LOAD, ...)"
        return error(
            HTTPStatus.FORBIDDEN, f"refused: this endpoint is read-only; {what} not allowed"
        )
    refused = _dataset_error(params)
    if refused is not None:
        return refused
    kind = "graph" if form in ("CONSTRUCT", "DESCRIBE") else "results"
    formats = [v for name in FORMAT_PARAMETERS for v in params.get(name, [])]
    fmt = negotiate(accept, kind, formats)
    if fmt is None:
        offered = ", ".join(RESULT_TYPES if kind == "results" else GRAPH_TYPES)
        return error(HTTPStatus.NOT_ACCEPTABLE, f"not acceptable; this query offers {offered}")
    request = {
        "query": text,
        "max_results": config.max_results,
        "default_graphs": params.get("default-graph-uri", []),
        "named_graphs": params.get("named-graph-uri", []),
        "graph_format": fmt if kind == "graph" else "turtle",
    }
    try:
        reply = pool.run(request, config.timeout)
    except QueryStopped as exc:
        return error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
    status = reply[0]
    if status == "syntax":
        message = reply[1] if reply[1].startswith("SPARQL") else f"SPARQL error: {reply[1]}"
        return error(HTTPStatus.BAD_REQUEST, message)
    if status == "refused":
        return error(HTTPStatus.FORBIDDEN, reply[1])
    if status == "error":
        return error(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {reply[1]}")
    if status == "graph":
        if kind != "graph":  # the form was not recognised up front; honour the default
            fmt = "turtle"
        body, truncated = reply[1], reply[2]
        content_type = graph_type(fmt)
    else:
        if kind != "results":
            fmt = "json"
        body, truncated = _results_body(reply, fmt)
        content_type = RESULT_OUT[fmt]
    headers = {}
    if truncated:
        headers["X-Result-Truncated"] = f"true; limit={config.max_results}"
    return Response(HTTPStatus.OK, body, content_type, headers)
