"""The build's worker processes: each extracts a chunk of articles and renders, sorts and
checks their statements, so the main process only gathers and writes.

An article the extractor fails on, or whose statements break the shapes, comes back as a
:class:`~kg.records.Rejection` in its place: one article's failure is not its chunk's. So
does an article whose worker process dies twice (:class:`WorkerPool`), which a worker
cannot report itself: the main process sees the process end and starts a fresh one."""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import queue
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from kg.build.result import ArticleSummary
from kg.curation.curate import Curation
from kg.errors import KgError
from kg.extract import Lexicon, extract
from kg.extract.segmenters import DEFAULT_SEGMENTER
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
    #: What the article was curated with (:class:`~kg.curation.curate.Curated`); its name
    #: index only when asked for (``"names"`` in what :func:`extract_chunk` renders).
    names: frozenset[str] = frozenset()
    digest: str = ""
    applied: tuple[str, ...] = ()

    @property
    def statements(self) -> int:
        return self.own_count + sum(len(statements) for _, statements in self.shared)


_COMPACT: Any = None
_CURATION = Curation()  # the build's corrections and lexicon (none by default)


def _worker_init() -> None:
    """Set up a worker process: leave what it inherits out of garbage collection, and
    leave Ctrl-C to the main process.

    Ctrl-C interrupts every process of the terminal's process group; the main process
    stops the pool (:meth:`WorkerPool.close`), so a worker takes no interrupt of its own,
    which would print a traceback per worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def warm_up(segmenter: str = DEFAULT_SEGMENTER) -> None:
    """Make the lexicon once (with the build's user names), before worker processes fork,
    and cut with ``segmenter``.

    The dictionaries load at the first question, in each worker, unless a user's lexicon
    asked them already: loaded before the fork they would stay in the main process too,
    some 130 MB beside a store's loader."""
    Lexicon.default().use_segmenter(segmenter)  # (a user's lexicon cuts with the default's)
    _CURATION.lexicon()


def _set_curation(curation: Curation | None) -> None:
    """Curate with ``curation`` in this process (its lexicon made at the next warm-up)."""
    global _CURATION
    _CURATION = curation if curation is not None else Curation()


def extract_chunk(
    docs: Sequence[Document | Rejection],
    keep: bool,
    validate: bool,
    render: frozenset[str],
    segmenter: str = DEFAULT_SEGMENTER,
    curation: Curation | None = None,
) -> list[ExtractedArticle | Rejection]:
    """Extract documents and render, sort and check their statements (in a worker),
    cutting their text with ``segmenter`` (a name of :data:`kg.extract.segmenters.SEGMENTERS`)
    and curating them with ``curation`` (given to a worker that did not inherit it, as on
    a Dask cluster; else the process's own, :class:`WorkerPool`'s).

    Each article's statements are split into its own (its graph) and the shared ones.
    ``render`` says how its own go back, UTF-8 encoded: ``"ntriples"`` (N-Triples) and/or
    ``"turtle"`` (a Turtle block for the writers); with ``"names"``, each comes back with
    its name index (:attr:`ExtractedArticle.names`, which a store's ledger keeps). An
    article that fails comes back as a rejection (stage ``extract``, or ``shapes`` when
    ``validate`` finds a violation); a rejection among ``docs`` (an article that could not
    be read) comes back as it is.
    """
    global _COMPACT
    if curation is not None and curation is not _CURATION:
        _set_curation(curation)
    warm_up(segmenter)
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
    curated = _CURATION.curate(extract(doc, _CURATION.lexicon()), names_wanted="names" in render)
    ex = curated.extraction
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
        curated.names,
        curated.digest,
        curated.applied,
    )


def _rejection(doc: Document, stage: str, reason: str) -> Rejection:
    return Rejection(doc.path or doc.id, doc.line, doc.id, stage, reason)


