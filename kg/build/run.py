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
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from kg.build.result import BuildResult
from kg.build.sinks import BATCH_ARTICLES, Sink, SpoolSink, StoreSink
from kg.build.workers import GC_THRESHOLDS, ExtractedArticle, WorkerPool, chunks
from kg.errors import InputError, ValidationError
from kg.io.articles import iter_documents
from kg.io.files import write_text_atomic
from kg.io.streaming import write_outputs
from kg.records import Document

__all__ = ["HTML_MAX_ARTICLES", "build", "default_jobs"]

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
    batch_size: int = BATCH_ARTICLES,
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
    started = time.perf_counter()
    if not inputs:
        raise InputError("no input given")
    pool = WorkerPool(max(1, int(jobs or 1)))  # forked before a store opens (RocksDB threads)
    thresholds = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    sink: Any = None
    bar = None
    try:
        if store is not None:
            sink = StoreSink(store, store_backend, batch_size)
        else:
            sink = SpoolSink(out_dir, formats or ())
        result = BuildResult([], store_path=Path(store) if store is not None else None)
        bar = _progress(progress)
        seen: dict[str, str] = {}
        invalid: list[tuple[str, str]] = []
        documents = _to_extract(inputs, sink, result, seen, force, bar)
        for articles in pool.map(chunks(documents), keep_records, validate, sink.render):
            for article in articles:
                _take(article, sink, result, invalid, bar)
        sink.finish(result, keep=seen if prune else None)
        pool.close()
        if bar is not None:
            bar.close()
            bar = None
        if invalid:
            doc_id, message = invalid[0]
            raise ValidationError(
                f"{len({d for d, _ in invalid})} article(s) do not conform to the shapes "
                f"(left out of the graph); first, {doc_id}: {message}"
            )
        if validate and result.extracted:
            result.validated = sink.check(result)
        if out_dir is not None:
            page = html or (html is None and len(seen) <= HTML_MAX_ARTICLES)
            _write(sink.quad_source(), Path(out_dir), list(formats or ()), page, result)
        result.seconds = time.perf_counter() - started
        sink.hand_over(result)
        return result
    except BaseException:
        pool.close(abort=True)
        raise
    finally:
        gc.set_threshold(*thresholds)
        if sink is not None:
            sink.close()
        if bar is not None:
            bar.close()


def _to_extract(
    inputs: Sequence[str | Path],
    sink: Sink,
    result: BuildResult,
    seen: dict[str, str],
    force: bool,
    bar: Any,
) -> Iterator[Document]:
    """The documents of ``inputs`` that need extracting (all but those stored unchanged)."""
    for doc in iter_documents(inputs):
        if doc.id in seen:
            raise InputError(
                f"{doc.path}: duplicate document id {doc.id!r} (also in {seen[doc.id]})"
            )
        seen[doc.id] = doc.path or doc.id
        result.documents.append(doc)
        result.bytes_read += len(doc.text.encode("utf-8"))
        if sink.unchanged(doc, force=force):
            result.unchanged += 1
            if bar is not None:
                bar.update(1)
            continue
        yield doc


def _take(
    article: ExtractedArticle,
    sink: Sink,
    result: BuildResult,
    invalid: list[tuple[str, str]],
    bar: Any,
) -> None:
    """One article back from the workers: into the sink, or set aside as invalid."""
    if bar is not None:
        bar.update(1)
    if article.violations:
        invalid.extend((article.doc_id, v) for v in article.violations[:1])
        return
    sink.add(article, result)
    result.quads += article.statements
    result.summary.add(article.summary)
    if article.extraction is not None:
        result.extractions.append(article.extraction)


def _write(quads: Any, out_dir: Path, formats: list[str], page: bool, result: BuildResult) -> None:
    """Write the graph files and the view (rendered before any file is written)."""
    html_text = None
    if page:
        from kg.viz import generate_html  # lazy: pyvis and the view's templates

        html_text = generate_html(quads.to_dataset())
    if formats:
        counts: dict[str, int] = {}
        result.outputs = write_outputs(quads, out_dir, formats, counts)
        union = [counts[f] for f in ("turtle", "ntriples") if f in counts]
        if union:
            result.written_triples = union[0]
    if html_text is not None:
        result.outputs.append(write_text_atomic(out_dir / "graph.html", html_text))


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


def default_jobs() -> int:
    """The number of worker processes to use by default: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
