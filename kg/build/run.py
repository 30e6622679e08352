"""Build a knowledge graph from articles: read, extract, map to RDF, validate, write.

Articles stream from the inputs through a process pool (``jobs``) that extracts them,
renders and sorts each one's statements, splits them into the article's own and the
shared ones, and checks them against the shapes. The main process either writes them
to a bulk file in a persistent store and hands each full bulk (whole articles, about half
a million statements) to a thread that loads it into Oxigraph while the workers go on
(``store=DIR``, which makes the build incremental), or spools them, with the Turtle
blocks the workers rendered, to a temporary file. Outputs are written from the store or
the spool by the streaming writers of :mod:`kg.io.streaming`; the graph files, the view
and ``rejects.jsonl`` are each written to a temporary file, and all are renamed into place
together once every one is complete (:class:`kg.io.files.StagedFiles`).

An article that cannot be read, that the extractor fails on or that breaks the shapes is
set aside (:mod:`kg.build.rejects`) and the build goes on without it, unless it is strict.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from kg.build.cluster import CONNECT_TIMEOUT, ClusterPool
from kg.build.parts import PartsSink
from kg.build.rejects import REJECTS_FILE, RejectLimit, Rejects, generate_rejects, write_rejects
from kg.build.result import BuildResult, CorrectionReport
from kg.build.sinks import BATCH_ARTICLES, Sink, SpoolSink, StoreSink
from kg.build.workers import GC_THRESHOLDS, ExtractedArticle, WorkerPool, chunks
from kg.curation.corrections import Entry
from kg.curation.curate import Curation, load_curation
from kg.errors import InputError, KgError
from kg.extract.segmenters import DEFAULT_SEGMENTER, SEGMENTERS, segmenter_version
from kg.io.articles import iter_articles, unique_articles
from kg.io.files import StagedFiles, check_output_dir
from kg.io.streaming import write_outputs
from kg.records import Document, Rejection

__all__ = ["HTML_MAX_ARTICLES", "build", "default_jobs"]

#: Builds of up to this many articles write ``graph.html`` unless told otherwise.
HTML_MAX_ARTICLES = 200
#: The interactive view a build writes beside the graph.
HTML_FILE = "graph.html"


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
    strict: bool = False,
    max_rejects: int | str | RejectLimit | None = None,
    corrections: str | Path | None = None,
    lexicon: str | Path | None = None,
    segmenter: str = DEFAULT_SEGMENTER,
    cluster: str | None = None,
    cluster_timeout: float = CONNECT_TIMEOUT,
    parts: str | Path | None = None,
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
    output is written; the outputs (graph files, ``graph.html``, ``rejects.jsonl``) are
    written to temporary names and renamed into place together once all are written, so
    a failed build (a full disk, say) leaves what an earlier build wrote untouched. A store is updated a
    batch of whole articles at a time, so an interrupted build leaves it as it was or
    with some more whole articles.

    With ``out_dir``, ``html`` writes the interactive view ``graph.html`` beside the
    graph (``None``: for builds of up to :data:`HTML_MAX_ARTICLES` articles, since a
    page of a whole year's news is too dense to read).

    An article that cannot be read (unreadable, empty, malformed, fields of the wrong
    type, an id another article has), that the extractor fails on or that breaks the
    shapes is left out and listed in :attr:`BuildResult.rejects`, and in
    ``rejects.jsonl`` of ``out_dir`` (else of ``store``), which a build with an output
    directory or a store always writes (empty when nothing was rejected). ``strict``
    stops the build at the first such article instead; ``max_rejects`` (a count ``N``,
    or ``"P%"`` of the articles read) stops it when more are rejected, before any output
    is written. A build whose every article is rejected fails with :class:`InputError`.
    An ``out_dir`` or ``store`` that is not a directory, or cannot be made or written,
    raises :class:`~kg.errors.OutputError` before anything is read.

    ``corrections`` (a TOML file, :mod:`kg.curation.corrections`) are applied to each
    article's records after extraction, and recorded in the graph's provenance;
    ``lexicon`` (a TSV or TOML file, :mod:`kg.curation.lexicon`) adds names to the
    extractor's gazetteers. Both are read, and a problem in either raises
    :class:`InputError`, before any article is. :attr:`BuildResult.corrections` says which
    corrections changed which articles; with ``strict``, a correction that changed nothing
    raises :class:`InputError` before the outputs are written. In a store, an article
    whose text is unchanged is built again when the corrections or lexicon that may touch
    it changed (:attr:`BuildResult.recorrected`).

    ``segmenter`` names the word segmenter that cuts the text (a key of
    :data:`kg.extract.segmenters.SEGMENTERS`); each document records it and its version,
    and a store's articles cut by another one are extracted again.

    ``cluster`` (``tcp://HOST:PORT``) extracts on the workers of a running Dask scheduler
    instead of ``jobs`` local processes (:mod:`kg.build.cluster`; ``cluster_timeout``
    seconds to reach it), and writes the same graph, corrections and lexicon included.
    ``parts`` (a directory, without ``out_dir`` or ``store``) writes one N-Quads part per
    chunk of articles instead of gathering the graph (:mod:`kg.build.parts`).
    """
    started = time.perf_counter()
    if not inputs:
        raise InputError("no input given")
    limit = _reject_limit(max_rejects)
    if segmenter not in SEGMENTERS:
        raise InputError(
            f"unknown segmenter {segmenter!r} (choose from {', '.join(sorted(SEGMENTERS))})"
        )
    if parts is not None and (out_dir is not None or store is not None):
        raise InputError("--parts writes the graph in parts: give it without --out and --store")
    for directory in (out_dir, store, parts):  # before any work: either may be a file, say
        if directory is not None:
            check_output_dir(directory)
    curation = load_curation(corrections, lexicon)
    thresholds = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    pool: WorkerPool | ClusterPool | None = None
    sink: Any = None
    bar = None
    try:
        if cluster is not None:
            pool = ClusterPool(cluster, segmenter, cluster_timeout, curation)
        else:  # forked before a store opens (RocksDB threads)
            pool = WorkerPool(max(1, int(jobs or 1)), curation, segmenter)
        if parts is not None:
            sink = PartsSink(parts)
        elif store is not None:
            sink = StoreSink(
                store, store_backend, batch_size, curation, segmenter_version(segmenter)
            )
        else:
            sink = SpoolSink(out_dir, formats or ())
        result = BuildResult([], store_path=Path(store) if store is not None else None)
        _report_curation(result, curation)
        bar = _progress(progress)
        rejects = Rejects(strict=strict, limit=limit)
        # the rejections of reading go through the workers too, to come back in order
        items = _to_extract(inputs, sink, result, force, bar)
        for articles in pool.map(chunks(items), keep_records, validate, sink.render):
            for article in articles:
                if bar is not None:
                    bar.update(1)
                if isinstance(article, Rejection):
                    rejects.add(article)
                else:
                    _take(article, sink, result)
            sink.end_chunk()
        _set_aside(result, rejects)
        keep = None
        if prune:  # a stored article whose input is rejected now is kept as it was
            keep = [*(d.id for d in result.documents), *(r.id for r in result.rejects if r.id)]
        sink.finish(result, keep=keep)
        pool.close()
        if bar is not None:
            bar.close()
            bar = None
        if validate and result.extracted:
            result.validated = sink.check(result)
        if strict and result.corrections.unmatched:
            raise InputError(_unmatched(curation, result.corrections))
        try:
            if out_dir is not None:
                page = html or (html is None and len(result.documents) <= HTML_MAX_ARTICLES)
                _write(sink.quad_source(), Path(out_dir), list(formats or ()), page, result)
            elif result.store_path is not None or parts is not None:
                rejects_file = (
                    Path(parts if parts is not None else result.store_path) / REJECTS_FILE
                )
                result.outputs.append(write_rejects(rejects_file, result.rejects))
        except OSError as exc:  # a disk full, a directory made read-only meanwhile
            where = exc.filename or out_dir or result.store_path
            raise KgError(f"{where}: cannot write the outputs ({exc.strerror or exc})") from None
        result.seconds = time.perf_counter() - started
        sink.hand_over(result)
        return result
    except BaseException:  # an error, or Ctrl-C: the workers are stopped, not waited for
        if pool is not None:
            pool.close(abort=True)
        raise
    finally:
        gc.set_threshold(*thresholds)
        if sink is not None:
            sink.close()
        if bar is not None:
            bar.close()


