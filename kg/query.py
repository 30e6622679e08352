"""SPARQL over a built graph: load it, resolve named queries, run them, format the results."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError, QueryError
from kg.rdf import PREFIXES, bind_prefixes
from kg.resources import ontology_path

__all__ = [
    "QUERY_PREFIXES",
    "GRAPH_SUFFIXES",
    "RESULT_FORMATS",
    "INFERENCE",
    "NamedQuery",
    "QueryResult",
    "graph_file",
    "load_data",
    "load_graph",
    "named_queries",
    "resolve_query",
    "strip_literals",
    "query_form",
    "uses_service",
    "check_query",
    "syntax_error",
    "parse_binding",
    "infer",
    "run_query",
    "display_width",
    "truncate_display",
    "term_display",
    "format_table",
    "format_csv",
    "format_tsv",
    "format_json",
    "format_xml",
    "format_result",
    "result_from_json",
]

#: Prefixes every query may use without declaring them (the package's, plus ``owl:``).
QUERY_PREFIXES = {**PREFIXES, "owl": "http://www.w3.org/2002/07/owl#"}

#: Graph file suffix -> rdflib parser name; quad formats load into a dataset.
GRAPH_SUFFIXES = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".trig": "trig",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".n3": "n3",
}
_QUAD_FORMATS = {"trig", "nquads", "json-ld"}

#: Output formats of ``kg query``; ``turtle`` and ``ntriples`` are for CONSTRUCT/DESCRIBE.
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "ntriples")

#: Inference regimes ``--infer`` accepts.
INFERENCE = ("rdfs", "owlrl")

_QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_UPDATE_OPERATIONS = (
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "CREATE",
    "DROP",
    "COPY",
    "MOVE",
    "ADD",
    "WITH",
)
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


# --------------------------------------------------------------------------- loading


def graph_file(path: str | Path) -> Path:
    """The graph file ``path`` names: itself, or ``graph.*`` inside a ``kg build`` directory."""
    path = Path(path)
    if path.is_dir():
        for name in ("graph.ttl", "graph.trig", "graph.nq", "graph.nt", "graph.jsonld"):
            if (path / name).is_file():
                return path / name
        raise InputError(f"{path}: no graph.ttl in this directory (is it a kg build output?)")
    if not path.exists():
        raise InputError(f"{path}: no such graph file")
    return path


def load_data(path: str | Path) -> Graph | Dataset:
    """Parse a graph file or build directory; TriG, N-Quads and JSON-LD load into a dataset.

    A dataset's default graph is the union of its graphs, so queries see every triple and
    ``GRAPH`` patterns see the named graphs.
    """
    file = graph_file(path)
    fmt = GRAPH_SUFFIXES.get(file.suffix.lower(), "turtle")
    data: Graph = Dataset(default_union=True) if fmt in _QUAD_FORMATS else Graph()
    try:
        data.parse(file, format=fmt)
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{file}: cannot parse as {fmt}: {first}") from None
    return bind_prefixes(data)


def load_graph(path: str | Path) -> Graph:
    """All triples of a graph file or build directory in one plain graph."""
    from kg.export import union_graph

    return union_graph(load_data(path))


# --------------------------------------------------------------------------- named queries


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``ontology/queries/``: its name (file stem), description and text."""

    name: str
    description: str
    text: str
    path: Path


@lru_cache(maxsize=1)
def _named_queries() -> tuple[NamedQuery, ...]:
    directory = ontology_path("queries")
    found = []
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        description = first.lstrip("#").strip() if first.startswith("#") else ""
        found.append(NamedQuery(path.stem, description, text, path))
    return tuple(found)


def named_queries() -> dict[str, NamedQuery]:
    """The named queries by name, sorted."""
    return {q.name: q for q in _named_queries()}


_NAME = re.compile(r"^[\w.-]+$")


