"""Extraction on a Dask distributed cluster: the same chunks, the same results, in order.

:class:`ClusterPool` hands the chunks of :func:`kg.build.workers.chunks` to the workers of
a running Dask scheduler (``kg build … --cluster tcp://HOST:PORT``) as tasks of
:func:`kg.build.workers.extract_chunk`, a bounded number at a time, and gives the results
back in the order of the chunks, as :class:`kg.build.workers.WorkerPool` does: the main
process gathers and writes them alike, so the graph is the one a local build writes, byte
for byte. The workers need chengyu-kg installed (the same version); each loads the
lexicon once, at its first task or when it starts (``dask worker … --preload
kg.build.cluster``).

A task whose worker dies (Dask tries it on others first) is tried again one article a
task; an article whose task fails so again is rejected, as with local worker processes.
"""

from __future__ import annotations

import gc
import itertools
import socket
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from kg.build.workers import ExtractedArticle, extract_chunk, warm_up
from kg.curation.curate import Curation
from kg.errors import InputError, KgError
from kg.extract import Lexicon
from kg.extract.segmenters import DEFAULT_SEGMENTER
from kg.records import Document, Rejection

__all__ = ["CONNECT_TIMEOUT", "ClusterPool", "dask_setup", "parse_address"]

#: Seconds to wait for the scheduler to answer, by default.
CONNECT_TIMEOUT = 10.0
# Tasks in flight per worker thread: enough that no worker waits for the next one.
_AHEAD = 3
# Chunks between two counts of the workers (each count asks the scheduler).
_RECOUNT = 64


def parse_address(address: str) -> tuple[str, int]:
    """``(host, port)`` of a scheduler address ``tcp://HOST:PORT``; else :class:`InputError`.

    >>> parse_address("tcp://127.0.0.1:8786")
    ('127.0.0.1', 8786)
    """
    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError:
        port = None
        parts = None
    if parts is None or parts.scheme != "tcp" or not parts.hostname or port is None:
        raise InputError(f"--cluster {address!r}: give the scheduler as tcp://HOST:PORT")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise InputError(f"--cluster {address!r}: give the scheduler as tcp://HOST:PORT")
    return parts.hostname, port


class ClusterPool:
    """In-order map of chunks of articles over the workers of a Dask scheduler."""

    def __init__(
        self,
        address: str,
        segmenter: str = DEFAULT_SEGMENTER,
        timeout: float = CONNECT_TIMEOUT,
        curation: Curation | None = None,
    ) -> None:
        host, port = parse_address(address)
        try:
            from distributed import Client  # lazy: the optional 'cluster' extra
        except ImportError:
            raise KgError(
                "--cluster needs Dask distributed: pip install 'chengyu-kg[cluster]'"
            ) from None
        self.address = address
        self.segmenter = segmenter
        self.futures: deque[Any] = deque()
        # a scheduler that is not there is said so at once, in one line: a Client that
        # cannot connect waits for its whole timeout and complains again when collected
        try:
            socket.create_connection((host, port), timeout=timeout).close()
        except OSError as exc:
            raise KgError(
                f"{address}: cannot reach the Dask scheduler ({exc.strerror or exc}); "
                "start one (dask scheduler) and its workers, or build without --cluster"
            ) from None
        try:
            with _quiet_collection():
                self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise KgError(f"{address}: not a Dask scheduler that answers ({_line(exc)})") from None
        try:  # a scheduler without workers would leave the build waiting
            self.client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            self.close()
            raise KgError(
                f"{address}: the Dask scheduler has no workers (none joined within "
                f"{timeout:g} s); start some: dask worker {address}"
            ) from None
        self.jobs = max(1, sum(self.client.nthreads().values()))
        # the build's corrections and lexicon go to each worker once, not with each task
        self.curation = (
            self.client.scatter(curation, broadcast=True) if curation is not None else None
        )

    def map(
        self,
        chunks: Iterable[list[Document | Rejection]],
        keep: bool,
        validate: bool,
        render: frozenset[str],
    ) -> Iterator[list[ExtractedArticle | Rejection]]:
        """The results of each chunk, in order (as :meth:`WorkerPool.map`)."""
        options = (keep, validate, render, self.segmenter, self.curation)
        pending = iter(chunks)
        more = True
        ahead = _AHEAD * self.jobs
        for n in itertools.count():
            if n % _RECOUNT == _RECOUNT - 1:  # workers may join or leave meanwhile
                ahead = _AHEAD * max(1, sum(self.client.nthreads().values()))
            while more and len(self.futures) < ahead:
                chunk = next(pending, None)
                if chunk is None:
                    more = False
                    break
                self.futures.append((chunk, self._submit(chunk, options)))
            if not self.futures:
                return
            chunk, future = self.futures.popleft()
            yield self._result(chunk, future, options)

    def _submit(self, docs: list[Document | Rejection], options: tuple) -> Any:
        # pure=False: a chunk tried again is a new task, not the failed one's result
        return self.client.submit(extract_chunk, docs, *options, pure=False)

    def _result(self, chunk: list, future: Any, options: tuple) -> list:
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 - which ones depends on Dask's version
            if not _killed(exc):
                raise KgError(f"{self.address}: the cluster failed: {_line(exc)}") from None
        out: list = []
        for doc in chunk:  # its workers died: each article on its own
            try:
                out.extend(self._submit([doc], options).result())
            except Exception as exc:  # noqa: BLE001
                if not _killed(exc) or isinstance(doc, Rejection):
                    raise KgError(f"{self.address}: the cluster failed: {_line(exc)}") from None
                reason = "the worker process extracting it died on the cluster, twice"
                out.append(Rejection(doc.path or doc.id, doc.line, doc.id, "extract", reason))
        return out

    def close(self, *, abort: bool = False) -> None:
        """Let go of the cluster (with ``abort``, cancel what is still running on it)."""
        client = getattr(self, "client", None)
        if client is None:
            return
        futures = [f for _, f in self.futures]
        self.futures.clear()
        if abort and futures:
            try:
                client.cancel(futures)
            except Exception:  # noqa: BLE001, S110 - the scheduler may be gone already
                pass
        with _quiet_collection():
            try:
                client.close(timeout=5)
            except Exception:  # noqa: BLE001, S110 - likewise
                pass
        self.client = None


def _killed(exc: BaseException) -> bool:
    """Whether a task failed because the processes running it died (Dask's KilledWorker)."""
    return type(exc).__name__ == "KilledWorker"


def _line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


@contextmanager
def _quiet_collection() -> Iterator[None]:
    """Collect a half-made Dask client quietly: its finaliser tries to close a connection
    that never opened and reports a traceback of its own."""
    previous = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        yield
    finally:
        gc.collect()
        sys.unraisablehook = previous


def dask_setup(worker: Any = None) -> None:  # noqa: ARG001 - Dask's preload signature
    """``dask worker --preload kg.build.cluster``: load the lexicon and the dictionaries
    when the worker starts, not at its first task."""
    warm_up(DEFAULT_SEGMENTER)
    Lexicon.default().token_lengths("")  # (loads the dictionaries)
