"""Sorted N-Triples statements split into an article's own and the shared ones, and
grouped by subject: the forms a build's workers hand on (:mod:`kg.model.triples` makes
the statements)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from kg.model import iri

__all__ = [
    "SubjectGroups",
    "split_terms",
    "subject_groups",
    "statement_groups",
    "is_own_statement",
    "split_statements",
]


def split_terms(
    triples: list[tuple[str, str, str]], doc_iri: str
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """:func:`split_statements` of sorted triples (:func:`kg.model.triples.extraction_terms`): the
    document's own ones, which sort together, and the shared ones."""
    head = f"<{doc_iri}"
    lo = bisect_left(triples, (head,))
    hi = bisect_left(triples, (head + "\U0010ffff",), lo)
    return triples[lo:hi], triples[:lo] + triples[hi:]


#: Statements grouped by subject: ``(subject, ("predicate object", ...))``, subjects in
#: order, each one's statements sorted as its ``s p o`` statements sort.
SubjectGroups = tuple[tuple[str, tuple[str, ...]], ...]


def subject_groups(triples: Iterable[Sequence[str]]) -> SubjectGroups:
    """Sorted ``(s, p, o)`` terms (:func:`kg.model.triples.extraction_terms`) grouped by subject.

    >>> subject_groups([("<a>", "<p>", "<b>"), ("<a>", "<q>", '"x"'), ("<c>", "<p>", "<a>")])
    (('<a>', ('<p> <b>', '<q> "x"')), ('<c>', ('<p> <a>',)))
    """
    groups: list[tuple[str, tuple[str, ...]]] = []
    subject = None
    rest: list[str] = []
    for s, p, o in triples:
        if s != subject:
            if subject is not None:
                groups.append((subject, tuple(rest)))
            subject, rest = s, []
        rest.append(f"{p} {o}")
    if subject is not None:
        groups.append((subject, tuple(rest)))
    return tuple(groups)


def statement_groups(statements: Iterable[str]) -> SubjectGroups:
    """Sorted N-Triples statements ``s p o`` grouped by subject (:func:`subject_groups`)."""
    return subject_groups(st.split(" ", 2) for st in statements)


def is_own_statement(statement: str, doc_iri: str) -> bool:
    """Whether an N-Triples statement is about a node the document owns.

    A document owns itself and its parts, the nodes whose IRIs are its IRI with a fragment
    (its spans, assertions): their statements come from that document alone and live in its
    named graph. Statements about entities and quantities are shared by the documents that
    make them and live in the default graph.

    >>> doc = "https://w3id.org/chengyu-kg/id/doc/d1"
    >>> is_own_statement(f"<{doc}#char=0,5> <p> <o>", doc), is_own_statement("<x> <p> <o>", doc)
    (True, False)
    """
    return statement[0] == "<" and iri.owned_by(statement[1 : statement.index(">")], doc_iri)


def split_statements(statements: Iterable[str], doc_iri: str) -> tuple[list[str], list[str]]:
    """A document's statements split into its own and the shared ones (order kept)."""
    own: list[str] = []
    shared: list[str] = []
    for statement in statements:
        (own if is_own_statement(statement, doc_iri) else shared).append(statement)
    return own, shared
