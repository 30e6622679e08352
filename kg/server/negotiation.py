"""Content negotiation: which result or graph format a request asks for.

``Accept`` decides, unless the request names a format with ``format=`` (or ``output=``,
``results=``) that this kind of result can be served in: then that one wins. A named format
the result cannot take (``format=csv`` for a CONSTRUCT) is ignored, not refused, so clients
that send both (SPARQLWrapper sends ``format=`` and ``Accept`` alike) are answered.

>>> negotiate("application/rdf+xml", "graph", ["xml"])
'rdfxml'
>>> negotiate("text/turtle", "graph", ["csv"])
'turtle'
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.io.formats import RDF_FORMATS

__all__ = [
    "RESULT_TYPES",
    "GRAPH_TYPES",
    "GRAPH_OUT",
    "RESULT_OUT",
    "FORMAT_PARAMETERS",
    "W3C_FORMATS",
    "negotiate",
]

#: Media types for SELECT/ASK results, in the server's order of preference, with short names.
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}

# The graph formats CONSTRUCT/DESCRIBE results (and the service description) are served in,
# in order of preference. Turtle is valid N3, so N3 is Turtle sent as text/n3.
_SERVED_GRAPH_FORMATS = ("turtle", "ntriples", "rdfxml", "jsonld", "n3", "trig", "nquads")

#: Media types for CONSTRUCT/DESCRIBE results, in order of preference, with short names.
GRAPH_TYPES = {
    **{RDF_FORMATS[name].media_type: name for name in _SERVED_GRAPH_FORMATS},
    "application/x-turtle": "turtle",
    "application/turtle": "turtle",
    "text/plain": "ntriples",
    "text/rdf+n3": "n3",
    "application/n3": "n3",
    "application/x-trig": "trig",
    "application/x-json+ld": "jsonld",
}

#: Short name -> (pyoxigraph RdfFormat attribute, media type sent).
GRAPH_OUT = {
    name: (RDF_FORMATS[name].oxigraph, RDF_FORMATS[name].media_type)
    for name in _SERVED_GRAPH_FORMATS
}
RESULT_OUT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}

#: The query parameters that name a format (``format`` first, as most servers read it).
FORMAT_PARAMETERS = ("format", "output", "results")

# What ``format=`` may say, by kind of result: short names and the names other servers
# and clients use (``xml`` of a graph is RDF/XML, ``json`` of a graph is JSON-LD).
_NAMES = {
    "results": {
        "json": "json",
        "srj": "json",
        "xml": "xml",
        "srx": "xml",
        "csv": "csv",
        "tsv": "tsv",
    },
    "graph": {
        "turtle": "turtle",
        "ttl": "turtle",
        "ntriples": "ntriples",
        "n-triples": "ntriples",
        "nt": "ntriples",
        "xml": "rdfxml",
        "rdf": "rdfxml",
        "rdfxml": "rdfxml",
        "rdf+xml": "rdfxml",
        "rdf/xml": "rdfxml",
        "json": "jsonld",
        "jsonld": "jsonld",
        "json-ld": "jsonld",
        "n3": "n3",
        "trig": "trig",
        "nquads": "nquads",
        "n-quads": "nquads",
        "nq": "nquads",
    },
}

#: Short name -> the W3C's IRI of the format (``http://www.w3.org/ns/formats/``), by kind.
W3C_FORMATS = {
    "results": {
        "json": "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
        "xml": "http://www.w3.org/ns/formats/SPARQL_Results_XML",
        "csv": "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
        "tsv": "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
    },
    "graph": {
        "turtle": "http://www.w3.org/ns/formats/Turtle",
        "ntriples": "http://www.w3.org/ns/formats/N-Triples",
        "rdfxml": "http://www.w3.org/ns/formats/RDF_XML",
        "jsonld": "http://www.w3.org/ns/formats/JSON-LD",
        "n3": "http://www.w3.org/ns/formats/N3",
        "trig": "http://www.w3.org/ns/formats/TriG",
        "nquads": "http://www.w3.org/ns/formats/N-Quads",
    },
}


def _parse_accept(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    return ranges


def _quality(media: str, ranges: list[tuple[str, float]]) -> float:
    best, specificity = 0.0, -1
    kind = media.split("/")[0]
    for rng, q in ranges:
        if rng == media:
            s = 2
        elif rng == f"{kind}/*":
            s = 1
        elif rng == "*/*":
            s = 0
        else:
            continue
        if s > specificity:
            best, specificity = q, s
    return best


def _named(value: str, kind: str) -> str | None:
    """The short name a ``format=`` value gives for ``kind``, if it can be served."""
    value = value.split(";", 1)[0].strip().lower()
    offered = RESULT_TYPES if kind == "results" else GRAPH_TYPES
    return _NAMES[kind].get(value) or offered.get(value)


def negotiate(
    accept: str | None, kind: str, formats: str | Sequence[str] | None = None
) -> str | None:
    """The short format name to answer with.

    ``kind`` is ``results`` (SELECT, ASK) or ``graph`` (CONSTRUCT, DESCRIBE). ``formats``
    are the values of ``format=`` (or ``output=``) in the order given: the first one this
    kind of result can be served in is chosen; if there is none, the Accept header decides.
    ``None`` when nothing acceptable is offered (406).
    """
    if isinstance(formats, str):
        formats = [formats]
    for value in formats or ():
        named = _named(value, kind)
        if named is not None:
            return named
    offered = RESULT_TYPES if kind == "results" else GRAPH_TYPES
    ranges = _parse_accept(accept or "*/*") or [("*/*", 1.0)]
    scored = [
        (_quality(media, ranges), -i, name) for i, (media, name) in enumerate(offered.items())
    ]
    q, _, name = max(scored)
    return name if q > 0 else None
