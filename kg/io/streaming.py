"""Deterministic streaming writers for large graphs: Turtle, N-Triples, TriG and N-Quads.

They read per-article named graphs (:class:`kg.store.articles.ArticleStore` or a
:class:`Spool`) one graph at a time and never build an rdflib graph, so a million triples
write in seconds. Output depends only on the set of quads: it is byte-identical across
runs, whatever order the articles were added in.

Layout: each article's own nodes (its document, sentences, mentions and assertions, whose
IRIs extend the document's IRI) are in its named graph; the statements articles share
(entities, facts, quantities) are in the default graph. Order: the union formats (Turtle,
N-Triples) write the shared statements sorted by subject, with one block per article
(statements sorted inside it) where its graph IRI falls among them; the quad formats
(TriG, N-Quads) write the default graph first, then one graph per article, graphs and
statements sorted. Quads may hand over an article's block already rendered
(``rendered(graph, fmt)``, which build workers fill in parallel).

Size: four writers over one ordering of statements, and the spool they read from;
the ordering is what makes outputs byte-identical, so it stays in one module.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from kg.io.rdflib_writers import FORMATS, SUFFIXES
from kg.model import ntriples
from kg.model.triples import PREFIXES, SubjectGroups, bind_prefixes, statement_groups

__all__ = [
    "WRITERS",
    "Quads",
    "Spool",
    "turtle_term",
    "turtle_block",
    "turtle_block_of_triples",
    "turtle_compactor",
    "write_turtle",
    "write_ntriples",
    "write_trig",
    "write_nquads",
    "write_outputs",
    "ntriples_block",
]


class Quads(Protocol):
    """What the writers read: the sorted IRIs of the articles' named graphs, each graph's
    statements and the shared statements of the default graph (N-Triples ``s p o``), also
    grouped by subject; an article's block when they hold it rendered already
    (``None`` otherwise), and the whole as an rdflib dataset (for JSON-LD)."""

    def graphs(self) -> list[str]: ...

    def graph_statements(self, graph: str) -> list[str]: ...

    def shared_statements(self) -> list[str]: ...

    def shared_groups(self) -> Sequence[tuple[str, tuple[str, ...]]]: ...

    def rendered(self, graph: str, fmt: str) -> tuple[str, int] | None: ...

    def rendered_bytes(self, graph: str, fmt: str) -> tuple[bytes, int] | None: ...

    def to_dataset(self) -> Any: ...


_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*>\Z")
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")


def _prefixes() -> dict[str, str]:
    return PREFIXES


def _prefix_lines() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in _prefixes().items()) + "\n"


class _Compactor:
    """Turns N-Triples terms into Turtle terms with the package's prefixes (memoised)."""

    def __init__(self) -> None:
        # every namespace ends in "/" or "#" and a local name has neither, so an IRI's
        # namespace, if any, is what precedes its last "/" or "#"
        self._namespaces = {ns: p for p, ns in _prefixes().items()}
        self._cache: dict[str, str] = {}

    def iri(self, token: str) -> str:
        term = self._cache.get(token)
        if term is None:
            cut = max(token.rfind("/"), token.rfind("#")) + 1
            prefix = self._namespaces.get(token[1:cut])
            if prefix is None or not _LOCAL.match(token, cut):
                return token  # not memoised here: many such IRIs are one article's nodes
            term = f"{prefix}:{token[cut:-1]}"
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


def turtle_compactor() -> Callable[[str], str]:
    """A memoising converter of N-Triples terms to Turtle terms, for :func:`turtle_block`."""
    return _Compactor()


def turtle_block(
    statements: Iterable[str],
    compact: Callable[[str], str] | None = None,
    graph: str | None = None,
) -> str:
    """Sorted N-Triples statements as Turtle: one paragraph per subject, ``a`` first
    (``graph``: as for :func:`turtle_block_of_triples`)."""
    return turtle_block_of_triples((st.split(" ", 2) for st in statements), compact, graph)


def turtle_block_of_triples(
    triples: Iterable[Sequence[str]],
    compact: Callable[[str], str] | None = None,
    graph: str | None = None,
) -> str:
    """:func:`turtle_block` of statements given as ``(s, p, o)`` N-Triples terms.

    ``graph``: the IRI of the article whose nodes these are; IRIs that extend it are
    written as they are, without a look-up (no prefix fits them).
    """
    term = compact or _Compactor()
    # terms already converted (IRIs, typed literals), shared with the compactor's memo
    done: dict[str, str] = term._cache if isinstance(term, _Compactor) else {}
    get = done.get
    mine = f"<{graph}" if graph else "\x00"

    def convert(token: str) -> str:
        text = term(token)
        if len(done) < 100_000:
            done[token] = text
        return text

    out: list[str] = []
    subject = predicate = None
    head = ""
    types: list[str] = []
    parts: list[str] = []  # "predicate object , object" of the subject, types apart
    for s, p, o in triples:
        end = o[-1]
        if end == '"' or (end == "h" and o.endswith('"@zh')) or o.startswith(mine):
            obj = o  # a plain or @zh string, or a node of the article
        else:
            obj = get(o) or convert(o)
        if s != subject:
            if subject is not None:
                if types:
                    parts.insert(0, "a " + " , ".join(types))
                out.append(head + " ;\n    ".join(parts) + " .\n\n")
            subject, predicate = s, None
            head = (s if s.startswith(mine) else get(s) or convert(s)) + " "
            types, parts = [], []
        if p == _RDF_TYPE:
            types.append(obj)
        elif p == predicate:
            parts[-1] += " , " + obj
        else:
            predicate = p
            parts.append((get(p) or convert(p)) + " " + obj)
    if subject is not None:
        if types:
            parts.insert(0, "a " + " , ".join(types))
        out.append(head + " ;\n    ".join(parts) + " .\n\n")
    return "".join(out)


