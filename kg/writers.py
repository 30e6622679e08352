"""Deterministic streaming writers for large graphs: Turtle, N-Triples, TriG and N-Quads.

They read a store of per-article named graphs (:class:`kg.store.ArticleStore`) one graph
at a time and never build an rdflib graph, so a million triples write in seconds. Output
depends only on the set of quads: it is byte-identical across runs, whatever order the
articles were added in.

Order: the union formats (Turtle, N-Triples) write each subject once, subjects sorted,
except that the nodes an article owns (its document, sentences, mentions and assertions,
whose IRIs extend the document's IRI) stay together in one block per article, articles
in IRI order; shared subjects (entities, quantities) are merged in sorted around the
blocks. The quad formats (TriG, N-Quads) write one graph per article, graphs sorted by
IRI, statements sorted inside each.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Protocol

__all__ = [
    "WRITERS",
    "QuadSource",
    "Spool",
    "turtle_term",
    "turtle_block",
    "write_turtle",
    "write_ntriples",
    "write_trig",
    "write_nquads",
    "write_outputs",
]


class QuadSource(Protocol):
    """What the writers read: sorted graph IRIs and each graph's N-Triples statements."""

    def graphs(self) -> list[str]: ...

    def graph_statements(self, graph: str) -> list[str]: ...


_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*\Z")
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")


def _prefixes() -> dict[str, str]:
    from kg.rdf import PREFIXES

    return PREFIXES


def _prefix_lines() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in _prefixes().items()) + "\n"


class _Compactor:
    """Turns N-Triples terms into Turtle terms with the package's prefixes (memoised)."""

    def __init__(self) -> None:
        # longest namespace first, so ``cy:`` wins over a shorter one that also matches
        self._namespaces = sorted(
            ((ns, p) for p, ns in _prefixes().items()), key=lambda x: -len(x[0])
        )
        self._cache: dict[str, str] = {_RDF_TYPE: "a"}

    def iri(self, token: str) -> str:
        term = self._cache.get(token)
        if term is None:
            term = token
            value = token[1:-1]
            for ns, prefix in self._namespaces:
                if value.startswith(ns) and _LOCAL.match(value[len(ns) :]):
                    term = f"{prefix}:{value[len(ns) :]}"
                    break
            if len(self._cache) < 100_000:
                self._cache[token] = term
        return term

    def __call__(self, token: str) -> str:
        if token.startswith("<"):
            return self.iri(token)
        if token.startswith("_:"):
            return token
        # a literal: "lexical" optionally followed by @lang or ^^<datatype>
        if token.endswith(">") and '"^^<' in token:
            cut = token.rindex('"^^<')
            lexical, datatype = token[: cut + 1], token[cut + 3 :]
            if datatype == f"<{_XSD}integer>" and _INTEGER.match(lexical[1:-1]):
                return lexical[1:-1]
            if datatype == f"<{_XSD}decimal>" and _DECIMAL.match(lexical[1:-1]):
                return lexical[1:-1]
            return f"{lexical}^^{self.iri(datatype)}"
        return token


def turtle_term(token: str) -> str:
    """One N-Triples term written as Turtle with the package's prefixes.

    >>> turtle_term("<https://w3id.org/chengyu-kg/ontology#party>")
    'cy:party'
    >>> turtle_term('"5"^^<http://www.w3.org/2001/XMLSchema#integer>')
    '5'
    """
    return _Compactor()(token)


def _split(statement: str) -> tuple[str, str, str]:
    s, rest = statement.split(" ", 1)
    p, o = rest.split(" ", 1)
    return s, p, o


