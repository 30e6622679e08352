"""A persistent store of articles, one named graph each, that incremental builds update.

A store is a directory: ``kg-store.json`` (which backend, format version) and the data,
``oxigraph/`` (a RocksDB-backed :class:`pyoxigraph.Store`, the default) or ``dataset.nq``
(rdflib, for tiny graphs or when asked). Each article's triples live in the named graph
called by the document's IRI; an entity that several articles mention has its triples in
each of their graphs, and the union of the graphs is what queries see: the Oxigraph
backend keeps it, deduplicated, in the default graph (queries run there, fast), and an
article's removal deletes from it exactly the triples no other article's graph holds.
Replacing or removing an article therefore replaces or removes exactly its assertions.

Every write is atomic: new articles go in with one Oxigraph bulk load per batch (one
RocksDB ingestion of whole articles), a changed article is dropped and re-inserted in one
SPARQL Update transaction, and the rdflib backend rewrites its file by rename. A build
that is interrupted leaves the store as it was or with whole articles more.

:func:`open_graph_source` opens anything SPARQL can run on: a store directory, a graph
file or ``kg build`` output directory, or an ``http(s)://`` SPARQL endpoint.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError, KgError, QueryError
from kg.export import write_text_atomic

__all__ = [
    "BACKENDS",
    "MANIFEST",
    "StoreError",
    "StoredArticle",
    "ArticleStore",
    "is_store",
    "GraphSource",
    "StoreSource",
    "FileSource",
    "EndpointSource",
    "open_graph_source",
    "inject_bindings",
    "restore_decimals",
]

#: Store backends: Oxigraph (RocksDB on disk, the default) and rdflib (an N-Quads file).
BACKENDS = ("oxigraph", "rdflib")

#: Name of the file that marks a directory as a store and records its backend.
MANIFEST = "kg-store.json"

_FORMAT = "chengyu-kg store"
_VERSION = 1
_CONTENT_HASH = "https://w3id.org/chengyu-kg/ontology#contentHash"
# Oxigraph ingests a bulk load atomically in batches of up to a million quads; stay below.
_MAX_BULK_QUADS = 500_000


class StoreError(KgError):
    """A store directory cannot be opened or written (not a store, locked, wrong backend)."""

    exit_code = 2


@dataclass(frozen=True)
class StoredArticle:
    """One article's graph, ready to store: its IRI, its N-Triples, how many statements."""

    graph: str
    ntriples: str
    statements: int


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a store directory (holds ``kg-store.json``)."""
    return (Path(path) / MANIFEST).is_file()


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: unreadable {MANIFEST} ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != _FORMAT:
        raise StoreError(f"{path}: {MANIFEST} does not describe a chengyu-kg store")
    if manifest.get("version") != _VERSION or manifest.get("backend") not in BACKENDS:
        raise StoreError(f"{path}: unsupported store (version {manifest.get('version')!r})")
    return manifest


_DECIMAL_TYPE = "http://www.w3.org/2001/XMLSchema#decimal"
_INTEGRAL_DECIMAL = re.compile(r'"([+-]?[0-9]+)"\^\^<' + re.escape(_DECIMAL_TYPE) + ">")


def restore_decimals(text: str) -> str:
    """N-Triples/N-Quads text with integral ``xsd:decimal`` literals written ``"75.0"``.

    Oxigraph stores decimals by value and writes them back in XSD 1.1 canonical form
    (``"75"``); the package writes XSD 1.0 canonical form (``"75.0"``, see
    :func:`kg.rdf.decimal_literal`), so text read from Oxigraph is put back in that form.
    """
    if _DECIMAL_TYPE not in text:
        return text
    return _INTEGRAL_DECIMAL.sub(lambda m: f'"{m.group(1)}.0"^^<{_DECIMAL_TYPE}>', text)


def _graph_iri(graph: str) -> str:
    return graph[1:-1] if graph.startswith("<") else graph


class ArticleStore:
    """Articles' named graphs in a directory (or in memory when ``path`` is ``None``).

    ``backend`` is ``"oxigraph"`` or ``"rdflib"``; an existing store keeps the backend it
    was created with (asking for another raises :class:`StoreError`). Use it as a context
    manager, or call :meth:`close`.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        backend: str | None = None,
        *,
        create: bool = True,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        if self.path is not None and is_store(self.path):
            manifest = _read_manifest(self.path)
            if backend is not None and backend != manifest["backend"]:
                raise StoreError(
                    f"{self.path}: the store uses the {manifest['backend']} backend, not {backend}"
                )
            backend = manifest["backend"]
        elif self.path is not None:
            if not create or read_only:
                raise StoreError(f"{self.path}: not a store (no {MANIFEST})")
            if self.path.exists() and (not self.path.is_dir() or any(self.path.iterdir())):
                raise StoreError(
                    f"{self.path}: exists and is not a store; give a new or empty directory"
                )
            backend = backend or "oxigraph"
            if backend not in BACKENDS:
                raise StoreError(f"unknown store backend {backend!r} (use {', '.join(BACKENDS)})")
            self.path.mkdir(parents=True, exist_ok=True)
            manifest = {"format": _FORMAT, "version": _VERSION, "backend": backend}
            write_text_atomic(self.path / MANIFEST, json.dumps(manifest, indent=2) + "\n")
        self.backend = backend or "oxigraph"
        if self.backend not in BACKENDS:
            raise StoreError(f"unknown store backend {self.backend!r} (use {', '.join(BACKENDS)})")
        self._ox: Any = None
        self._ds: Any = None
        if self.backend == "oxigraph":
            self._open_oxigraph()
        else:
            self._open_rdflib()

    # ------------------------------------------------------------------ opening

    def _open_oxigraph(self) -> None:
        import pyoxigraph

        if self.path is None:
            self._ox = pyoxigraph.Store()
            return
        location = str(self.path / "oxigraph")
        try:
            if self.read_only:
                self._ox = pyoxigraph.Store.read_only(location)
            else:
                self._ox = pyoxigraph.Store(location)
        except OSError as exc:
            message = " ".join(str(exc).split())
            if "lock" in message.lower():
                message = "the store is in use by another process (" + message + ")"
            raise StoreError(f"{self.path}: cannot open the store: {message}") from None

    def _open_rdflib(self) -> None:
        from rdflib import Dataset

        self._ds = Dataset()
        if self.path is not None and (self.path / "dataset.nq").is_file():
            self._ds.parse(self.path / "dataset.nq", format="nquads")

    def close(self) -> None:
        """Flush and release the store (its directory lock, for Oxigraph)."""
        if self._ox is not None:
            if not self.read_only and self.path is not None:
                self._ox.flush()
            self._ox = None
        self._ds = None

    def __enter__(self) -> ArticleStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def oxigraph(self) -> Any:
        """The underlying :class:`pyoxigraph.Store` (Oxigraph backend only)."""
        if self._ox is None:
            raise StoreError("this store does not use the oxigraph backend")
        return self._ox

    # ------------------------------------------------------------------ reading

    def article_hashes(self) -> dict[str, str]:
        """Graph IRI -> content hash of every stored article."""
        if self._ox is not None:
            import pyoxigraph

            pattern = self._ox.quads_for_pattern(None, pyoxigraph.NamedNode(_CONTENT_HASH), None)
            return {
                q.graph_name.value: q.object.value
                for q in pattern
                if isinstance(q.graph_name, pyoxigraph.NamedNode)
                and q.subject.value == q.graph_name.value
            }
        from rdflib import URIRef

        hashes = {}
        for s, _, o, g in self._ds.quads((None, URIRef(_CONTENT_HASH), None, None)):
            g_iri = str(g.identifier if hasattr(g, "identifier") else g)
            if str(s) == g_iri:
                hashes[g_iri] = str(o)
        return hashes

    def document_statements(self, graph: str) -> set[str]:
        """The stored triples about the document node itself, as N-Triples statements."""
        graph = _graph_iri(graph)
        if self._ox is not None:
            import pyoxigraph

            node = pyoxigraph.NamedNode(graph)
            return {
                f"{q.subject} {q.predicate} {q.object}"
                for q in self._ox.quads_for_pattern(node, None, None, node)
            }
        from rdflib import URIRef

        node = URIRef(graph)
        return {
            f"{node.n3()} {p.n3()} {o.n3()}"
            for p, o in self._ds.graph(node).predicate_objects(node)
        }

    def canonical_statements(self, ntriples: str) -> set[str]:
        """N-Triples statements written the way this store writes them back (to compare)."""
        if self._ox is not None or self.backend == "oxigraph":
            import pyoxigraph

            return {
                f"{t.subject} {t.predicate} {t.object}"
                for t in pyoxigraph.parse(ntriples, pyoxigraph.RdfFormat.N_TRIPLES)
            }
        from rdflib import Graph

        return {
            f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in Graph().parse(data=ntriples, format="nt")
        }

    def graphs(self) -> list[str]:
        """IRIs of the stored articles' graphs, sorted."""
        if self._ox is not None:
            return sorted(g.value for g in self._ox.named_graphs())
        return sorted(
            str(g.identifier) for g in self._ds.graphs() if str(g.identifier) != _DEFAULT_GRAPH
        )

    def __contains__(self, graph: str) -> bool:
        graph = _graph_iri(graph)
        if self._ox is not None:
            import pyoxigraph

            return self._ox.contains_named_graph(pyoxigraph.NamedNode(graph))
        from rdflib import URIRef

        return len(self._ds.graph(URIRef(graph))) > 0

    def graph_statements(self, graph: str) -> list[str]:
        """One article's triples as N-Triples statements (``s p o``, no final `` .``)."""
        graph = _graph_iri(graph)
        if self._ox is not None:
            import pyoxigraph

            data = self._ox.dump(
                format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.NamedNode(graph)
            )
            text = restore_decimals(data.decode("utf-8"))
            return [line[:-2] for line in text.splitlines() if line]
        from rdflib import URIRef

        text = self._ds.graph(URIRef(graph)).serialize(format="nt")
        return [line[:-2] for line in text.splitlines() if line.strip()]

    def quad_count(self) -> int:
        """Number of quads (a triple counts once per article graph holding it)."""
        if self._ox is not None:
            return len(self._ox)
        return sum(len(g) for g in self._ds.graphs())

    def triple_count(self) -> int:
        """Number of distinct triples in the union of the articles' graphs."""
        if self._ox is not None:
            result = self._ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
            return int(next(iter(result))[0].value)
        return len(_rdflib_union(self._ds))

    def __len__(self) -> int:
        return len(self.graphs())

    # ------------------------------------------------------------------ writing

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    def add(self, articles: Sequence[StoredArticle]) -> None:
        """Add articles whose graphs are not in the store yet, atomically as a whole.

        Oxigraph: one bulk load (a single RocksDB ingestion); batches over half a million
        statements are split at article boundaries, each part atomic.
        """
        self._check_writable()
        if not articles:
            return
        if self._ox is None:
            self._replace_rdflib(articles)
            return
        import pyoxigraph

        batch: list[str] = []
        size = 0
        for article in articles:
            if batch and size + article.statements > _MAX_BULK_QUADS:
                self._ox.bulk_load("".join(batch).encode("utf-8"), pyoxigraph.RdfFormat.N_QUADS)
                batch, size = [], 0
            batch.append(article.ntriples.replace(" .\n", f" <{article.graph}> .\n"))
            batch.append(article.ntriples)  # the union copy in the default graph
            size += article.statements
        if batch:
            self._ox.bulk_load("".join(batch).encode("utf-8"), pyoxigraph.RdfFormat.N_QUADS)

    def replace(self, article: StoredArticle) -> None:
        """Replace one article's graph with new triples in one transaction."""
        self._check_writable()
        if self._ox is None:
            self._replace_rdflib([article])
            return
        graph = f"<{article.graph}>"
        self._ox.update(
            f"{_DROP_FROM_UNION.format(graph=graph)} ;\n"
            f"INSERT DATA {{ GRAPH {graph} {{\n{article.ntriples}}} }} ;\n"
            f"INSERT DATA {{\n{article.ntriples}}}"
        )

    def remove(self, graphs: Iterable[str]) -> int:
        """Remove articles' graphs (each in one transaction); returns how many were there."""
        self._check_writable()
        removed = 0
        if self._ox is not None:
            import pyoxigraph

            for graph in graphs:
                node = pyoxigraph.NamedNode(_graph_iri(graph))
                if self._ox.contains_named_graph(node):
                    self._ox.update(_DROP_FROM_UNION.format(graph=f"<{node.value}>"))
                    removed += 1
            return removed
        from rdflib import URIRef

        for graph in graphs:
            ref = URIRef(_graph_iri(graph))
            if len(self._ds.graph(ref)):
                self._ds.remove_graph(ref)
                removed += 1
        if removed:
            self._save_rdflib()
        return removed

    def _replace_rdflib(self, articles: Sequence[StoredArticle]) -> None:
        from rdflib import URIRef

        for article in articles:
            ref = URIRef(article.graph)
            self._ds.remove_graph(ref)
            self._ds.graph(ref).parse(data=article.ntriples, format="nt")
        self._save_rdflib()

    def _save_rdflib(self) -> None:
        if self.path is None:
            return
        text = self._ds.serialize(format="nquads")
        lines = sorted(line for line in text.splitlines() if line.strip())
        write_text_atomic(self.path / "dataset.nq", "\n".join(lines) + ("\n" if lines else ""))

    def flush(self) -> None:
        """Make everything written so far durable."""
        if self._ox is not None and self.path is not None and not self.read_only:
            self._ox.flush()

    def optimize(self) -> None:
        """Compact the on-disk indexes (Oxigraph), which speeds up later queries."""
        if self._ox is not None and self.path is not None and not self.read_only:
            self._ox.optimize()

    # ------------------------------------------------------------------ querying

    def query(
        self,
        text: str,
        *,
        bindings: Mapping[str, Any] | None = None,
        limit: int | None = None,
    ) -> Any:
        """Run a SPARQL query over the union of the articles' graphs.

        Returns a :class:`kg.query.QueryResult` (rdflib terms); the package's prefixes
        are predeclared; ``bindings`` pre-bind variables (rdflib terms or strings).
        """
        if self._ox is None:
            from kg.query import run_query

            union = _rdflib_union(self._ds)
            return run_query(union, text, bindings=_rdflib_bindings(bindings), limit=limit)
        return _oxigraph_query(self._ox, text, bindings=bindings, limit=limit)

    def to_dataset(self) -> Any:
        """The stored graphs as an rdflib :class:`~rdflib.Dataset` (for small stores)."""
        if self._ds is not None:
            return self._ds
        import pyoxigraph
        from rdflib import Dataset, URIRef

        from kg.rdf import bind_prefixes

        ds = bind_prefixes(Dataset())
        for graph in self._ox.named_graphs():
            data = self._ox.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=graph)
            text = restore_decimals(data.decode("utf-8"))
            ds.graph(URIRef(graph.value)).parse(data=text, format="nt")
        return ds


