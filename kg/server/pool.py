"""The pool of query workers: who runs a query, how long it may run, and the fast lane.

A worker holds the whole graph and answers one query at a time; a query past its time
limit is stopped by ending its worker, which a fresh one replaces. ``size`` workers take
queries in the order they arrive. With a fast lane, one more worker stands by for the
queries that find all of them busy: each such query may run there for at most
``fast_lane`` seconds; one that needs longer is stopped there (the lane's worker is
replaced) and waits for a worker of its own like any other, where it runs again from the
start. So a trivial query is answered at once while long ones keep the other workers, and
at most ``size`` long queries run at a time.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError, KgError
from kg.server.workers import QueryStopped, QueryTimeout, worker_main

__all__ = ["DEFAULT_FAST_LANE", "WorkerPool"]

#: Seconds a query may take on the fast lane (see the module's docstring).
DEFAULT_FAST_LANE = 1.0

# What a worker needs, imported once in the fork server that starts the workers.
_PRELOAD = ["kg.server.workers", "pyoxigraph", "rdflib.plugins.sparql"]


def _context() -> multiprocessing.context.BaseContext:
    """Workers start from a fork server that has imported what they need (a fresh process
    that never held a graph or a store), so a worker that replaces a stopped one is ready
    in the time it takes to load the graph; spawned where there is no fork server."""
    if "forkserver" not in multiprocessing.get_all_start_methods():  # pragma: no cover
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: object
    fast: bool = False
    stopped: bool = False


class _Overran(Exception):
    """A query ran past the time it was given on a worker (which has been replaced)."""


class WorkerPool:
    """Worker processes holding the graph; a query gets one, and a timed-out one is replaced.

    Each worker holds the graph in a ``pyoxigraph.Store``. A query past the time limit is
    stopped by ending its worker process, and one past ``memory_limit`` bytes (beyond what
    the loaded worker holds) ends its own; a replacement starts at once, so a runaway query
    cannot hold the server. A worker reads each query with rdflib's parser and refuses
    ``SERVICE``; sealed, it could not open a connection anyway
    (:func:`kg.server.workers.worker_main`). ``fast_lane`` seconds (``0``: none) is what a
    query may take on the worker kept for short queries (the module's docstring).
    """

    def __init__(
        self,
        graph_file: Path,
        fmt: str,
        prefixes: dict[str, str],
        *,
        size: int = 2,
        load_timeout: float = 600.0,
        memory_limit: int | None = None,
        fast_lane: float = DEFAULT_FAST_LANE,
    ) -> None:
        self._ctx = _context()
        self._args = (str(graph_file), fmt, dict(prefixes), memory_limit)
        self.memory_limit = memory_limit
        self.fast_lane = max(0.0, fast_lane)
        self._load_timeout = load_timeout
        self._cond = threading.Condition()
        self._idle: deque[_Worker] = deque()  # workers of the main lane, free
        self._fast: _Worker | None = None  # the fast lane's worker, when free
        self._waiting: deque[object] = deque()  # queries waiting for the main lane, in order
        self._workers: set[_Worker] = set()
        self._busy = 0
        self._closed = False
        #: Queries stopped on the fast lane for taking longer than it allows (then queued).
        self.fast_lane_evictions = 0
        self.triples = 0
        self.graph_count = 0
        self.graph_names: list[str] = []
        try:
            for _ in range(max(1, size)):
                self._release(self._start(fast=False))
            if self.fast_lane:
                self._release(self._start(fast=True))
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ workers

    def _start(self, *, fast: bool) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=worker_main, args=(child, *self._args), name="kg-sparql-worker", daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent, fast)
        with self._cond:
            self._workers.add(worker)
        try:  # the pipe is closed under us when the pool is closed meanwhile
            if not parent.poll(self._load_timeout):
                self._stop(worker)
                raise InputError(f"{self._args[0]}: loading the graph took too long")
            reply = parent.recv()
        except (EOFError, OSError):
            self._stop(worker)
            raise InputError(f"{self._args[0]}: the query worker died loading the graph") from None
        if reply[0] != "ready":
            self._stop(worker)
            raise InputError(reply[1])
        self.triples, self.graph_count, self.graph_names = reply[1], reply[2], list(reply[3])
        return worker

    def _stop(self, worker: _Worker) -> None:
        """End ``worker``'s process and close its pipe (once, whoever asks first)."""
        with self._cond:
            if worker.stopped:
                return
            worker.stopped = True
            self._workers.discard(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

    def _release(self, worker: _Worker) -> None:
        """Give a free worker back to its lane."""
        with self._cond:
            if worker.fast:
                self._fast = worker
            else:
                self._idle.append(worker)
            self._cond.notify_all()

    def _replace(self, worker: _Worker) -> int | None:
        """Stop ``worker`` and start another in the background; the stopped one's exit code."""
        self._stop(worker)
        code = worker.process.exitcode

        def start() -> None:
            if self._closed:
                return
            try:
                fresh = self._start(fast=worker.fast)
            except KgError as exc:
                if not self._closed:  # pragma: no cover - the graph loaded before
                    print(f"kg serve: cannot restart a query worker: {exc}", file=sys.stderr)
                return
            if self._closed:  # closed while it loaded: it would outlive the pool
                self._stop(fresh)
            else:
                self._release(fresh)

        threading.Thread(target=start, name="kg-sparql-restart", daemon=True).start()
        return code

    # ------------------------------------------------------------------ queries

    def _take(self, deadline: float, *, fast: bool) -> _Worker:
        """A free worker: of the main lane in arrival order, else (if ``fast``) the fast
        lane's; :class:`QueryTimeout` when none is free by ``deadline``."""
        ticket = object()
        with self._cond:
            self._waiting.append(ticket)
            try:
                while True:
                    if self._closed:
                        raise QueryStopped("the server is stopping")
                    place = self._waiting.index(ticket)  # queries before this one
                    if self._idle and place == 0:
                        worker = self._idle.popleft()
                        break
                    if fast and self._fast is not None and len(self._idle) <= place:
                        # no worker of the main lane is left for this query: the fast lane
                        worker, self._fast = self._fast, None
                        break
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise QueryTimeout("no query worker became free in time (server busy)")
                    self._cond.wait(remaining)
                self._busy += 1
                return worker
            finally:
                self._waiting.remove(ticket)
                self._cond.notify_all()

    def _ask(self, worker: _Worker, request: dict, seconds: float) -> tuple:
        """Send ``request`` to ``worker`` and wait ``seconds`` for the reply; the worker goes
        back to its lane, or is replaced when the query overran (:class:`_Overran`) or ended it."""
        try:
            worker.conn.send(request)
            if worker.conn.poll(max(0.0, seconds)):
                reply = worker.conn.recv()
                if reply[0] == "memory":  # a Python MemoryError: start afresh all the same
                    self._replace(worker)
                    raise QueryStopped(self._memory_message())
                self._release(worker)
                return reply
        except (EOFError, OSError):
            worker.process.join(2)  # let it finish dying, to read how it ended
            code = self._replace(worker)
            if code in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV):
                raise QueryStopped(self._memory_message()) from None
            raise QueryStopped(f"query stopped: its worker ended (exit code {code})") from None
        finally:
            with self._cond:
                self._busy -= 1
        self._replace(worker)
        raise _Overran

    def run(self, request: dict, timeout: float) -> tuple:
        """Run ``request`` on a worker: wait at most ``timeout`` s for one (else
        :class:`QueryTimeout`, the server is busy), then let it run at most ``timeout`` s
        (else :class:`QueryTimeout`); :class:`QueryStopped` when the worker ends (past its
        memory limit). On the fast lane it runs at most ``fast_lane`` s; past that it waits
        again for a worker of the main lane and runs there from the start."""
        may_take_fast = self.fast_lane > 0
        while True:
            try:
                worker = self._take(time.monotonic() + timeout, fast=may_take_fast)
            except QueryTimeout:
                raise QueryTimeout(
                    f"no query worker became free within {timeout:g} s (server busy)"
                ) from None
            seconds = min(self.fast_lane, timeout) if worker.fast else timeout
            try:
                return self._ask(worker, request, seconds)
            except _Overran:
                if not worker.fast or seconds >= timeout:
                    raise QueryTimeout(
                        f"query stopped: it ran past the time limit of {timeout:g} s"
                    ) from None
                with self._cond:
                    self.fast_lane_evictions += 1
                may_take_fast = False  # too long for the fast lane: wait for a worker

    def running(self) -> int:
        """How many queries are on a worker now."""
        with self._cond:
            return self._busy

    def waiting(self) -> int:
        """How many queries are waiting for a worker now."""
        with self._cond:
            return len(self._waiting)

    def _memory_message(self) -> str:
        limit = f" of {self.memory_limit >> 20} MB" if self.memory_limit else ""
        return f"query stopped: it needed more than the memory limit{limit} of a query worker"

    def close(self) -> None:
        """Stop every worker."""
        with self._cond:
            self._closed = True
            workers = list(self._workers)
            self._cond.notify_all()
        for worker in workers:
            self._stop(worker)
