"""An entity's card: what the graph says about one entity, and the sentences that say it.

:func:`entity_card` finds the entity a name means (:func:`~kg.cards.lookup.find_entity`)
and asks the graph, with SPARQL that runs on every GRAPH form, for its class, labels and
aliases, code (GB/T 2260 or ISO 3166-1), jurisdiction, the facts it states and those that
refer to it, its agreements (those it is a party to, or, for a place, those of the agencies
whose jurisdiction it is) with their parties and dates, and the sentences it was read from,
each with its document's id, title and published date.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from rdflib import Literal, URIRef

from kg import vocab
from kg.cards.lookup import Match, find_entity
from kg.model.iri import span_of
from kg.sparql import OpenGraph

__all__ = ["Card", "Link", "Fact", "AgreementRef", "Source", "entity_card", "MAX_SOURCES"]

#: Source sentences a card holds by default (the earliest; ``sources_total`` counts all).
MAX_SOURCES = 100

_PREFIXES = """PREFIX cy: <https://w3id.org/chengyu-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

_NAMES = (
    _PREFIXES
    + """SELECT ?kind ?name WHERE {
  { ?e rdfs:label ?name . BIND("label" AS ?kind) }
  UNION { ?e skos:altLabel ?name . BIND("alias" AS ?kind) }
  UNION { ?e cy:divisionCode|cy:countryCode ?name . BIND("code" AS ?kind) }
  UNION { ?e cy:mergeReason ?name . BIND("merge" AS ?kind) }
}"""
)

#: What the entity states (``?inverse`` false) and what states something of it (true).
_FACTS = (
    _PREFIXES
    + """SELECT ?inverse ?p ?o ?class ?label ?code WHERE {
  { ?e ?p ?o . BIND(false AS ?inverse) }
  UNION { ?o ?p ?e . BIND(true AS ?inverse) }
  FILTER(STRSTARTS(STR(?p), STR(cy:)))
  OPTIONAL { ?o a ?class }
  OPTIONAL { ?o rdfs:label ?label }
  OPTIONAL { ?o cy:divisionCode|cy:countryCode ?code }
}"""
)

#: Agreements the entity is a party to, or (for a place) whose party has it as jurisdiction,
#: or the agreement itself.
_AGREEMENTS = (
    _PREFIXES
    + """SELECT ?a ?title ?date ?party ?partyLabel ?partyClass ?via WHERE {
  { ?a cy:party ?e . }
  UNION { ?via cy:jurisdiction ?e . ?a cy:party ?via . }
  UNION { ?e a cy:Agreement . BIND(?e AS ?a) }
  ?a rdfs:label ?title .
  OPTIONAL { ?a cy:signedOn ?date }
  OPTIONAL {
    ?a cy:party ?party .
    OPTIONAL { ?party rdfs:label ?partyLabel }
    OPTIONAL { ?party a ?partyClass }
  }
}"""
)

#: Sentences that mention the entity (with the mention, a span) or state a fact of it; a
#: sentence's text is cut from its document's by the offsets of its IRI (``#char=s,e``).
_SOURCES = (
    _PREFIXES
    + """SELECT ?s ?doc ?text ?m ?p ?id ?title ?published ?url WHERE {
  { ?m cy:mentionOf ?e . ?m cy:inSentence? ?s . }
  UNION { ?x rdf:subject ?e ; rdf:predicate ?p ; cy:span/cy:inSentence? ?s . }
  UNION { ?x rdf:object ?e ; rdf:predicate ?p ; cy:span/cy:inSentence? ?s . }
  ?s cy:inDocument ?doc .
  ?doc cy:text ?doctext .
  BIND (STRAFTER(STR(?s), "#char=") AS ?span)
  BIND (xsd:integer(STRBEFORE(?span, ",")) AS ?start)
  BIND (SUBSTR(?doctext, ?start + 1, xsd:integer(STRAFTER(?span, ",")) - ?start) AS ?text)
  OPTIONAL { ?doc dcterms:identifier ?id }
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:date ?published }
  OPTIONAL { ?doc schema:url ?url }
}"""
)

#: Properties a card shows in its own fields rather than among the facts.
_OWN_FIELDS = {"divisionCode", "countryCode", "mergeReason", "jurisdiction", "party", "signedOn"}


@dataclass(frozen=True)
class Link:
    """Something a card names: an entity (``cls`` set, ``iri`` its page), a quantity or a
    value (``cls`` ``None``; ``iri`` ``None`` for a literal)."""

    label: str
    iri: str | None = None
    cls: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class Fact:
    """Values of one property: of the entity (``inverse`` false: 西部(重庆)科学城
    includesDistrict 北碚区), or things that have the entity as value (``inverse``: on
    北碚区's card, 西部(重庆)科学城 by includesDistrict)."""

    property: str
    label: str
    label_zh: str
    inverse: bool
    values: tuple[Link, ...]