_DEFAULT_GRAPH = "urn:x-rdflib:default"

# Drop an article's graph and the triples of the union copy (the default graph) that no
# other article's graph holds, in one update (one transaction).
_DROP_FROM_UNION = (
    "DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
    "FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {graph}) }} }} ;\n"
    "DROP SILENT GRAPH {graph}"
)


def _rdflib_union(ds: Any) -> Any:
    from rdflib import Graph

    from kg.rdf import bind_prefixes

    graph = bind_prefixes(Graph())
    for s, p, o, _ in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _rdflib_bindings(bindings: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not bindings:
        return None
    from rdflib import Literal
    from rdflib.term import Node

    return {k: v if isinstance(v, Node) else Literal(str(v)) for k, v in bindings.items()}


# ---------------------------------------------------------------------- SPARQL helpers


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def inject_bindings(text: str, bindings: Mapping[str, Any] | None) -> str:
    """``text`` with ``VALUES`` pre-binding each variable at the start of the WHERE group.

    Values are rdflib terms (written in N-Triples form) or strings (plain literals). This
    is how bindings reach engines that have no ``initBindings`` (Oxigraph, endpoints).
    """
    if not bindings:
        return text
    from rdflib import Literal
    from rdflib.term import Node

    from kg.query import strip_literals

    clauses = []
    for name, value in bindings.items():
        term = value if isinstance(value, Node) else Literal(str(value))
        clauses.append(f"VALUES ?{name.lstrip('?$')} {{ {term.n3()} }}")
    # find the WHERE brace on a copy whose strings/comments are blanked (same offsets)
    masked = strip_literals(text)
    match = _WHERE.search(masked)
    brace = match.end() if match else masked.find("{") + 1
    if brace <= 0:
        raise QueryError("cannot bind variables: the query has no WHERE group")
    return text[:brace] + "\n  " + " ".join(clauses) + "\n" + text[brace:]


def _prefix_block() -> str:
    from kg.query import QUERY_PREFIXES

    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in QUERY_PREFIXES.items())