def _reject_limit(value: int | str | RejectLimit | None) -> RejectLimit | None:
    if value is None or isinstance(value, RejectLimit):
        return value
    try:
        return RejectLimit.parse(value)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _to_extract(
    inputs: Sequence[str | Path], sink: Sink, result: BuildResult, force: bool, bar: Any
) -> Iterator[Document | Rejection]:
    """The documents of ``inputs`` that need extracting (all but those stored unchanged),
    and in their places the articles that cannot be read."""
    for item in unique_articles(iter_articles(inputs)):
        if isinstance(item, Rejection):
            yield item
            continue
        result.documents.append(item)
        result.bytes_read += len(item.text.encode("utf-8"))
        if sink.unchanged(item, force=force):
            result.unchanged += 1
            if bar is not None:
                bar.update(1)
            continue
        yield item


def _take(article: ExtractedArticle, sink: Sink, result: BuildResult) -> None:
    """One article back from the workers, into the sink."""
    sink.add(article, result)
    result.corrections.add(article.applied)
    result.quads += article.statements
    result.summary.add(article.summary, article.doc_id)
    if article.extraction is not None:
        result.extractions.append(article.extraction)


def _report_curation(result: BuildResult, curation: Curation) -> None:
    """What the result says of the corrections and lexicon before any article is built."""
    result.corrections = CorrectionReport(
        tuple((e.record.id, e.kind, _names(e)) for e in curation.entries)
    )
    if curation.lexicon_file is not None:
        result.lexicon = (curation.lexicon_file, len(curation.names))