@dataclass(frozen=True)
class AgreementRef:
    """An agreement on a card: title, signing dates, parties, and ``via`` the party whose
    jurisdiction the card's place is (``None`` when the entity is itself a party or the
    agreement)."""

    iri: str
    title: str
    dates: tuple[str, ...]
    parties: tuple[Link, ...]
    via: Link | None = None


@dataclass(frozen=True)
class Source:
    """A sentence the entity was read from: its document (id, title, published date, URL),
    its position (``start``, ``end``: code-point offsets in the document's text, end
    exclusive) and text, where in the text the entity is named (``marks``: offsets in
    ``text``) and which facts about it the sentence states."""

    document: str
    document_iri: str
    title: str | None
    published: str | None
    url: str | None
    start: int
    end: int
    text: str
    marks: tuple[tuple[int, int], ...] = ()
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Card:
    """What the graph says about one entity (see the module); ``match`` says how the name
    asked for was found."""

    iri: str
    label: str
    cls: str
    class_label: str
    labels: tuple[str, ...]
    aliases: tuple[str, ...]
    code: str | None
    jurisdiction: tuple[Link, ...]
    merge_reasons: tuple[str, ...]
    facts: tuple[Fact, ...]
    agreements: tuple[AgreementRef, ...]
    sources: tuple[Source, ...]
    sources_total: int
    match: Match = field(compare=False)

    def as_dict(self) -> dict[str, Any]:
        """The card as plain JSON-ready data (lists, dicts, strings, numbers, ``None``)."""
        data = asdict(self)
        data["match"] = {"how": self.match.how, "name": self.match.name, "score": self.match.score}
        return _plain(data)

    @property
    def documents(self) -> tuple[str, ...]:
        """Ids of the documents of the card's sources, in the sources' order."""
        return tuple(dict.fromkeys(s.document for s in self.sources))


def _plain(value: Any) -> Any:
    """``value`` with every tuple a list, as JSON reads it back."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _local(iri: str) -> str:
    return iri[len(vocab.CY) :] if iri.startswith(vocab.CY) else iri


def _class_of(iris: set[str]) -> str | None:
    for cls in vocab.entity_classes():
        if vocab.CY + cls in iris:
            return cls
    return None


def _text(term: Any) -> str | None:
    return None if term is None else str(term)


def _names(graph: OpenGraph, iri: URIRef) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {"label": [], "alias": [], "code": [], "merge": []}
    for kind, name in graph.query(_NAMES, bindings={"e": iri}).rows:
        if name is not None and str(name) not in names[str(kind)]:
            names[str(kind)].append(str(name))
    return {k: sorted(v) for k, v in names.items()}


def _facts(graph: OpenGraph, iri: URIRef) -> tuple[tuple[Fact, ...], tuple[Link, ...]]:
    """The card's facts, and its jurisdiction (kept apart: a card shows it as a field)."""
    rows = graph.query(_FACTS, bindings={"e": iri}).rows
    classes: dict[str, set[str]] = {}
    for _, _, o, cls, _, _ in rows:
        if cls is not None:
            classes.setdefault(str(o), set()).add(str(cls))
    values: dict[tuple[bool, str], set[Link]] = {}
    for inverse, p, o, _, label, code in rows:
        inverse = bool(inverse.toPython()) if isinstance(inverse, Literal) else bool(inverse)
        prop = _local(str(p))
        cls = _class_of(classes.get(str(o), set()))
        if inverse and cls is None:
            continue  # a mention, an assertion: provenance, not a fact
        if not inverse and prop in _OWN_FIELDS - {"jurisdiction"}:
            continue
        if inverse and prop == "party":
            continue  # listed among the agreements
        is_node = isinstance(o, URIRef)
        text = str(label) if label is not None else str(o)
        link = Link(text, str(o) if is_node else None, cls, _text(code))
        values.setdefault((inverse, prop), set()).add(link)
    jurisdiction = tuple(sorted(values.pop((False, "jurisdiction"), set()), key=_link_key))
    en, zh = vocab.labels("en"), vocab.labels("zh")
    facts = [
        Fact(
            prop,
            en.get(vocab.CY + prop, prop),
            zh.get(vocab.CY + prop, prop),
            inverse,
            tuple(sorted(links, key=_link_key)),
        )
        for (inverse, prop), links in values.items()
    ]
    return tuple(sorted(facts, key=lambda f: (f.inverse, f.label))), jurisdiction