def _to_rdflib(term: Any) -> Any:
    import pyoxigraph
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        if datatype == _DECIMAL_TYPE and "." not in term.value:
            return Literal(term.value + ".0", datatype=URIRef(datatype))
        return Literal(term.value, datatype=URIRef(datatype))
    raise QueryError(f"unsupported term in result: {term!r}")


def _oxigraph_query(
    store: Any,
    text: str,
    *,
    bindings: Mapping[str, Any] | None = None,
    limit: int | None = None,
    union: bool = False,
) -> Any:
    import pyoxigraph

    from kg.query import QUERY_PREFIXES, QueryResult

    query = inject_bindings(text, bindings)
    try:
        result = store.query(query, prefixes=QUERY_PREFIXES, use_default_graph_as_union=union)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {' '.join(str(exc).split())}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None
    if isinstance(result, bool | pyoxigraph.QueryBoolean):
        return QueryResult("ASK", boolean=bool(result))
    if isinstance(result, pyoxigraph.QuerySolutions):
        out = QueryResult("SELECT", variables=[v.value for v in result.variables])
        width = len(out.variables)
        for solution in result:
            if limit is not None and len(out.rows) >= limit:
                out.truncated = True
                break
            out.rows.append(tuple(_to_rdflib(solution[i]) for i in range(width)))
        return out
    out = QueryResult("CONSTRUCT")
    for triple in result:
        if limit is not None and len(out.triples) >= limit:
            out.truncated = True
            break
        out.triples.append(
            (_to_rdflib(triple.subject), _to_rdflib(triple.predicate), _to_rdflib(triple.object))
        )
    return out


