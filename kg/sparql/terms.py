"""RDF terms a user types (a graph IRI, a value to bind, a variable name), read by Oxigraph.

What reaches a query or an update is never the text as typed but the term Oxigraph's own
parsers read from it, written back in N-Triples form: a graph IRI must be an absolute IRI
(RFC 3987), a bound value exactly one N-Triples IRI or literal, a variable name a SPARQL
``VARNAME``. Each function raises :class:`ValueError` with one line saying why not.

>>> parse_iri("urn:x:g")
'urn:x:g'
>>> parse_term('"北碚"@zh')
rdflib.term.Literal('北碚', lang='zh')
>>> ntriples_term(parse_term('"a\\\\"b"'))
'"a\\\\"b"'
"""

from __future__ import annotations

import uuid

import pyoxigraph
from rdflib import Literal, URIRef
from rdflib.term import Node

__all__ = ["parse_iri", "parse_term", "parse_variable", "ntriples_term"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# A value is read as the object of a one-quad N-Quads document, before a graph name drawn
# afresh each time: text that would close the statement early (``"x" . #``) leaves the
# quad without that graph name.
_SUBJECT = "<urn:kg:term:s> <urn:kg:term:p> "
_NOT_A_TERM = 'not one N-Triples IRI or literal: <iri>, "text", "text"@lang or "text"^^<iri>'


def _reason(exc: BaseException) -> str:
    """An exception's message in one line, without a final full stop."""
    return " ".join(str(exc).split()).rstrip(".") or type(exc).__name__


def parse_iri(text: str) -> str:
    """``text`` when it is an absolute IRI (RFC 3987), as Oxigraph checks it.

    >>> parse_iri("http://x/g> ; DROP ALL ; <http://y")
    Traceback (most recent call last):
    ...
    ValueError: not an absolute IRI (Invalid IRI code point '>')
    """
    try:
        return pyoxigraph.NamedNode(text).value
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not an absolute IRI ({_reason(exc)})") from None


def parse_term(text: str) -> URIRef | Literal:
    """The IRI (``<iri>``) or literal (``"text"``, ``"text"@lang``, ``"text"^^<iri>``)
    written in N-Triples syntax as ``text``, nothing before or after it.

    >>> parse_term("<http://a/b>")
    rdflib.term.URIRef('http://a/b')
    >>> parse_term('"x"^^<http://x> UNDEF } #')
    Traceback (most recent call last):
    ...
    ValueError: not one N-Triples IRI or literal: <iri>, "text", "text"@lang or "text"^^<iri>
    """
    if "\n" in text or "\r" in text:
        raise ValueError(_NOT_A_TERM)
    graph = f"urn:uuid:{uuid.uuid4()}"
    statement = f"{_SUBJECT}{text} <{graph}> .\n"
    try:
        quads = list(
            pyoxigraph.parse(statement.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
        )
    except (SyntaxError, ValueError):
        # (Oxigraph's message gives columns of the statement around the value)
        raise ValueError(_NOT_A_TERM) from None
    if len(quads) != 1 or quads[0].graph_name != pyoxigraph.NamedNode(graph):
        raise ValueError(_NOT_A_TERM)
    term = quads[0].object
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.direction is not None:
            raise ValueError("a literal with a base direction (--ltr, --rtl) is not supported")
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise ValueError("a blank node or a triple term cannot be used; give an IRI or a literal")


def parse_variable(name: str) -> str:
    """``name`` when it is a SPARQL variable name (``VARNAME``, without ``?``).

    >>> parse_variable("x } #")
    Traceback (most recent call last):
    ...
    ValueError: 'x } #' is not a SPARQL variable name
    """
    try:
        return pyoxigraph.Variable(name).value
    except (ValueError, TypeError):
        raise ValueError(f"{name!r} is not a SPARQL variable name") from None


def ntriples_term(term: Node) -> str:
    """An rdflib IRI or literal in N-Triples form, as Oxigraph writes it after checking it
    (an IRI that is not one, or a malformed language tag, raises :class:`ValueError`)."""
    try:
        if isinstance(term, URIRef):
            return str(pyoxigraph.NamedNode(str(term)))
        if isinstance(term, Literal):
            if term.language:
                return str(pyoxigraph.Literal(str(term), language=term.language))
            if term.datatype is not None:
                datatype = pyoxigraph.NamedNode(str(term.datatype))
                return str(pyoxigraph.Literal(str(term), datatype=datatype))
            return str(pyoxigraph.Literal(str(term)))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not an RDF term ({_reason(exc)})") from None
    raise ValueError(f"{term.n3()} is neither an IRI nor a literal")
