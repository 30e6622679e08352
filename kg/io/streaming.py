"""Deterministic streaming writers for large graphs: Turtle, N-Triples, TriG and N-Quads.

They read per-article named graphs (:class:`kg.store.articles.ArticleStore` or a
:class:`kg.io.spool.Spool`) one graph at a time and never build an rdflib graph, so a million triples
write in seconds. Output depends only on the set of quads: it is byte-identical across
runs, whatever order the articles were added in.

Layout: each article's own nodes (its document, its spans and assertions, whose IRIs are
the document's with a fragment) are in its named graph; the statements articles share
(entities, facts, quantities) are in the default graph. Order: the union formats (Turtle,
N-Triples) write the shared statements sorted by subject, with one block per article
(statements sorted inside it) where its graph IRI falls among them; the quad formats
(TriG, N-Quads) write the default graph first, then one graph per article, graphs and
statements sorted. Quads may hand over an article's block already rendered
(``rendered(graph, fmt)``, which build workers fill in parallel).

Turtle and TriG are written short: IRIs as prefixed names wherever a prefix fits (with
the escapes Turtle allows in local names, ``science-city:西部\\(重庆\\)科学城``), and an
article's own nodes relative to its IRI, which the writer declares as ``@base`` before
the article's block (``<>`` is the document, ``<#char=120,126>`` a span of its text).

A build without a store spools its articles in :class:`kg.io.spool.Spool`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from kg.io.files import StagedFiles
from kg.io.rdflib_writers import FORMATS, SUFFIXES
from kg.model import ntriples
from kg.model.triples import PREFIXES

__all__ = [
    "WRITERS",
    "Quads",
    "turtle_prefixes",
    "turtle_base",
    "local_name",
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
# Turtle's PN_CHARS_BASE, PN_CHARS (without "_", "-" and digits, added where used)
_PN_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_MORE = "\u00b7\u0300-\u036f\u203f-\u2040"
# a local name as Turtle writes it unescaped: PN_CHARS, ":" and "%XX", "." inside
_PLAIN_LOCAL = re.compile(
    f"(?:[{_PN_BASE}_0-9:]|%[0-9A-Fa-f]{{2}})"
    f"(?:(?:[{_PN_BASE}{_PN_MORE}_0-9:.\\-]|%[0-9A-Fa-f]{{2}})*"
    f"(?:[{_PN_BASE}{_PN_MORE}_0-9:\\-]|%[0-9A-Fa-f]{{2}}))?\\Z"
)
# characters a local name may hold only escaped (PN_LOCAL_ESC, but "%" starts a %XX)
_ESCAPED = re.compile(r"[~!$&'()*+,;=/?#@]")


def local_name(local: str) -> str | None:
    """``local`` as a Turtle local name (PN_LOCAL), with the escapes it needs; ``None``
    when it cannot be one.

    >>> local_name("西部(重庆)科学城"), local_name("500109"), local_name("a b")
    ('西部\\\\(重庆\\\\)科学城', '500109', None)
    """
    if not local:
        return ""
    if local[-1] == ".":
        return None  # "\\." would be right, but rdflib's parser does not read it at the end
    escaped = _ESCAPED.sub(lambda m: "\\" + m.group(), local)
    if escaped[0] in ".-":
        escaped = "\\" + escaped
    # the escapes are PN_LOCAL's PLX: check what is left without them
    return escaped if _PLAIN_LOCAL.match(re.sub(r"\\.", "_", escaped)) else None


_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")


def _prefixes() -> dict[str, str]:
    return PREFIXES


def turtle_prefixes() -> str:
    """The ``@prefix`` lines every Turtle file and block the package writes starts from."""
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
            local = local_name(token[cut:-1]) if prefix is not None else None
            if local is None:
                return token  # not memoised here: many such IRIs are one article's nodes
            term = f"{prefix}:{local}"
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


def turtle_base(graph: str) -> str:
    """The ``@base`` line an article's Turtle block (told its ``graph``) is read under."""
    return f"@base <{graph}> .\n"


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

    ``graph``: the IRI of the article whose nodes these are; they are written relative
    to it (``<>``, ``<#char=0,5>``), so the block is to be read under
    :func:`turtle_base` of ``graph``.
    """
    term = compact or _Compactor()
    # terms already converted (IRIs, typed literals), shared with the compactor's memo
    done: dict[str, str] = term._cache if isinstance(term, _Compactor) else {}
    get = done.get
    mine = f"<{graph}" if graph else "\x00"
    cut = len(mine)

    def relative(token: str) -> str | None:
        """An IRI of the article's nodes, relative to its IRI (else ``None``)."""
        if token.startswith(mine) and token[cut] in "#>":
            return "<" + token[cut:]
        return None

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
        if end == '"' or (end == "h" and o.endswith('"@zh')):
            obj = o  # a plain or @zh string
        elif o.startswith(mine) and o[cut] in "#>":  # (relative(o), inline)
            obj = "<" + o[cut:]
        else:
            obj = get(o) or convert(o)
        if s != subject:
            if subject is not None:
                if types:
                    parts.insert(0, "a " + " , ".join(types))
                out.append(head + " ;\n    ".join(parts) + " .\n\n")
            subject, predicate = s, None
            head = ((s.startswith(mine) and relative(s)) or get(s) or convert(s)) + " "
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
    base: Callable[[str], str] | None = None,
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
        if base is not None:
            handle.write(base(graph))
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
        turtle_prefixes(),
        turtle_base,
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
    handle.write(turtle_prefixes())
    shared = quads.shared_statements()
    handle.write(turtle_block(shared, compact))
    count = len(shared)
    for graph in quads.graphs():
        block, n = _block(quads, graph, "turtle", lambda st, g: turtle_block(st, compact, g))
        count += n
        handle.write(f"{turtle_base(graph)}<> {{\n{_indent(block)}\n}}\n\n")
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
    staged: StagedFiles | None = None,
) -> list[Path]:
    """Write ``graph.<suffix>`` per format into ``out_dir``, all or none.

    ``counts``, when given, receives what each writer wrote: distinct triples for the
    union formats, quads for the quad formats.

    Each file is written to a temporary name first; only when every format has been
    written are they renamed into place, so a failure leaves earlier outputs untouched.
    With ``staged`` (files of ``out_dir`` staged by the caller), the files join it and
    are renamed into place with the others when the caller commits it.
    JSON-LD (not streamable) is rendered with rdflib from the store's dataset.
    """
    if staged is None:
        with StagedFiles(out_dir) as own:
            write_outputs(quads, out_dir, formats, counts, own)
            return own.commit()
    written: list[Path] = []
    for fmt in formats:
        name = f"graph{SUFFIXES[fmt]}"
        with staged.open(name) as handle:
            if fmt in WRITERS:
                count = WRITERS[fmt](quads, handle)
                if counts is not None:
                    counts[fmt] = count
            else:
                handle.write(FORMATS[fmt](quads.to_dataset()))
        written.append(staged.directory / name)
    return written
