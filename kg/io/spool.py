"""A build's articles in a temporary file, for the writers when there is no store."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable

from kg.io.streaming import ntriples_block, turtle_prefixes
from kg.model.triples import SubjectGroups, bind_prefixes, statement_groups

__all__ = ["Spool"]


class Spool:
    """Articles' graphs in a temporary file: a :class:`Quads` for builds without a
    store, filled as articles arrive. Each article's own statements (and, when given, its
    Turtle block) go to the file; the shared statements are kept, deduplicated, in memory.
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile("w+b")
        self._blocks: dict[str, tuple[int, int, int, int]] = {}
        # the shared statements by subject: as the first article gave them or, once
        # another article gave the same subject other statements, the union of all
        self._groups: dict[str, tuple[str, ...] | set[str]] = {}
        self._merged: set[str] = set()
        self._sorted: list[tuple[str, tuple[str, ...]]] | None = None
        self._statements: list[str] | None = None

    def add(
        self,
        graph: str,
        own: str | bytes | None,
        shared: Iterable[str] = (),
        turtle: str | bytes | None = None,
        *,
        count: int | None = None,
        groups: SubjectGroups | None = None,
    ) -> None:
        """Keep one article: ``own``, its graph's N-Triples lines (``s p o .``, sorted and
        distinct), its ``shared`` statements (``s p o``) and its graph rendered as a Turtle
        block (:func:`turtle_block`); ``own`` or ``turtle`` may be ``None`` (not both).
        ``count``: the number of its own statements, when ``own`` is not given. Text may
        come as ``str`` or UTF-8 ``bytes``. ``groups``: the shared statements already
        grouped by subject (:func:`kg.model.triples.subject_groups`), instead of ``shared``."""
        if own is None and turtle is None:
            raise ValueError("an article needs its own statements or its Turtle block")
        data = own.encode("utf-8") if isinstance(own, str) else own or b""
        extra = turtle.encode("utf-8") if isinstance(turtle, str) else turtle or b""
        self._file.seek(0, os.SEEK_END)
        offset = self._file.tell()
        self._file.write(data)
        self._file.write(extra)
        self._blocks[graph] = (
            offset,
            len(data) if own is not None else -1,
            len(extra) if turtle is not None else -1,
            data.count(b"\n") if own is not None else int(count or 0),
        )
        if groups is None:
            groups = statement_groups(sorted(set(shared)))
        known, merged = self._groups, self._merged
        for subject, statements in groups:
            have = known.get(subject)
            if have is None:
                known[subject] = statements
            elif have == statements:
                continue
            elif subject in merged:
                have.update(statements)  # type: ignore[union-attr]
            else:
                known[subject] = {*have, *statements}
                merged.add(subject)
        self._sorted = self._statements = None

    def graphs(self) -> list[str]:
        return sorted(self._blocks)

    def _read_bytes(self, offset: int, length: int) -> bytes:
        self._file.seek(offset)
        return self._file.read(length)

    def _read(self, offset: int, length: int) -> str:
        return self._read_bytes(offset, length).decode("utf-8")

    def graph_statements(self, graph: str) -> list[str]:
        offset, length, turtle, _ = self._blocks[graph]
        if length >= 0:
            return [line[:-2] for line in self._read(offset, length).split("\n") if line]
        import pyoxigraph

        block = turtle_prefixes() + self._read(offset, turtle)
        return sorted(
            f"{t.subject} {t.predicate} {t.object}"
            for t in pyoxigraph.parse(block, pyoxigraph.RdfFormat.TURTLE, base_iri=graph)
        )

    def rendered(self, graph: str, fmt: str) -> tuple[str, int] | None:
        """An article's graph as an N-Triples or Turtle block with its statement count,
        when the spool holds it so."""
        data = self.rendered_bytes(graph, fmt)
        return None if data is None else (data[0].decode("utf-8"), data[1])

    def rendered_bytes(self, graph: str, fmt: str) -> tuple[bytes, int] | None:
        """:meth:`rendered`, UTF-8 encoded."""
        offset, length, turtle, count = self._blocks[graph]
        if fmt == "ntriples" and length >= 0:
            return self._read_bytes(offset, length), count
        if fmt == "turtle" and turtle >= 0:
            return self._read_bytes(offset + max(length, 0), turtle), count
        return None

    def shared_groups(self) -> list[tuple[str, tuple[str, ...]]]:
        """The shared statements grouped by subject, subjects sorted."""
        if self._sorted is None:
            known, merged = self._groups, self._merged
            self._sorted = [
                (s, tuple(sorted(known[s])) if s in merged else known[s])  # type: ignore[arg-type]
                for s in sorted(known)
            ]
        return self._sorted

    def shared_statements(self) -> list[str]:
        if self._statements is None:
            self._statements = [f"{s} {st}" for s, group in self.shared_groups() for st in group]
        return self._statements

    def merged_statements(self) -> list[str]:
        """The shared statements of the subjects that articles gave different statements,
        sorted: the only subjects whose statements in the union are not those one article
        made (and was checked against the shapes with)."""
        known = self._groups
        return [f"{s} {st}" for s in sorted(self._merged) for st in sorted(known[s])]

    def to_dataset(self):  # noqa: ANN201 - rdflib Dataset
        """The graphs as an rdflib dataset (for small builds)."""
        from rdflib import Dataset, URIRef

        ds = bind_prefixes(Dataset())
        ds.default_graph.parse(data=ntriples_block(self.shared_statements()), format="nt")
        for graph in self.graphs():
            text = ntriples_block(self.graph_statements(graph))
            ds.graph(URIRef(graph)).parse(data=text, format="nt")
        return ds

    def triple_count(self) -> int:
        """Distinct triples in the union of the graphs."""
        shared = sum(map(len, self._groups.values()))
        return shared + sum(b[3] for b in self._blocks.values())

    def __len__(self) -> int:
        return len(self._blocks)

    def close(self) -> None:
        self._file.close()
