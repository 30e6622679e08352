"""Score a built graph against gold annotations: P/R/F1 per class, recall per relation."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.errors import GoldError
from kg.model.iri import normalize_key
from kg.model.provenance import document_of
from kg.namespace import CY
from kg.records import ENTITY_CLASSES, RELATION_PREDICATES
from kg.sparql import open_graph

__all__ = [
    "GoldEntity",
    "GoldRelation",
    "GoldDocument",
    "ClassScore",
    "RelationScore",
    "EvaluationReport",
    "load_gold",
    "evaluate",
    "evaluate_graph",
    "format_report",
]


@dataclass(frozen=True)
class GoldEntity:
    """An annotated entity: class and every name it may appear under."""

    cls: str
    label: str
    names: frozenset[str]


@dataclass(frozen=True)
class GoldRelation:
    """An annotated fact; ``object`` is a name, an ISO date or a (value, unit, year) tuple."""

    subject: str
    predicate: str
    object: str | tuple[Decimal, str, int | None]


@dataclass(frozen=True)
class GoldDocument:
    """The gold annotation of one document."""

    id: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]


@dataclass(frozen=True)
class ClassScore:
    """Entity counts and scores of one class."""

    cls: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class RelationScore:
    """How many gold facts of one predicate the graph has."""

    predicate: str
    found: int
    gold: int

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


@dataclass
class EvaluationReport:
    """Scores per class and per relation, and what was missed or spurious."""

    classes: dict[str, ClassScore]
    relations: dict[str, RelationScore]
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Plain data for JSON output."""
        return {
            "classes": {
                c: {
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                }
                for c, s in self.classes.items()
            },
            "relations": {
                p: {"found": s.found, "gold": s.gold, "recall": round(s.recall, 4)}
                for p, s in self.relations.items()
            },
            "missed": self.missed,
            "spurious": self.spurious,
            "missed_relations": self.missed_relations,
        }


def _norm(text: str) -> str:
    return normalize_key(text).strip("《》")


def _parse_quantity(obj: dict, where: str) -> tuple[Decimal, str, int | None]:
    try:
        value = Decimal(str(obj["value"]))
        unit = str(obj["unit"])
    except (KeyError, InvalidOperation):
        raise GoldError(f"{where}: a quantity needs 'value' (a decimal) and 'unit'") from None
    year = obj.get("year")
    return value.normalize(), unit, int(year) if year is not None else None


def _gold_document(data: object, where: str) -> GoldDocument:
    if not isinstance(data, dict) or not isinstance(data.get("document"), str):
        raise GoldError(f"{where}: expected an object with a 'document' id")
    entities = []
    for i, ent in enumerate(data.get("entities", [])):
        cls, label = ent.get("class"), ent.get("label")
        if cls not in ENTITY_CLASSES or not isinstance(label, str):
            raise GoldError(
                f"{where}: entity {i}: needs 'class' (one of {ENTITY_CLASSES}) and 'label'"
            )
        names = frozenset(_norm(n) for n in [label, *ent.get("aliases", [])])
        entities.append(GoldEntity(cls, label, names))
    entities = [_with_party_names(ent, entities) for ent in entities]
    relations = []
    for i, rel in enumerate(data.get("relations", [])):
        pred = rel.get("predicate")
        if pred not in RELATION_PREDICATES or "subject" not in rel or "object" not in rel:
            raise GoldError(f"{where}: relation {i}: needs 'subject', 'predicate', 'object'")
        obj = rel["object"]
        kind = RELATION_PREDICATES[pred]
        if kind == "quantity":
            obj = _parse_quantity(obj, f"{where}: relation {i}")
        elif not isinstance(obj, str):
            raise GoldError(f"{where}: relation {i}: object must be a string for {pred}")
        elif kind == "entity":
            obj = _norm(obj)
        relations.append(GoldRelation(_norm(rel["subject"]), pred, obj))
    return GoldDocument(data["document"], tuple(entities), tuple(relations))


