"""HTTP for SPARQL servers: one client with timeouts, retries, backoff and authentication.

Only ``http://`` and ``https://`` URLs are requested (:func:`check_http_url`). Each request
must be answered in full within ``timeout`` seconds, and all of a client's requests within
its ``deadline``: a watchdog shuts the connection down when the time is up, since a server
that trickles its answer a byte at a time never lets a socket's own timeout expire.
Failed connections, timeouts, ``429`` and ``5xx`` answers are retried with exponential
backoff; authentication is extra headers (``Authorization: Bearer ...``) or ``~/.netrc``.
"""

from __future__ import annotations

import base64
import http.client
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kg.errors import InputError, KgError

__all__ = ["PushError", "Response", "HttpClient", "check_http_url", "parse_header", "RETRY_STATUS"]

RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


class PushError(KgError):
    """The server refused the upload, could not be reached or did not answer in time."""

    exit_code = 4


@dataclass(frozen=True)
class Response:
    """An HTTP answer: status, headers (lower-case names), body and reason phrase."""

    status: int
    headers: dict[str, str]
    body: bytes
    reason: str = ""


def parse_header(text: str) -> tuple[str, str]:
    """``"Name: value"`` as ``(name, value)``; raises :class:`InputError` when malformed."""
    name, sep, value = text.partition(":")
    if not sep or not name.strip() or any(c.isspace() for c in name.strip()):
        raise InputError(f"bad header {text!r} (expected 'Name: value')")
    return name.strip(), value.strip()


def check_http_url(url: str, what: str = "URL") -> str:
    """``url`` when it is an ``http://`` or ``https://`` URL with a host; else
    :class:`InputError` (``what`` names it in the message).

    >>> check_http_url("file:///tmp/x", "endpoint")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: endpoint 'file:///tmp/x': only http:// and https:// URLs are supported
    """
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as exc:
        raise InputError(f"{what} {url!r}: not a URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"{what} {url!r}: only http:// and https:// URLs are supported")
    if not host:
        raise InputError(f"{what} {url!r}: no host")
    return url


class _Watch:
    """The sockets of one request, shut down when its time is up (:meth:`expire`), which
    wakes a read blocked on them whatever the server still trickles."""

    def __init__(self) -> None:
        self.sockets: list[socket.socket] = []
        self.expired = False
        self.lock = threading.Lock()

    def add(self, sock: socket.socket) -> socket.socket:
        with self.lock:
            self.sockets.append(sock)
            if self.expired:
                _shut(sock)
        return sock

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:  # the plain socket's shutdown, also for a TLS socket (whose own unwraps it first)
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:  # closed already, or a socket handed to TLS
        pass


class _WatchedHTTP(http.client.HTTPConnection):
    """A connection whose socket is registered with a :class:`_Watch`."""

    def __init__(self, *args: Any, watch: _Watch, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        create = self._create_connection
        self._create_connection = lambda *a, **k: watch.add(create(*a, **k))


class _WatchedHTTPS(http.client.HTTPSConnection):
    """A TLS connection whose sockets are registered with a :class:`_Watch` (the TCP one
    as it connects, the TLS one after the handshake, which only the socket's own timeout
    bounds)."""

    def __init__(self, *args: Any, watch: _Watch, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._watch = watch
        create = self._create_connection
        self._create_connection = lambda *a, **k: watch.add(create(*a, **k))

    def connect(self) -> None:
        super().connect()
        self._watch.add(self.sock)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watch: _Watch) -> None:
        super().__init__()
        self.watch = watch

    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_WatchedHTTP, req, watch=self.watch)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watch: _Watch) -> None:
        super().__init__()
        self.watch = watch

    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_WatchedHTTPS, req, context=self._context, watch=self.watch)