def turtle_block(statements: Iterable[str], compact: Callable[[str], str] | None = None) -> str:
    """Sorted N-Triples statements as Turtle: one paragraph per subject, ``a`` first."""
    compact = compact or _Compactor()
    out: list[str] = []
    subject = None
    predicates: dict[str, list[str]] = {}

    def flush() -> None:
        if subject is None:
            return
        parts = []
        order = sorted(predicates, key=lambda p: (p != _RDF_TYPE, p))
        for p in order:
            objects = " , ".join(compact(o) for o in predicates[p])
            parts.append(f"{compact(p)} {objects}")
        out.append(f"{compact(subject)} " + " ;\n    ".join(parts) + " .\n\n")

    for statement in statements:
        s, p, o = _split(statement)
        if s != subject:
            flush()
            subject, predicates = s, {}
        predicates.setdefault(p, []).append(o)
    flush()
    return "".join(out)


def _owned(graph: str) -> tuple[str, str]:
    return f"<{graph}>", f"<{graph}/"


def _union_blocks(
    source: QuadSource, render: Callable[[list[str]], str], scratch: IO[bytes]
) -> tuple[list[tuple[str, int, int]], list[str], int]:
    """Pass over all graphs: each article's own block rendered into ``scratch``.

    Returns the blocks (first subject, offset, length), the shared statements sorted and
    the number of statements in the blocks.
    """
    blocks: list[tuple[str, int, int]] = []
    shared: set[str] = set()
    owned_count = 0
    for graph in source.graphs():
        exact, prefix = _owned(graph)
        own: set[str] = set()
        for statement in source.graph_statements(graph):
            subject = statement[: statement.index(" ")]
            if subject == exact or subject.startswith(prefix):
                own.add(statement)
            else:
                shared.add(statement)
        if not own:
            continue
        ordered = sorted(own)
        owned_count += len(ordered)
        data = render(ordered).encode("utf-8")
        blocks.append((ordered[0][: ordered[0].index(" ")], scratch.tell(), len(data)))
        scratch.write(data)
    return blocks, sorted(shared), owned_count


def _write_union(
    source: QuadSource, handle: IO[str], render: Callable[[list[str]], str], head: str
) -> int:
    handle.write(head)
    with tempfile.TemporaryFile("w+b") as scratch:
        blocks, shared, count = _union_blocks(source, render, scratch)
        scratch.flush()
        i = 0

        def shared_until(limit: str | None) -> None:
            nonlocal i
            start = i
            while i < len(shared) and (limit is None or shared[i] < limit):
                i += 1
            if i > start:
                # never split one subject's statements between two runs
                while (
                    i < len(shared) and shared[i].split(" ", 1)[0] == shared[i - 1].split(" ", 1)[0]
                ):
                    i += 1
                handle.write(render(shared[start:i]))

        for first, offset, length in sorted(blocks):
            shared_until(first)
            scratch.seek(offset)
            handle.write(scratch.read(length).decode("utf-8"))
        shared_until(None)
    return count + len(shared)


def write_turtle(source: QuadSource, handle: IO[str]) -> int:
    """The union of all graphs as Turtle; returns the number of distinct triples."""
    compact = _Compactor()
    return _write_union(source, handle, lambda st: turtle_block(st, compact), _prefix_lines())


def write_ntriples(source: QuadSource, handle: IO[str]) -> int:
    """The union of all graphs as N-Triples; returns the number of distinct triples."""
    return _write_union(source, handle, lambda st: "".join(f"{s} .\n" for s in st), "")


def _graph_statements(source: QuadSource) -> Iterator[tuple[str, list[str]]]:
    for graph in source.graphs():
        yield graph, sorted(set(source.graph_statements(graph)))


def write_trig(source: QuadSource, handle: IO[str]) -> int:
    """Every graph as TriG, graphs and statements sorted; returns the number of quads."""
    compact = _Compactor()
    handle.write(_prefix_lines())
    count = 0
    for graph, statements in _graph_statements(source):
        count += len(statements)
        body = turtle_block(statements, compact).rstrip("\n")
        body = "\n".join(f"    {line}" if line else "" for line in body.split("\n"))
        handle.write(f"<{graph}> {{\n{body}\n}}\n\n")
    return count


