"""The build's worker processes: each extracts a chunk of articles and renders, sorts and
checks their statements, so the main process only gathers and writes.

An article the extractor fails on, or whose statements break the shapes, comes back as a
:class:`~kg.records.Rejection` in its place: one article's failure is not its chunk's."""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from kg.build.result import ArticleSummary
from kg.extract import Lexicon, extract
from kg.io.streaming import turtle_block_of_triples, turtle_compactor
from kg.model import iri
from kg.model.shapes import check_triples
from kg.model.triples import SubjectGroups, extraction_terms, split_terms, subject_groups
from kg.records import Document, Extraction, Rejection
from kg.store import iter_batches

__all__ = ["GC_THRESHOLDS", "ExtractedArticle", "WorkerPool", "extract_chunk", "chunks"]

# Articles per task sent to a worker process: small tasks first, so that a small build
# keeps every worker busy, then larger ones, which cost the main process less to hand out
# and gather.
_CHUNK = 8
_CHUNK_LARGE = 32
_CHUNK_RAMP = 256  # articles sent in small tasks
# Extraction makes many short-lived containers and few reference cycles: the youngest
# generation is collected less often than Python's default (700 allocations).
GC_THRESHOLDS = (20_000, 50, 100)


def chunks(documents: Iterable[Document | Rejection]) -> Iterator[list[Document | Rejection]]:
    """The documents in tasks for the workers: small ones first, then larger ones."""
    documents = iter(documents)
    return itertools.chain(
        iter_batches(itertools.islice(documents, _CHUNK_RAMP), _CHUNK),
        iter_batches(documents, _CHUNK_LARGE),
    )


@dataclass(frozen=True)
class ExtractedArticle:
    """One extracted article as it comes back from a worker."""

    doc_id: str
    graph: str
    own: bytes | None
    own_count: int
    shared: SubjectGroups  # the shared statements, by subject
    content_hash: str
    turtle: bytes | None
    summary: ArticleSummary
    extraction: Extraction | None

    @property
    def statements(self) -> int:
        return self.own_count + sum(len(statements) for _, statements in self.shared)


_LEXICON: Any = None
_COMPACT: Any = None


def _worker_init() -> None:
    """Set up a worker process: leave what it inherits out of garbage collection, and
    leave Ctrl-C to the main process.

    Ctrl-C interrupts every process of the terminal's process group; the main process
    stops the pool (:meth:`WorkerPool.close`), so a worker takes no interrupt of its own,
    which would print a traceback per worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _warm_up() -> None:
    """Load the lexicon (and jieba's dictionary) once, before worker processes fork."""
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = Lexicon.default()


def extract_chunk(
    docs: Sequence[Document | Rejection], keep: bool, validate: bool, render: frozenset[str]
) -> list[ExtractedArticle | Rejection]:
    """Extract documents and render, sort and check their statements (in a worker).

    Each article's statements are split into its own (its graph) and the shared ones.
    ``render`` says how its own go back, UTF-8 encoded: ``"ntriples"`` (N-Triples) and/or
    ``"turtle"`` (a Turtle block for the writers). An article that fails comes back as a
    rejection (stage ``extract``, or ``shapes`` when ``validate`` finds a violation); a
    rejection among ``docs`` (an article that could not be read) comes back as it is.
    """
    global _COMPACT
    _warm_up()
    if "turtle" in render and _COMPACT is None:
        _COMPACT = turtle_compactor()
    out: list[ExtractedArticle | Rejection] = []
    for doc in docs:
        if isinstance(doc, Rejection):
            out.append(doc)
            continue
        try:
            out.append(_extract_article(doc, keep, validate, render))
        except Exception as exc:  # noqa: BLE001 - any failure is this article's alone
            out.append(_rejection(doc, "extract", f"extraction failed: {_describe(exc)}"))
    return out


def _extract_article(
    doc: Document, keep: bool, validate: bool, render: frozenset[str]
) -> ExtractedArticle | Rejection:
    ex = extract(doc, _LEXICON)
    graph = iri.document_iri(doc.id)
    triples = extraction_terms(ex)
    if validate:
        violations = check_triples(triples, limit=1)
        if violations:
            return _rejection(doc, "shapes", f"does not conform to the shapes: {violations[0]}")
    own, shared = split_terms(triples, graph)
    turtle = None
    if "turtle" in render:
        turtle = turtle_block_of_triples(own, _COMPACT, graph).encode("utf-8")
    return ExtractedArticle(
        doc.id,
        graph,
        "".join([f"{s} {p} {o} .\n" for s, p, o in own]).encode("utf-8")
        if "ntriples" in render
        else None,
        len(own),
        subject_groups(shared),
        doc.content_hash,
        turtle,
        ArticleSummary.of(ex),
        ex if keep else None,
    )


def _rejection(doc: Document, stage: str, reason: str) -> Rejection:
    return Rejection(doc.path or doc.id, doc.line, doc.id, stage, reason)


def _describe(exc: BaseException) -> str:
    """An exception in one line: its type and the first line of its message."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


class WorkerPool:
    """In-order parallel map over chunks with a bounded number of tasks in flight."""

    def __init__(self, jobs: int) -> None:
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
        chunks: Iterable[list[Document | Rejection]],
        keep: bool,
        validate: bool,
        render: frozenset[str],
    ) -> Iterator[list[ExtractedArticle | Rejection]]:
        if self.pool is None:
            for chunk in chunks:
                yield extract_chunk(chunk, keep, validate, render)
            return
        window: deque = deque()
        for chunk in chunks:
            args = (chunk, keep, validate, render)
            window.append(self.pool.apply_async(extract_chunk, args))
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
