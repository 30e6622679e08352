"""What a build reports: per-article summaries gathered from the workers, and the result."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.io.graph_files import union_graph
from kg.records import CORRECTION_KINDS, REJECT_STAGES, Document, Extraction, Rejection
from kg.store import ArticleStore

__all__ = [
    "AgreementSummary",
    "ArticleSummary",
    "BuildSummary",
    "BuildResult",
    "CorrectionReport",
]


@dataclass(frozen=True)
class AgreementSummary:
    """An agreement with its parties and signing dates, for the build summary."""

    label: str
    parties: tuple[str, ...]
    dates: tuple[str, ...]


@dataclass(frozen=True)
class ArticleSummary:
    """What the build summary needs from one extraction (small, cheap to send between processes)."""

    entities: tuple[tuple[str, str], ...]
    agreements: tuple[tuple[str, str], ...]
    parties: tuple[tuple[str, str, str], ...]
    dates: tuple[tuple[str, str, str], ...]
    #: What the extractor noted of the article (:attr:`kg.records.Extraction.notes`).
    notes: tuple[str, ...] = ()

    @classmethod
    def of(cls, ex: Extraction) -> ArticleSummary:
        """The summary of one extraction."""
        entities = {(m.entity.cls, m.entity.key) for m in ex.mentions}
        agreements = {
            (m.entity.key, m.entity.label) for m in ex.mentions if m.entity.cls == "Agreement"
        }
        parties, dates = set(), set()
        for rel in ex.relations:
            if rel.predicate == "party":
                parties.add((rel.subject.key, rel.subject.label, rel.object.label))  # type: ignore[union-attr]
            elif rel.predicate == "signedOn":
                dates.add((rel.subject.key, rel.subject.label, rel.object.lexical))  # type: ignore[union-attr]
        return cls(
            tuple(sorted(entities)),
            tuple(sorted(agreements)),
            tuple(sorted(parties)),
            tuple(sorted(dates)),
            tuple(ex.notes),
        )


@dataclass
class BuildSummary:
    """Entities and agreements of the articles a build extracted, accumulated."""

    entities: set[tuple[str, str]] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)
    parties: dict[str, set[str]] = field(default_factory=dict)
    dates: dict[str, set[str]] = field(default_factory=dict)
    #: ``(document id, note)`` of the articles the extractor noted something of, in order.
    notes: list[tuple[str, str]] = field(default_factory=list)

    def add(self, summary: ArticleSummary, doc_id: str = "") -> None:
        """Fold one article's summary in (``doc_id``: the article's, for its notes)."""
        self.notes.extend((doc_id, note) for note in summary.notes)
        self.entities.update(summary.entities)
        for key, label in summary.agreements:
            self.labels.setdefault(key, label)
            self.parties.setdefault(key, set())
            self.dates.setdefault(key, set())
        for key, label, party in summary.parties:
            self.labels.setdefault(key, label)
            self.parties.setdefault(key, set()).add(party)
        for key, label, date in summary.dates:
            self.labels.setdefault(key, label)
            self.dates.setdefault(key, set()).add(date)


@dataclass
class CorrectionReport:
    """The corrections of a build (``kg build --corrections``): each one's id, kind and
    what it names, in file order, and how many articles of the graph each one changed
    (those built now and those a store kept)."""

    entries: tuple[tuple[str, str, str], ...] = ()
    articles: Counter = field(default_factory=Counter)

    def add(self, applied: tuple[str, ...]) -> None:
        """Count the corrections that changed one article."""
        self.articles.update(applied)

    @property
    def applied(self) -> list[tuple[str, str, str]]:
        """The corrections that changed at least one article."""
        return [e for e in self.entries if self.articles[e[0]]]

    @property
    def unmatched(self) -> list[tuple[str, str, str]]:
        """The corrections that changed nothing: what they name is not (or no longer) in
        the graph, or is already as they would make it."""
        return [e for e in self.entries if not self.articles[e[0]]]

    def kinds(self) -> dict[str, int]:
        """Corrections applied per kind, in the order of :data:`kg.records.CORRECTION_KINDS`."""
        counts = Counter(kind for _, kind, _ in self.applied)
        return {kind: counts[kind] for kind in CORRECTION_KINDS if counts[kind]}


@dataclass
class BuildResult:
    """What a build read, extracted and wrote.

    ``documents`` are the articles read and built (or stored unchanged); ``rejects``
    those set aside, in the order they were read; ``extractions`` are kept only with
    ``keep_records=True`` (they are large); the counts say what happened to each article
    (``new``, ``changed``, ``unchanged``, ``removed``). ``dataset`` is the built graph as
    an rdflib dataset, made on first use (fine for small graphs; large ones belong in
    the store: :attr:`store_path`, or open it with
    :func:`kg.sparql.open_graph`).
    """

    documents: list[Document]
    rejects: list[Rejection] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)
    summary: BuildSummary = field(default_factory=BuildSummary)
    outputs: list[Path] = field(default_factory=list)
    store_path: Path | None = None
    new: int = 0
    changed: int = 0
    #: Stored articles built again, unchanged, because the corrections or lexicon touching
    #: them changed.
    recorrected: int = 0
    unchanged: int = 0
    removed: int = 0
    articles_in_store: int = 0
    quads: int = 0
    seconds: float = 0.0
    bytes_read: int = 0
    validated: str = ""
    #: Distinct triples the union writers counted, when they ran.
    written_triples: int | None = None
    #: The corrections of the build and what they changed.
    corrections: CorrectionReport = field(default_factory=CorrectionReport)
    #: The user's lexicon: its file and how many names it gave.
    lexicon: tuple[str, int] | None = None
    #: The spool holding the graph of a build without a store (closed by :meth:`close`).
    spool: Any = None
    #: Where a build with ``parts`` wrote its N-Quads parts, and how many.
    parts_path: Path | None = None
    parts: int = 0
    _dataset: Any = None

    @property
    def extracted(self) -> int:
        """Articles extracted by this build (new, changed, or built again for their
        corrections)."""
        return self.new + self.changed + self.recorrected

    @property
    def dataset(self) -> Any:
        """The built graph as an rdflib :class:`~rdflib.Dataset` (named graph per article)."""
        if self._dataset is None:
            if self.spool is not None:
                self._dataset = self.spool.to_dataset()
            elif self.store_path is not None:
                with ArticleStore(self.store_path, create=False, read_only=True) as store:
                    self._dataset = store.to_dataset()
            else:  # pragma: no cover - every build has a spool or a store
                raise ValueError("this build kept no graph")
        return self._dataset

    @property
    def triples(self) -> int:
        """Number of distinct triples in the union graph."""
        if self.written_triples is None:
            if self.spool is not None:
                self.written_triples = self.spool.triple_count()
            else:
                self.written_triples = len(union_graph(self.dataset))
        return self.written_triples

    def entity_counts(self) -> dict[str, int]:
        """Distinct entities per class over the extracted articles."""
        return dict(sorted(Counter(cls for cls, _ in self.summary.entities).items()))

    def agreements(self) -> list[AgreementSummary]:
        """Agreements with their parties and dates, sorted by label."""
        s = self.summary
        return sorted(
            (
                AgreementSummary(
                    s.labels[k],
                    tuple(sorted(s.parties.get(k, ()))),
                    tuple(sorted(s.dates.get(k, ()))),
                )
                for k in s.labels
            ),
            key=lambda a: a.label,
        )

    def reject_counts(self) -> dict[str, int]:
        """Rejected articles per stage, in the order of the stages (``read``, ``extract``,
        ``shapes``)."""
        counts = Counter(r.stage for r in self.rejects)
        return {stage: counts[stage] for stage in REJECT_STAGES if counts[stage]}

    def encodings(self) -> dict[str, int]:
        """Number of documents per source encoding (of the documents read)."""
        return dict(sorted(Counter(d.encoding for d in self.documents).items()))

    def close(self) -> None:
        """Release the temporary file holding the graph of a build without ``store``."""
        if self.spool is not None:
            self.spool.close()
            self.spool = None
