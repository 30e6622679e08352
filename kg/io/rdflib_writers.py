"""Serialise rdflib graphs deterministically: pure ``generate_<format>`` functions and ``write_graph``.

For graphs too large for rdflib, :mod:`kg.io.streaming` writes the same formats from a store
or a build's spool."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, Graph

from kg.io.files import write_text_atomic
from kg.io.formats import RDF_FORMATS, by_suffix
from kg.io.graph_files import union_graph
from kg.model.triples import bind_prefixes
from kg.resources import ontology_path

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "generate_turtle",
    "generate_ntriples",
    "generate_trig",
    "generate_nquads",
    "generate_jsonld",
    "jsonld_context",
    "format_for_path",
    "union_graph",
    "write_text_atomic",
    "write_graph",
]


def _as_dataset(data: Graph | Dataset) -> Dataset:
    if isinstance(data, Dataset):
        return data
    ds = bind_prefixes(Dataset())
    for triple in data:
        ds.add(triple)
    return ds


def generate_turtle(data: Graph | Dataset) -> str:
    """Turtle with the package's prefixes; byte-identical for the same triples."""
    return bind_prefixes(union_graph(data)).serialize(format="turtle")


def _sorted_lines(text: str) -> str:
    lines = sorted(line for line in text.splitlines() if line.strip())
    return "\n".join(lines) + ("\n" if lines else "")


def generate_ntriples(data: Graph | Dataset) -> str:
    """N-Triples, one triple a line, lines sorted."""
    return _sorted_lines(union_graph(data).serialize(format="nt"))


def generate_trig(data: Graph | Dataset) -> str:
    """TriG: one named graph per document."""
    return _as_dataset(data).serialize(format="trig")


def generate_nquads(data: Graph | Dataset) -> str:
    """N-Quads, one quad a line, lines sorted."""
    return _sorted_lines(_as_dataset(data).serialize(format="nquads"))


def jsonld_context() -> dict:
    """The JSON-LD context of ``ontology/context.jsonld`` (prefixes and short property terms)."""
    return json.loads(ontology_path("context.jsonld").read_text(encoding="utf-8"))["@context"]


def _sorted_json(value, ordered: bool = False):
    """JSON with every array sorted (sets in JSON-LD), except the members of ``@list``."""
    if isinstance(value, dict):
        return {k: _sorted_json(v, ordered=k == "@list") for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        if ordered:
            return items
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def generate_jsonld(data: Graph | Dataset) -> str:
    """Compact JSON-LD of all triples with the context of ``ontology/context.jsonld`` inlined
    (so it parses offline); nodes sorted by ``@id``, so the same triples give the same text."""
    text = union_graph(data).serialize(format="json-ld", context=jsonld_context(), indent=2)
    doc = json.loads(text)
    context = doc.pop("@context", None) if isinstance(doc, dict) else None
    body = _sorted_json(doc)
    if context is not None:
        body = {"@context": context, **body}
    return json.dumps(body, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


#: Format name -> generator; the CLI's ``--format`` choices come from these keys.
FORMATS: dict[str, Callable[[Graph | Dataset], str]] = {
    "turtle": generate_turtle,
    "ntriples": generate_ntriples,
    "trig": generate_trig,
    "nquads": generate_nquads,
    "jsonld": generate_jsonld,
}

#: File name suffix of each format.
SUFFIXES = {name: RDF_FORMATS[name].suffix for name in FORMATS}


def format_for_path(path: str | Path) -> str | None:
    """The format a file name's suffix names (``graph.nt`` -> ``ntriples``), if any."""
    fmt = by_suffix(path, written=True)
    return fmt.name if fmt is not None and fmt.name in FORMATS else None


def write_graph(data: Graph | Dataset, path: str | Path, fmt: str = "turtle") -> Path:
    """Serialise ``data`` in ``fmt`` (a key of :data:`FORMATS`) to ``path`` atomically."""
    return write_text_atomic(path, FORMATS[fmt](data))