def _link_key(link: Link) -> tuple[str, str]:
    return (link.code or "", link.label, link.iri or "")


def _agreements(graph: OpenGraph, iri: URIRef) -> tuple[AgreementRef, ...]:
    rows = graph.query(_AGREEMENTS, bindings={"e": iri}).rows
    found: dict[tuple[str, str | None], dict[str, Any]] = {}
    parties: dict[str, tuple[str, set[str]]] = {}
    for a, title, date, party, party_label, party_class, via in rows:
        key = (str(a), _text(via))
        entry = found.setdefault(key, {"title": str(title), "dates": set(), "parties": set()})
        entry["title"] = min(entry["title"], str(title))
        if date is not None:
            entry["dates"].add(str(date))
        if party is not None:
            entry["parties"].add(str(party))
            label, classes = parties.setdefault(str(party), (_text(party_label) or "", set()))
            if party_label is not None and (not label or str(party_label) < label):
                parties[str(party)] = (str(party_label), classes)
            if party_class is not None:
                classes.add(str(party_class))

    def link(party: str) -> Link:
        label, classes = parties[party]
        return Link(label or party, party, _class_of(classes))

    refs = [
        AgreementRef(
            a,
            entry["title"],
            tuple(sorted(entry["dates"])),
            tuple(sorted((link(p) for p in entry["parties"]), key=_link_key)),
            link(via) if via is not None else None,
        )
        for (a, via), entry in found.items()
    ]
    # newest first; undated last; then by title
    refs.sort(key=lambda r: (r.dates[-1:] == (), tuple(_desc(d) for d in r.dates[-1:]), r.title))
    return tuple(refs)


def _desc(text: str) -> tuple[int, ...]:
    """A key that sorts dates (``2021-12-17``, ``2021-12``, ``2021``) newest first."""
    return tuple(-int(part) for part in text.split("-") if part.isdigit())


def _sources(graph: OpenGraph, iri: URIRef) -> list[Source]:
    rows = graph.query(_SOURCES, bindings={"e": iri}).rows
    found: dict[str, dict[str, Any]] = {}
    for s, doc, text, m, p, doc_id, title, published, url in rows:
        where = span_of(str(s))
        if where is None or text is None:
            continue
        _, start, end = where
        entry = found.setdefault(
            str(s),
            {
                "document": _text(doc_id) or str(doc).rsplit("/", 1)[-1],
                "document_iri": str(doc),
                "title": _text(title),
                "published": _text(published),
                "url": _text(url),
                "start": start,
                "end": end,
                "text": str(text),
                "marks": set(),
                "facts": set(),
            },
        )
        mention = span_of(str(m)) if m is not None else None
        if mention is not None:
            entry["marks"].add((mention[1] - start, mention[2] - start))
        if p is not None:
            entry["facts"].add(_local(str(p)))
    sources = [
        Source(**{**e, "marks": tuple(sorted(e["marks"])), "facts": tuple(sorted(e["facts"]))})
        for e in found.values()
    ]
    # by published date (undated documents last), document, position in it
    sources.sort(key=lambda s: (s.published is None, s.published or "", s.document, s.start))
    return sources


def entity_card(graph: OpenGraph, name: str, *, max_sources: int | None = MAX_SOURCES) -> Card:
    """The card of the entity ``name`` (a label, alias or IRI; near misses found) means.

    ``graph`` is an opened GRAPH (:func:`kg.sparql.open_graph`); at most ``max_sources``
    sentences are kept (``None``: all). Raises :class:`~kg.errors.EntityLookupError` when
    the name means no entity or several.
    """
    match = find_entity(graph, name)
    iri = URIRef(match.iri)
    names = _names(graph, iri)
    facts, jurisdiction = _facts(graph, iri)
    sources = _sources(graph, iri)
    onto_labels = vocab.labels("zh")
    return Card(
        iri=match.iri,
        label=match.label,
        cls=match.cls,
        class_label=onto_labels.get(vocab.CY + match.cls, match.cls),
        labels=tuple(names["label"]),
        aliases=tuple(n for n in names["alias"] if n not in names["label"]),
        code=names["code"][0] if names["code"] else None,
        jurisdiction=jurisdiction,
        merge_reasons=tuple(names["merge"]),
        facts=facts,
        agreements=_agreements(graph, iri),
        sources=tuple(sources if max_sources is None else sources[:max_sources]),
        sources_total=len(sources),
        match=match,
    )
