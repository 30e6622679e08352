"""Where a build puts the articles its workers extracted: a spool or a persistent store.

Both sinks take the articles in the order they come (:meth:`Sink.add`), say which inputs
need no extraction (:meth:`Sink.unchanged`), finish (load, replace, prune), check the
union against the shapes, and hand the writers a :class:`~kg.io.streaming.Quads`.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from kg.build.checks import (
    PYSHACL_LIMIT,
    check_with_pyshacl,
    spool_union_violations,
    store_union_violations,
)
from kg.build.result import BuildResult
from kg.build.workers import ExtractedArticle
from kg.curation.curate import Curation
from kg.curation.ledger import Ledger, LedgerRecord
from kg.errors import ValidationError
from kg.io.spool import Spool
from kg.model import iri
from kg.model.triples import document_ntriples
from kg.records import Document
from kg.store import ArticleStore, Bulk, StoredArticle

__all__ = ["Sink", "SpoolSink", "StoreSink"]

# A batch of new articles goes into the store in one atomic bulk load. Fewer, larger
# loads cost Oxigraph less work (each one is merged into all the data before it), and
# its loader needs about 1 KB of memory per quad.
_BATCH_STATEMENTS = 480_000
BATCH_ARTICLES = 2_000


class Sink(Protocol):
    """What :func:`kg.build.build` writes the extracted articles into."""

    #: What the workers render of each article's own statements.
    render: frozenset[str]

    def unchanged(self, doc: Document, *, force: bool) -> bool:
        """Whether ``doc`` is stored as it is (so it needs no extraction)."""

    def add(self, article: ExtractedArticle, result: BuildResult) -> None:
        """Take one extracted article that conforms to the shapes."""

    def end_chunk(self) -> None:
        """The articles of one chunk (a partition) are all added."""

    def finish(self, result: BuildResult, *, keep: Iterable[str] | None) -> None:
        """Store what is pending; ``keep``: the document ids to keep (prune the others)."""

    def check(self, result: BuildResult) -> str:
        """Check the union against the shapes (raises); returns how it was checked."""

    def quad_source(self) -> Any:
        """The graphs, for the writers and the view."""

    def close(self, *, abort: bool = False) -> None:
        """Release what the sink holds."""


class SpoolSink:
    """A build without a store: the articles' graphs in a temporary spool file."""

    def __init__(self, out_dir: str | Path | None, formats: Iterable[str]) -> None:
        self.spool: Spool | None = Spool()
        formats = {*formats}
        # the workers render N-Triples for the writers, and Turtle blocks for the Turtle
        # and TriG writers when those are asked for
        render = {"ntriples"}
        if out_dir is not None and {"turtle", "trig"} & formats:
            render = {"turtle"} | ({"ntriples"} if formats - {"turtle", "trig"} else set())
        self.render = frozenset(render)

    def unchanged(self, doc: Document, *, force: bool) -> bool:  # noqa: ARG002 - protocol
        return False

    def add(self, article: ExtractedArticle, result: BuildResult) -> None:
        self.spool.add(
            article.graph,
            article.own,
            turtle=article.turtle,
            count=article.own_count,
            groups=article.shared,
        )
        result.new += 1

    def end_chunk(self) -> None:
        pass

    def finish(self, result: BuildResult, *, keep: Iterable[str] | None) -> None:
        pass

    def check(self, result: BuildResult) -> str:
        if result.quads <= PYSHACL_LIMIT:
            check_with_pyshacl(self.spool)
            return "pyshacl"
        _raise_first(spool_union_violations(self.spool))
        return "shapes"

    def quad_source(self) -> Spool:
        return self.spool

    def hand_over(self, result: BuildResult) -> None:
        """Leave the spool to ``result`` (which closes it)."""
        result.spool, self.spool = self.spool, None

    def close(self, *, abort: bool = False) -> None:  # noqa: ARG002 - protocol
        if self.spool is not None:
            self.spool.close()