def resolve_query(spec: str) -> str:
    """Query text from ``spec``: a ``.rq`` file, a named query's name, or the text itself."""
    if "\n" not in spec and len(spec) < 1024:
        path = Path(spec)
        if path.suffix == ".rq" or path.is_file():
            if not path.is_file():
                raise InputError(f"{spec}: no such query file")
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"{spec}: cannot read query file ({exc})") from None
        named = named_queries()
        if spec in named:
            return named[spec].text
        if _NAME.match(spec):
            raise QueryError(
                f"no named query {spec!r} (known: {', '.join(named) or 'none'}), "
                "no such .rq file, and not a SPARQL query"
            )
    return spec


# --------------------------------------------------------------------------- checking

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_LEXICAL = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*",
    re.DOTALL,
)


def _unescape_codepoints(text: str) -> str:
    def repl(m: re.Match) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except ValueError:
            return m.group()

    return _CODEPOINT.sub(repl, text)


def strip_literals(text: str) -> str:
    """Query text with strings, IRIs and comments blanked out (keywords and names remain).

    Codepoint escapes (``\\u0053``) are decoded first, as SPARQL does before parsing.
    """

    def blank(m: re.Match) -> str:
        return re.sub(r"[^\n]", " ", m.group())

    return _LEXICAL.sub(blank, _unescape_codepoints(text))


_FIRST_KEYWORD = re.compile(
    r"\A\s*(?:(?:BASE\s*|PREFIX\s+\S*?:\s*))*([A-Za-z]+)", re.IGNORECASE | re.DOTALL
)


def query_form(text: str) -> str | None:
    """``SELECT``, ``CONSTRUCT``, ``DESCRIBE``, ``ASK``, ``UPDATE`` or ``None`` if unrecognised."""
    m = _FIRST_KEYWORD.match(strip_literals(text))
    if not m:
        return None
    word = m.group(1).upper()
    if word in _QUERY_FORMS:
        return word
    if word in _UPDATE_OPERATIONS:
        return "UPDATE"
    return None


_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w-])", re.IGNORECASE)


def uses_service(text: str) -> bool:
    """Whether the query has a ``SERVICE`` clause (federation to another endpoint)."""
    return bool(_SERVICE.search(strip_literals(text)))


_UNKNOWN_PREFIX = re.compile(r"Unknown namespace prefix\s*:\s*(\S*)")


