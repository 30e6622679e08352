"""Named queries: the ``.rq`` files of ``ontology/queries/``, and what a query argument names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError, QueryError
from kg.resources import ontology_path

__all__ = ["NamedQuery", "named_queries", "resolve_query", "required_bindings", "missing_bindings"]


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``ontology/queries/``: its name (file stem), description and text."""

    name: str
    description: str
    text: str
    path: Path

    @property
    def required(self) -> tuple[str, ...]:
        """The variables the query needs bound (its ``# Requires:`` line)."""
        return required_bindings(self.text)


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
_REQUIRES = re.compile(r"#\s*Requires:(.*)", re.IGNORECASE)
_VARIABLE = re.compile(r"[?$](\w+)")


def required_bindings(text: str) -> tuple[str, ...]:
    r"""The variables a query needs bound before it runs, in the order named.

    They are named on ``# Requires:`` lines among the comments that open the query (a query
    that would otherwise answer for everything, such as one party's agreements):

    >>> required_bindings("# One party's deals.\n# Requires: ?name\nSELECT * WHERE { ?s ?p ?name }")
    ('name',)
    >>> required_bindings("SELECT * WHERE { ?s ?p ?o } # Requires: ?o")
    ()
    """
    found: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        match = _REQUIRES.match(line)
        if match:
            found.extend(v for v in _VARIABLE.findall(match.group(1)) if v not in found)
    return tuple(found)


def missing_bindings(text: str, bindings: Mapping[str, object]) -> tuple[str, ...]:
    """The variables of :func:`required_bindings` that ``bindings`` gives no value."""
    return tuple(v for v in required_bindings(text) if v not in bindings)


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; a query text too long for a file name is not."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def resolve_query(spec: str) -> str:
    """Query text from ``spec``: a ``.rq`` file, a named query's name, or the text itself."""
    if "\n" not in spec and len(spec) < 1024:
        path = Path(spec)
        if path.suffix == ".rq" or _is_file(path):
            if not _is_file(path):
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
