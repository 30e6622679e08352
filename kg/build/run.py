"""Build a knowledge graph from articles: read, extract, map to RDF, validate, write.

Articles stream from the inputs through a process pool (``jobs``) that extracts them,
renders and sorts each one's statements, splits them into the article's own and the
shared ones, and checks them against the shapes. The main process either writes them
to a bulk file in a persistent store and hands each full bulk (whole articles, about half
a million statements) to a thread that loads it into Oxigraph while the workers go on
(``store=DIR``, which makes the build incremental), or spools them, with the Turtle
blocks the workers rendered, to a temporary file. Outputs are written from the store or
the spool by the streaming writers of :mod:`kg.io.streaming`, each to a temporary file
renamed into place once all are complete.
"""

from __future__ import annotations

import gc
import itertools
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError, ValidationError
from kg.records import Document, Extraction

if TYPE_CHECKING:
    from kg.model.triples import SubjectGroups

__all__ = [
    "AgreementSummary",
    "ArticleSummary",
    "BuildSummary",
    "BuildResult",
    "build",
    "PYSHACL_LIMIT",
]

#: Builds without a store of up to this many quads are validated with pySHACL over the
#: whole union graph; others with the compiled shapes of :mod:`kg.model.shapes` (per article in
#: the workers, plus ``sh:maxCount`` over the statements articles share).
PYSHACL_LIMIT = 10_000

# A batch of new articles goes into the store in one atomic bulk load. Fewer, larger
# loads cost Oxigraph less work (each one is merged into all the data before it), and
# its loader needs about 1 KB of memory per quad.
_BATCH_STATEMENTS = 480_000
_BATCH_ARTICLES = 2_000
# Articles per task sent to a worker process: small tasks first, so that a small build
# keeps every worker busy, then larger ones, which cost the main process less to hand out
# and gather.
_CHUNK = 8
_CHUNK_LARGE = 32
_CHUNK_RAMP = 256  # articles sent in small tasks
# Extraction makes many short-lived containers and few reference cycles: the youngest
# generation is collected less often than Python's default (700 allocations).
_GC_THRESHOLDS = (20_000, 50, 100)


@dataclass(frozen=True)
class AgreementSummary:
    """An agreement with its parties and signing dates, for the build summary."""

    label: str
    parties: tuple[str, ...]
    dates: tuple[str, ...]


@dataclass(frozen=True)
class ArticleSummary:
    """What the build summary needs from one extraction (small, cheap to send between processes)."""

    entities: tuple[tuple[str, str], ...]
    agreements: tuple[tuple[str, str], ...]
    parties: tuple[tuple[str, str, str], ...]
    dates: tuple[tuple[str, str, str], ...]

    @classmethod
    def of(cls, ex: Extraction) -> ArticleSummary:
        """The summary of one extraction."""
        entities = {(m.entity.cls, m.entity.key) for m in ex.mentions}
        agreements = {
            (m.entity.key, m.entity.label) for m in ex.mentions if m.entity.cls == "Agreement"
        }
        parties, dates = set(), set()
        for rel in ex.relations:
            if rel.predicate == "party":
                parties.add((rel.subject.key, rel.subject.label, rel.object.label))  # type: ignore[union-attr]
            elif rel.predicate == "signedOn":
                dates.add((rel.subject.key, rel.subject.label, rel.object.lexical))  # type: ignore[union-attr]
        return cls(
            tuple(sorted(entities)),
            tuple(sorted(agreements)),
            tuple(sorted(parties)),
            tuple(sorted(dates)),
        )


@dataclass
class BuildSummary:
    """Entities and agreements of the articles a build extracted, accumulated."""

    entities: set[tuple[str, str]] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)
    parties: dict[str, set[str]] = field(default_factory=dict)
    dates: dict[str, set[str]] = field(default_factory=dict)

    def add(self, summary: ArticleSummary) -> None:
        """Fold one article's summary in."""
        self.entities.update(summary.entities)
        for key, label in summary.agreements:
            self.labels.setdefault(key, label)
            self.parties.setdefault(key, set())
            self.dates.setdefault(key, set())
        for key, label, party in summary.parties:
            self.labels.setdefault(key, label)
            self.parties.setdefault(key, set()).add(party)
        for key, label, date in summary.dates:
            self.labels.setdefault(key, label)
            self.dates.setdefault(key, set()).add(date)