def _names(entry: Entry) -> str:
    """What a correction names, for the summary (its entity, or its document)."""
    if entry.entity is not None:
        return entry.entity.text
    where = entry.document or ""
    return f"{where} @{entry.offset}" if entry.offset is not None else where


def _unmatched(curation: Curation, report: CorrectionReport) -> str:
    gone = report.unmatched
    listed = ", ".join(f"{ident} ({kind} {what})" for ident, kind, what in gone[:5])
    more = f" and {len(gone) - 5} more" if len(gone) > 5 else ""
    return (
        f"{curation.corrections}: {len(gone)} of {len(report.entries)} corrections changed "
        f"nothing (--strict): {listed}{more}"
    )


def _set_aside(result: BuildResult, rejects: Rejects) -> None:
    """Check the rejections against the limits and leave the documents rejected after
    they were read out of :attr:`BuildResult.documents`."""
    unread = sum(1 for r in rejects.found if r.stage == "read")
    result.rejects = rejects.finish(total=len(result.documents) + unread)
    gone = {r.id for r in result.rejects if r.stage != "read"}
    if gone:
        result.documents = [doc for doc in result.documents if doc.id not in gone]


def _write(quads: Any, out_dir: Path, formats: list[str], page: bool, result: BuildResult) -> None:
    """Write the graph files, the view (rendered before any file is written) and the
    rejects into ``out_dir``, each to a temporary file; only when all are written are they
    renamed into place, so a failure leaves the earlier build's files as they were."""
    html_text = None
    if page:
        from kg.viz import generate_html  # lazy: pyvis and the view's templates

        html_text = generate_html(quads.to_dataset())
    with StagedFiles(out_dir) as staged:
        if formats:
            counts: dict[str, int] = {}
            write_outputs(quads, out_dir, formats, counts, staged)
            union = [counts[f] for f in ("turtle", "ntriples") if f in counts]
            if union:
                result.written_triples = union[0]
        if html_text is not None:
            staged.write_text(HTML_FILE, html_text)
        staged.write_text(REJECTS_FILE, "".join(generate_rejects(result.rejects)))
        result.outputs = staged.commit()


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
