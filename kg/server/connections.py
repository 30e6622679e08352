"""HTTP connections with limits: a fixed pool of handler threads, read deadlines, bounded bodies.

The standard library's servers start a thread per connection and wait on a client for ever;
here a fixed number of threads take connections from a bounded queue (the ones beyond it are
answered 503 at once), the request line and headers must arrive within one deadline and the
body within another, a body is read only up to its limit whatever the headers say
(``Content-Length`` negative, missing or too large, ``Transfer-Encoding: chunked``), and a
client that goes away is not worth a traceback.
"""

from __future__ import annotations

import io
import queue
import re
import socket
import sys
import threading
import time
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import BinaryIO

__all__ = [
    "ConnectionLimits",
    "BodyError",
    "LimitedHTTPServer",
    "LimitedRequestHandler",
    "read_body",
]


@dataclass(frozen=True)
class ConnectionLimits:
    """How long and how much the server waits for and reads from one client."""

    header_timeout: float = 10.0  # seconds for the request line and headers (and keep-alive idle)
    body_timeout: float = 30.0  # seconds for the body, and for sending the response
    max_body: int = 1 << 20  # bytes of a request body
    threads: int = 32  # connections handled at once
    backlog: int = 128  # connections waiting: in the kernel's queue, and again in ours


class BodyError(Exception):
    """A request body that is not read: its HTTP status and one line saying why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


_DIGITS = re.compile(rb"[0-9]{1,19}")
_HEX = re.compile(rb"[0-9A-Fa-f]{1,16}")


def _read_exactly(rfile: BinaryIO, size: int) -> bytes:
    data = rfile.read(size)
    if len(data) < size:
        raise BodyError(HTTPStatus.BAD_REQUEST, "the request body ended early")
    return data


def _read_chunked(rfile: BinaryIO, limit: int) -> bytes:
    parts, total = [], 0
    while True:
        line = rfile.readline(1026)
        size = line.split(b";", 1)[0].strip()
        if not line.endswith(b"\n") or not _HEX.fullmatch(size):
            raise BodyError(HTTPStatus.BAD_REQUEST, "malformed chunked request body")
        length = int(size, 16)
        if length == 0:
            break
        total += length
        if total > limit:
            raise BodyError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"body over {limit} bytes")
        parts.append(_read_exactly(rfile, length))
        if _read_exactly(rfile, 2) != b"\r\n":
            raise BodyError(HTTPStatus.BAD_REQUEST, "malformed chunked request body")
    for _ in range(64):  # trailer fields, ignored, up to the empty line
        line = rfile.readline(8194)
        if line in (b"\r\n", b"\n"):
            return b"".join(parts)
        if not line.endswith(b"\n"):
            break
    raise BodyError(HTTPStatus.BAD_REQUEST, "malformed chunked request body")


def read_body(headers: Message, rfile: BinaryIO, limit: int) -> bytes:
    """The request body, read up to ``limit`` bytes and never further; :class:`BodyError`
    (411, 400 or 413) for a body whose length is missing, malformed, ambiguous or too large.

    >>> from email.message import Message
    >>> h = Message(); h["Content-Length"] = "-1"
    >>> read_body(h, io.BytesIO(b"x" * 10), 5)
    Traceback (most recent call last):
    ...
    kg.server.connections.BodyError: bad Content-Length: '-1'
    """
    lengths = headers.get_all("Content-Length") or []
    encoding = headers.get("Transfer-Encoding")
    if encoding is not None:
        if lengths:  # which one frames the body is how requests are smuggled: neither
            raise BodyError(
                HTTPStatus.BAD_REQUEST, "both Content-Length and Transfer-Encoding given"
            )
        if encoding.strip().lower() != "chunked":
            raise BodyError(HTTPStatus.BAD_REQUEST, f"unsupported Transfer-Encoding {encoding!r}")
        return _read_chunked(rfile, limit)
    if not lengths:
        raise BodyError(
            HTTPStatus.LENGTH_REQUIRED, "Content-Length (or Transfer-Encoding: chunked) required"
        )
    values = {value.strip() for value in lengths}
    text = values.pop()
    if values or not _DIGITS.fullmatch(text.encode("ascii", "replace")):
        raise BodyError(HTTPStatus.BAD_REQUEST, f"bad Content-Length: {lengths[0][:40]!r}")
    size = int(text)
    if size > limit:
        raise BodyError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"body over {limit} bytes")
    return _read_exactly(rfile, size)


class _DeadlineReader(io.RawIOBase):
    """Reads a socket until the handler's current deadline, then raises ``TimeoutError``
    (a client that sends a byte now and then is cut off all the same)."""

    def __init__(self, sock: socket.socket, handler: LimitedRequestHandler) -> None:
        self._sock, self._handler = sock, handler

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001 - io's signature
        remaining = self._handler.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the client was too slow")
        self._sock.settimeout(remaining)
        return self._sock.recv_into(buffer)


class _Writer(io.BufferedIOBase):
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # noqa: ANN001 - io's signature
        self._sock.sendall(data)
        with memoryview(data) as view:
            return view.nbytes


class LimitedRequestHandler(BaseHTTPRequestHandler):
    """A request handler whose reads run against deadlines (:class:`ConnectionLimits`)."""

    server: LimitedHTTPServer
    deadline: float = 0.0

    def setup(self) -> None:
        self.connection = self.request
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
        self.rfile = io.BufferedReader(_DeadlineReader(self.connection, self))
        self.wfile = _Writer(self.connection)

    def handle_one_request(self) -> None:
        # the wait for a request on a kept-alive connection counts against the header deadline
        self.deadline = time.monotonic() + self.server.limits.header_timeout
        super().handle_one_request()

    def read_body(self) -> bytes:
        """The body of this request (:func:`read_body`), against the body deadline."""
        self.deadline = time.monotonic() + self.server.limits.body_timeout
        return read_body(self.headers, self.rfile, self.server.limits.max_body)

    def start_response(self) -> None:
        """Give the response as long to be sent as a body has to be read."""
        self.connection.settimeout(self.server.limits.body_timeout)

    def has_body(self) -> bool:
        """Whether the request announces a body (one not read must close the connection)."""
        length = (self.headers.get("Content-Length") or "0").strip()
        return self.headers.get("Transfer-Encoding") is not None or length not in ("", "0")


class LimitedHTTPServer(HTTPServer):
    """An HTTP server with a fixed pool of handler threads and a bounded queue of connections.

    A connection that finds the queue full is answered ``503`` and closed at once (with
    :attr:`busy_headers`, header lines that hold whatever the request was).
    """

    busy_headers: bytes = b""

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[LimitedRequestHandler],
        limits: ConnectionLimits,
    ) -> None:
        self.limits = limits
        self.request_queue_size = max(1, limits.backlog)  # listen(): the kernel's backlog
        self._pending: queue.Queue = queue.Queue(maxsize=max(1, limits.backlog))
        self._threads: list[threading.Thread] = []
        super().__init__(address, handler)
        for i in range(max(1, limits.threads)):
            thread = threading.Thread(target=self._work, name=f"kg-http-{i}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def process_request(self, request, client_address) -> None:  # noqa: ANN001
        try:
            self._pending.put_nowait((request, client_address))
        except queue.Full:
            self._turn_away(request)

    def _turn_away(self, request: socket.socket) -> None:
        body = b"server busy; try again\n"
        try:
            request.settimeout(1.0)
            request.sendall(
                b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8"
                b"\r\nRetry-After: 1\r\nConnection: close\r\n"
                + self.busy_headers
                + b"Content-Length: "
                + str(len(body)).encode()
                + b"\r\n\r\n"
                + body
            )
        except OSError:
            pass
        self.shutdown_request(request)

    def _work(self) -> None:
        while True:
            item = self._pending.get()
            if item is None:
                return
            request, client_address = item
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        """A client that went away or was too slow is not an error; anything else is one line."""
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError | TimeoutError):
            return
        print(
            f"kg serve: error answering {client_address[0]}: {type(exc).__name__}: {exc}",
            file=sys.stderr,
        )

    def server_close(self) -> None:
        super().server_close()
        while True:  # connections still waiting are closed, then each thread told to stop
            try:
                item = self._pending.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                self.shutdown_request(item[0])
        for _ in self._threads:
            self._pending.put(None)