def _describe(exc: BaseException) -> str:
    """An exception in one line: its type and the first line of its message."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


# Chunks sent to a worker ahead of the one it extracts: it never waits for the main
# process to take a result before it starts on the next chunk.
_AHEAD = 1


def _serve(
    conn: Connection, inherited: Sequence[Connection], curation: Curation | None = None
) -> None:
    """A worker process: extract the chunks it is sent, in order, until told to stop
    (``None``) or the main process goes (end of file).

    A thread takes the chunks off the pipe as they come, so that the main process never
    waits to send one while this process waits to send a result."""
    for other in inherited:  # other workers' pipes, copied by fork: let them see EOF
        other.close()
    if curation is not None:  # (started by spawn: what a fork inherits comes along)
        _set_curation(curation)
    _worker_init()
    tasks: queue.SimpleQueue = queue.SimpleQueue()

    def receive() -> None:
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                task = None
            tasks.put(task)
            if task is None:
                return

    threading.Thread(target=receive, name="kg-receive", daemon=True).start()
    while (task := tasks.get()) is not None:
        try:
            out: Any = extract_chunk(*task)
        except Exception as exc:  # noqa: BLE001 - handed to the main process
            out = _WorkerFailure(_describe(exc))
        try:
            conn.send(out)
        except OSError:  # the main process is gone
            return


@dataclass(frozen=True)
class _WorkerFailure:
    """What a worker sends back when it fails outside any one article."""

    message: str


@dataclass
class _Task:
    """Articles of one chunk for a worker: ``docs``, from index ``start`` of chunk ``seq``;
    ``alone``: one article, tried again after its worker died."""

    seq: int
    start: int
    docs: list[Document | Rejection]
    alone: bool = False


@dataclass
class _Worker:
    """A worker process, its end of the pipe, and the tasks sent to it, in order."""

    process: Any
    conn: Connection
    tasks: deque[_Task] = field(default_factory=deque)


class WorkerPool:
    """In-order parallel map over chunks of articles in ``jobs`` worker processes, with a
    bounded number of chunks in flight (``jobs`` 1: in this process).

    A worker that dies (killed by the out-of-memory killer, say) is replaced by a fresh
    process. The articles of the chunk it was extracting are tried again, each on its own,
    and the chunks sent to it after that one are sent again; an article whose worker dies
    again comes back as a :class:`~kg.records.Rejection` (stage ``extract``), so the build
    neither hangs nor loses the chunk's other articles.
    """

    def __init__(
        self, jobs: int, curation: Curation | None = None, segmenter: str = DEFAULT_SEGMENTER
    ) -> None:
        self.method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        _set_curation(curation)
        self.curation = curation
        self.segmenter = segmenter
        if self.method == "fork":
            warm_up(segmenter)  # the workers inherit the loaded lexicon
        self.context = multiprocessing.get_context(self.method)
        self.jobs = jobs
        self.workers: list[_Worker] = []
        if jobs > 1:
            for _ in range(jobs):
                self.workers.append(self._start())

    def _start(self) -> _Worker:
        conn, child = self.context.Pipe()
        inherited = [w.conn for w in self.workers] + [conn] if self.method == "fork" else []
        curation = self.curation if self.method != "fork" else None
        process = self.context.Process(
            target=_serve, args=(child, inherited, curation), name="kg-extract", daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, conn)

    def map(
        self,
        chunks: Iterable[list[Document | Rejection]],
        keep: bool,
        validate: bool,
        render: frozenset[str],
    ) -> Iterator[list[ExtractedArticle | Rejection]]:
        if not self.workers:
            for chunk in chunks:
                yield extract_chunk(chunk, keep, validate, render, self.segmenter)
            return
        options = (keep, validate, render, self.segmenter)
        pending = iter(chunks)
        slots: dict[int, list[Any]] = {}  # chunk -> its results, None where still to come
        missing: dict[int, int] = {}  # chunk -> how many results are still to come
        todo: deque[_Task] = deque()
        head = read = 0  # the next chunk to yield, to read
        more = True
        while True:
            while more and read - head < self.jobs * 3:
                chunk = next(pending, None)
                if chunk is None:
                    more = False
                    break
                slots[read], missing[read] = [None] * len(chunk), len(chunk)
                todo.append(_Task(read, 0, chunk))
                read += 1
            if head < read and not missing[head]:
                del missing[head]
                yield slots.pop(head)
                head += 1
                continue
            if not more and head == read:
                return
            for worker in self.workers:
                while todo and len(worker.tasks) <= _AHEAD:
                    self._send(worker, todo.popleft(), options, todo)
            for task, out in self._gather(todo):
                slots[task.seq][task.start : task.start + len(out)] = out
                missing[task.seq] -= len(out)

    def _send(self, worker: _Worker, task: _Task, options: tuple, todo: deque[_Task]) -> None:
        try:
            worker.conn.send((task.docs, *options))
        except OSError:  # the worker died: _gather sees to it and its tasks
            todo.appendleft(task)
            return
        worker.tasks.append(task)

    def _gather(self, todo: deque[_Task]) -> list[tuple[_Task, list[Any]]]:
        """Wait for workers to send back what they extracted, or die; what was sent to a
        dead one goes back on ``todo`` (the chunk it was extracting one article a task),
        or comes back rejected."""
        busy = [w for w in self.workers if w.tasks]
        if not busy:  # pragma: no cover - every task not done is on todo or sent
            raise RuntimeError("no worker has anything to do")
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
        done: list[tuple[_Task, list[Any]]] = []
        for worker in busy:
            if worker.conn not in ready and worker.process.sentinel not in ready:
                continue
            out = None
            try:
                if worker.conn.poll():
                    out = worker.conn.recv()
            except (EOFError, OSError):
                pass
            if isinstance(out, _WorkerFailure):
                raise KgError(f"a worker process failed: {out.message}")
            if out is not None:
                done.append((worker.tasks.popleft(), out))
            elif worker.process.sentinel in ready:
                done.extend(self._dead(worker, todo))
        return done

    def _dead(self, worker: _Worker, todo: deque[_Task]) -> list[tuple[_Task, list[Any]]]:
        """Replace a worker that died; what it was sent goes back on ``todo``, but for an
        article tried alone, which comes back rejected."""
        how = self._replace(worker)
        sent, worker.tasks = list(worker.tasks), deque()
        first = sent.pop(0)
        todo.extendleft(reversed(sent))
        if first.alone:
            reason = f"the worker process extracting it died ({how}), twice"
            return [(first, [_rejection(first.docs[0], "extract", reason)])]
        again = [_Task(first.seq, first.start + i, [d], True) for i, d in enumerate(first.docs)]
        todo.extendleft(reversed(again))
        return []

    def _replace(self, worker: _Worker) -> str:
        """Start a fresh process in place of ``worker``'s (which died); says how it died."""
        worker.process.join(5)
        code = worker.process.exitcode
        worker.conn.close()
        fresh = self._start()
        worker.process, worker.conn = fresh.process, fresh.conn
        if code is not None and code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit code {code}"

    def close(self, *, abort: bool = False) -> None:
        """Stop the workers: once they have finished (or, with ``abort``, at once)."""
        workers, self.workers = self.workers, []
        for worker in workers:
            if abort:
                worker.process.terminate()
            else:
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
        for worker in workers:
            worker.process.join(5 if abort else None)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