def _near(text: str, line: int, column: int) -> str:
    """The rest of a line of ``text`` from a 1-based column, shortened, for an error message."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return "the end of the query"
    rest = " ".join(lines[line - 1][column - 1 :].split())
    if not rest:
        return "the end of the line"
    return repr(rest[:24] + ("…" if len(rest) > 24 else ""))


def _syntax_message(text: str, exc: Exception) -> str:
    """One line for a query that does not parse: line and column of the error, and what is there.

    Positions come from rdflib's parser and count characters (a Chinese character is one).
    """
    lineno, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    msg = " ".join(str(getattr(exc, "msg", exc)).split())
    msg = re.sub(r"^Expected ", "expected ", msg)
    if lineno is None or col is None:
        return f"SPARQL syntax error: {msg}"
    return (
        f"SPARQL syntax error at line {lineno}, column {col}: cannot parse from "
        f"{_near(text, lineno, col)} ({msg})"
    )


def _other_message(text: str, exc: Exception) -> str:
    """One line for a query that parses but cannot be prepared (e.g. an undeclared prefix)."""
    msg = " ".join(str(exc).split())
    m = _UNKNOWN_PREFIX.search(msg)
    if m:
        prefix = m.group(1).rstrip(":")
        stripped = strip_literals(text)
        hit = re.search(rf"(?<![\w:]){re.escape(prefix)}:", stripped)
        where = ""
        if hit:
            line = stripped.count("\n", 0, hit.start()) + 1
            column = hit.start() - (stripped.rfind("\n", 0, hit.start()) + 1) + 1
            where = f" at line {line}, column {column}"
        return f"SPARQL error{where}: unknown prefix {prefix}: (declare it with PREFIX {prefix}: <...>)"
    return f"SPARQL error: {msg or type(exc).__name__}"


def syntax_error(text: str) -> str | None:
    """The one-line message :func:`check_query` gives for ``text``, or ``None`` if it is fine."""
    try:
        check_query(text)
    except QueryError as exc:
        return str(exc)
    return None


def check_query(text: str) -> str:
    """The query's form after checking it is a read-only query that parses.

    Raises :class:`~kg.errors.QueryError` with one line (and the position of a syntax error).
    """
    return _prepare(text)[0]


def _prepare(text: str):
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    form = query_form(text)
    if not text.strip():
        raise QueryError("empty query")
    if form == "UPDATE":
        raise QueryError(
            "SPARQL updates (INSERT, DELETE, LOAD, CLEAR, ...) are not run; "
            "only SELECT, ASK, CONSTRUCT and DESCRIBE queries"
        )
    try:
        prepared = prepareQuery(text, initNs=QUERY_PREFIXES)
        return prepared.algebra.name.replace("Query", "").upper(), prepared
    except ParseException as exc:
        raise QueryError(_syntax_message(text, exc)) from None
    except Exception as exc:  # e.g. "Unknown namespace prefix : foo"
        raise QueryError(_other_message(text, exc)) from None


# --------------------------------------------------------------------------- running


def parse_binding(spec: str) -> tuple[str, Node | str]:
    """``VAR=VALUE`` to a variable name and a term: ``<iri>``, an N-Triples literal, or text.

    Text stays a ``str``: it binds the variable to the string both plain and tagged
    ``@zh`` (the language of the graph's names), see :func:`kg.store.inject_bindings`.
    """
    from rdflib.util import from_n3

    name, sep, value = spec.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.match(r"^\w+$", name):
        raise QueryError(f"--bind {spec!r}: expected VAR=VALUE")
    if value.startswith("<") and value.endswith(">"):
        return name, URIRef(value[1:-1])
    if value.startswith('"'):
        try:
            term = from_n3(value)
        except Exception:
            term = None
        if isinstance(term, Literal):
            return name, term
        raise QueryError(f"--bind {spec!r}: malformed literal")
    return name, value


def infer(data: Graph, regime: str) -> Graph:
    """A new graph: ``data`` plus the ontology plus its RDFS or OWL-RL closure (owlrl).

    Only RDF triples are kept (no literal subjects), so the closure can be served or written.
    """
    import owlrl

    from kg.export import union_graph
    from kg.validate import load_ontology

    semantics = {"rdfs": owlrl.RDFS_Semantics, "owlrl": owlrl.OWLRL_Semantics}
    if regime not in semantics:
        raise QueryError(
            f"unknown inference regime {regime!r} (choose from {', '.join(INFERENCE)})"
        )
    graph = bind_prefixes(Graph())
    for triple in union_graph(data):
        graph.add(triple)
    for triple in load_ontology():
        graph.add(triple)
    owlrl.DeductiveClosure(
        semantics[regime], axiomatic_triples=False, datatype_axioms=False
    ).expand(graph)
    # the closure rules also derive generalised triples (literal subjects): not RDF, drop them
    for triple in [t for t in graph if isinstance(t[0], Literal) or not isinstance(t[1], URIRef)]:
        graph.remove(triple)
    return graph


@dataclass
class QueryResult:
    """What a query returned, independent of the engine that ran it.

    ``SELECT``: ``variables`` and ``rows`` (``None`` for unbound); ``ASK``: ``boolean``;
    ``CONSTRUCT``/``DESCRIBE``: ``triples``. ``truncated`` is set when a size limit cut it.
    """

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    truncated: bool = False

    @property
    def is_graph(self) -> bool:
        """Whether the result is a graph (CONSTRUCT or DESCRIBE)."""
        return self.form in ("CONSTRUCT", "DESCRIBE")

    def column(self, name: str) -> list[Node | None]:
        """The values of one variable, row by row."""
        i = self.variables.index(name)
        return [row[i] for row in self.rows]

    def records(self) -> list[dict[str, str | None]]:
        """Rows as dicts of variable -> lexical form (``None`` for unbound)."""
        return [
            {v: None if t is None else str(t) for v, t in zip(self.variables, row, strict=True)}
            for row in self.rows
        ]

    def graph(self) -> Graph:
        """The triples of a graph result as an rdflib graph."""
        graph = bind_prefixes(Graph())
        for triple in self.triples:
            graph.add(triple)
        return graph


def run_query(
    data: Graph,
    text: str,
    *,
    infer_regime: str | None = None,
    bindings: Mapping[str, Node | str] | None = None,
    limit: int | None = None,
) -> QueryResult:
    """Run a read-only query over ``data`` with rdflib; the package's prefixes are predeclared.

    ``infer_regime`` (``rdfs`` or ``owlrl``) runs it over the closure instead; ``bindings``
    pre-binds variables (text as in :func:`kg.store.inject_bindings`); ``limit`` caps the
    rows or triples kept (``truncated`` tells).
    """
    from rdflib.term import Variable

    texts = {k: v for k, v in (bindings or {}).items() if isinstance(v, str)}
    if texts:
        from kg.store import inject_bindings

        text = inject_bindings(text, texts)
        bindings = {k: v for k, v in (bindings or {}).items() if k not in texts}
    _, prepared = _prepare(text)
    if infer_regime:
        data = infer(data, infer_regime)
    init = {Variable(k): v for k, v in (bindings or {}).items()}
    try:
        result = data.query(prepared, initBindings=init)
        form = result.type
        out = QueryResult(form)
        if form == "ASK":
            out.boolean = bool(result.askAnswer)
        elif form in ("CONSTRUCT", "DESCRIBE"):
            for triple in result.graph or ():
                if limit is not None and len(out.triples) >= limit:
                    out.truncated = True
                    break
                out.triples.append(triple)
        else:
            out.variables = [str(v) for v in result.vars or ()]
            for row in result:
                if limit is not None and len(out.rows) >= limit:
                    out.truncated = True
                    break
                out.rows.append(tuple(row))
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(
            f"query failed: {' '.join(str(exc).split()) or type(exc).__name__}"
        ) from None
    return out


# --------------------------------------------------------------------------- formatting


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
    return (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )


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
        from kg.export import generate_jsonld

        return generate_jsonld(graph)
    if fmt == "nt":
        return "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True)))
    return graph.serialize(format=fmt)


def format_result(result: QueryResult, fmt: str = "table", *, max_width: int = 60) -> str:
    """Render a result in one of :data:`RESULT_FORMATS`."""
    if fmt == "table":
        return format_table(result, max_width=max_width) + "\n"
    if fmt == "csv":
        return format_csv(result)
    if fmt == "tsv":
        return format_tsv(result)
    if fmt == "json":
        return format_json(result)
    if fmt == "xml":
        return format_xml(result)
    if fmt in ("turtle", "ntriples"):
        if not result.is_graph:
            raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries")
        return _graph_text(result, "turtle" if fmt == "turtle" else "nt")
    raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(RESULT_FORMATS)})")


def _term_from_json(value: Mapping[str, str]) -> Node:
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    lang, datatype = value.get("xml:lang"), value.get("datatype")
    return Literal(value["value"], lang=lang, datatype=URIRef(datatype) if datatype else None)


def result_from_json(text: str | bytes) -> QueryResult:
    """A :class:`QueryResult` from SPARQL 1.1 Query Results JSON (as an endpoint returns)."""
    doc = json.loads(text)
    if "boolean" in doc:
        return QueryResult("ASK", boolean=bool(doc["boolean"]))
    variables = list(doc.get("head", {}).get("vars", []))
    rows: list[tuple[Node | None, ...]] = []
    for binding in doc.get("results", {}).get("bindings", []):
        rows.append(tuple(_term_from_json(binding[v]) if v in binding else None for v in variables))
    return QueryResult("SELECT", variables=variables, rows=rows)
