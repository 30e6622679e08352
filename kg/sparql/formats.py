"""Query results as text: a table for people and the SPARQL 1.1 result formats, by name."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.io.rdflib_writers import generate_jsonld
from kg.model.ntriples import escape_string
from kg.sparql.result import QueryResult
from kg.sparql.text import QUERY_PREFIXES

__all__ = [
    "RESULT_FORMATS",
    "RESULT_FORMATTERS",
    "display_width",
    "truncate_display",
    "term_display",
    "format_table",
    "format_csv",
    "format_tsv",
    "format_json",
    "format_xml",
    "format_result",
]

_NUMERIC = {
    XSD.integer,
    XSD.decimal,
    XSD.double,
    XSD.float,
    XSD.int,
    XSD.long,
    XSD.short,
    XSD.nonNegativeInteger,
    XSD.positiveInteger,
}


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width (CJK) characters count two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def truncate_display(text: str, max_width: int) -> str:
    """``text`` cut to ``max_width`` display columns with a trailing ``…`` (0: no limit)."""
    if max_width <= 0 or display_width(text) <= max_width:
        return text
    out, width = [], 0
    for ch in text:
        w = display_width(ch)
        if width + w > max_width - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


def _compact(iri: str, prefixes: Mapping[str, str]) -> str:
    best = max(
        ((p, ns) for p, ns in prefixes.items() if iri.startswith(ns) and len(iri) > len(ns)),
        key=lambda item: len(item[1]),
        default=None,
    )
    return f"{best[0]}:{iri[len(best[1]) :]}" if best else f"<{iri}>"


def term_display(term: Node | None, prefixes: Mapping[str, str] = QUERY_PREFIXES) -> str:
    """A term as a table shows it: IRIs with prefixes, literals as their text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return _compact(str(term), prefixes)
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split())


def _is_numeric(term: Node | None) -> bool:
    return isinstance(term, Literal) and term.datatype in _NUMERIC


def format_table(result: QueryResult, *, max_width: int = 60) -> str:
    """An aligned text table (Chinese text counted two columns a character) and a row count."""
    if result.form == "ASK":
        return "true" if result.boolean else "false"
    if result.is_graph:
        return _graph_text(result, "turtle")
    header = list(result.variables)
    cells = [[truncate_display(term_display(t), max_width) for t in row] for row in result.rows]
    numeric = [
        bool(result.rows) and all(_is_numeric(r[i]) or r[i] is None for r in result.rows)
        for i in range(len(header))
    ]
    widths = [
        max([display_width(h)] + [display_width(row[i]) for row in cells])
        for i, h in enumerate(header)
    ]

    def line(values: Sequence[str]) -> str:
        parts = []
        for i, value in enumerate(values):
            pad = " " * (widths[i] - display_width(value))
            parts.append(pad + value if numeric[i] else value + pad)
        return "  ".join(parts).rstrip()

    lines = [line(header), "  ".join("-" * w for w in widths)]
    lines += [line(row) for row in cells]
    count = len(result.rows)
    more = " (truncated)" if result.truncated else ""
    lines.append(f"({count} row{'s' if count != 1 else ''}{more})")
    return "\n".join(lines)


def _csv_value(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def format_csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV results: plain values, CRLF line ends; graphs as subject,predicate,object."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    if result.form == "ASK":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
    elif result.is_graph:
        writer.writerow(["subject", "predicate", "object"])
        writer.writerows([[_csv_value(t) for t in triple] for triple in result.triples])
    else:
        writer.writerow(result.variables)
        writer.writerows([[_csv_value(t) for t in row] for row in result.rows])
    return buf.getvalue()


def _escape_string(text: str) -> str:
    # TSV cells hold no tab: escaped beyond what N-Triples needs
    return escape_string(text).replace("\t", "\\t")


def _ntriples_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = f'"{_escape_string(str(term))}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and term.datatype != XSD.string:
            return f"{text}^^<{term.datatype}>"
        return text
    return str(term)


def format_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV results: ``?var`` header, terms in N-Triples syntax."""
    if result.form == "ASK":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    if result.is_graph:
        header, rows = ["?subject", "?predicate", "?object"], result.triples
    else:
        header, rows = [f"?{v}" for v in result.variables], result.rows
    lines = ["\t".join(header)] + ["\t".join(_ntriples_term(t) for t in row) for row in rows]
    return "\n".join(lines) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal):
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype != XSD.string:
            out["datatype"] = str(term.datatype)
    return out


def format_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON; a graph result as JSON-LD."""
    if result.is_graph:
        return _graph_text(result, "json-ld")
    if result.form == "ASK":
        doc: dict = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
            for row in result.rows
        ]
        doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def format_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML; a graph result as RDF/XML."""
    if result.is_graph:
        return _graph_text(result, "xml")
    out = ['<?xml version="1.0" encoding="utf-8"?>']
    out.append('<sparql xmlns="http://www.w3.org/2005/sparql-results#">')
    if result.form == "ASK":
        out.append("  <head/>")
        out.append(f"  <boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        out.append("  <head>")
        out += [f"    <variable name={quoteattr(v)}/>" for v in result.variables]
        out.append("  </head>")
        out.append("  <results>")
        for row in result.rows:
            out.append("    <result>")
            for v, t in zip(result.variables, row, strict=True):
                if t is None:
                    continue
                if isinstance(t, URIRef):
                    inner = f"<uri>{escape(str(t))}</uri>"
                elif isinstance(t, BNode):
                    inner = f"<bnode>{escape(str(t))}</bnode>"
                else:
                    attr = ""
                    if isinstance(t, Literal) and t.language:
                        attr = f" xml:lang={quoteattr(t.language)}"
                    elif isinstance(t, Literal) and t.datatype and t.datatype != XSD.string:
                        attr = f" datatype={quoteattr(str(t.datatype))}"
                    inner = f"<literal{attr}>{escape(str(t))}</literal>"
                out.append(f"      <binding name={quoteattr(v)}>{inner}</binding>")
            out.append("    </result>")
        out.append("  </results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _graph_text(result: QueryResult, fmt: str) -> str:
    graph = result.graph()
    if fmt == "json-ld":
        return generate_jsonld(graph)
    if fmt == "nt":
        return "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True)))
    return graph.serialize(format=fmt)


def _graph_format(name: str, rdflib_name: str) -> Callable[[QueryResult], str]:
    def render(result: QueryResult) -> str:
        if not result.is_graph:
            raise QueryError(f"--format {name} is for CONSTRUCT and DESCRIBE queries")
        return _graph_text(result, rdflib_name)

    return render


#: Result format name -> renderer (``kg query --format``); ``table`` is handled by
#: :func:`format_result`, which gives it the cell width.
RESULT_FORMATTERS: dict[str, Callable[[QueryResult], str]] = {
    "table": lambda result: format_table(result) + "\n",
    "csv": format_csv,
    "tsv": format_tsv,
    "json": format_json,
    "xml": format_xml,
    "turtle": _graph_format("turtle", "turtle"),
    "ntriples": _graph_format("ntriples", "nt"),
}

#: Output formats of ``kg query``; ``turtle`` and ``ntriples`` are for CONSTRUCT/DESCRIBE.
RESULT_FORMATS = tuple(RESULT_FORMATTERS)


def format_result(result: QueryResult, fmt: str = "table", *, max_width: int = 60) -> str:
    """Render a result in one of :data:`RESULT_FORMATS`."""
    if fmt == "table":
        return format_table(result, max_width=max_width) + "\n"
    render = RESULT_FORMATTERS.get(fmt)
    if render is None:
        raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(RESULT_FORMATS)})")
    return render(result)
