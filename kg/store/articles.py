"""A persistent store of articles, one named graph each, that incremental builds update.

A store is a directory: ``kg-store.json`` (which backend, format version), the data,
``oxigraph/`` (a RocksDB-backed :class:`pyoxigraph.Store`, the default) or ``dataset.nq``
(rdflib, for tiny graphs or when asked), ``shared/``, which records the shared
statements each article contributed, ``kg-store.lock``, which the one writer at a time
holds locked (:mod:`kg.store.lock`; a second writer is refused), and while a build runs,
``.bulk-*.nq`` files of new articles waiting to be loaded (one left by a killed build is removed on the next opening). Each article's own nodes (its document, sentences,
mentions and assertions, see :func:`kg.model.triples.is_own_statement`) live in the named graph
called by the document's IRI; the statements articles share (entities, facts,
quantities) live once in the default graph. Queries see the union of all graphs, in which
every triple occurs once. Removing or replacing an article drops its graph and deletes
from the default graph exactly the statements no other article contributes, so an article
is removed or replaced with exactly its assertions.

Every write is atomic: new articles go in with one Oxigraph bulk load per batch (one
RocksDB ingestion of whole articles), changed and removed ones in SPARQL Update
transactions, and the rdflib backend rewrites its file by rename. An article's record in
``shared/`` is named after its content hash and written before the article is stored,
and the record of an earlier version is removed only after, so a build that is
interrupted leaves the store as it was or with whole articles more, and the records
always describe what is stored.

Queries on a store run through :func:`kg.sparql.open_graph`.
The backends that hold the quads are in :mod:`kg.store.backends`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from kg.io.files import write_text_atomic
from kg.io.streaming import ntriples_block
from kg.model.triples import statement_groups
from kg.store.backends import BACKENDS, Backend, StoreError, restore_decimals
from kg.store.lock import StoreLock, holds_other_files, lock_for_writing
from kg.store.stored import StoredArticle

__all__ = [
    "BACKENDS",
    "MANIFEST",
    "StoreError",
    "StoredArticle",
    "Bulk",
    "ArticleStore",
    "is_store",
    "restore_decimals",
]

#: Name of the file that marks a directory as a store and records its backend.
MANIFEST = "kg-store.json"

_FORMAT = "chengyu-kg store"
_VERSION = 3  # 3: compact provenance (spans named #char=s,e, the text once)
# Oxigraph ingests a bulk load atomically in batches of up to a million quads; stay below.
_MAX_BULK_QUADS = 900_000
# Shared statements remembered as loaded by one store instance, at most.
_MAX_LOADED = 2_000_000
# Changed or removed articles per update transaction.
_CHANGE_BATCH = 200


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
        raise StoreError(
            f"{path}: a store of another version ({manifest.get('version')!r}, this one reads "
            f"{_VERSION}); build it again into a new directory with kg build --store"
        )
    return manifest


def _graph_iri(graph: str) -> str:
    return graph[1:-1] if graph.startswith("<") else graph


class Bulk:
    """New articles on their way into a store, for one atomic :meth:`ArticleStore.load`.

    Each article added is recorded in ``shared/`` and, for Oxigraph, written as N-Quads to
    a file in the store directory (in memory for an in-memory store), so a batch costs
    the store's loader its memory, not Python's. A shared statement that the store
    instance has loaded, or that is in the bulk already, is not written again (known by a
    128-bit digest).
    """

    def __init__(self, store: ArticleStore, *, lenient: bool = False) -> None:
        self.store = store
        self.lenient = lenient
        self.articles = 0
        self.quads = 0
        self.fresh: set[bytes] = set()
        self.kept: list[StoredArticle] = []
        # where the bulk's N-Quads go (and its file), or None: the articles are kept
        self.sink, self.path = store.storage.bulk_sink(store.path)

    def add(self, article: StoredArticle) -> None:
        """Record one article's shared statements and queue the article for loading."""
        store = self.store
        store._write_records([article])
        self.articles += 1
        if self.sink is None:
            self.kept.append(article)
            self.quads += article.statements
            return
        loaded, fresh, digest = store._loaded, self.fresh, hashlib.blake2b
        shared = []
        for statement in article.shared:
            key = digest(statement.encode("utf-8"), digest_size=16).digest()
            if key not in loaded:
                loaded.add(key)
                fresh.add(key)
                shared.append(statement)
        self.sink.write(article.own.replace(b" .\n", f" <{article.graph}> .\n".encode()))
        if shared:
            self.sink.write(ntriples_block(shared).encode("utf-8"))
        self.quads += article.own.count(b"\n") + len(shared)

    def discard(self) -> None:
        """Drop what is not loaded (the file, for Oxigraph); idempotent."""
        self.store._loaded -= self.fresh
        self.fresh = set()
        if self.sink is not None:
            self.sink.close()
            self.sink = None
        if self.path is not None:
            self.path.unlink(missing_ok=True)
            self.path = None
        self.kept = []