@dataclass
class BuildResult:
    """What a build read, extracted and wrote.

    ``documents`` are the articles read; ``extractions`` are kept only with
    ``keep_records=True`` (they are large); the counts say what happened to each article
    (``new``, ``changed``, ``unchanged``, ``removed``). ``dataset`` is the built graph as
    an rdflib dataset, made on first use (fine for small graphs; large ones belong in
    the store: :attr:`store_path`, or open it with :func:`kg.store.articles.open_graph` of :mod:`kg.sparql`).
    """

    documents: list[Document]
    extractions: list[Extraction] = field(default_factory=list)
    summary: BuildSummary = field(default_factory=BuildSummary)
    outputs: list[Path] = field(default_factory=list)
    store_path: Path | None = None
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    articles_in_store: int = 0
    quads: int = 0
    seconds: float = 0.0
    bytes_read: int = 0
    validated: str = ""
    _triples: int | None = None
    _dataset: Any = None
    _source: Any = None

    @property
    def extracted(self) -> int:
        """Articles extracted by this build (new or changed)."""
        return self.new + self.changed

    @property
    def dataset(self) -> Any:
        """The built graph as an rdflib :class:`~rdflib.Dataset` (named graph per article)."""
        if self._dataset is None:
            if self._source is not None:
                self._dataset = self._source.to_dataset()
            elif self.store_path is not None:
                from kg.store import ArticleStore

                with ArticleStore(self.store_path, create=False, read_only=True) as store:
                    self._dataset = store.to_dataset()
            else:  # pragma: no cover - every build has a source or a store
                raise ValueError("this build kept no graph")
        return self._dataset

    @property
    def triples(self) -> int:
        """Number of distinct triples in the union graph."""
        if self._triples is None:
            if self._source is not None:
                self._triples = self._source.triple_count()
            else:
                from kg.io.graph_files import union_graph

                self._triples = len(union_graph(self.dataset))
        return self._triples

    def entity_counts(self) -> dict[str, int]:
        """Distinct entities per class over the extracted articles."""
        return dict(sorted(Counter(cls for cls, _ in self.summary.entities).items()))

    def agreements(self) -> list[AgreementSummary]:
        """Agreements with their parties and dates, sorted by label."""
        s = self.summary
        return sorted(
            (
                AgreementSummary(
                    s.labels[k],
                    tuple(sorted(s.parties.get(k, ()))),
                    tuple(sorted(s.dates.get(k, ()))),
                )
                for k in s.labels
            ),
            key=lambda a: a.label,
        )

    def encodings(self) -> dict[str, int]:
        """Number of documents per source encoding (of the documents read)."""
        return dict(sorted(Counter(d.encoding for d in self.documents).items()))

    def close(self) -> None:
        """Release the temporary file holding the graph of a build without ``store``."""
        if self._source is not None:
            self._source.close()
            self._source = None


# ---------------------------------------------------------------------- extraction


@dataclass(frozen=True)
class _Article:
    """One extracted article as it comes back from a worker."""

    doc_id: str
    graph: str
    own: bytes | None
    own_count: int
    shared: SubjectGroups  # the shared statements, by subject
    content_hash: str
    turtle: bytes | None
    violations: tuple[str, ...]
    summary: ArticleSummary
    extraction: Extraction | None

    @property
    def statements(self) -> int:
        return self.own_count + sum(len(statements) for _, statements in self.shared)

    def stored(self) -> Any:
        from kg.store import StoredArticle

        shared = tuple([f"{s} {st}" for s, group in self.shared for st in group])
        return StoredArticle(self.graph, self.own or b"", shared, self.content_hash)


_LEXICON: Any = None
_COMPACT: Any = None


def _worker_init() -> None:
    """Set up a worker process: leave what it inherits out of garbage collection."""
    gc.freeze()
    gc.set_threshold(*_GC_THRESHOLDS)


def _warm_up() -> None:
    """Load the lexicon (and jieba's dictionary) once, before worker processes fork."""
    global _LEXICON
    from kg.extract import Lexicon

    if _LEXICON is None:
        _LEXICON = Lexicon.default()


