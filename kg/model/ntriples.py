"""The package's internal form of RDF: N-Triples terms and statements as plain strings.

Builds never make rdflib terms for the statements they write: a term is its N-Triples
text (``<iri>``, ``"text"@zh``, ``"75.0"^^<...#decimal>``) and a statement is
``s p o`` (three terms, one space apart, no final `` .``), which sorts, hashes and
deduplicates as a string. This module is the one place that writes and reads that form.

>>> literal('a "quoted" word')
'"a \\\\"quoted\\\\" word"'
>>> split("<a> <b> \\"c d\\"")
('<a>', '<b>', '"c d"')
>>> lexical_form(literal("line\\nbreak"))
'line\\nbreak'
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "Term",
    "Statement",
    "LANG_STRING",
    "XSD_STRING",
    "escape_string",
    "literal",
    "split",
    "subject",
    "block",
    "from_line",
    "datatype",
    "lexical_form",
    "in_languages",
]

#: An RDF term in N-Triples syntax.
Term = str
#: A triple ``s p o`` of N-Triples terms, without the final `` .``.
Statement = str

LANG_STRING = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>"
XSD_STRING = "<http://www.w3.org/2001/XMLSchema#string>"


def escape_string(text: str) -> str:
    """The body of an N-Triples string literal: backslash, quote, LF and CR escaped."""
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:
        text = (
            text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        )
    return text


def literal(text: str) -> Term:
    """``text`` as an N-Triples string literal, quoted and escaped (``"a\\"b"``)."""
    return f'"{escape_string(text)}"'


def split(statement: Statement) -> tuple[Term, Term, Term]:
    """A statement's subject, predicate and object (an object may hold spaces)."""
    s, p, o = statement.split(" ", 2)
    return s, p, o


def subject(statement: Statement) -> Term:
    """A statement's subject."""
    return statement.split(" ", 1)[0]


def block(statements: Iterable[Statement]) -> str:
    """Statements as N-Triples text, one ``s p o .`` line each."""
    return "".join(f"{s} .\n" for s in statements)


def from_line(line: str) -> Statement:
    """The statement of an N-Triples line ``s p o .`` (with or without its newline)."""
    return line[:-3] if line.endswith(" .\n") else line[:-2]


def datatype(term: Term) -> str | None:
    """A literal's datatype (``<iri>``; ``rdf:langString`` for a tagged one); ``None`` for an IRI."""
    if not term.startswith('"'):
        return None
    end = term.rindex('"')
    suffix = term[end + 1 :]
    if suffix.startswith("@"):
        return LANG_STRING
    if suffix.startswith("^^"):
        return suffix[2:]
    return XSD_STRING


def lexical_form(term: Term) -> str:
    """An IRI's text or a literal's lexical form, unescaped."""
    if term.startswith("<"):
        return term[1:-1]
    end = term.rindex('"')
    return (
        term[1:end]
        .replace('\\"', '"')
        .replace("\\n", "\n")
        .replace("\\r", "\r")
        .replace("\\\\", "\\")
    )


def in_languages(term: Term, languages: tuple[str, ...]) -> bool:
    """Whether a literal's language tag is one of ``languages`` or a subtag of one."""
    tag = term[term.rindex('"') + 2 :].lower() if datatype(term) == LANG_STRING else ""
    return any(tag == r.lower() or tag.startswith(r.lower() + "-") for r in languages)
