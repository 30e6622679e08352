"""Deterministic, readable IRIs for documents, entities, quantities and provenance nodes.

A document's parts are named by fragments of its IRI: ``#char=s,e`` a span of its text
(RFC 5147, as NIF does: code points from 0, end exclusive), so a sentence's or a mention's
IRI says where it is; ``#a…`` a fact the document states (an assertion).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from decimal import Decimal

from kg import vocab

__all__ = [
    "BASE",
    "NAMESPACES",
    "normalize_key",
    "document_iri",
    "span_iri",
    "span_of",
    "assertion_iri",
    "assertion_iri_in",
    "entity_iri",
    "quantity_iri",
    "correction_iri",
    "agent_iri",
    "owned_by",
]

#: Namespace of instance data; the ontology lives at ``https://w3id.org/chengyu-kg/ontology#``.
BASE = "https://w3id.org/chengyu-kg/id/"

# The path segment of each entity class: its local name in kebab case (ScienceCity ->
# science-city), for the classes the ontology gives entities.
_CLASS_SEGMENT = {
    cls: re.sub(r"(?<=[a-z])(?=[A-Z])", "-", cls).lower() for cls in vocab.entity_classes()
}

#: Prefix -> namespace of the instance IRIs under :data:`BASE` (documents, quantities, each
#: entity class, corrections and their authors), which the package's outputs and queries
#: declare.
NAMESPACES = {
    name: f"{BASE}{name}/"
    for name in sorted({"doc", "quantity", "correction", "agent", *_CLASS_SEGMENT.values()})
}

# Characters that may not appear in an IRI reference, plus those that make Turtle
# prefixed names or URLs awkward; they are percent-encoded (as UTF-8). Outside ASCII an
# IRI path takes only RFC 3987's ucschar: not controls, surrogates, private use,
# noncharacters or specials such as U+FFFD (which strict Turtle parsers reject).
_UNSAFE = re.compile(
    '[\x00-\x20<>"{}|\\\\\\^`#?%/\\[\\]\x7f-\x9f\ud800-\uf8ff\ufdd0-\ufdef\ufff0-\uffff'
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000e0000-\U0010ffff]"
)


def normalize_key(text: str) -> str:
    """The identity form of a name: NFKC, white space removed.

    >>> normalize_key("西部（重庆）科学城 ")
    '西部(重庆)科学城'
    """
    return "".join(unicodedata.normalize("NFKC", text).split())


def _percent(m: re.Match[str]) -> str:
    return "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "surrogatepass"))


def _segment(text: str) -> str:
    return _UNSAFE.sub(_percent, normalize_key(text))


def document_iri(doc_id: str) -> str:
    """IRI of a document (also the name of its named graph).

    >>> document_iri("000_8ad9febdc21e1cf6")
    'https://w3id.org/chengyu-kg/id/doc/000_8ad9febdc21e1cf6'
    """
    return f"{BASE}doc/{_segment(doc_id)}"


def owned_by(node_iri: str, doc_iri: str) -> bool:
    """Whether a node belongs to a document: the document itself, or a part of it, whose
    IRI is the document's with a fragment (its spans and assertions).

    >>> owned_by(span_iri(document_iri("d1"), 0, 5), document_iri("d1"))
    True
    >>> owned_by(document_iri("d10"), document_iri("d1"))
    False
    """
    return node_iri.startswith(doc_iri) and (
        len(node_iri) == len(doc_iri) or node_iri[len(doc_iri)] == "#"
    )


def span_iri(doc_iri: str, start: int, end: int) -> str:
    """IRI of the span ``[start, end)`` of the text of the document ``doc_iri`` (RFC 5147):
    a sentence or a mention.

    >>> span_iri(document_iri("d1"), 120, 126)
    'https://w3id.org/chengyu-kg/id/doc/d1#char=120,126'
    """
    return f"{doc_iri}#char={start},{end}"


_SPAN = re.compile(r"#char=([0-9]+),([0-9]+)\Z")


def span_of(node_iri: str) -> tuple[str, int, int] | None:
    """The document IRI and offsets of a span IRI (:func:`span_iri`); ``None`` for any
    other IRI.

    >>> span_of("https://w3id.org/chengyu-kg/id/doc/d1#char=120,126")
    ('https://w3id.org/chengyu-kg/id/doc/d1', 120, 126)
    >>> span_of("https://w3id.org/chengyu-kg/id/doc/d1") is None
    True
    """
    match = _SPAN.search(node_iri)
    if match is None:
        return None
    return node_iri[: match.start()], int(match.group(1)), int(match.group(2))


def assertion_iri(doc_id: str, *parts: str) -> str:
    """IRI of a reified fact of a document, from a hash of what identifies it.

    >>> assertion_iri("d1", "s", "p", "o")
    'https://w3id.org/chengyu-kg/id/doc/d1#aebf42ae70b1bd2c1'
    """
    return assertion_iri_in(document_iri(doc_id), *parts)


def assertion_iri_in(doc_iri: str, *parts: str) -> str:
    """:func:`assertion_iri` of the document whose IRI (:func:`document_iri`) is given.

    >>> assertion_iri_in(document_iri("d1"), "s", "p", "o") == assertion_iri("d1", "s", "p", "o")
    True
    """
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{doc_iri}#a{digest}"


def entity_iri(cls: str, key: str) -> str:
    """IRI of an entity: class segment and key (a division code or a canonical name).

    >>> entity_iri("District", "500109")
    'https://w3id.org/chengyu-kg/id/district/500109'
    >>> entity_iri("Agency", "重庆市科学技术局")
    'https://w3id.org/chengyu-kg/id/agency/重庆市科学技术局'
    """
    return f"{BASE}{_CLASS_SEGMENT[cls]}/{_segment(key)}"


def quantity_iri(
    subject_iri: str,
    predicate: str,
    value: Decimal,
    unit: str,
    indicator: str | None = None,
    year: int | None = None,
) -> str:
    """IRI of a quantity or target, derived from what it is a figure of.

    >>> quantity_iri(entity_iri("ScienceCity", "西部(重庆)科学城"), "plannedArea",
    ...              Decimal("1198"), "SquareKilometre")
    'https://w3id.org/chengyu-kg/id/quantity/a7a853535d728458'
    """
    ident = "\x1f".join(
        [subject_iri, predicate, format(value, "f"), unit, indicator or "", str(year or "")]
    )
    return f"{BASE}quantity/{hashlib.sha1(ident.encode('utf-8')).hexdigest()[:16]}"


def correction_iri(correction_id: str) -> str:
    """IRI of a correction of a corrections file, from its id.

    >>> correction_iri("c-7")
    'https://w3id.org/chengyu-kg/id/correction/c-7'
    """
    return f"{BASE}correction/{_segment(correction_id)}"


def agent_iri(who: str) -> str:
    """IRI of the person (or team) a correction names as its author.

    >>> agent_iri("Li Wei")
    'https://w3id.org/chengyu-kg/id/agent/LiWei'
    """
    return f"{BASE}agent/{_segment(who)}"
