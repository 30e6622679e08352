"""Content negotiation: which result or graph format a request's ``Accept`` asks for."""

from __future__ import annotations

from kg.io.formats import RDF_FORMATS

__all__ = ["RESULT_TYPES", "GRAPH_TYPES", "GRAPH_OUT", "RESULT_OUT", "negotiate"]

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

# The graph formats CONSTRUCT/DESCRIBE results are served in, in order of preference.
_SERVED_GRAPH_FORMATS = ("turtle", "ntriples", "rdfxml", "jsonld")

#: Media types for CONSTRUCT/DESCRIBE results, in order of preference, with short names.
GRAPH_TYPES = {
    **{RDF_FORMATS[name].media_type: name for name in _SERVED_GRAPH_FORMATS},
    "text/plain": "ntriples",
}

# short name -> (pyoxigraph RdfFormat attribute, media type sent)
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


def negotiate(accept: str | None, kind: str, fmt: str | None = None) -> str | None:
    """The short format name to answer with: from ``format=`` if given, else the Accept header.

    ``kind`` is ``results`` (SELECT, ASK) or ``graph`` (CONSTRUCT, DESCRIBE). ``None`` when
    nothing acceptable is offered.
    """
    offered = RESULT_TYPES if kind == "results" else GRAPH_TYPES
    if fmt:
        fmt = fmt.strip().lower()
        if fmt in offered:
            return offered[fmt]
        names = set(offered.values())
        return fmt if fmt in names else None
    ranges = _parse_accept(accept or "*/*") or [("*/*", 1.0)]
    scored = [
        (_quality(media, ranges), -i, name) for i, (media, name) in enumerate(offered.items())
    ]
    q, _, name = max(scored)
    return name if q > 0 else None
