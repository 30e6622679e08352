"""Collecting records: entities, one mention per span, relations without duplicates."""

from __future__ import annotations

from collections.abc import Callable, Sized
from dataclasses import dataclass, field
from typing import Any

from kg.extract.agencies import AgencyHit
from kg.extract.areas import AreaHit
from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.text import Prepared, normalize_name
from kg.extract.tokens import Tokens
from kg.records import Entity, Mention, Relation, Span

__all__ = ["Builder", "Found", "entity", "division_entity", "country_entity"]


def entity(cls: str, label: str, code: str | None = None) -> Entity:
    """An entity keyed by its code, else by its normalised canonical name."""
    return Entity(cls, code or normalize_name(label), label, code)


def division_entity(code: str, lex: Lexicon) -> Entity:
    """The City or District of a GB/T 2260 code, labelled with its official name (an
    immutable value, made once per code and lexicon)."""
    ent = lex.division_entities.get(code)
    if ent is None:
        d = lex.divisions.by_code[code]
        ent = lex.division_entities[code] = Entity(d.cls, code, d.name, code)
    return ent


def country_entity(code: str, lex: Lexicon) -> Entity:
    """The Country of an ISO 3166-1 alpha-2 code, labelled with its usual Chinese name."""
    return Entity("Country", code, lex.countries[code][0], code)


# Predicates with at most one value per subject (sh:maxCount 1): 《T》 signed twice in an
# article (two pairs of cities signing agreements of one generic title) keeps its first date.
_FUNCTIONAL = frozenset({"signedOn"})


class Builder:
    """Collects mentions and relations without duplicates, in reading order."""

    def __init__(self, prep: Prepared) -> None:
        self.prep = prep
        self.mentions: dict[tuple, Mention] = {}
        self.relations: dict[tuple, Relation] = {}
        self.spans: dict[tuple[int, int], Entity] = {}  # one entity per span (its IRI)
        self._sentence_spans: dict[int, Span] = {}
        self._valued: set[tuple[Entity, str]] = set()  # (subject, functional predicate)
        #: the object of the first relation recorded of a subject and a predicate
        self.first_object: dict[tuple[Entity, str], object] = {}

    def span(self, start: int, end: int) -> Span:
        """The span of ``norm[start:end]`` in the original text."""
        s, e = self.prep.orig_span(start, end)
        return Span(s, e, self.prep.original[s:e], self.prep.sentence_at(start))

    def sentence_span(self, index: int) -> Span:
        """The span of a whole sentence (the evidence of a fact read from it)."""
        span = self._sentence_spans.get(index)
        if span is None:
            sent = self.prep.sentences[index]
            span = self._sentence_spans[index] = Span(sent.start, sent.end, sent.text, index)
        return span

    def mention(self, ent: Entity, start: int, end: int, basis: str) -> Span:
        """Record that ``norm[start:end]`` names ``ent``; the first reading of a span wins
        (places, then areas, agencies, agreements, projects, organisations)."""
        span = self.span(start, end)
        if basis == "exact" and normalize_name(span.surface) != normalize_name(ent.label):
            basis = "canonical-name"
        where = (span.start, span.end)
        # a span already taken keeps its entity, and the mention that took it
        if where not in self.spans:
            self.spans[where] = ent
            self.mentions[(ent, *where)] = Mention(ent, span, basis)
        return span

    def relate(self, subject: Entity, predicate: str, obj, span: Span) -> None:
        """Record a fact once (the first evidence is kept); a functional predicate keeps
        the first value of a subject."""
        key = (subject, predicate, obj)
        if key in self.relations:
            return
        if predicate in _FUNCTIONAL:
            if (subject, predicate) in self._valued:
                return
            self._valued.add((subject, predicate))
        self.relations[key] = Relation(subject, predicate, obj, span)
        self.first_object.setdefault((subject, predicate), obj)

    def merge(self, old: Entity, new: Entity) -> None:
        """Read every mention of ``old`` as one of ``new`` and give ``new`` its facts (an
        agreement told again by its kind after its title)."""
        for key, m in list(self.mentions.items()):
            if m.entity == old:
                del self.mentions[key]
                self.spans[key[1:]] = new
                self.mentions[(new, *key[1:])] = Mention(new, m.span, "canonical-name")
        for key, r in list(self.relations.items()):
            if r.subject == old:
                del self.relations[key]
                self._valued.discard((old, r.predicate))
                self.first_object.pop((old, r.predicate), None)
                self.relate(new, r.predicate, r.object, r.span)


@dataclass
class Found:
    """What the matchers found in one document, by position in the normalised text."""

    prep: Prepared
    lex: Lexicon
    b: Builder
    tokens: Tokens
    places: list[PlaceHit] = field(default_factory=list)
    place_entities: dict[int, Entity] = field(default_factory=dict)  # by start
    areas: list[AreaHit] = field(default_factory=list)
    area_entities: dict[tuple[int, int], Entity] = field(default_factory=dict)
    sciences: list[AreaHit] = field(default_factory=list)
    science_entities: dict[tuple[int, int], Entity] = field(default_factory=dict)
    agencies: list[tuple[AgencyHit, Entity]] = field(default_factory=list)
    agreement_at: list[tuple[int, int, Entity]] = field(default_factory=list)  # pos, sentence
    project_at: list[tuple[int, Entity]] = field(default_factory=list)
    project_spans: list[tuple[int, int]] = field(default_factory=list)
    institution_spans: list[tuple[int, int]] = field(default_factory=list)
    project_end: dict[int, int] = field(default_factory=dict)  # start -> end of a mention
    coordinated: list[tuple[int, int, str]] = field(default_factory=list)  # 渝西、渝万高铁
    # place and area entities by start offset, with where the name ends (the longest one)
    place_at: dict[int, tuple[Entity, int]] = field(default_factory=dict)
    area_at: dict[int, tuple[Entity, int]] = field(default_factory=dict)
    signed: list[tuple[int, tuple[Entity, ...]]] = field(default_factory=list)  # sentence, parties
    organizations: list[tuple[int, int, Entity]] = field(default_factory=list)  # start, end
    titles: list = field(default_factory=list)  # agreement titles, related after organisations
    # short forms of titles kept only where the text signs them (该《计划》 of a 行动计划)
    pending_aliases: list = field(default_factory=list)
    indexes: dict[str, tuple[tuple[int, ...], Any]] = field(default_factory=dict)

    @property
    def norm(self) -> str:
        return self.prep.norm

    def index(
        self,
        name: str,
        make: Callable[[], Any],
        *over: Sized,
        grow: Callable[[Any, tuple[int, ...]], bool] | None = None,
    ) -> Any:
        """An index of what was found (``make()``, a :class:`~kg.extract.spans.Spans` say),
        made once, so that the steps that ask it, once per name, need not scan the lists
        and dicts it indexes (``over``). When one of them has grown since (an organisation
        found while reading a signing), ``grow(index, lengths before)`` adds what is new
        and says whether it could; else the index is made again."""
        key = tuple(map(len, over))
        made = self.indexes.get(name)
        if made is not None and made[0] != key:
            old = made[0]
            if (
                grow is not None
                and all(a <= b for a, b in zip(old, key, strict=True))
                and grow(made[1], old)
            ):
                made = self.indexes[name] = (key, made[1])
            else:
                made = None
        if made is None:
            made = self.indexes[name] = (key, make())
        return made[1]