def _opener(watch: _Watch) -> urllib.request.OpenerDirector:
    """urllib's opener for HTTP and HTTPS only (proxies from the environment, redirects),
    its connections watched by ``watch``; any other scheme is an unknown URL type."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        _HTTPHandler(watch),
        _HTTPSHandler(watch),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


class _TimedOut(Exception):
    """A request not answered in full within its time."""


def _headers(message: Any) -> dict[str, str]:
    return {k.lower(): v for k, v in message.items()} if message is not None else {}


def _send(request: urllib.request.Request, seconds: float) -> Response:
    """One request, answered in full within ``seconds`` or :class:`_TimedOut`; any status
    is a :class:`Response`, a failed connection an :class:`OSError` or
    :class:`http.client.HTTPException`."""
    watch = _Watch()
    timer = threading.Timer(seconds, watch.expire)
    timer.daemon = True
    timer.start()
    try:
        try:
            with _opener(watch).open(request, timeout=seconds) as answer:
                return Response(
                    answer.status, _headers(answer.headers), answer.read(), answer.reason
                )
        except urllib.error.HTTPError as exc:
            return Response(exc.code, _headers(exc.headers), exc.read(), str(exc.reason))
    except (OSError, http.client.HTTPException) as exc:
        if watch.expired or isinstance(exc, TimeoutError):
            raise _TimedOut from None
        if isinstance(getattr(exc, "reason", None), TimeoutError):
            raise _TimedOut from None
        raise
    finally:
        timer.cancel()


class HttpClient:
    """Small HTTP client (urllib) with default headers, ``.netrc`` auth, timeouts and retries.

    Each request must be answered in full within ``timeout`` seconds; with ``deadline``,
    every request of the client (retries and their waits included) must be done within
    that many seconds of its creation. A request past either raises :class:`PushError`.
    """

    def __init__(
        self,
        *,
        headers: Mapping[str, str] | None = None,
        netrc: bool = False,
        timeout: float = 60.0,
        retries: int = 4,
        backoff: float = 0.5,
        deadline: float | None = None,
    ) -> None:
        self.headers = dict(headers or {})
        self.netrc = netrc
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.deadline = deadline
        self.ends = None if deadline is None else time.monotonic() + deadline
        self.requests = 0

    def _auth(self, url: str) -> dict[str, str]:
        if not self.netrc or any(k.lower() == "authorization" for k in self.headers):
            return {}
        import netrc as netrc_module

        host = urllib.parse.urlsplit(url).hostname or ""
        try:
            entry = netrc_module.netrc(os.environ.get("NETRC")).authenticators(host)
        except (FileNotFoundError, netrc_module.NetrcParseError) as exc:
            raise PushError(f"cannot read netrc: {exc}") from None
        if entry is None:
            raise PushError(f"no netrc entry for {host}")
        login, _, password = entry
        token = base64.b64encode(f"{login}:{password or ''}".encode()).decode("ascii")
        return {"Authorization": f"Basic {token}"}

    def _seconds(self, where: str) -> float:
        """The time the next request may take: ``timeout``, or what is left before the
        deadline (raises :class:`PushError` when nothing is)."""
        if self.ends is None:
            return self.timeout
        left = self.ends - time.monotonic()
        if left <= 0:
            raise PushError(f"{where}: timed out (the deadline of {self.deadline:g} s passed)")
        return min(self.timeout, left)

    def request(
        self,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        what: str = "request",
        ok: Sequence[int] = (),
    ) -> Response:
        """Send one request, retrying transient failures; non-2xx raise :class:`PushError`
        unless listed in ``ok``; a URL that is not ``http(s)://`` raises :class:`InputError`."""
        check_http_url(url)
        where = f"{what} {method} {url}"
        all_headers = {**self.headers, **self._auth(url), **(headers or {})}
        attempt = 0
        while True:
            attempt += 1
            seconds = self._seconds(where)
            self.requests += 1
            request = urllib.request.Request(url, data=body, method=method, headers=all_headers)
            delay = self.backoff * 2 ** (attempt - 1)
            try:
                response = _send(request, seconds)
            except _TimedOut:
                self._seconds(where)  # the deadline, when it is what cut the request short
                if attempt > self.retries:
                    raise PushError(
                        f"{where}: timed out (no complete answer within {seconds:g} s)"
                    ) from None
            except (OSError, http.client.HTTPException) as exc:
                if attempt > self.retries:
                    reason = getattr(exc, "reason", exc)
                    raise PushError(f"{where}: cannot connect ({reason})") from None
            else:
                if 200 <= response.status < 300 or response.status in ok:
                    return response
                if response.status not in RETRY_STATUS or attempt > self.retries:
                    detail = " ".join(response.body.decode("utf-8", "replace").split())[:200]
                    raise PushError(
                        f"{where}: HTTP {response.status} {response.reason}"
                        + (f": {detail}" if detail else "")
                    )
                retry_after = response.headers.get("retry-after", "")
                if retry_after.isdigit():
                    delay = min(float(retry_after), 30.0)
            if self.ends is not None:
                delay = min(delay, max(0.0, self.ends - time.monotonic()))
            time.sleep(delay)