class StoreSink:
    """An incremental build into a persistent store: new articles in bulks loaded by a
    thread while the workers go on, changed ones replaced and others pruned at the end.

    An article stored with the same text and metadata is built again when the corrections
    or the lexicon that may touch it changed (:mod:`kg.curation.ledger` keeps what each
    stored article was curated with)."""

    render = frozenset({"ntriples", "names"})  # (the ledger keeps each one's name index)

    def __init__(
        self,
        path: str | Path,
        backend: str | None,
        batch_size: int,
        curation: Curation | None = None,
        segmenter: str | None = None,
    ) -> None:
        self.store = ArticleStore(path, backend)
        self.curation = curation if curation is not None else Curation()
        self.segmenter = segmenter  # what the documents extracted now record
        self.ledger = Ledger(path)
        self.recorrect: set[str] = set()  # stored unchanged, curated otherwise now
        self.records: list[LedgerRecord] = []  # of replaced articles, for after the update
        self.kept_applied: list[tuple[str, ...]] = []  # corrections of articles kept as stored
        self.stored = self.store.article_hashes()
        self.batch_size = batch_size
        self.replace: set[str] = set()
        self.changes: list[StoredArticle] = []
        self.written: set[str] = set()
        # subjects of the shared statements added to a store that had articles already
        self.touched: set[str] | None = set() if self.stored else None
        self.loader: _Loader | None = _Loader(self.store)
        # the workers' statements come from kg.model.triples: Oxigraph need not check them
        self.bulk: Bulk | None = self.store.bulk(lenient=True)

    def unchanged(self, doc: Document, *, force: bool) -> bool:
        graph = iri.document_iri(doc.id)
        if graph not in self.stored:
            return False
        if (
            not force
            and self.stored[graph] == doc.content_hash
            and self.store.document_statements(graph)
            == self.store.canonical_statements(document_ntriples(doc, self.segmenter))
        ):
            record = self.ledger.read(graph, doc.content_hash)
            if self._curated_alike(record):
                self.kept_applied.append(record.applied if record is not None else ())
                return True
            self.recorrect.add(graph)
        self.replace.add(graph)
        return False

    def _curated_alike(self, record: LedgerRecord | None) -> bool:
        """Whether a stored article was curated as it would be now."""
        if record is None:  # stored before records were kept (so without curation)
            return not self.curation.entries and not self.curation.names
        return record.digest == self.curation.digest_for(record.names)

    def add(self, article: ExtractedArticle, result: BuildResult) -> None:
        shared = tuple([f"{s} {st}" for s, group in article.shared for st in group])
        stored = StoredArticle(article.graph, article.own or b"", shared, article.content_hash)
        record = LedgerRecord(
            article.graph, article.content_hash, article.digest, article.names, article.applied
        )
        if article.graph in self.replace:
            self.changes.append(stored)
            self.records.append(record)
            if article.graph in self.recorrect:
                result.recorrected += 1
            else:
                result.changed += 1
        else:
            self.ledger.write(record)  # before the article is loaded: no version has its name
            self.bulk.add(stored)
            result.new += 1
        self.written.add(article.graph)
        if self.touched is not None:
            self.touched.update(s for s, _ in article.shared)
        if self.bulk.quads >= _BATCH_STATEMENTS or self.bulk.articles >= self.batch_size:
            self.loader.put(self.bulk)
            self.bulk = self.store.bulk(lenient=True)

    def end_chunk(self) -> None:
        pass

    def finish(self, result: BuildResult, *, keep: Iterable[str] | None) -> None:
        self.loader.put(self.bulk)
        self.bulk = None
        self.loader.finish()
        self.loader = None
        removed: list[str] = []
        if keep is not None:
            kept = {iri.document_iri(doc_id) for doc_id in keep}
            removed = [g for g in self.stored if g not in kept]
        for record in self.records:  # same text: pending; a new version: its own record
            if self.stored.get(record.graph) == record.content_hash:
                self.ledger.mark_pending(record.graph, record.content_hash)
            else:
                self.ledger.write(record)
        if self.changes or removed:
            result.removed = self.store.update(self.changes, removed)
        self.changes = []
        for record in self.records:
            old = self.stored.get(record.graph)
            if old == record.content_hash:
                self.ledger.write(record)
            elif old is not None:
                self.ledger.drop(record.graph, old)
        for graph in removed:
            self.ledger.drop(graph, self.stored[graph])
        self.records = []
        for applied in self.kept_applied:
            result.corrections.add(applied)
        self.store.flush()
        result.quads = self.store.quad_count()
        result.articles_in_store = len(self.stored.keys() | self.written) - result.removed

    def check(self, result: BuildResult) -> str:  # noqa: ARG002 - protocol
        _raise_first(store_union_violations(self.store, self.touched))
        self.touched = None
        return "shapes"

    def quad_source(self) -> ArticleStore:
        return self.store

    def hand_over(self, result: BuildResult) -> None:
        """Nothing to hand over: the graph stays in the store (:attr:`BuildResult.store_path`)."""

    def close(self, *, abort: bool = False) -> None:
        if self.bulk is not None:
            self.bulk.discard()
            self.bulk = None
        if self.loader is not None:
            self.loader.finish(abort=True)
            self.loader = None
        self.store.close()


def _raise_first(violations: list[str]) -> None:
    if violations:
        raise ValidationError("the built graph does not conform to the shapes: " + violations[0])


class _Loader:
    """Loads bulks of new articles into the store in a thread, while workers extract more.

    Oxigraph releases the interpreter lock while it ingests, so loading overlaps with
    extraction. Each bulk is one atomic load; :meth:`finish` waits for the bulks handed
    over (with ``abort``, only for the one being loaded; the others are discarded) and
    re-raises an error.
    """

    def __init__(self, store: ArticleStore) -> None:
        self.store = store
        self.queue: queue.Queue = queue.Queue(maxsize=1)
        self.error: BaseException | None = None
        self.abort = False
        self.thread = threading.Thread(target=self._run, name="kg-store-loader")
        self.thread.start()

    def _run(self) -> None:
        while True:
            bulk = self.queue.get()
            if bulk is None:
                return
            if self.abort or self.error is not None:
                bulk.discard()
                continue
            try:
                self.store.load(bulk)
            except BaseException as exc:  # handed to the main thread
                self.error = exc

    def put(self, bulk: Any) -> None:
        if self.error is not None:
            bulk.discard()
            raise self.error
        if bulk.articles:
            self.queue.put(bulk)
        else:
            bulk.discard()

    def finish(self, *, abort: bool = False) -> None:
        if self.thread.is_alive():
            self.abort = self.abort or abort
            self.queue.put(None)
            self.thread.join()
        if self.error is not None and not abort:
            raise self.error
