"""The RDF formats the package reads and writes: one table every command asks.

Each format has a short name (the CLI's ``--format`` choices), its file suffixes (the
first is the one written), rdflib's parser/serialiser name, pyoxigraph's
:class:`~pyoxigraph.RdfFormat` attribute and its media type.

>>> by_suffix("graph.nq").name
'nquads'
>>> by_name("turtle").media_type
'text/turtle'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["RdfFormat", "RDF_FORMATS", "WRITTEN", "by_name", "by_suffix", "by_media_type"]


@dataclass(frozen=True)
class RdfFormat:
    """One RDF serialisation."""

    name: str
    suffixes: tuple[str, ...]
    rdflib: str
    oxigraph: str
    media_type: str
    #: Whether it holds named graphs (a dataset), not only triples.
    quads: bool = False
    #: Whether ``kg build`` and ``kg export`` write it (the others are only read).
    written: bool = True

    @property
    def suffix(self) -> str:
        """The suffix of the files the package writes in this format."""
        return self.suffixes[0]

    def pyoxigraph(self) -> Any:
        """This format as a :class:`pyoxigraph.RdfFormat`."""
        import pyoxigraph

        return getattr(pyoxigraph.RdfFormat, self.oxigraph)


#: Every format, by name; the written ones first, in the order ``kg build`` lists them.
RDF_FORMATS: dict[str, RdfFormat] = {
    f.name: f
    for f in (
        RdfFormat("turtle", (".ttl", ".turtle"), "turtle", "TURTLE", "text/turtle"),
        RdfFormat("ntriples", (".nt", ".ntriples"), "nt", "N_TRIPLES", "application/n-triples"),
        RdfFormat("trig", (".trig",), "trig", "TRIG", "application/trig", quads=True),
        RdfFormat(
            "nquads", (".nq", ".nquads"), "nquads", "N_QUADS", "application/n-quads", quads=True
        ),
        RdfFormat(
            "jsonld", (".jsonld", ".json"), "json-ld", "JSON_LD", "application/ld+json", quads=True
        ),
        RdfFormat(
            "rdfxml",
            (".rdf", ".owl", ".xml"),
            "xml",
            "RDF_XML",
            "application/rdf+xml",
            written=False,
        ),
        RdfFormat("n3", (".n3",), "n3", "N3", "text/n3", written=False),
    )
}

#: Names of the formats the package writes.
WRITTEN = tuple(name for name, f in RDF_FORMATS.items() if f.written)

_BY_SUFFIX = {suffix: f for f in RDF_FORMATS.values() for suffix in f.suffixes}


def by_name(name: str) -> RdfFormat:
    """The format called ``name`` (:class:`KeyError` when there is none)."""
    return RDF_FORMATS[name]


def by_suffix(path: str | Path, *, written: bool = False) -> RdfFormat | None:
    """The format a file name's suffix names (``graph.nt`` -> N-Triples), if any;
    ``written``: only among the formats the package writes."""
    found = _BY_SUFFIX.get(Path(path).suffix.lower())
    return None if found is None or (written and not found.written) else found


def by_media_type(media_type: str) -> RdfFormat | None:
    """The format of a media type (parameters such as ``charset`` ignored), if any."""
    base = media_type.split(";", 1)[0].strip().lower()
    return next((f for f in RDF_FORMATS.values() if f.media_type == base), None)
