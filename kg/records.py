"""Plain records that extraction produces and the RDF mapping consumes (no rdflib here)."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from kg import vocab

__all__ = [
    "Document",
    "Sentence",
    "Span",
    "Entity",
    "Mention",
    "QuantityValue",
    "DateValue",
    "Relation",
    "Extraction",
    "Correction",
    "Corrected",
    "Rejection",
    "printable",
    "ENTITY_CLASSES",
    "RELATION_PREDICATES",
    "MERGE_BASES",
    "YEAR_SOURCES",
    "DATE_PRECISIONS",
    "REJECT_STAGES",
    "CORRECTION_KINDS",
]

#: Ontology class local names an :class:`Entity` may have (read from ``ontology/chengyu.ttl``).
ENTITY_CLASSES = vocab.entity_classes()

#: Ontology property local names a :class:`Relation` may have, with what the object is.
RELATION_PREDICATES = {
    "party": "entity",  # Agreement -> Agency or Organization
    "includesDistrict": "entity",  # ScienceCity -> District
    "coreArea": "entity",  # ScienceCity -> District
    "locatedIn": "entity",  # District -> City, City -> City, Project -> District/City
    "jurisdiction": "entity",  # Agency -> City/District/Country
    "signedOn": "date",  # Agreement -> DateValue
    "plannedArea": "quantity",  # Place -> QuantityValue
    "hasTarget": "quantity",  # Agreement -> QuantityValue with year
    "hasQuantity": "quantity",  # Project -> QuantityValue
}

#: Why a mention was tied to its entity.
MERGE_BASES = ("exact", "official-code", "canonical-name", "alias-declaration")

#: Where the year of a date came from (``correction``: a date a corrections file set).
YEAR_SOURCES = ("explicit", "published", "text", "correction")

#: How much of a date the text gives: a day, a month (2023年9月) or a year (1974年).
DATE_PRECISIONS = ("day", "month", "year")

#: What a correction of a corrections file may do (:mod:`kg.curation`).
CORRECTION_KINDS = (
    "reject-entity",
    "reject-mention",
    "rename",
    "merge",
    "add-alias",
    "set-class",
    "add-party",
    "remove-party",
    "set-date",
    "remove-date",
)

#: Where a build set an article aside: reading it, extracting it, checking it against the shapes.
REJECT_STAGES = ("read", "extract", "shapes")


@dataclass(frozen=True)
class Document:
    """One article: its text and what its metadata says.

    ``path`` is the file it was read from and ``line`` its line there (in a ``.jsonl``).
    """

    id: str
    text: str
    title: str | None = None
    published: datetime.date | None = None
    url: str | None = None
    source: str | None = None
    encoding: str = "utf-8"
    path: str | None = None
    line: int | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text, hex-encoded."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def where(self) -> str:
        """Where the article was read: ``PATH:LINE``, ``PATH``, or its id.

        >>> Document("a", "x", path="feed.jsonl", line=3).where
        'feed.jsonl:3'
        """
        if self.path is None:
            return self.id
        return self.path if self.line is None else f"{self.path}:{self.line}"


# longest reason a rejection keeps: a reason quotes values, which may be huge
_REASON_MAX = 300


def printable(text: str) -> str:
    """``text`` with what UTF-8 cannot encode (lone surrogates, as in a non-UTF-8 file
    name or a JSON ``"\\udc80"``) written as backslash escapes.

    >>> printable("a\\udc80b")
    'a\\\\udc80b'
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass(frozen=True)
class Rejection:
    """An article a build set aside: the file it is in (``input``), its line there (a
    ``.jsonl`` line, else ``None``), its document id when known, the stage that set it
    aside (one of :data:`REJECT_STAGES`) and why, in one line.

    Text is kept printable (:func:`printable`) and the reason one line of at most 300
    characters, so that a rejection can always be printed and written as JSON.

    >>> Rejection("feed.jsonl", 4, None, "read", "empty 'text'").message
    "feed.jsonl:4: empty 'text'"
    """

    input: str
    line: int | None
    id: str | None
    stage: str
    reason: str

    def __post_init__(self) -> None:
        if self.stage not in REJECT_STAGES:
            raise ValueError(f"unknown stage {self.stage!r}")
        reason = " ".join(printable(self.reason).split())
        if len(reason) > _REASON_MAX:
            reason = reason[: _REASON_MAX - 1] + "…"
        # a frozen record whose text is made printable once, where it is made
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "input", printable(self.input))
        if self.id is not None:
            object.__setattr__(self, "id", printable(self.id))

    @property
    def where(self) -> str:
        """``INPUT:LINE`` or ``INPUT``."""
        return self.input if self.line is None else f"{self.input}:{self.line}"

    @property
    def message(self) -> str:
        """The one-line message: where and why."""
        return f"{self.where}: {self.reason}"

    def to_dict(self) -> dict[str, str | int | None]:
        """The rejection as a JSON object (the keys in a fixed order)."""
        return {
            "input": self.input,
            "line": self.line,
            "id": self.id,
            "stage": self.stage,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document; ``start``/``end`` are offsets in the document text."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Span:
    """A stretch of document text: offsets, the characters there, and its sentence."""

    start: int
    end: int
    surface: str
    sentence: int


@dataclass(frozen=True, order=True)
class Entity:
    """A thing the text names, identified by class and key.

    ``key`` decides identity (and the IRI): the GB/T 2260 code for a division,
    else the canonical name. ``label`` is the canonical Chinese name.
    """

    cls: str
    key: str
    label: str
    code: str | None = None

    def __post_init__(self) -> None:
        if self.cls not in ENTITY_CLASSES:
            raise ValueError(f"unknown entity class {self.cls!r}")


@dataclass(frozen=True)
class Mention:
    """A span that names an entity, and why the span was tied to that entity."""

    entity: Entity
    span: Span
    basis: str = "exact"


@dataclass(frozen=True)
class QuantityValue:
    """A number in a unit (an ontology unit local name), with 万/亿 multiplied out.

    ``year`` is set for targets (a value to reach by that year).
    """

    value: Decimal
    unit: str
    indicator: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class DateValue:
    """A calendar date, where its year came from (one of :data:`YEAR_SOURCES`) and how
    much of it the text gives (one of :data:`DATE_PRECISIONS`; the rest of ``date`` is 1).

    >>> DateValue(datetime.date(1974, 1, 1), precision="year").lexical
    '1974'
    """

    date: datetime.date
    year_source: str = "explicit"
    precision: str = "day"

    @property
    def lexical(self) -> str:
        """The date as XSD writes it at its precision: ``2021-12-17``, ``2023-09``, ``1974``."""
        iso = self.date.isoformat()
        return {"day": iso, "month": iso[:7], "year": iso[:4]}[self.precision]

    @property
    def datatype(self) -> str:
        """The XSD datatype local name of :attr:`lexical`."""
        return {"day": "date", "month": "gYearMonth", "year": "gYear"}[self.precision]


@dataclass(frozen=True)
class Relation:
    """A fact read from a span: subject, ontology property, object."""

    subject: Entity
    predicate: str
    object: Entity | QuantityValue | DateValue
    span: Span

    def __post_init__(self) -> None:
        if self.predicate not in RELATION_PREDICATES:
            raise ValueError(f"unknown predicate {self.predicate!r}")


@dataclass(frozen=True)
class Correction:
    """A correction as the graph records it: its id, kind (one of
    :data:`CORRECTION_KINDS`), why it was made, by whom and when (a date or date-time)."""

    id: str
    kind: str
    why: str
    who: str
    when: datetime.date | datetime.datetime | None = None

    def __post_init__(self) -> None:
        if self.kind not in CORRECTION_KINDS:
            raise ValueError(f"unknown correction kind {self.kind!r}")


@dataclass(frozen=True)
class Corrected:
    """What one correction did to one article's records.

    ``influenced``: the entities it changed or made, as they are after every correction;
    ``invalidated``: the entities, mentions and facts it took out (an entity merged away,
    renamed to another IRI or rejected; a rejected mention; a removed party or date);
    ``generated``: the facts it added (a party, a date), which keep the sentence they are
    about as their evidence.
    """

    correction: Correction
    influenced: tuple[Entity, ...] = ()
    invalidated: tuple[Entity | Mention | Relation, ...] = ()
    generated: tuple[Relation, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything read from one document.

    ``aliases`` are names given to entities besides their mentions' surfaces (by a
    correction); ``corrections`` what the corrections of a build did to these records;
    ``segmenter`` the word segmenter and its version that cut its text (``"jieba 0.42.1"``),
    which the graph records.
    """

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    notes: tuple[str, ...] = field(default=())
    aliases: tuple[tuple[Entity, str], ...] = ()
    corrections: tuple[Corrected, ...] = ()
    segmenter: str | None = None

    def entities(self) -> list[Entity]:
        """The distinct entities mentioned, sorted."""
        return sorted({m.entity for m in self.mentions})
