"""One article as a store keeps it: its graph IRI, its own statements and the shared ones."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.model.triples import split_statements

__all__ = ["StoredArticle"]


@dataclass(frozen=True)
class StoredArticle:
    """One article ready to store: its graph IRI, its own statements as N-Triples
    (``s p o .`` lines, sorted, UTF-8), the shared statements it makes (``s p o``), and its
    content hash (:attr:`kg.records.Document.content_hash`)."""

    graph: str
    own: bytes
    shared: tuple[str, ...]
    content_hash: str

    @property
    def statements(self) -> int:
        """How many statements the article makes."""
        return self.own.count(b"\n") + len(self.shared)

    @classmethod
    def of(cls, graph: str, statements: Iterable[str], content_hash: str) -> StoredArticle:
        """An article from all its statements (``s p o``), split into own and shared."""
        own, shared = split_statements(sorted(set(statements)), graph)
        text = " .\n".join(own) + " .\n" if own else ""
        return cls(graph, text.encode("utf-8"), tuple(shared), content_hash)
