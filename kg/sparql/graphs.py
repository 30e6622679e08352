"""``open_graph``: what every command's GRAPH argument means, opened for reading.

GRAPH is one of

- an ``http://`` or ``https://`` URL: a SPARQL 1.1 Protocol endpoint (:class:`EndpointGraph`);
- a directory holding ``kg-store.json``: a store of ``kg build --store`` (:class:`StoreGraph`);
- a graph file in any format of :mod:`kg.io.formats`, or a ``kg build`` output directory
  (:class:`FileGraph`).

Each opened graph runs SPARQL (``query``), hands its triples to rdflib (``to_data``,
``to_graph``), streams them as N-Triples lines (``ntriples_lines``) and names a file
Oxigraph can load (``as_file``), so ``kg query``, ``push``, ``serve``, ``analyze``,
``viz``, ``export``, ``sample`` and ``eval`` accept the same GRAPH.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from kg.errors import InputError
from kg.io.formats import RDF_FORMATS, RdfFormat, by_suffix
from kg.io.graph_files import graph_file, iter_statements, load_data, load_graph, union_graph
from kg.io.streaming import write_nquads, write_ntriples
from kg.model.triples import bind_prefixes
from kg.sparql.engine import rdflib_bindings, rdflib_union, run_oxigraph, run_query
from kg.sparql.http import HttpClient
from kg.sparql.result import QueryResult, result_from_json
from kg.sparql.text import inject_bindings, prefix_block, query_form
from kg.store import ArticleStore, is_store

__all__ = [
    "query_store",
    "OpenGraph",
    "StoreGraph",
    "FileGraph",
    "EndpointGraph",
    "open_graph",
    "is_endpoint",
]

_ALL_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


class OpenGraph:
    """A graph opened for reading. Use it as a context manager, or call :meth:`close`."""

    #: ``"store"``, ``"file"`` or ``"endpoint"``.
    kind = ""
    #: Where it is (path or URL), for messages.
    location = ""

    def query(
        self,
        text: str,
        *,
        bindings: Mapping[str, Any] | None = None,
        limit: int | None = None,
    ) -> QueryResult:
        """Run a read-only SPARQL query over every triple (named graphs' union included)."""
        raise NotImplementedError

    def to_data(self) -> Graph | Dataset:
        """The triples as rdflib data: a dataset when the graph has named graphs."""
        raise NotImplementedError

    def to_graph(self) -> Graph:
        """All triples in one rdflib graph."""
        return union_graph(self.to_data())

    def ntriples_lines(self) -> Iterator[str]:
        """The distinct triples as N-Triples lines (``s p o .`` and a newline)."""
        for line in sorted(set(self.to_graph().serialize(format="nt").splitlines(True))):
            if line.strip():
                yield line

    def as_file(self) -> tuple[Path, RdfFormat, bool]:
        """A file holding the triples, its format, and whether it is temporary (the caller
        removes it)."""
        fd, name = tempfile.mkstemp(prefix="kg-graph-", suffix=".nt")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.writelines(self.ntriples_lines())
        return Path(name), RDF_FORMATS["ntriples"], True

    def close(self) -> None:
        """Release what the graph holds open."""

    def __enter__(self) -> OpenGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: How a query runs on a store, by the store's backend name.
_STORE_ENGINES: dict[str, Callable[..., QueryResult]] = {
    "oxigraph": lambda native, text, bindings, limit: run_oxigraph(
        native, text, bindings=bindings, limit=limit, union=True
    ),
    "rdflib": lambda native, text, bindings, limit: run_query(
        rdflib_union(native), text, bindings=rdflib_bindings(bindings), limit=limit
    ),
}


def query_store(
    store: ArticleStore,
    text: str,
    *,
    bindings: Mapping[str, Any] | None = None,
    limit: int | None = None,
) -> QueryResult:
    """Run a query over the union of an open store's graphs, with its backend's engine."""
    return _STORE_ENGINES[store.backend_name](store.native, text, bindings, limit)


class StoreGraph(OpenGraph):
    """A store directory (any backend); queries see the union of its graphs."""

    kind = "store"

    def __init__(self, path: str | Path, *, read_only: bool = True) -> None:
        self.location = str(path)
        self.store = ArticleStore(path, create=False, read_only=read_only)

    def query(self, text, *, bindings=None, limit=None):  # noqa: D102 - documented on base
        return query_store(self.store, text, bindings=bindings, limit=limit)

    def to_data(self) -> Dataset:  # noqa: D102 - documented on base
        return self.store.to_dataset()

    def ntriples_lines(self) -> Iterator[str]:  # noqa: D102 - documented on base
        with tempfile.TemporaryFile("w+", encoding="utf-8") as scratch:
            write_ntriples(self.store, scratch)
            scratch.seek(0)
            yield from (line for line in scratch if line.strip())

    def as_file(self) -> tuple[Path, RdfFormat, bool]:
        """The store's quads as a temporary N-Quads file: each article's named graph kept."""
        fd, name = tempfile.mkstemp(prefix="kg-graph-", suffix=".nq")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                write_nquads(self.store, handle)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        return Path(name), RDF_FORMATS["nquads"], True

    def close(self) -> None:
        self.store.close()


class FileGraph(OpenGraph):
    """A graph file or ``kg build`` output directory.

    Queries run on an in-memory Oxigraph store, loaded on the first query (a file of a
    format Oxigraph does not read goes to rdflib); ``engine="rdflib"`` always uses rdflib.
    """

    kind = "file"

    def __init__(self, path: str | Path, *, engine: str = "oxigraph") -> None:
        self.location = str(path)
        self.file = graph_file(path)
        self.format = by_suffix(self.file)
        self.engine = engine if self.format is not None else "rdflib"
        self._ox: Any = None
        self._graph: Graph | None = None

    @property
    def graph(self) -> Graph:
        """All triples as one rdflib graph (parsed on first use)."""
        if self._graph is None:
            self._graph = load_graph(self.file)
        return self._graph

    def _oxigraph(self) -> Any:
        if self._ox is None:
            import pyoxigraph

            store = pyoxigraph.Store()
            try:
                store.bulk_load(path=str(self.file), format=self.format.pyoxigraph())
            except (SyntaxError, ValueError, OSError) as exc:
                message = " ".join(str(exc).split())
                raise InputError(f"{self.file}: cannot parse: {message}") from None
            self._ox = store
        return self._ox

    def query(self, text, *, bindings=None, limit=None):  # noqa: D102 - documented on base
        if self.engine == "rdflib":
            return run_query(self.graph, text, bindings=rdflib_bindings(bindings), limit=limit)
        # quad formats keep named graphs: queries see their union
        return run_oxigraph(
            self._oxigraph(), text, bindings=bindings, limit=limit, union=self.format.quads
        )

    def to_data(self) -> Graph | Dataset:  # noqa: D102 - documented on base
        return load_data(self.file)

    def to_graph(self) -> Graph:  # noqa: D102 - documented on base
        return self.graph

    def ntriples_lines(self) -> Iterator[str]:  # noqa: D102 - documented on base
        return iter_statements(self.file)

    def as_file(self) -> tuple[Path, RdfFormat, bool]:  # noqa: D102 - documented on base
        return self.file, self.format or RDF_FORMATS["turtle"], False

    def close(self) -> None:
        self._ox = None


class EndpointGraph(OpenGraph):
    """A SPARQL 1.1 Protocol endpoint (``http(s)://``): queries go as HTTP POST.

    ``headers`` are sent with every request (e.g. ``Authorization``); with ``netrc`` the
    credentials of the host in ``~/.netrc`` are used for Basic authentication. Each
    request must be answered in full within ``timeout`` seconds.
    """

    kind = "endpoint"

    def __init__(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        netrc: bool = False,
        timeout: float = 60.0,
    ) -> None:
        self.location = url
        self.client = HttpClient(headers=headers, netrc=netrc, timeout=timeout)

    def _post(self, query: str, accept: str) -> bytes:
        response = self.client.request(
            "POST",
            self.location,
            body=query.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": accept},
            what="query",
        )
        return response.body

    def query(self, text, *, bindings=None, limit=None):  # noqa: D102 - documented on base
        query = inject_bindings(prefix_block() + text, bindings)
        form = (query_form(query) or "SELECT").upper()
        if form not in ("CONSTRUCT", "DESCRIBE"):
            result = result_from_json(self._post(query, "application/sparql-results+json"))
            if limit is not None and len(result.rows) > limit:
                result.rows, result.truncated = result.rows[:limit], True
            return result
        graph = Graph().parse(data=self._post(query, "application/n-triples"), format="nt")
        out = QueryResult(form)
        for triple in graph:
            if limit is not None and len(out.triples) >= limit:
                out.truncated = True
                break
            out.triples.append(triple)
        return out

    def _ntriples(self) -> str:
        return self._post(_ALL_TRIPLES, "application/n-triples").decode("utf-8")

    def to_data(self) -> Graph:  # noqa: D102 - documented on base
        return bind_prefixes(Graph()).parse(data=self._ntriples(), format="nt")

    def ntriples_lines(self) -> Iterator[str]:  # noqa: D102 - documented on base
        lines = {line + "\n" for line in self._ntriples().splitlines() if line.strip()}
        return iter(sorted(lines))


def is_endpoint(graph: str | Path) -> bool:
    """Whether a GRAPH argument names an endpoint (an ``http://`` or ``https://`` URL)."""
    return str(graph).startswith(("http://", "https://"))


def open_graph(
    graph: str | Path,
    *,
    headers: Mapping[str, str] | None = None,
    netrc: bool = False,
    read_only: bool = True,
    engine: str = "oxigraph",
    timeout: float = 60.0,
) -> OpenGraph:
    """Open a GRAPH argument: an endpoint URL, a store directory, or a graph file or
    ``kg build`` output directory (see the module's docstring).

    ``headers``/``netrc`` authenticate at an endpoint; a store opens read-only by default
    (Oxigraph allows one writer, so a store being built cannot be opened meanwhile);
    ``engine`` is what queries a file (``"oxigraph"`` or ``"rdflib"``); each request to an
    endpoint must be answered within ``timeout`` seconds.
    """
    if is_endpoint(graph):
        return EndpointGraph(str(graph), headers=headers, netrc=netrc, timeout=timeout)
    if is_store(graph):
        return StoreGraph(graph, read_only=read_only)
    return FileGraph(graph, engine=engine)