def write_nquads(source: QuadSource, handle: IO[str]) -> int:
    """Every graph as N-Quads, graphs and statements sorted; returns the number of quads."""
    count = 0
    for graph, statements in _graph_statements(source):
        count += len(statements)
        suffix = f" <{graph}> .\n"
        handle.write(suffix.join(statements) + suffix if statements else "")
    return count


class Spool:
    """Articles' sorted statements in a temporary file: a :class:`QuadSource` for builds
    without a store, filled as articles arrive and read back one graph at a time.
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile("w+b")
        self._blocks: dict[str, tuple[int, int]] = {}

    def add(self, graph: str, statements: str) -> None:
        """Keep one graph's statements (N-Triples lines ``s p o .``, sorted and distinct)."""
        data = statements.encode("utf-8")
        self._file.seek(0, os.SEEK_END)
        self._blocks[graph] = (self._file.tell(), len(data))
        self._file.write(data)

    def graphs(self) -> list[str]:
        return sorted(self._blocks)

    def graph_statements(self, graph: str) -> list[str]:
        offset, length = self._blocks[graph]
        self._file.seek(offset)
        text = self._file.read(length).decode("utf-8")
        return [line[:-2] for line in text.split("\n") if line]

    def to_dataset(self):  # noqa: ANN201 - rdflib Dataset
        """The graphs as an rdflib dataset (for small builds)."""
        from rdflib import Dataset, URIRef

        from kg.rdf import bind_prefixes

        ds = bind_prefixes(Dataset())
        for graph in self.graphs():
            text = "".join(f"{s} .\n" for s in self.graph_statements(graph))
            ds.graph(URIRef(graph)).parse(data=text, format="nt")
        return ds

    def triple_count(self) -> int:
        """Distinct triples in the union of the graphs."""
        seen: set[str] = set()
        count = 0
        for graph in self.graphs():
            exact, prefix = _owned(graph)
            for statement in self.graph_statements(graph):
                subject = statement[: statement.index(" ")]
                if subject == exact or subject.startswith(prefix):
                    count += 1
                else:
                    seen.add(statement)
        return count + len(seen)

    def __len__(self) -> int:
        return len(self._blocks)

    def close(self) -> None:
        self._file.close()


#: Format name -> streaming writer; names and suffixes as in :data:`kg.export.FORMATS`.
WRITERS: dict[str, Callable[[QuadSource, IO[str]], int]] = {
    "turtle": write_turtle,
    "ntriples": write_ntriples,
    "trig": write_trig,
    "nquads": write_nquads,
}


def write_outputs(
    source: QuadSource,
    out_dir: str | Path,
    formats: Iterable[str],
    counts: dict[str, int] | None = None,
) -> list[Path]:
    """Write ``graph.<suffix>`` per format into ``out_dir``, all or none.

    ``counts``, when given, receives what each writer wrote: distinct triples for the
    union formats, quads for the quad formats.

    Each file is written to a temporary name first; only when every format has been
    written are they renamed into place, so a failure leaves earlier outputs untouched.
    JSON-LD (not streamable) is rendered with rdflib from the store's dataset.
    """
    from kg.export import FORMATS, SUFFIXES

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pending: list[tuple[Path, Path]] = []
    try:
        for fmt in formats:
            target = out / f"graph{SUFFIXES[fmt]}"
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=out)
            pending.append((Path(tmp), target))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                if fmt in WRITERS:
                    written = WRITERS[fmt](source, handle)
                    if counts is not None:
                        counts[fmt] = written
                else:
                    to_dataset = getattr(source, "to_dataset", None)
                    if to_dataset is None:
                        raise ValueError(f"format {fmt!r} needs an rdflib dataset")
                    handle.write(FORMATS[fmt](to_dataset()))
                handle.flush()
                os.fsync(handle.fileno())
        mask = os.umask(0)
        os.umask(mask)
        for tmp, target in pending:
            os.chmod(tmp, 0o666 & ~mask)
            os.replace(tmp, target)
    except BaseException:
        for tmp, _ in pending:
            tmp.unlink(missing_ok=True)
        raise
    return [target for _, target in pending]
