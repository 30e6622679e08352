"""SPARQL query text: the prefixes every query may use, checks of what a query is, bindings.

These work on the text alone (rdflib's parser for the syntax check), whatever engine runs it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import Literal
from rdflib.term import Node

from kg.errors import QueryError
from kg.model.triples import PREFIXES
from kg.sparql.terms import ntriples_term, parse_term, parse_variable

__all__ = [
    "QUERY_PREFIXES",
    "prefix_block",
    "strip_literals",
    "query_form",
    "uses_service",
    "QueryReading",
    "read_query",
    "check_query",
    "prepare_query",
    "syntax_error",
    "parse_binding",
    "inject_bindings",
]

#: Prefixes every query may use without declaring them (the package's, plus ``owl:``).
QUERY_PREFIXES = {**PREFIXES, "owl": "http://www.w3.org/2002/07/owl#"}

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


def prefix_block() -> str:
    """``PREFIX`` lines declaring :data:`QUERY_PREFIXES` (for engines that take text only)."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in QUERY_PREFIXES.items())


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


@dataclass(frozen=True)
class QueryReading:
    """What a query does, as rdflib's SPARQL parser reads it (:func:`read_query`)."""

    form: str  # SELECT, CONSTRUCT, DESCRIBE or ASK
    service: bool  # a SERVICE clause anywhere: in OPTIONAL, UNION, subqueries, EXISTS ...
    from_graphs: tuple[str, ...]  # FROM <iri>, in order
    from_named: tuple[str, ...]  # FROM NAMED <iri>, in order

    @property
    def has_dataset(self) -> bool:
        """Whether the query names its own dataset (``FROM`` or ``FROM NAMED``)."""
        return bool(self.from_graphs or self.from_named)


def _has_service(node: Any) -> bool:
    """Whether a node of rdflib's query algebra holds a ``ServiceGraphPattern`` anywhere."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack, seen = [node], set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                return True
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return False


def read_query(text: str, *, prefixes: Mapping[str, str] = QUERY_PREFIXES) -> QueryReading:
    """The form, SERVICE clauses and dataset of a read-only query, from its parsed algebra.

    The decision is taken on the parse tree, not on the text: comments, strings, escapes
    (``\\u0053ERVICE``) and lowercase keywords are read as the parser reads them. Raises
    :class:`~kg.errors.QueryError` (one line) as :func:`check_query` does. ``prefixes``
    are the ones a query may use undeclared (``{}`` at the endpoint: none of the package's).

    >>> read_query("SELECT * { OPTIONAL { service silent ?x { ?s ?p ?o } } }").service
    True
    >>> read_query('SELECT * FROM <urn:g> { ?s ?p "SERVICE <urn:x> {}" }')
    QueryReading(form='SELECT', service=False, from_graphs=('urn:g',), from_named=())
    """
    form, prepared = prepare_query(text, prefixes=prefixes)
    default, named = [], []
    for clause in prepared.algebra.get("datasetClause") or ():
        if "default" in clause:
            default.append(str(clause["default"]))
        if "named" in clause:
            named.append(str(clause["named"]))
    return QueryReading(form, _has_service(prepared.algebra), tuple(default), tuple(named))


def uses_service(text: str) -> bool:
    """Whether the query has a ``SERVICE`` clause (federation to another endpoint), as
    rdflib's parser reads it; a query that does not parse raises :class:`QueryError`."""
    return read_query(text).service


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
    return prepare_query(text)[0]


def prepare_query(  # noqa: ANN201 - rdflib's prepared query
    text: str, *, prefixes: Mapping[str, str] = QUERY_PREFIXES
):
    """The query's form and rdflib's prepared query, after the checks of :func:`check_query`;
    ``prefixes`` may be used without a ``PREFIX`` line."""
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
        prepared = prepareQuery(text, initNs=dict(prefixes))
        return prepared.algebra.name.replace("Query", "").upper(), prepared
    except ParseException as exc:
        raise QueryError(_syntax_message(text, exc)) from None
    except Exception as exc:  # e.g. "Unknown namespace prefix : foo"
        raise QueryError(_other_message(text, exc)) from None


def parse_binding(spec: str) -> tuple[str, Node | str]:
    """``VAR=VALUE`` to a variable name and a term: ``<iri>``, an N-Triples literal, or text.

    A value that starts with ``<`` or ``"`` must be exactly one N-Triples IRI or literal
    (read by Oxigraph's parser, :func:`~kg.sparql.terms.parse_term`); ``VAR`` must be a
    SPARQL variable name. Text stays a ``str``: it binds the variable to the string both
    plain and tagged ``@zh`` (the language of the graph's names), see :func:`inject_bindings`.

    >>> parse_binding("?x=<http://a/b>")
    ('x', rdflib.term.URIRef('http://a/b'))
    """
    name, sep, value = spec.partition("=")
    name = name.strip()
    name = name[1:] if name[:1] in ("?", "$") else name
    if not sep:
        raise QueryError(f"--bind {spec!r}: expected VAR=VALUE")
    try:
        name = parse_variable(name)
        if value.startswith(("<", '"')):
            return name, parse_term(value)
    except ValueError as exc:
        raise QueryError(f"--bind {spec!r}: {exc}") from None
    return name, value


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def inject_bindings(text: str, bindings: Mapping[str, Any] | None) -> str:
    """``text`` with ``VALUES`` pre-binding each variable at the start of the WHERE group.

    Values are rdflib IRIs and literals, written in N-Triples form as Oxigraph writes them
    once it has checked them (:func:`~kg.sparql.terms.ntriples_term`), or text (a ``str``),
    which binds the string both plain and tagged ``@zh`` — names in the graph are ``@zh``
    — so a pattern matches it through the index of the values. This is how bindings reach
    engines that have no ``initBindings`` (Oxigraph, endpoints); a variable name that is
    not a SPARQL ``VARNAME`` or a term that is not valid raises :class:`QueryError`.
    """
    if not bindings:
        return text
    clauses = []
    for name, value in bindings.items():
        try:
            variable = parse_variable(name[1:] if name[:1] in ("?", "$") else name)
            if isinstance(value, Node):
                terms = ntriples_term(value)
            else:
                plain, tagged = Literal(str(value)), Literal(str(value), lang="zh")
                terms = f"{ntriples_term(plain)} {ntriples_term(tagged)}"
        except ValueError as exc:
            raise QueryError(f"cannot bind ?{name}: {exc}") from None
        clauses.append(f"VALUES ?{variable} {{ {terms} }}")
    # find the WHERE brace on a copy whose strings/comments are blanked (same offsets)
    masked = strip_literals(text)
    match = _WHERE.search(masked)
    brace = match.end() if match else masked.find("{") + 1
    if brace <= 0:
        raise QueryError("cannot bind variables: the query has no WHERE group")
    return text[:brace] + "\n  " + " ".join(clauses) + "\n" + text[brace:]