def _with_party_names(ent: GoldEntity, entities: list[GoldEntity]) -> GoldEntity:
    """An agreement labelled from its parties (A与B战略合作协议) is named as well with any
    other name of each party (宁德时代 for 宁德时代新能源科技股份有限公司), as the parties
    themselves are matched by any of their names."""
    if ent.cls != "Agreement":
        return ent
    names = set(ent.names)
    for other in entities:
        if other is ent or other.cls == "Agreement":
            continue
        # (longest names first: 宁德时代新能源科技股份有限公司 before 宁德时代)
        for written in sorted(other.names, key=len, reverse=True):
            for name in [n for n in names if written and written in n]:
                names |= {name.replace(written, alias) for alias in other.names if alias}
    return GoldEntity(ent.cls, ent.label, frozenset(names))


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Gold annotations from a JSON file (one document or a list) or a directory of them."""
    path = Path(path)
    if not path.exists():
        raise GoldError(f"{path}: no such file or directory")
    files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
    if not files:
        raise GoldError(f"{path}: no .json gold files")
    docs = []
    for file in files:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldError(f"{file}: malformed JSON ({exc})") from None
        for item in data if isinstance(data, list) else [data]:
            docs.append(_gold_document(item, str(file)))
    return docs


@dataclass
class _Predicted:
    entities: dict[URIRef, tuple[str, frozenset[str]]] = field(default_factory=dict)


def _graph_names(graph: Graph, node: URIRef) -> frozenset[str]:
    labels = list(graph.objects(node, RDFS.label)) + list(graph.objects(node, SKOS.altLabel))
    return frozenset(_norm(str(label)) for label in labels)


def _predicted_by_document(graph: Graph) -> dict[str, _Predicted]:
    classes = {CY[c]: c for c in ENTITY_CLASSES}
    by_doc: dict[str, _Predicted] = defaultdict(_Predicted)
    for mention, entity in graph.subject_objects(CY.mentionOf):
        doc = document_of(graph, mention)
        doc_id = graph.value(doc, DCTERMS.identifier) if doc is not None else None
        if entity is None or doc_id is None:
            continue
        cls = next((classes[t] for t in graph.objects(entity, RDF.type) if t in classes), None)
        if cls:
            by_doc[str(doc_id)].entities[entity] = (cls, _graph_names(graph, entity))
    return by_doc


def _object_key(graph: Graph, predicate: str, obj) -> object:
    kind = RELATION_PREDICATES[predicate]
    if kind == "date":
        return str(obj)
    if kind == "quantity":
        value = graph.value(obj, CY.value)
        unit = graph.value(obj, CY.unit)
        year = graph.value(obj, CY.targetYear)
        if value is None or unit is None:
            return None
        return (
            Decimal(str(value)).normalize(),
            str(unit).rsplit("#", 1)[-1],
            int(str(year)[:4]) if year is not None else None,
        )
    return obj


def _score_entities(gold: GoldDocument, predicted: _Predicted, report: EvaluationReport, counts):
    unmatched = dict(predicted.entities)
    for ent in sorted(gold.entities, key=lambda e: (e.cls, e.label)):
        match = next(
            (
                node
                for node, (cls, names) in sorted(unmatched.items())
                if cls == ent.cls and names & ent.names
            ),
            None,
        )
        if match is not None:
            del unmatched[match]
            counts[ent.cls][0] += 1
        else:
            counts[ent.cls][2] += 1
            report.missed.append(f"{gold.id}: {ent.cls} {ent.label}")
    for node, (cls, names) in sorted(unmatched.items()):
        counts[cls][1] += 1
        report.spurious.append(f"{gold.id}: {cls} {min(names) if names else node}")


def _nodes(
    name: str, names_of: dict[str, frozenset[str]], names_index: dict[str, set[URIRef]]
) -> set[URIRef]:
    """The graph nodes named by any name of the gold entity called ``name``."""
    return set().union(*(names_index.get(n, set()) for n in names_of.get(name, {name})))


def evaluate(gold_docs: Iterable[GoldDocument], graph: Graph) -> EvaluationReport:
    """Compare a graph with gold annotations document by document."""
    predicted = _predicted_by_document(graph)
    names_index: dict[str, set[URIRef]] = defaultdict(set)
    for s in set(graph.subjects(RDFS.label)) | set(graph.subjects(SKOS.altLabel)):
        if isinstance(s, URIRef):
            for name in _graph_names(graph, s):
                names_index[name].add(s)
    report = EvaluationReport({}, {})
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    rel_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for gold in gold_docs:
        _score_entities(gold, predicted.get(gold.id, _Predicted()), report, counts)
        # a relation's subject or object is a gold entity, which a graph node matches by any
        # of its names (its label or an alias), as entities are matched
        names_of = {name: ent.names for ent in gold.entities for name in ent.names}
        for rel in gold.relations:
            rel_counts[rel.predicate][1] += 1
            subjects = _nodes(rel.subject, names_of, names_index)
            pred = CY[rel.predicate]
            wanted = rel.object
            found = False
            for subject in subjects:
                for obj in graph.objects(subject, pred):
                    key = _object_key(graph, rel.predicate, obj)
                    if isinstance(wanted, str) and isinstance(key, URIRef):
                        found = key in _nodes(wanted, names_of, names_index)
                    else:
                        found = key == wanted
                    if found:
                        break
                if found:
                    break
            if found:
                rel_counts[rel.predicate][0] += 1
            else:
                report.missed_relations.append(
                    f"{gold.id}: {rel.subject} {rel.predicate} {rel.object}"
                )
    report.classes = {c: ClassScore(c, *counts[c]) for c in ENTITY_CLASSES if c in counts}
    report.relations = {
        p: RelationScore(p, *rel_counts[p]) for p in RELATION_PREDICATES if p in rel_counts
    }
    return report


def evaluate_graph(gold_path: str | Path, graph_path: str | Path) -> EvaluationReport:
    """Load gold annotations and a GRAPH (anything :func:`kg.sparql.open_graph` opens) and
    compare."""
    with open_graph(graph_path) as opened:
        graph = opened.to_graph()
    return evaluate(load_gold(gold_path), graph)


def format_report(report: EvaluationReport) -> str:
    """A plain-text table of the scores."""
    lines = [f"{'class':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for s in report.classes.values():
        lines.append(
            f"{s.cls:<14}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    lines.append("")
    lines.append(f"{'relation':<18}{'recall':>8}{'found':>7}{'gold':>6}")
    for r in report.relations.values():
        lines.append(f"{r.predicate:<18}{r.recall:>8.3f}{r.found:>7}{r.gold:>6}")
    return "\n".join(lines)