def _extract_chunk(
    docs: Sequence[Document], keep: bool, validate: bool, render: frozenset[str]
) -> list[_Article]:
    """Extract documents and render, sort and check their statements (in a worker).

    Each article's statements are split into its own (its graph) and the shared ones.
    ``render`` says how its own go back, UTF-8 encoded: ``"ntriples"`` (N-Triples) and/or
    ``"turtle"`` (a Turtle block for the writers).
    """
    global _COMPACT
    from kg.extract import extract
    from kg.io.streaming import turtle_block_of_triples
    from kg.model import iri
    from kg.model.shapes import check_triples
    from kg.model.triples import extraction_terms, split_terms, subject_groups

    _warm_up()
    if "turtle" in render and _COMPACT is None:
        from kg.io.streaming import turtle_compactor

        _COMPACT = turtle_compactor()
    out = []
    for doc in docs:
        ex = extract(doc, _LEXICON)
        graph = iri.document_iri(doc.id)
        triples = extraction_terms(ex)
        own, shared = split_terms(triples, graph)
        violations: tuple[str, ...] = ()
        if validate:
            violations = tuple(check_triples(triples, limit=3))
        turtle = None
        if "turtle" in render:
            turtle = turtle_block_of_triples(own, _COMPACT, graph).encode("utf-8")
        out.append(
            _Article(
                doc.id,
                graph,
                "".join([f"{s} {p} {o} .\n" for s, p, o in own]).encode("utf-8")
                if "ntriples" in render
                else None,
                len(own),
                subject_groups(shared),
                doc.content_hash,
                turtle,
                violations,
                ArticleSummary.of(ex),
                ex if keep else None,
            )
        )
    return out


class _Pool:
    """In-order parallel map over chunks with a bounded number of tasks in flight."""

    def __init__(self, jobs: int) -> None:
        import multiprocessing

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        if method == "fork":
            _warm_up()  # the workers inherit the loaded lexicon
        self.jobs = jobs
        self.pool = (
            multiprocessing.get_context(method).Pool(jobs, initializer=_worker_init)
            if jobs > 1
            else None
        )

    def map(
        self,
        chunks: Iterable[list[Document]],
        keep: bool,
        validate: bool,
        render: frozenset[str],
    ) -> Iterator[list[_Article]]:
        if self.pool is None:
            for chunk in chunks:
                yield _extract_chunk(chunk, keep, validate, render)
            return
        from collections import deque

        window: deque = deque()
        for chunk in chunks:
            args = (chunk, keep, validate, render)
            window.append(self.pool.apply_async(_extract_chunk, args))
            if len(window) >= self.jobs * 3:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()

    def close(self, *, abort: bool = False) -> None:
        if self.pool is not None:
            if abort:
                self.pool.terminate()
            else:
                self.pool.close()
            self.pool.join()
            self.pool = None


class _Loader:
    """Loads bulks of new articles into the store in a thread, while workers extract more.

    Oxigraph releases the interpreter lock while it ingests, so loading overlaps with
    extraction. Each bulk is one atomic load; :meth:`finish` waits for the bulks handed
    over (with ``abort``, only for the one being loaded; the others are discarded) and
    re-raises an error.
    """

    def __init__(self, store: Any) -> None:
        import queue
        import threading

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


