"""Cross-origin requests (CORS): which web pages of other origins may read the answers.

The endpoint is read-only and takes no credentials, so by default any origin may (``*``),
as public SPARQL endpoints do: a query page such as YASGUI served from elsewhere can use it.
``--cors`` narrows that to a list of origins, or ``none`` sends no CORS header at all.

>>> policy = CorsPolicy.parse("https://a.example, http://127.0.0.1:8000")
>>> policy.headers("https://a.example")["Access-Control-Allow-Origin"]
'https://a.example'
>>> policy.headers("https://b.example")
{}
>>> CorsPolicy.parse("*").headers(None)["Access-Control-Allow-Origin"]
'*'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from kg.errors import InputError

__all__ = ["CorsPolicy", "ALLOWED_METHODS"]

#: The methods the endpoint answers (and a preflight allows).
ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS"

# Request headers a preflight allows without echoing them: what SPARQL clients send.
_ALLOWED_HEADERS = "Accept, Content-Type, Accept-Language, Cache-Control, X-Requested-With"
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_PREFLIGHT_SECONDS = 600


@dataclass(frozen=True)
class CorsPolicy:
    """The origins whose pages may read answers: ``None`` for none (CORS off), ``"*"`` for
    any, else a set of ``scheme://host[:port]``."""

    origins: frozenset[str] | str | None = "*"

    @classmethod
    def parse(cls, spec: str) -> CorsPolicy:
        """``*``, ``none``, or origins separated by commas (``--cors``); :class:`InputError`
        for an origin that is not ``http(s)://host[:port]``."""
        spec = spec.strip()
        if spec == "*":
            return cls("*")
        if spec.lower() in ("none", "off", ""):
            return cls(None)
        origins = set()
        for item in spec.split(","):
            origin = item.strip().rstrip("/")
            parts = urlsplit(origin)
            if parts.scheme not in ("http", "https") or not parts.netloc or parts.path:
                raise InputError(
                    f"--cors: {item.strip()!r} is not an origin (http(s)://host[:port]), "
                    "'*' or 'none'"
                )
            origins.add(f"{parts.scheme}://{parts.netloc.lower()}")
        return cls(frozenset(origins))

    @property
    def enabled(self) -> bool:
        """Whether any CORS header is sent."""
        return self.origins is not None

    def _allowed(self, origin: str | None) -> str | None:
        """The ``Access-Control-Allow-Origin`` value for a request from ``origin``, if any."""
        if self.origins == "*":
            return "*"
        if self.origins and origin and origin.rstrip("/").lower() in self.origins:
            return origin
        return None

    def headers(self, origin: str | None) -> dict[str, str]:
        """The CORS headers of any response to a request from ``origin``."""
        allowed = self._allowed(origin)
        if allowed is None:
            return {}
        return {
            "Access-Control-Allow-Origin": allowed,
            "Access-Control-Expose-Headers": "X-Result-Truncated, Content-Length",
        }

    @property
    def varies(self) -> bool:
        """Whether answers depend on the ``Origin`` header (``Vary: Origin``)."""
        return isinstance(self.origins, frozenset)

    def preflight(self, origin: str | None, request_headers: str | None) -> dict[str, str]:
        """The headers that answer a preflight (``OPTIONS`` with
        ``Access-Control-Request-Method``) from ``origin``."""
        out = self.headers(origin)
        if not out:
            return {}
        asked = [h.strip() for h in (request_headers or "").split(",") if h.strip()]
        allowed = _ALLOWED_HEADERS
        if asked and all(_TOKEN.fullmatch(h) for h in asked):
            allowed = ", ".join(asked)  # nothing is secret here: any header may come
        out.update(
            {
                "Access-Control-Allow-Methods": ALLOWED_METHODS,
                "Access-Control-Allow-Headers": allowed,
                "Access-Control-Max-Age": str(_PREFLIGHT_SECONDS),
            }
        )
        return out

    def describe(self) -> str:
        """The policy in a few words, for the start-up line."""
        if self.origins is None:
            return "CORS off"
        if self.origins == "*":
            return "CORS for any origin"
        return "CORS for " + ", ".join(sorted(self.origins))