class ArticleStore:
    """Articles' named graphs in a directory (or in memory when ``path`` is ``None``).

    ``backend`` is ``"oxigraph"`` or ``"rdflib"``; an existing store keeps the backend it
    was created with (asking for another raises :class:`StoreError`). Opened to write (not
    ``read_only``), it holds the store's lock until closed, and raises :class:`StoreError`
    when another process holds it. Use it as a context manager, or call :meth:`close`.
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
        self._lock: StoreLock | None = None
        if self.path is not None and not read_only:
            self._lock = lock_for_writing(self.path, is_store(self.path), create=create)
        try:
            self._open(backend, create=create, read_only=read_only)
        except BaseException:
            self.close()
            raise

    def _open(self, backend: str | None, *, create: bool, read_only: bool) -> None:
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
            if holds_other_files(self.path):
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
        self._records: dict[tuple[str, str], frozenset[str]] = {}
        self._records_dir: Path | None = None  # made by this instance
        # digests of the shared statements this instance has loaded or is loading (not
        # loaded again by later bulks)
        self._loaded: set[bytes] = set()
        self.storage: Backend = BACKENDS[self.backend](self.path, read_only=read_only)

    def close(self) -> None:
        """Flush and release the store and its lock (idempotent)."""
        try:
            storage = getattr(self, "storage", None)
            if storage is not None:
                storage.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> ArticleStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ reading

    def article_hashes(self) -> dict[str, str]:
        """Graph IRI -> content hash of every stored article."""
        return self.storage.article_hashes()

    def document_statements(self, graph: str) -> set[str]:
        """The stored triples about the document node itself, as N-Triples statements."""
        return self.storage.document_statements(_graph_iri(graph))

    def canonical_statements(self, ntriples: str) -> set[str]:
        """N-Triples statements written the way this store writes them back (to compare)."""
        return self.storage.canonical_statements(ntriples)

    def graphs(self) -> list[str]:
        """IRIs of the stored articles' graphs, sorted."""
        return self.storage.graphs()

    def __contains__(self, graph: str) -> bool:
        return self.storage.contains(_graph_iri(graph))

    def graph_statements(self, graph: str) -> list[str]:
        """One article's own statements as N-Triples statements (``s p o``, no final `` .``)."""
        return self.storage.graph_statements(_graph_iri(graph))

    def shared_statements(self) -> list[str]:
        """The statements of the default graph (what articles share), sorted."""
        return self.storage.shared_statements()

    def shared_groups(self) -> list[tuple[str, tuple[str, ...]]]:
        """The shared statements grouped by subject, subjects sorted."""
        return list(statement_groups(self.shared_statements()))

    def rendered(self, graph: str, fmt: str) -> tuple[str, int] | None:  # noqa: ARG002
        """``None``: a store holds no rendered blocks (see :class:`kg.io.streaming.Quads`)."""
        return None

    def rendered_bytes(self, graph: str, fmt: str) -> tuple[bytes, int] | None:  # noqa: ARG002
        """``None``: a store holds no rendered blocks."""
        return None

    def max_count_statements(
        self, subjects: set[str] | None, limits: Mapping[str, int]
    ) -> list[str]:
        """The shared statements a ``sh:maxCount`` check of ``subjects`` (``<iri>``) needs;
        ``None``: of the subjects that may break one of ``limits``."""
        return self.storage.max_count_statements(subjects, limits)

    def quad_count(self) -> int:
        """Number of quads: the articles' own statements plus the shared ones."""
        return self.storage.quad_count()

    def triple_count(self) -> int:
        """Number of distinct triples in the union of the graphs.

        Equal to :meth:`quad_count`: own statements belong to one graph each and are
        never shared, and the default graph holds each shared statement once.
        """
        return self.quad_count()

    def __len__(self) -> int:
        return len(self.graphs())

    # ------------------------------------------------------------------ shared records

    def _record_path(self, graph: str, content_hash: str) -> Path | None:
        if self.path is None:
            return None
        name = hashlib.sha1(f"{graph}\x1f{content_hash}".encode()).hexdigest()
        return self.path / "shared" / f"{name}.nt"

    def _write_records(self, articles: Iterable[StoredArticle]) -> None:
        """Record the shared statements of ``articles`` (before they are stored)."""
        for article in articles:
            path = self._record_path(article.graph, article.content_hash)
            if path is None:
                self._records[(article.graph, article.content_hash)] = frozenset(article.shared)
                continue
            if path.parent != self._records_dir:
                path.parent.mkdir(exist_ok=True)
                self._records_dir = path.parent
            tmp = path.with_name(path.name + ".tmp")
            with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(f"# {article.graph} {article.content_hash}\n")
                handle.write(ntriples_block(article.shared))
            os.replace(tmp, path)

    def _read_record(self, graph: str, content_hash: str) -> frozenset[str]:
        path = self._record_path(graph, content_hash)
        if path is None:
            return self._records.get((graph, content_hash), frozenset())
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return frozenset()
        return frozenset(line[:-2] for line in text.split("\n")[1:] if line)

    def _drop_record(self, graph: str, content_hash: str) -> None:
        path = self._record_path(graph, content_hash)
        if path is None:
            self._records.pop((graph, content_hash), None)
        else:
            path.unlink(missing_ok=True)

    def _contributors(self, statements: set[str], hashes: Mapping[str, str]) -> dict[str, set]:
        """For each of ``statements``, the stored articles (of ``hashes``) that make it."""
        index: dict[str, set] = {st: set() for st in statements}
        if not statements:
            return index
        if self.path is None:
            for (graph, content_hash), shared in self._records.items():
                if hashes.get(graph) == content_hash:
                    for st in shared & statements:
                        index[st].add(graph)
            return index
        folder = self.path / "shared"
        for path in sorted(folder.glob("*.nt")) if folder.is_dir() else ():
            with open(path, encoding="utf-8") as handle:
                head = handle.readline().split()
                if len(head) != 3 or hashes.get(head[1]) != head[2]:
                    continue  # the record of an article not (or no longer) stored
                for line in handle:
                    st = line[:-3]
                    if st in index:
                        index[st].add(head[1])
        return index

    # ------------------------------------------------------------------ writing

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    def bulk(self, *, lenient: bool = False) -> Bulk:
        """An empty :class:`Bulk` of new articles for :meth:`load`.

        ``lenient``: the articles' statements are as :mod:`kg.model.triples` writes them (IRIs
        minted by :mod:`kg.model.iri`, literals escaped), so Oxigraph may skip its own checks
        when it loads them (about 7% faster); otherwise a malformed statement fails the
        load.
        """
        self._check_writable()
        if len(self._loaded) > _MAX_LOADED:
            self._loaded.clear()
        return Bulk(self, lenient=lenient)

    def load(self, bulk: Bulk) -> None:
        """Store a bulk's articles, atomically as a whole, and discard the bulk.

        Oxigraph: one bulk load, a single RocksDB ingestion while the bulk stays under a
        million quads (Oxigraph's batch); rdflib: one rewrite of its file.
        """
        self._check_writable()
        try:
            if bulk.articles:
                self.storage.load(bulk.sink, bulk.path, bulk.kept, bulk.lenient)
            bulk.fresh = set()  # loaded
        finally:
            bulk.discard()

    def add(self, articles: Sequence[StoredArticle]) -> None:
        """Add articles whose graphs are not in the store yet, atomically as a whole.

        Oxigraph: one bulk load; batches over :data:`_MAX_BULK_QUADS` statements are split
        at article boundaries, each part atomic.
        """
        bulk = self.bulk()
        try:
            for article in articles:
                if bulk.articles and bulk.quads + article.statements > _MAX_BULK_QUADS:
                    self.load(bulk)
                    bulk = self.bulk()
                bulk.add(article)
            self.load(bulk)
        finally:
            bulk.discard()

    def replace(self, article: StoredArticle) -> None:
        """Replace one article's graph and shared statements in one transaction."""
        self.update([article], ())

    def remove(self, graphs: Iterable[str]) -> int:
        """Remove articles (a transaction per batch); returns how many were there."""
        return self.update((), graphs)

    def update(
        self,
        changed: Sequence[StoredArticle],
        removed: Iterable[str],
        *,
        batch_size: int = _CHANGE_BATCH,
    ) -> int:
        """Replace the ``changed`` articles and remove the ``removed`` ones.

        Each batch of articles is one transaction. A shared statement is deleted when no
        stored article makes it any more. Returns how many of ``removed`` were stored.
        """
        self._check_writable()
        self._loaded.clear()  # some shared statements may go
        hashes = self.article_hashes()
        removed = sorted({_graph_iri(g) for g in removed} & hashes.keys())
        targets = [(a.graph, a) for a in changed] + [(g, None) for g in removed]
        if not targets:
            return 0
        old = {g: self._read_record(g, hashes[g]) for g, _ in targets if g in hashes}
        index = self._contributors(set().union(*old.values()) if old else set(), hashes)
        for start in range(0, len(targets), batch_size):
            chunk = targets[start : start + batch_size]
            candidates: set[str] = set()
            for graph, _ in chunk:
                for st in old.get(graph, ()):
                    index[st].discard(graph)
                    candidates.add(st)
            for graph, article in chunk:
                if article is not None:
                    for st in article.shared:
                        if st in index:
                            index[st].add(graph)
            delete = sorted(st for st in candidates if not index[st])
            new = [a for _, a in chunk if a is not None]
            # a record names the article's content hash; one that keeps its name (same
            # text, other metadata) holds the old and new statements until the commit
            same = [a for a in new if hashes.get(a.graph) == a.content_hash]
            self._write_records(
                [a for a in new if hashes.get(a.graph) != a.content_hash]
                + [replace(a, shared=tuple(sorted(old[a.graph] | {*a.shared}))) for a in same]
            )
            self.storage.apply([g for g, _ in chunk], new, delete)
            self._write_records(same)
            for graph, article in chunk:
                if graph in hashes and (article is None or article.content_hash != hashes[graph]):
                    self._drop_record(graph, hashes[graph])
        return len(removed)

    def flush(self) -> None:
        """Make everything written so far durable."""
        self.storage.flush()

    def optimize(self) -> None:
        """Compact the on-disk indexes (Oxigraph), which speeds up later queries."""
        self.storage.optimize()

    # ------------------------------------------------------------------ reading whole

    @property
    def backend_name(self) -> str:
        """The backend's name, a key of :data:`BACKENDS`."""
        return self.backend

    @property
    def native(self) -> Any:
        """What the backend keeps the graphs in: a :class:`pyoxigraph.Store` or an rdflib
        :class:`~rdflib.Dataset` (for engines that query it)."""
        return self.storage.native

    def to_dataset(self) -> Any:
        """The stored graphs as an rdflib :class:`~rdflib.Dataset` (for small stores)."""
        return self.storage.to_dataset()


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
