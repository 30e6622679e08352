"""HTTP for SPARQL servers: one client with retries, backoff and authentication.

Failed connections, ``429`` and ``5xx`` answers are retried with exponential backoff;
authentication is extra headers (``Authorization: Bearer ...``) or ``~/.netrc``.
"""

from __future__ import annotations

import base64
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kg.errors import InputError, KgError

__all__ = ["PushError", "Response", "HttpClient", "parse_header", "RETRY_STATUS"]

RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


class PushError(KgError):
    """The server refused the upload or could not be reached."""

    exit_code = 4


@dataclass(frozen=True)
class Response:
    """An HTTP answer: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes


def parse_header(text: str) -> tuple[str, str]:
    """``"Name: value"`` as ``(name, value)``; raises :class:`InputError` when malformed."""
    name, sep, value = text.partition(":")
    if not sep or not name.strip() or any(c.isspace() for c in name.strip()):
        raise InputError(f"bad header {text!r} (expected 'Name: value')")
    return name.strip(), value.strip()


class HttpClient:
    """Small HTTP client (urllib) with default headers, ``.netrc`` auth and retries."""

    def __init__(
        self,
        *,
        headers: Mapping[str, str] | None = None,
        netrc: bool = False,
        timeout: float = 60.0,
        retries: int = 4,
        backoff: float = 0.5,
    ) -> None:
        self.headers = dict(headers or {})
        self.netrc = netrc
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
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
        unless listed in ``ok``."""
        all_headers = {**self.headers, **self._auth(url), **(headers or {})}
        attempt = 0
        while True:
            attempt += 1
            self.requests += 1
            request = urllib.request.Request(url, data=body, method=method, headers=all_headers)
            delay = self.backoff * 2 ** (attempt - 1)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                    return Response(
                        answer.status,
                        {k.lower(): v for k, v in answer.headers.items()},
                        answer.read(),
                    )
            except urllib.error.HTTPError as exc:
                response = Response(
                    exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()
                )
                if exc.code in ok:
                    return response
                if exc.code not in RETRY_STATUS or attempt > self.retries:
                    detail = " ".join(response.body.decode("utf-8", "replace").split())[:200]
                    raise PushError(
                        f"{what} {method} {url}: HTTP {exc.code} {exc.reason}"
                        + (f": {detail}" if detail else "")
                    ) from None
                retry_after = response.headers.get("retry-after", "")
                if retry_after.isdigit():
                    delay = min(float(retry_after), 30.0)
            except (urllib.error.URLError, OSError) as exc:
                if attempt > self.retries:
                    reason = getattr(exc, "reason", exc)
                    raise PushError(f"{what} {method} {url}: cannot connect ({reason})") from None
            time.sleep(delay)
