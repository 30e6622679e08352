"""Reading graph files: find the file a path names, parse it with rdflib or stream it.

A GRAPH given as a path is a graph file in any format of :mod:`kg.io.formats`, or a
``kg build`` output directory (its ``graph.*`` file).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import InputError
from kg.io.formats import RDF_FORMATS, by_suffix
from kg.model.triples import bind_prefixes

__all__ = ["BUILD_FILES", "graph_file", "load_data", "load_graph", "union_graph", "iter_statements"]

#: The files a ``kg build`` output directory may hold, in the order they are looked for.
BUILD_FILES = ("graph.ttl", "graph.trig", "graph.nq", "graph.nt", "graph.jsonld")


def graph_file(path: str | Path) -> Path:
    """The graph file ``path`` names: itself, or ``graph.*`` inside a ``kg build`` directory."""
    path = Path(path)
    if path.is_dir():
        for name in BUILD_FILES:
            if (path / name).is_file():
                return path / name
        raise InputError(f"{path}: no graph.ttl in this directory (is it a kg build output?)")
    if not path.exists():
        raise InputError(f"{path}: no such graph file")
    return path


def union_graph(data: Graph | Dataset) -> Graph:
    """All triples of a graph or of every graph of a dataset, in one graph."""
    if not isinstance(data, Dataset):
        return data
    graph = bind_prefixes(Graph())
    for s, p, o, _ in data.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def load_data(path: str | Path) -> Graph | Dataset:
    """Parse a graph file or build directory; quad formats (TriG, N-Quads, JSON-LD) load
    into a dataset, an unknown suffix is read as Turtle.

    A dataset's default graph is the union of its graphs, so queries see every triple and
    ``GRAPH`` patterns see the named graphs.
    """
    file = graph_file(path)
    fmt = by_suffix(file) or RDF_FORMATS["turtle"]
    data: Graph = Dataset(default_union=True) if fmt.quads else Graph()
    try:
        data.parse(file, format=fmt.rdflib)
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{file}: cannot parse as {fmt.rdflib}: {first}") from None
    return bind_prefixes(data)


def load_graph(path: str | Path) -> Graph:
    """All triples of a graph file or build directory in one plain graph."""
    return union_graph(load_data(path))


def iter_statements(path: str | Path) -> Iterator[str]:
    """The distinct triples of a graph file or build directory as N-Triples lines
    (``s p o .`` and a newline), streamed by Oxigraph; named graphs are merged."""
    import pyoxigraph

    file = graph_file(path)
    fmt = by_suffix(file)
    if fmt is None:
        known = sorted(s for f in RDF_FORMATS.values() for s in f.suffixes)
        raise InputError(f"{file}: unsupported graph format (use {', '.join(known)})")
    seen: set[str] = set()
    try:
        for item in pyoxigraph.parse(path=str(file), format=fmt.pyoxigraph()):
            line = f"{item.subject} {item.predicate} {item.object} .\n"
            if fmt.quads:
                if line in seen:
                    continue
                seen.add(line)
            yield line
    except SyntaxError as exc:
        raise InputError(f"{file}: cannot parse: {' '.join(str(exc).split())}") from None
