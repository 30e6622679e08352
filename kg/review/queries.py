"""The small pieces of SPARQL the review's samples share: rows of a query, a term as text, a
VALUES block of IRIs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["labels_of", "query_rows", "term_text", "values_block"]


def query_rows(graph: Any, text: str) -> list[tuple[Any, ...]]:
    """The rows ``graph`` (an open graph of :mod:`kg.sparql`) answers to the query ``text``."""
    return list(graph.query(text).rows)


def term_text(term: Any) -> str:
    """A term of a result as text, ``""`` for an unbound one."""
    return "" if term is None else str(term)


def values_block(var: str, iris: Iterable[str]) -> str:
    """``VALUES ?var { <iri> … }``."""
    return f"VALUES ?{var} {{ {' '.join(f'<{iri}>' for iri in iris)} }}"


def labels_of(graph: Any, iris: Sequence[str]) -> dict[str, str]:
    """One label of each of ``iris`` that has any (the first in code point order)."""
    if not iris:
        return {}
    rows = query_rows(
        graph, f"SELECT ?e ?label WHERE {{ {values_block('e', iris)} ?e rdfs:label ?label }}"
    )
    out: dict[str, str] = {}
    for entity, label in sorted(rows, key=lambda r: (str(r[0]), str(r[1]))):
        out.setdefault(str(entity), str(label))
    return out