#: Renders sorted statements, of the article whose graph is given or (``None``) shared.
_Render = Callable[[list[str], str | None], str]
#: Renders shared statements grouped by subject (subjects sorted).
_RenderGroups = Callable[[Sequence[tuple[str, tuple[str, ...]]]], str]


def _block(quads: Quads, graph: str, fmt: str, render: _Render) -> tuple[str, int]:
    """One article's graph rendered in ``fmt`` and its number of statements."""
    block = quads.rendered(graph, fmt)
    if block is not None:
        return block
    statements = sorted(set(quads.graph_statements(graph)))
    return render(statements, graph), len(statements)


def _shared_groups(quads: Quads) -> Sequence[tuple[str, tuple[str, ...]]]:
    """The shared statements grouped by subject, subjects sorted."""
    return quads.shared_groups()


def _group_triples(groups: Iterable[tuple[str, tuple[str, ...]]]) -> Iterator[list[str]]:
    for s, statements in groups:
        for st in statements:
            p, o = st.split(" ", 1)
            yield [s, p, o]


def _write_union(
    quads: Quads,
    handle: IO[str],
    fmt: str,
    render: _Render,
    render_groups: _RenderGroups,
    head: str,
) -> int:
    from bisect import bisect_left

    handle.write(head)
    groups = _shared_groups(quads)
    subjects = [s for s, _ in groups]
    count = sum(len(statements) for _, statements in groups)
    i = 0
    # a block held as UTF-8 goes to the file's bytes without decoding
    raw = quads.rendered_bytes
    binary = getattr(handle, "buffer", None)

    def shared_until(limit: str | None) -> None:
        nonlocal i
        start = i
        i = len(subjects) if limit is None else bisect_left(subjects, limit, i)
        if i > start:
            handle.write(render_groups(groups[start:i]))

    for graph in quads.graphs():
        shared_until(f"<{graph}>")
        data = raw(graph, fmt) if binary is not None else None
        if data is not None:
            handle.flush()
            binary.write(data[0])
            count += data[1]
            continue
        block, n = _block(quads, graph, fmt, render)
        handle.write(block)
        count += n
    shared_until(None)
    return count


def write_turtle(quads: Quads, handle: IO[str]) -> int:
    """The union of all graphs as Turtle; returns the number of distinct triples."""
    compact = _Compactor()
    return _write_union(
        quads,
        handle,
        "turtle",
        lambda st, g: turtle_block(st, compact, g),
        lambda groups: turtle_block_of_triples(_group_triples(groups), compact),
        _prefix_lines(),
    )


#: N-Triples statements ``s p o`` as N-Triples text.
ntriples_block = ntriples.block


def write_ntriples(quads: Quads, handle: IO[str]) -> int:
    """The union of all graphs as N-Triples; returns the number of distinct triples."""
    return _write_union(
        quads,
        handle,
        "ntriples",
        lambda st, g: ntriples_block(st),
        lambda groups: "".join([f"{s} {st} .\n" for s, group in groups for st in group]),
        "",
    )


def _indent(block: str) -> str:
    body = block.rstrip("\n")
    return "\n".join(f"    {line}" if line else "" for line in body.split("\n"))


def write_trig(quads: Quads, handle: IO[str]) -> int:
    """The default graph, then every article's graph, as TriG; returns the number of quads."""
    compact = _Compactor()
    handle.write(_prefix_lines())
    shared = quads.shared_statements()
    handle.write(turtle_block(shared, compact))
    count = len(shared)
    for graph in quads.graphs():
        block, n = _block(quads, graph, "turtle", lambda st, g: turtle_block(st, compact, g))
        count += n
        handle.write(f"<{graph}> {{\n{_indent(block)}\n}}\n\n")
    return count


def write_nquads(quads: Quads, handle: IO[str]) -> int:
    """The default graph, then every article's graph, as N-Quads; returns the number of quads."""
    shared = quads.shared_statements()
    handle.write(ntriples_block(shared))
    count = len(shared)
    for graph in quads.graphs():
        block, n = _block(quads, graph, "ntriples", lambda st, g: ntriples_block(st))
        count += n
        handle.write(block.replace(" .\n", f" <{graph}> .\n"))
    return count


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

        block = _prefix_lines() + self._read(offset, turtle)
        return sorted(
            f"{t.subject} {t.predicate} {t.object}"
            for t in pyoxigraph.parse(block, pyoxigraph.RdfFormat.TURTLE)
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


#: Format name -> streaming writer; names and suffixes as in :data:`kg.io.rdflib_writers.FORMATS`.
WRITERS: dict[str, Callable[[Quads, IO[str]], int]] = {
    "turtle": write_turtle,
    "ntriples": write_ntriples,
    "trig": write_trig,
    "nquads": write_nquads,
}


def write_outputs(
    quads: Quads,
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
                    written = WRITERS[fmt](quads, handle)
                    if counts is not None:
                        counts[fmt] = written
                else:
                    handle.write(FORMATS[fmt](quads.to_dataset()))
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
