"""Build a knowledge graph from articles: read, extract, map to RDF, validate, write."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.errors import ValidationError
from kg.export import FORMATS, SUFFIXES, union_graph, write_text_atomic
from kg.records import Document, Entity, Extraction
from kg.sources import read_documents

__all__ = ["AgreementSummary", "BuildResult", "extract_documents", "build_dataset", "build"]


@dataclass(frozen=True)
class AgreementSummary:
    """An agreement with its parties and signing dates, for the build summary."""

    label: str
    parties: tuple[str, ...]
    dates: tuple[str, ...]


@dataclass
class BuildResult:
    """What a build read and wrote."""

    documents: list[Document]
    extractions: list[Extraction]
    dataset: Dataset
    outputs: list[Path] = field(default_factory=list)

    @property
    def triples(self) -> int:
        """Number of distinct triples in the union graph."""
        return len(union_graph(self.dataset))

    def entity_counts(self) -> dict[str, int]:
        """Distinct entities per class over all documents."""
        entities: set[Entity] = set()
        for ex in self.extractions:
            entities.update(m.entity for m in ex.mentions)
        counts = Counter(e.cls for e in {(e.cls, e.key): e for e in entities}.values())
        return dict(sorted(counts.items()))

    def agreements(self) -> list[AgreementSummary]:
        """Agreements with their parties and dates, sorted by label."""
        parties: dict[tuple[str, str], set[str]] = {}
        dates: dict[tuple[str, str], set[str]] = {}
        labels: dict[tuple[str, str], str] = {}
        for ex in self.extractions:
            for m in ex.mentions:
                if m.entity.cls == "Agreement":
                    ident = (m.entity.cls, m.entity.key)
                    labels.setdefault(ident, m.entity.label)
                    parties.setdefault(ident, set())
                    dates.setdefault(ident, set())
            for rel in ex.relations:
                ident = (rel.subject.cls, rel.subject.key)
                if rel.predicate == "party":
                    labels.setdefault(ident, rel.subject.label)
                    parties.setdefault(ident, set()).add(rel.object.label)  # type: ignore[union-attr]
                elif rel.predicate == "signedOn":
                    labels.setdefault(ident, rel.subject.label)
                    dates.setdefault(ident, set()).add(rel.object.date.isoformat())  # type: ignore[union-attr]
        return sorted(
            (
                AgreementSummary(
                    labels[k],
                    tuple(sorted(parties.get(k, ()))),
                    tuple(sorted(dates.get(k, ()))),
                )
                for k in labels
            ),
            key=lambda a: a.label,
        )

    def encodings(self) -> dict[str, int]:
        """Number of documents per source encoding."""
        return dict(sorted(Counter(d.encoding for d in self.documents).items()))


def extract_documents(documents: Iterable[Document]) -> list[Extraction]:
    """Run the extractor over documents, in order."""
    from kg.extract import Lexicon, extract

    lexicon = Lexicon.default()
    return [extract(doc, lexicon) for doc in documents]


def build_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """The RDF dataset (a named graph per document) for extraction records."""
    from kg.rdf import to_dataset

    return to_dataset(extractions)


def build(
    inputs: Sequence[str | Path],
    out_dir: str | Path | None = None,
    *,
    formats: Sequence[str] = ("turtle",),
    validate: bool = True,
) -> BuildResult:
    """Build the graph of ``inputs``; with ``out_dir``, write ``graph.<suffix>`` per format.

    Every output is rendered and checked before any file is written, and each file is
    written to a temporary name and renamed into place, so a failed build leaves what an
    earlier build wrote untouched.
    """
    documents = read_documents(inputs)
    extractions = extract_documents(documents)
    dataset = build_dataset(extractions)
    result = BuildResult(documents, extractions, dataset)
    if validate:
        from kg.validate import validate as shacl_validate

        report = shacl_validate(union_graph(dataset))
        if not report.conforms:
            first = next((ln.strip() for ln in report.text.splitlines() if "Message" in ln), "")
            raise ValidationError(f"the built graph does not conform to the shapes: {first}")
    if out_dir is not None:
        rendered = [(Path(out_dir) / f"graph{SUFFIXES[f]}", FORMATS[f](dataset)) for f in formats]
        result.outputs = [write_text_atomic(path, text) for path, text in rendered]
    return result
