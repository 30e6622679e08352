"""Where a store keeps its quads: backends behind one protocol, looked up by name.

:data:`BACKENDS` maps the name a store's manifest records to its class (rdflib's store
plugins are the model): Oxigraph (RocksDB on disk, the default) and rdflib (an N-Quads
file, for tiny graphs). :class:`~kg.store.articles.ArticleStore` does the bookkeeping of
articles and shared statements and asks its backend only for quads.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from kg.errors import KgError
from kg.io.files import write_text_atomic
from kg.model import ntriples
from kg.model.triples import bind_prefixes
from kg.store.stored import StoredArticle

__all__ = [
    "BACKENDS",
    "BULK_PREFIX",
    "Backend",
    "OxigraphBackend",
    "RdflibBackend",
    "StoreError",
    "restore_decimals",
]

CONTENT_HASH = "https://w3id.org/chengyu-kg/ontology#contentHash"
# Name of the files that hold a bulk of articles until it is loaded.
BULK_PREFIX = ".bulk-"
_DEFAULT_GRAPH = "urn:x-rdflib:default"
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_DECIMAL_TYPE = "http://www.w3.org/2001/XMLSchema#decimal"
_INTEGRAL_DECIMAL = re.compile(r'"([+-]?[0-9]+)"\^\^<' + re.escape(_DECIMAL_TYPE) + ">")


class StoreError(KgError):
    """A store directory cannot be opened or written (not a store, locked, wrong backend)."""

    exit_code = 2


def restore_decimals(text: str) -> str:
    """N-Triples/N-Quads text with integral ``xsd:decimal`` literals written ``"75.0"``.

    Oxigraph stores decimals by value and writes them back in XSD 1.1 canonical form
    (``"75"``); the package writes XSD 1.0 canonical form (``"75.0"``, see
    :func:`kg.model.triples.decimal_literal`), so text read from Oxigraph is put back in
    that form.
    """
    if _DECIMAL_TYPE not in text:
        return text
    return _INTEGRAL_DECIMAL.sub(lambda m: f'"{m.group(1)}.0"^^<{_DECIMAL_TYPE}>', text)


def _statements(text: str) -> list[str]:
    return [line[:-2] for line in text.splitlines() if line.strip()]


class Backend(Protocol):
    """What an :class:`~kg.store.articles.ArticleStore` asks of where its quads are."""

    #: The name the manifest records (a key of :data:`BACKENDS`).
    name: str

    @property
    def native(self) -> Any:
        """The underlying store (for query engines)."""

    def article_hashes(self) -> dict[str, str]:
        """Graph IRI -> content hash of every stored article."""

    def document_statements(self, graph: str) -> set[str]:
        """The stored triples about the document node of ``graph``."""

    def canonical_statements(self, text: str) -> set[str]:
        """N-Triples statements written as this backend writes them back."""

    def graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""

    def contains(self, graph: str) -> bool:
        """Whether the named graph ``graph`` has statements."""

    def graph_statements(self, graph: str) -> list[str]:
        """The statements of one named graph."""

    def shared_statements(self) -> list[str]:
        """The statements of the default graph, sorted."""

    def quad_count(self) -> int:
        """Number of quads."""

    def bulk_sink(self, directory: Path | None) -> tuple[IO[bytes] | None, Path | None]:
        """Where a bulk writes its N-Quads (and the file), or ``(None, None)`` to keep the
        articles themselves."""

    def load(self, sink: Any, path: Path | None, kept: Sequence[StoredArticle], lenient: bool):
        """Load one bulk, atomically."""

    def apply(self, drop: Sequence[str], new: Sequence[StoredArticle], delete: Sequence[str]):
        """Drop graphs, delete shared statements and add articles in one transaction."""

    def max_count_statements(
        self, subjects: set[str] | None, limits: Mapping[str, int]
    ) -> list[str]:
        """The shared statements a ``sh:maxCount`` check of ``subjects`` needs (``None``: the
        subjects that may break one), sorted."""

    def to_dataset(self) -> Any:
        """The quads as an rdflib dataset."""

    def flush(self) -> None:
        """Make what is written durable."""

    def optimize(self) -> None:
        """Compact the indexes."""

    def close(self) -> None:
        """Release the backend."""


class OxigraphBackend:
    """A :class:`pyoxigraph.Store` in ``DIR/oxigraph`` (in memory without a directory)."""

    name = "oxigraph"

    def __init__(self, directory: Path | None, *, read_only: bool = False) -> None:
        import pyoxigraph

        self.directory = directory
        self.read_only = read_only
        self.ox: Any = None
        if directory is None:
            self.ox = pyoxigraph.Store()
            return
        location = str(directory / "oxigraph")
        try:
            if read_only:
                self.ox = pyoxigraph.Store.read_only(location)
            else:
                self.ox = pyoxigraph.Store(location)
                for stale in directory.glob(BULK_PREFIX + "*"):  # left by a killed build
                    stale.unlink(missing_ok=True)
        except OSError as exc:
            message = " ".join(str(exc).split())
            if "lock" in message.lower():
                message = "the store is in use by another process (" + message + ")"
            raise StoreError(f"{directory}: cannot open the store: {message}") from None

    @property
    def native(self) -> Any:  # noqa: D102 - documented on the protocol
        return self.ox

    def article_hashes(self) -> dict[str, str]:  # noqa: D102
        import pyoxigraph

        pattern = self.ox.quads_for_pattern(None, pyoxigraph.NamedNode(CONTENT_HASH), None)
        return {
            q.graph_name.value: q.object.value
            for q in pattern
            if isinstance(q.graph_name, pyoxigraph.NamedNode)
            and q.subject.value == q.graph_name.value
        }

    def document_statements(self, graph: str) -> set[str]:  # noqa: D102
        import pyoxigraph

        node = pyoxigraph.NamedNode(graph)
        return {
            f"{q.subject} {q.predicate} {q.object}"
            for q in self.ox.quads_for_pattern(node, None, None, node)
        }

    def canonical_statements(self, text: str) -> set[str]:  # noqa: D102
        import pyoxigraph

        return {
            f"{t.subject} {t.predicate} {t.object}"
            for t in pyoxigraph.parse(text, pyoxigraph.RdfFormat.N_TRIPLES)
        }

    def graphs(self) -> list[str]:  # noqa: D102
        return sorted(g.value for g in self.ox.named_graphs())

    def contains(self, graph: str) -> bool:  # noqa: D102
        import pyoxigraph

        return self.ox.contains_named_graph(pyoxigraph.NamedNode(graph))

    def _dump(self, graph: Any) -> str:
        import pyoxigraph

        data = self.ox.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=graph)
        return restore_decimals(data.decode("utf-8"))

    def graph_statements(self, graph: str) -> list[str]:  # noqa: D102
        import pyoxigraph

        return [line[:-2] for line in self._dump(pyoxigraph.NamedNode(graph)).splitlines() if line]

    def shared_statements(self) -> list[str]:  # noqa: D102
        import pyoxigraph

        text = self._dump(pyoxigraph.DefaultGraph())
        return sorted(line[:-2] for line in text.splitlines() if line)

    def quad_count(self) -> int:  # noqa: D102
        return len(self.ox)

    def bulk_sink(self, directory: Path | None) -> tuple[IO[bytes] | None, Path | None]:  # noqa: D102
        if directory is None:
            return io.BytesIO(), None
        fd, name = tempfile.mkstemp(prefix=BULK_PREFIX, suffix=".nq", dir=directory)
        return os.fdopen(fd, "wb"), Path(name)

    def load(self, sink, path, kept, lenient) -> None:  # noqa: D102
        import pyoxigraph

        nquads = pyoxigraph.RdfFormat.N_QUADS
        if isinstance(sink, io.BytesIO):
            self.ox.bulk_load(sink.getvalue(), nquads, lenient=lenient)
        else:
            sink.close()
            self.ox.bulk_load(path=str(path), format=nquads, lenient=lenient)

    def apply(self, drop, new, delete) -> None:  # noqa: D102
        parts = []
        if delete:
            parts.append("DELETE DATA {\n" + ntriples.block(delete) + "}")
        parts.extend(f"DROP SILENT GRAPH <{g}>" for g in drop)
        for article in new:
            own = article.own.decode("utf-8")
            parts.append(f"INSERT DATA {{ GRAPH <{article.graph}> {{\n{own}}} }}")
            if article.shared:
                parts.append("INSERT DATA {\n" + ntriples.block(article.shared) + "}")
        self.ox.update(" ;\n".join(parts))

    def max_count_statements(self, subjects, limits) -> list[str]:  # noqa: D102
        import pyoxigraph

        if subjects is None:  # the shared statements are in the default graph
            subjects = set()
            for key, n in sorted(limits.items()):
                inverse = key.startswith("^")
                focus, other = ("?o", "?s") if inverse else ("?s", "?o")
                query = (
                    f"SELECT {focus} WHERE {{ ?s {key.lstrip('^')} ?o }} "
                    f"GROUP BY {focus} HAVING (COUNT({other}) > {n})"
                )
                subjects.update(str(row[0]) for row in self.ox.query(query))
        wanted = {key for key in limits if not key.startswith("^")}
        wanted.add(_RDF_TYPE)
        inverse = {key[1:] for key in limits if key.startswith("^")}
        default = pyoxigraph.DefaultGraph()
        statements: set[str] = set()
        for subject in sorted(subjects):
            if not subject.startswith("<"):
                continue
            node = pyoxigraph.NamedNode(subject[1:-1])
            for q in self.ox.quads_for_pattern(node, None, None, default):
                predicate = f"<{q.predicate.value}>"
                if predicate in wanted:
                    statements.add(f"{subject} {predicate} {q.object}")
            for q in self.ox.quads_for_pattern(None, None, node, default) if inverse else ():
                predicate = f"<{q.predicate.value}>"
                if predicate in inverse:
                    statements.add(f"{q.subject} {predicate} {subject}")
        return sorted(statements)

    def to_dataset(self) -> Any:  # noqa: D102
        import pyoxigraph
        from rdflib import Dataset, URIRef

        ds = bind_prefixes(Dataset())
        ds.default_graph.parse(data=self._dump(pyoxigraph.DefaultGraph()), format="nt")
        for graph in self.ox.named_graphs():
            ds.graph(URIRef(graph.value)).parse(data=self._dump(graph), format="nt")
        return ds

    def flush(self) -> None:  # noqa: D102
        if self.directory is not None and not self.read_only:
            self.ox.flush()

    def optimize(self) -> None:  # noqa: D102
        if self.directory is not None and not self.read_only:
            self.ox.optimize()

    def close(self) -> None:  # noqa: D102
        if self.ox is not None:
            self.flush()
            self.ox = None


class RdflibBackend:
    """An rdflib :class:`~rdflib.Dataset` kept in ``DIR/dataset.nq`` (rewritten on change)."""

    name = "rdflib"

    def __init__(self, directory: Path | None, *, read_only: bool = False) -> None:
        from rdflib import Dataset

        self.directory = directory
        self.read_only = read_only
        self.ds: Any = Dataset()
        if directory is not None and (directory / "dataset.nq").is_file():
            self.ds.parse(directory / "dataset.nq", format="nquads")

    @property
    def native(self) -> Any:  # noqa: D102 - documented on the protocol
        return self.ds

    def article_hashes(self) -> dict[str, str]:  # noqa: D102
        from rdflib import URIRef

        hashes = {}
        for s, _, o, g in self.ds.quads((None, URIRef(CONTENT_HASH), None, None)):
            g_iri = str(g.identifier if hasattr(g, "identifier") else g)
            if str(s) == g_iri:
                hashes[g_iri] = str(o)
        return hashes

    def document_statements(self, graph: str) -> set[str]:  # noqa: D102
        from rdflib import URIRef

        node = URIRef(graph)
        return {
            f"{node.n3()} {p.n3()} {o.n3()}" for p, o in self.ds.graph(node).predicate_objects(node)
        }

    def canonical_statements(self, text: str) -> set[str]:  # noqa: D102
        from rdflib import Graph

        return {f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in Graph().parse(data=text, format="nt")}

    def graphs(self) -> list[str]:  # noqa: D102
        return sorted(
            str(g.identifier) for g in self.ds.graphs() if str(g.identifier) != _DEFAULT_GRAPH
        )

    def contains(self, graph: str) -> bool:  # noqa: D102
        from rdflib import URIRef

        return len(self.ds.graph(URIRef(graph))) > 0

    def graph_statements(self, graph: str) -> list[str]:  # noqa: D102
        from rdflib import URIRef

        return _statements(self.ds.graph(URIRef(graph)).serialize(format="nt"))

    def shared_statements(self) -> list[str]:  # noqa: D102
        return sorted(_statements(self.ds.default_graph.serialize(format="nt")))

    def quad_count(self) -> int:  # noqa: D102
        return sum(len(g) for g in self.ds.graphs())

    def bulk_sink(self, directory: Path | None) -> tuple[IO[bytes] | None, Path | None]:  # noqa: D102
        return None, None

    def load(self, sink, path, kept, lenient) -> None:  # noqa: D102
        self.apply([], kept, ())

    def apply(self, drop, new, delete) -> None:  # noqa: D102
        from rdflib import Graph, URIRef

        default = self.ds.default_graph
        if delete:
            for triple in Graph().parse(data=ntriples.block(delete), format="nt"):
                default.remove(triple)
        for graph in drop:
            self.ds.remove_graph(URIRef(graph))
        for article in new:
            self.ds.graph(URIRef(article.graph)).parse(
                data=article.own.decode("utf-8"), format="nt"
            )
            if article.shared:
                default.parse(data=ntriples.block(article.shared), format="nt")
        self._save()

    def _save(self) -> None:
        if self.directory is None:
            return
        text = self.ds.serialize(format="nquads")
        lines = sorted(line for line in text.splitlines() if line.strip())
        write_text_atomic(self.directory / "dataset.nq", "\n".join(lines) + ("\n" if lines else ""))

    def max_count_statements(self, subjects, limits) -> list[str]:  # noqa: D102
        # a small store: read its shared statements
        statements = self.shared_statements()
        if subjects is not None:
            wanted = set(subjects)
            statements = [st for st in statements if ntriples.subject(st) in wanted]
        return sorted(statements)

    def to_dataset(self) -> Any:  # noqa: D102
        return self.ds

    def flush(self) -> None:  # noqa: D102
        pass

    def optimize(self) -> None:  # noqa: D102
        pass

    def close(self) -> None:  # noqa: D102
        self.ds = None


#: Store backends by the name a store's manifest records: Oxigraph (RocksDB on disk, the
#: default) and rdflib (an N-Quads file).
BACKENDS: dict[str, type[Backend]] = {"oxigraph": OxigraphBackend, "rdflib": RdflibBackend}
