"""Named queries: the ``.rq`` files of ``ontology/queries/``, and what a query argument names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError, QueryError
from kg.resources import ontology_path

__all__ = ["NamedQuery", "named_queries", "resolve_query"]


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``ontology/queries/``: its name (file stem), description and text."""

    name: str
    description: str
    text: str
    path: Path


@lru_cache(maxsize=1)
def _named_queries() -> tuple[NamedQuery, ...]:
    directory = ontology_path("queries")
    found = []
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        description = first.lstrip("#").strip() if first.startswith("#") else ""
        found.append(NamedQuery(path.stem, description, text, path))
    return tuple(found)


def named_queries() -> dict[str, NamedQuery]:
    """The named queries by name, sorted."""
    return {q.name: q for q in _named_queries()}


_NAME = re.compile(r"^[\w.-]+$")


def resolve_query(spec: str) -> str:
    """Query text from ``spec``: a ``.rq`` file, a named query's name, or the text itself."""
    if "\n" not in spec and len(spec) < 1024:
        path = Path(spec)
        if path.suffix == ".rq" or path.is_file():
            if not path.is_file():
                raise InputError(f"{spec}: no such query file")
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"{spec}: cannot read query file ({exc})") from None
        named = named_queries()
        if spec in named:
            return named[spec].text
        if _NAME.match(spec):
            raise QueryError(
                f"no named query {spec!r} (known: {', '.join(named) or 'none'}), "
                "no such .rq file, and not a SPARQL query"
            )
    return spec