def _progress(enabled: bool | None) -> Any:
    """A progress bar on stderr counting articles (off when stderr is not a terminal)."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        return None
    return tqdm(unit=" articles", file=sys.stderr, smoothing=0.1, dynamic_ncols=True)


# ---------------------------------------------------------------------- validation


def _pyshacl(source: Any) -> None:
    from kg.io.graph_files import union_graph
    from kg.model.validate import validate as shacl_validate

    report = shacl_validate(union_graph(source.to_dataset()))
    if not report.conforms:
        first = next((ln.strip() for ln in report.text.splitlines() if "Message" in ln), "")
        raise ValidationError(f"the built graph does not conform to the shapes: {first}")


def _union_violations(target: Any, subjects: Iterable[str] | None) -> list[str]:
    """``sh:maxCount`` violations over the union, for the subjects articles share.

    ``subjects``: the subjects (``<iri>``) of the shared statements a build added, or
    ``None`` for all of them (a new store), of which Oxigraph counts out the suspects.
    """
    from kg.model.shapes import check_union_max_counts, max_count_limits

    if target.backend != "oxigraph":  # a small store: read its shared statements
        statements = target.shared_statements()
        if subjects is not None:
            wanted = set(subjects)
            statements = [st for st in statements if st.split(" ", 1)[0] in wanted]
        return check_union_max_counts(sorted(statements), limit=5)
    import pyoxigraph

    store = target.oxigraph
    limits = max_count_limits()
    if subjects is None:  # the shared statements are in the default graph
        subjects = set()
        for key, n in sorted(limits.items()):
            inverse = key.startswith("^")
            focus, other = ("?o", "?s") if inverse else ("?s", "?o")
            query = (
                f"SELECT {focus} WHERE {{ ?s {key.lstrip('^')} ?o }} "
                f"GROUP BY {focus} HAVING (COUNT({other}) > {n})"
            )
            subjects.update(str(row[0]) for row in store.query(query))
    wanted = {key for key in limits if not key.startswith("^")}
    wanted.add("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>")
    inverse = {key[1:] for key in limits if key.startswith("^")}
    default = pyoxigraph.DefaultGraph()
    statements: set[str] = set()
    for subject in sorted(subjects):
        if not subject.startswith("<"):
            continue
        node = pyoxigraph.NamedNode(subject[1:-1])
        for q in store.quads_for_pattern(node, None, None, default):
            predicate = f"<{q.predicate.value}>"
            if predicate in wanted:
                statements.add(f"{subject} {predicate} {q.object}")
        for q in store.quads_for_pattern(None, None, node, default) if inverse else ():
            predicate = f"<{q.predicate.value}>"
            if predicate in inverse:
                statements.add(f"{q.subject} {predicate} {subject}")
    return check_union_max_counts(sorted(statements), limit=5)


# ---------------------------------------------------------------------- build


#: Builds of up to this many articles write ``graph.html`` unless told otherwise.
HTML_MAX_ARTICLES = 200


def build(
    inputs: Sequence[str | Path],
    out_dir: str | Path | None = None,
    *,
    formats: Sequence[str] = ("turtle",),
    validate: bool = True,
    store: str | Path | None = None,
    store_backend: str | None = None,
    jobs: int = 1,
    progress: bool | None = False,
    force: bool = False,
    prune: bool = False,
    keep_records: bool = False,
    batch_size: int = _BATCH_ARTICLES,
    html: bool | None = None,
) -> BuildResult:
    """Build the graph of ``inputs``; with ``out_dir``, write ``graph.<suffix>`` per format.

    With ``store`` (a directory), the build is incremental: articles whose document
    triples (content hash and metadata) are already in the store are skipped, new and
    changed ones are extracted and their named graphs added or replaced (``force``
    re-extracts everything; ``prune`` removes stored articles not among the inputs).
    Without it, a temporary store holds the graph while the outputs are written.

    ``jobs`` worker processes extract in parallel; ``progress`` shows a bar on stderr
    (``None``: when stderr is a terminal). New articles go into the store in transactions
    of up to ``batch_size`` articles. ``validate`` checks the shapes before any
    output is written; outputs are written to temporary names and renamed into place,
    so a failed build leaves what an earlier build wrote untouched. A store is updated a
    batch of whole articles at a time, so an interrupted build leaves it as it was or
    with some more whole articles.

    With ``out_dir``, ``html`` writes the interactive view ``graph.html`` beside the
    graph (``None``: for builds of up to :data:`HTML_MAX_ARTICLES` articles, since a
    page of a whole year's news is too dense to read).
    """
    from kg.io.streaming import Spool, write_outputs
    from kg.store import ArticleStore, StoredArticle, iter_batches

    started = time.perf_counter()
    jobs = max(1, int(jobs or 1))
    formats = list(formats or ())
    if not inputs:
        raise InputError("no input given")
    # fork the workers before the store opens (RocksDB runs threads of its own)
    pool = _Pool(jobs)
    thresholds = gc.get_threshold()
    gc.set_threshold(*_GC_THRESHOLDS)
    target: Any = None
    spool: Any = None
    loader: _Loader | None = None
    bulk: Any = None
    bar = None
    try:
        if store is not None:
            target = ArticleStore(store, store_backend)
            stored = target.article_hashes()
        else:
            spool, stored = Spool(), {}
        result = BuildResult([], store_path=Path(store) if store is not None else None)
        written: list[str] = []
        seen: dict[str, str] = {}
        replace: set[str] = set()
        touched: set[str] | None = set() if stored else None  # subjects of shared statements
        invalid: list[tuple[str, str]] = []
        bar = _progress(progress)

        def to_extract() -> Iterator[Document]:
            from kg.io.articles import iter_documents
            from kg.model import iri
            from kg.model.triples import document_ntriples

            for doc in iter_documents(inputs):
                if doc.id in seen:
                    raise InputError(
                        f"{doc.path}: duplicate document id {doc.id!r} (also in {seen[doc.id]})"
                    )
                seen[doc.id] = doc.path or doc.id
                result.documents.append(doc)
                result.bytes_read += len(doc.text.encode("utf-8"))
                graph = iri.document_iri(doc.id)
                if graph in stored:
                    if (
                        not force
                        and stored[graph] == doc.content_hash
                        and target.document_statements(graph)
                        == target.canonical_statements(document_ntriples(doc))
                    ):
                        result.unchanged += 1
                        if bar is not None:
                            bar.update(1)
                        continue
                    replace.add(graph)
                yield doc

        loader = _Loader(target) if target is not None else None
        changes: list[StoredArticle] = []
        # what workers render of each article's own statements: N-Triples for the store
        # and the other writers, Turtle blocks for the Turtle and TriG writers
        render = {"ntriples"}
        if spool is not None and out_dir is not None and {"turtle", "trig"} & {*formats}:
            render = {"turtle"} | ({"ntriples"} if {*formats} - {"turtle", "trig"} else set())
        # the workers' statements come from kg.model.triples: Oxigraph need not check them again
        bulk = target.bulk(lenient=True) if loader is not None else None

        articles_in = iter(to_extract())
        chunks = itertools.chain(
            iter_batches(itertools.islice(articles_in, _CHUNK_RAMP), _CHUNK),
            iter_batches(articles_in, _CHUNK_LARGE),
        )
        for articles in pool.map(chunks, keep_records, validate, frozenset(render)):
            for article in articles:
                if bar is not None:
                    bar.update(1)
                if article.violations:
                    invalid.extend((article.doc_id, v) for v in article.violations[:1])
                    continue
                if spool is not None:
                    spool.add(
                        article.graph,
                        article.own,
                        turtle=article.turtle,
                        count=article.own_count,
                        groups=article.shared,
                    )
                    result.new += 1
                elif article.graph in replace:
                    changes.append(article.stored())
                    result.changed += 1
                else:
                    bulk.add(article.stored())
                    result.new += 1
                result.quads += article.statements
                written.append(article.graph)
                if validate and touched is not None:
                    touched.update(s for s, _ in article.shared)
                result.summary.add(article.summary)
                if article.extraction is not None:
                    result.extractions.append(article.extraction)
                if bulk is not None and (
                    bulk.quads >= _BATCH_STATEMENTS or bulk.articles >= batch_size
                ):
                    loader.put(bulk)
                    bulk = target.bulk(lenient=True)
        if loader is not None:
            loader.put(bulk)
            bulk = None
            loader.finish()
            loader = None
        pool.close()
        if bar is not None:
            bar.close()
            bar = None
        if target is not None:
            removed: list[str] = []
            if prune:
                from kg.model import iri

                keep = {iri.document_iri(doc_id) for doc_id in seen}
                removed = [g for g in stored if g not in keep]
            if changes or removed:
                result.removed = target.update(changes, removed)
            changes = []
            target.flush()
            result.quads = target.quad_count()
            result.articles_in_store = len(stored.keys() | set(written)) - result.removed
        if invalid:
            doc_id, message = invalid[0]
            raise ValidationError(
                f"{len({d for d, _ in invalid})} article(s) do not conform to the shapes "
                f"(left out of the graph); first, {doc_id}: {message}"
            )
        if validate and written:
            if spool is not None and result.quads <= PYSHACL_LIMIT:
                _pyshacl(spool)
                result.validated = "pyshacl"
            else:
                if spool is not None:
                    from kg.model.shapes import check_union_max_counts, max_count_limits

                    # each article was checked with its own statements: only subjects
                    # that articles describe differently can break a sh:maxCount, unless
                    # a shape counts the subjects pointing at a node (sh:inversePath)
                    inverse = any(key.startswith("^") for key in max_count_limits())
                    violations = check_union_max_counts(
                        spool.shared_statements() if inverse else spool.merged_statements(),
                        limit=5,
                    )
                else:
                    violations = _union_violations(target, touched)
                if violations:
                    raise ValidationError(
                        "the built graph does not conform to the shapes: " + violations[0]
                    )
                result.validated = "shapes"
        touched = None
        page = None
        if out_dir is not None and (html or (html is None and len(seen) <= HTML_MAX_ARTICLES)):
            from kg.viz.view import generate_html

            page = generate_html((spool or target).to_dataset())
        if out_dir is not None and formats:
            counts: dict[str, int] = {}
            result.outputs = write_outputs(spool or target, out_dir, formats, counts)
            union = [counts[f] for f in ("turtle", "ntriples") if f in counts]
            if union:
                result._triples = union[0]
        if page is not None:
            from kg.io.files import write_text_atomic

            result.outputs.append(write_text_atomic(Path(out_dir) / "graph.html", page))
        result.seconds = time.perf_counter() - started
        if spool is not None:
            result._source, spool = spool, None
        return result
    except BaseException:
        pool.close(abort=True)
        raise
    finally:
        gc.set_threshold(*thresholds)
        if bulk is not None:
            bulk.discard()
        if loader is not None:
            loader.finish(abort=True)
        if bar is not None:
            bar.close()
        if target is not None:
            target.close()
        if spool is not None:
            spool.close()


def default_jobs() -> int:
    """The number of worker processes to use by default: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