# ---------------------------------------------------------------------- graph sources


class GraphSource:
    """Something SPARQL runs on. ``query`` returns a :class:`kg.query.QueryResult`."""

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
    ) -> Any:
        raise NotImplementedError

    def close(self) -> None:
        """Release what the source holds open."""

    def __enter__(self) -> GraphSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class StoreSource(GraphSource):
    """A store directory (Oxigraph or rdflib backend); queries see the union graph."""

    kind = "store"

    def __init__(self, path: str | Path, *, read_only: bool = True) -> None:
        self.location = str(path)
        self.store = ArticleStore(path, create=False, read_only=read_only)

    def query(self, text, *, bindings=None, limit=None):  # noqa: D102 - documented on base
        return self.store.query(text, bindings=bindings, limit=limit)

    def close(self) -> None:
        self.store.close()


class FileSource(GraphSource):
    """A graph file or ``kg build`` output directory, loaded into memory.

    Large files load into an in-memory Oxigraph store (fast); ``engine="rdflib"`` uses
    rdflib (which supports ``--infer``-style use of the graph by callers).
    """

    kind = "file"

    def __init__(self, path: str | Path, *, engine: str = "oxigraph") -> None:
        from kg.query import graph_file

        self.location = str(path)
        self.file = graph_file(path)
        self.engine = engine
        self._ox: Any = None
        self._graph: Any = None
        if engine == "rdflib":
            from kg.query import load_graph

            self._graph = load_graph(path)
            return
        import pyoxigraph

        formats = {
            ".ttl": pyoxigraph.RdfFormat.TURTLE,
            ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
            ".nq": pyoxigraph.RdfFormat.N_QUADS,
            ".trig": pyoxigraph.RdfFormat.TRIG,
            ".jsonld": pyoxigraph.RdfFormat.JSON_LD,
        }
        fmt = formats.get(self.file.suffix.lower())
        if fmt is None:
            from kg.query import load_graph

            self.engine, self._graph = "rdflib", load_graph(path)
            return
        self._ox = pyoxigraph.Store()
        # quad formats keep named graphs: queries see their union
        self._union = fmt in (
            pyoxigraph.RdfFormat.N_QUADS,
            pyoxigraph.RdfFormat.TRIG,
            pyoxigraph.RdfFormat.JSON_LD,
        )
        try:
            self._ox.bulk_load(path=str(self.file), format=fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(f"{self.file}: cannot parse: {' '.join(str(exc).split())}") from None

    @property
    def graph(self) -> Any:
        """The graph as rdflib (loaded on first use when the engine is Oxigraph)."""
        if self._graph is None:
            from kg.query import load_graph

            self._graph = load_graph(self.file)
        return self._graph

    def query(self, text, *, bindings=None, limit=None):  # noqa: D102 - documented on base
        if self._ox is not None:
            return _oxigraph_query(
                self._ox, text, bindings=bindings, limit=limit, union=self._union
            )
        from kg.query import run_query

        return run_query(self._graph, text, bindings=_rdflib_bindings(bindings), limit=limit)


class EndpointSource(GraphSource):
    """A SPARQL 1.1 Protocol endpoint (``http(s)://``): queries go as HTTP POST.

    ``headers`` are sent with every request (e.g. ``Authorization``); with ``netrc`` the
    credentials of the host in ``~/.netrc`` are used for Basic authentication.
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
        from kg.push import HttpClient

        self.location = url
        self.client = HttpClient(headers=headers, netrc=netrc, timeout=timeout)

    def query(self, text, *, bindings=None, limit=None):  # noqa: D102 - documented on base
        from kg.query import QueryResult, query_form, result_from_json

        query = inject_bindings(_prefix_block() + text, bindings)
        form = (query_form(query) or "SELECT").upper()
        graph_result = form in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph_result else "application/sparql-results+json"
        response = self.client.request(
            "POST",
            self.location,
            body=query.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": accept},
            what="query",
        )
        if not graph_result:
            result = result_from_json(response.body)
            if limit is not None and len(result.rows) > limit:
                result.rows, result.truncated = result.rows[:limit], True
            return result
        from rdflib import Graph

        graph = Graph().parse(data=response.body.decode("utf-8"), format="nt")
        out = QueryResult(form)
        for triple in graph:
            if limit is not None and len(out.triples) >= limit:
                out.truncated = True
                break
            out.triples.append(triple)
        return out


def open_graph_source(
    path_or_url: str | Path,
    *,
    headers: Mapping[str, str] | None = None,
    netrc: bool = False,
    read_only: bool = True,
) -> GraphSource:
    """Something to run SPARQL on: an endpoint URL, a store directory, or a graph file.

    - ``http://`` / ``https://`` -> :class:`EndpointSource` (``headers``/``netrc`` for auth);
    - a directory holding ``kg-store.json`` -> :class:`StoreSource` (read-only by default;
      Oxigraph allows one writer, so a store being built cannot be opened meanwhile);
    - otherwise a graph file or ``kg build`` output directory -> :class:`FileSource`.

    Every source has ``query(text, bindings=None, limit=None)`` returning a
    :class:`kg.query.QueryResult`, and ``close()``; use it as a context manager.
    """
    text = str(path_or_url)
    if text.startswith(("http://", "https://")):
        return EndpointSource(text, headers=headers, netrc=netrc)
    path = Path(path_or_url)
    if is_store(path):
        return StoreSource(path, read_only=read_only)
    return FileSource(path)


def iter_batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of up to ``size`` consecutive items."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
