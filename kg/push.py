"""Upload a graph to a SPARQL server: Graph Store Protocol, with SPARQL Update as fallback.

The graph (a graph file, a ``kg build`` output directory or a store directory) is sent as
N-Triples in batches: the first batch replaces the target graph (``PUT``), the others are
added to it (``POST``), following the SPARQL 1.1 Graph Store HTTP Protocol that Oxigraph,
Fuseki, GraphDB, Virtuoso and Neptune speak. A server without it (``404``, ``405``,
``415``, ``501``) gets ``CLEAR`` and ``INSERT DATA`` SPARQL updates instead. Failed
connections, ``429`` and ``5xx`` answers are retried with exponential backoff.
Authentication: extra headers (``Authorization: Bearer ...``) or ``~/.netrc``.
"""

from __future__ import annotations

import base64
import os
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError, KgError

__all__ = [
    "PushError",
    "Response",
    "HttpClient",
    "PushResult",
    "parse_header",
    "graph_store_url",
    "update_url",
    "iter_statements",
    "push",
    "fetch_graph",
]

_RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}
_NO_GSP_STATUS = {404, 405, 406, 415, 501}


class PushError(KgError):
    """The server refused the upload or could not be reached."""

    exit_code = 4


@dataclass(frozen=True)
class Response:
    """An HTTP answer: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes


def parse_header(text: str) -> tuple[str, str]:
    """``"Name: value"`` as ``(name, value)``; raises :class:`InputError` when malformed."""
    name, sep, value = text.partition(":")
    if not sep or not name.strip() or any(c.isspace() for c in name.strip()):
        raise InputError(f"bad header {text!r} (expected 'Name: value')")
    return name.strip(), value.strip()


class HttpClient:
    """Small HTTP client (urllib) with default headers, ``.netrc`` auth and retries."""

    def __init__(
        self,
        *,
        headers: Mapping[str, str] | None = None,
        netrc: bool = False,
        timeout: float = 60.0,
        retries: int = 4,
        backoff: float = 0.5,
    ) -> None:
        self.headers = dict(headers or {})
        self.netrc = netrc
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.requests = 0

    def _auth(self, url: str) -> dict[str, str]:
        if not self.netrc or any(k.lower() == "authorization" for k in self.headers):
            return {}
        import netrc as netrc_module

        host = urllib.parse.urlsplit(url).hostname or ""
        try:
            entry = netrc_module.netrc(os.environ.get("NETRC")).authenticators(host)
        except (FileNotFoundError, netrc_module.NetrcParseError) as exc:
            raise PushError(f"cannot read netrc: {exc}") from None
        if entry is None:
            raise PushError(f"no netrc entry for {host}")
        login, _, password = entry
        token = base64.b64encode(f"{login}:{password or ''}".encode()).decode("ascii")
        return {"Authorization": f"Basic {token}"}

    def request(
        self,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        what: str = "request",
        ok: Sequence[int] = (),
    ) -> Response:
        """Send one request, retrying transient failures; non-2xx raise :class:`PushError`
        unless listed in ``ok``."""
        all_headers = {**self.headers, **self._auth(url), **(headers or {})}
        attempt = 0
        while True:
            attempt += 1
            self.requests += 1
            request = urllib.request.Request(url, data=body, method=method, headers=all_headers)
            delay = self.backoff * 2 ** (attempt - 1)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                    return Response(
                        answer.status,
                        {k.lower(): v for k, v in answer.headers.items()},
                        answer.read(),
                    )
            except urllib.error.HTTPError as exc:
                response = Response(
                    exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()
                )
                if exc.code in ok:
                    return response
                if exc.code not in _RETRY_STATUS or attempt > self.retries:
                    detail = " ".join(response.body.decode("utf-8", "replace").split())[:200]
                    raise PushError(
                        f"{what} {method} {url}: HTTP {exc.code} {exc.reason}"
                        + (f": {detail}" if detail else "")
                    ) from None
                retry_after = response.headers.get("retry-after", "")
                if retry_after.isdigit():
                    delay = min(float(retry_after), 30.0)
            except (urllib.error.URLError, OSError) as exc:
                if attempt > self.retries:
                    reason = getattr(exc, "reason", exc)
                    raise PushError(f"{what} {method} {url}: cannot connect ({reason})") from None
            time.sleep(delay)


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


_FORMATS = {
    ".ttl": "TURTLE",
    ".turtle": "TURTLE",
    ".nt": "N_TRIPLES",
    ".nq": "N_QUADS",
    ".trig": "TRIG",
    ".jsonld": "JSON_LD",
    ".rdf": "RDF_XML",
    ".owl": "RDF_XML",
    ".xml": "RDF_XML",
}


def iter_statements(source: str | Path) -> Iterator[str]:
    """The distinct triples of a graph file, build directory or store, as N-Triples lines.

    Named graphs are merged (the union is what is uploaded).
    """
    from kg.store import ArticleStore, is_store

    path = Path(source)
    if is_store(path):
        from kg.writers import write_ntriples

        with (
            ArticleStore(path, create=False, read_only=True) as store,
            tempfile.TemporaryFile("w+", encoding="utf-8") as scratch,
        ):
            write_ntriples(store, scratch)
            scratch.seek(0)
            yield from (line for line in scratch if line.strip())
        return
    import pyoxigraph

    from kg.query import graph_file

    file = graph_file(path)
    fmt = _FORMATS.get(file.suffix.lower())
    if fmt is None:
        raise InputError(f"{file}: unsupported graph format (use {', '.join(sorted(_FORMATS))})")
    seen: set[str] = set()
    quads = fmt in ("N_QUADS", "TRIG", "JSON_LD")
    try:
        for item in pyoxigraph.parse(path=str(file), format=getattr(pyoxigraph.RdfFormat, fmt)):
            line = f"{item.subject} {item.predicate} {item.object} .\n"
            if quads:
                if line in seen:
                    continue
                seen.add(line)
            yield line
    except SyntaxError as exc:
        raise InputError(f"{file}: cannot parse: {' '.join(str(exc).split())}") from None


def push(
    source: str | Path,
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
    timeout: float = 120.0,
) -> PushResult:
    """Upload the triples of ``source`` into ``graph`` (default graph when ``None``).

    ``method``: ``"gsp"`` (Graph Store Protocol), ``"update"`` (SPARQL Update) or
    ``"auto"`` (GSP, falling back to Update when the server does not support it). The
    target graph is replaced unless ``append``.
    """
    if method not in ("auto", "gsp", "update"):
        raise InputError(f"unknown push method {method!r}")
    if batch_size < 1:
        raise InputError("batch size must be at least 1")
    client = HttpClient(headers=headers, netrc=netrc, retries=retries, timeout=timeout)
    result = PushResult(target=graph or "default graph")
    lines = iter_statements(source)
    from kg.store import iter_batches

    batches = iter_batches(lines, batch_size)
    first = next(batches, [])
    update = update_endpoint or update_url(endpoint)

    if method in ("auto", "gsp"):
        url = graph_store_url(endpoint, graph)
        verb = "POST" if append else "PUT"
        answer = client.request(
            verb,
            url,
            body="".join(first).encode("utf-8"),
            headers={"Content-Type": "application/n-triples"},
            what="upload",
            ok=tuple(_NO_GSP_STATUS) if method == "auto" else (),
        )
        if answer.status not in _NO_GSP_STATUS:
            result.method = "graph-store"
            result.triples, result.batches = len(first), 1
            for batch in batches:
                client.request(
                    "POST",
                    url,
                    body="".join(batch).encode("utf-8"),
                    headers={"Content-Type": "application/n-triples"},
                    what="upload",
                )
                result.triples += len(batch)
                result.batches += 1
            result.requests = client.requests
            return result
        result.notes.append(
            f"the server answered HTTP {answer.status} to the Graph Store Protocol; "
            "used SPARQL Update"
        )

    result.method = "sparql-update"
    target = f"GRAPH <{graph}> " if graph else ""
    if not append:
        clear = f"DROP SILENT GRAPH <{graph}>" if graph else "CLEAR DEFAULT"
        client.request(
            "POST",
            update,
            body=clear.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
            what="update",
        )
    for batch in [first, *batches] if first else []:
        data = "".join(batch)
        body = f"INSERT DATA {{ {target}{{\n{data}}} }}" if target else f"INSERT DATA {{\n{data}}}"
        client.request(
            "POST",
            update,
            body=body.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
            what="update",
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
) -> str:
    """The N-Triples of ``graph`` (default graph when ``None``) read back with a GSP GET."""
    client = HttpClient(headers=headers, netrc=netrc)
    answer = client.request(
        "GET",
        graph_store_url(endpoint, graph),
        headers={"Accept": "application/n-triples"},
        what="download",
    )
    return answer.body.decode("utf-8")
