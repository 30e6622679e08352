"""The checks of a whole build against the shapes, beyond each article's own (in the workers)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kg.errors import ValidationError
from kg.io.graph_files import union_graph
from kg.io.spool import Spool
from kg.model.shapes import check_union_max_counts, max_count_limits
from kg.model.validate import validate as shacl_validate
from kg.store import ArticleStore

__all__ = [
    "PYSHACL_LIMIT",
    "check_with_pyshacl",
    "store_union_violations",
    "spool_union_violations",
]

#: Builds without a store of up to this many quads are validated with pySHACL over the
#: whole union graph; others with the compiled shapes of :mod:`kg.model.shapes` (per
#: article in the workers, plus ``sh:maxCount`` over the statements articles share).
PYSHACL_LIMIT = 10_000


def check_with_pyshacl(quads: Any) -> None:
    """Validate the whole union graph of a small build with pySHACL."""
    report = shacl_validate(union_graph(quads.to_dataset()))
    if not report.conforms:
        first = next((ln.strip() for ln in report.text.splitlines() if "Message" in ln), "")
        raise ValidationError(f"the built graph does not conform to the shapes: {first}")


def store_union_violations(target: ArticleStore, subjects: Iterable[str] | None) -> list[str]:
    """``sh:maxCount`` violations over the union, for the subjects articles share.

    ``subjects``: the subjects (``<iri>``) of the shared statements a build added, or
    ``None`` for all of them (a new store), of which the store's backend counts out the
    suspects.
    """
    wanted = set(subjects) if subjects is not None else None
    statements = target.max_count_statements(wanted, max_count_limits())
    return check_union_max_counts(statements, limit=5)


def spool_union_violations(spool: Spool) -> list[str]:
    """``sh:maxCount`` violations over the union of a build without a store.

    Each article was checked with its own statements: only subjects that articles describe
    differently can break a ``sh:maxCount``, unless a shape counts the subjects pointing at
    a node (``sh:inversePath``).
    """
    inverse = any(key.startswith("^") for key in max_count_limits())
    return check_union_max_counts(
        spool.shared_statements() if inverse else spool.merged_statements(), limit=5
    )
