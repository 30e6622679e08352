"""The query page at ``/`` and the static files it loads (YASGUI, vendored; no network).

The page, its script and style are files in ``kg/server/static/``; YASGUI's build is in
``kg/server/static/yasgui/`` with its licences. The page is rendered once per server with
the endpoint, the prefixes to write into new queries and the named queries as examples.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from string import Template

from kg.sparql import named_queries

__all__ = ["YASGUI_VERSION", "query_page", "static_file", "STATIC_TYPES"]

#: The version of ``@zazuko/yasgui`` in ``kg/server/static/yasgui/``.
YASGUI_VERSION = "4.6.2"

#: Content types of the static files, by suffix; a file of another suffix is not served.
STATIC_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    "": "text/plain; charset=utf-8",  # LICENSE
}


def _static_root() -> Traversable:
    return files("kg.server").joinpath("static")


@cache
def _static_files() -> dict[str, Traversable]:
    """Every file under ``static/`` by its path there (``yasgui/yasgui.min.js``): the only
    names a request can reach, so no path leads outside."""
    found: dict[str, Traversable] = {}
    stack = [("", _static_root())]
    while stack:
        prefix, folder = stack.pop()
        for entry in folder.iterdir():
            name = f"{prefix}{entry.name}"
            if entry.is_dir():
                stack.append((f"{name}/", entry))
            elif _suffix(entry.name) in STATIC_TYPES:
                found[name] = entry
    return found


def _suffix(name: str) -> str:
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""


def static_file(name: str) -> tuple[bytes, str] | None:
    """The bytes and content type of ``static/NAME``, or ``None`` if there is no such file."""
    entry = _static_files().get(name)
    if entry is None:
        return None
    return entry.read_bytes(), STATIC_TYPES[_suffix(entry.name)]


def _script_json(value: object) -> str:
    """JSON safe inside a ``<script>`` element (no ``</script>``, no HTML comment)."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def query_page(prefixes: Mapping[str, str], *, endpoint: str = "sparql") -> bytes:
    """The HTML of the query page: YASGUI on ``endpoint`` (relative to the page), new
    queries opening with ``PREFIX`` lines for ``prefixes``, the named queries as examples."""
    config = {
        "endpoint": endpoint,
        "prefixes": dict(prefixes),
        "queries": [
            {"name": q.name, "description": q.description, "text": q.text, "needs": q.required}
            for q in named_queries().values()
        ],
    }
    template = Template(_static_root().joinpath("query.html").read_text(encoding="utf-8"))
    html = template.substitute(config=_script_json(config), version=YASGUI_VERSION)
    return html.encode("utf-8")
