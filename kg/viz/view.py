"""The view model of a graph: the nodes and edges the page draws, with classes, labels, signing
dates and hover texts, selected by focus and class (:func:`graph_view`)."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg import vocab
from kg.errors import InputError
from kg.io.graph_files import union_graph
from kg.model.iri import normalize_key
from kg.model.provenance import Spans, assertions, sentence_of
from kg.namespace import CY

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "PHYSICS_MAX_NODES",
    "STABILIZATION_ITERATIONS",
    "LABEL_MAX_CHARS",
    "VIEW_CLASSES",
    "ViewClass",
    "ViewNode",
    "ViewEdge",
    "GraphView",
    "graph_view",
    "search_key",
    "short_label",
]

#: Above this many nodes the page draws for speed: straight edges, hidden while dragging or
#: zooming, and no hover highlighting.
PHYSICS_MAX_NODES = 500

#: Iterations of the layout simulation run before a page with physics on is first shown.
STABILIZATION_ITERATIONS = 150

#: Labels longer than this many characters are drawn shortened (the hover text has them whole).
LABEL_MAX_CHARS = 18


@dataclass(frozen=True)
class ViewClass:
    """How the nodes of one class are drawn: ontology local name, labels, colour and shape."""

    name: str
    label_zh: str
    label_en: str
    color: str
    shape: str


#: ``(local name, colour, vis-network shape)`` in legend order; an earlier class wins when a
#: node has several types (so ``District`` beats ``Place`` and ``Target`` beats ``Quantity``).
_CLASS_STYLE = (
    ("Agency", "#4e79a7", "dot"),
    ("Organization", "#76b7b2", "hexagon"),
    ("Agreement", "#f28e2b", "star"),
    ("ScienceCity", "#e15759", "diamond"),
    ("City", "#59a14f", "square"),
    ("District", "#8cd17d", "triangle"),
    ("Country", "#499894", "square"),
    ("Place", "#b6992d", "triangleDown"),
    ("Project", "#b07aa1", "hexagon"),
    ("Target", "#ff9da7", "triangleDown"),
    ("Quantity", "#bab0ac", "square"),
)

#: Properties drawn as edges; every other triple shows in the hover text or not at all. A
#: signing date (``cy:signedOn``) is a literal property of its agreement, never a node: two
#: agreements signed the same day are not related.
_EDGE_PROPERTIES = (
    CY.party,
    CY.includesDistrict,
    CY.coreArea,
    CY.plannedArea,
    CY.hasTarget,
    CY.hasQuantity,
    CY.locatedIn,
    CY.jurisdiction,
)

#: Properties listed in a node's hover text, in this order.
_KEY_PROPERTIES = (
    CY.divisionCode,
    CY.signedOn,
    CY.plannedArea,
    CY.hasTarget,
    CY.hasQuantity,
    CY.indicator,
    CY.value,
    CY.targetYear,
)

#: At most this many source sentences are listed in a hover text.
_MAX_SENTENCES = 3


@lru_cache(maxsize=1)
def _ontology_labels() -> dict[URIRef, tuple[str, str]]:
    """``(zh, en)`` rdfs:labels of every ontology term, read from ``ontology/chengyu.ttl``."""
    zh, en = vocab.labels("zh"), vocab.labels("en")
    return {URIRef(t): (zh.get(t, ""), en.get(t, "")) for t in zh.keys() | en.keys()}


def _term_label(term: URIRef) -> str:
    """The Chinese label of an ontology term (its local name when it has none)."""
    zh, en = _ontology_labels().get(term, ("", ""))
    return zh or en or str(term).rsplit("#", 1)[-1]


@lru_cache(maxsize=1)
def _view_classes() -> tuple[ViewClass, ...]:
    classes = []
    for name, color, shape in _CLASS_STYLE:
        zh, en = _ontology_labels().get(CY[name], (name, name))
        classes.append(ViewClass(name, zh or name, en or name, color, shape))
    return tuple(classes)


class _ViewClasses(Sequence[ViewClass]):
    """The drawn classes, in legend order (labels read from the ontology on first use)."""

    def __getitem__(self, index):  # type: ignore[override]
        return _view_classes()[index]

    def __len__(self) -> int:
        return len(_CLASS_STYLE)


#: Every class the view draws, in legend order.
VIEW_CLASSES: Sequence[ViewClass] = _ViewClasses()


@dataclass
class ViewNode:
    """A node of the view: a resource of a drawn class; an agreement carries its signing dates
    (``signed_on``: the lexical forms of its ``cy:signedOn`` values, ``2021-12-17``, ``2023-09``
    or ``1974``, sorted)."""

    id: str
    label: str
    cls: str
    title: str
    names: tuple[str, ...]
    degree: int = 0
    signed_on: tuple[str, ...] = ()


@dataclass
class ViewEdge:
    """An edge of the view: one triple, labelled with its property's Chinese label."""

    id: str
    source: str
    target: str
    predicate: str
    label: str
    title: str


@dataclass
class GraphView:
    """The nodes and edges a page draws, after the class filter and the focus subgraph."""

    nodes: list[ViewNode]
    edges: list[ViewEdge]
    focus: tuple[str, ...] = ()
    hops: int | None = None
    classes: tuple[str, ...] = field(default_factory=tuple)

    def class_counts(self) -> dict[str, int]:
        """Number of nodes per class, in legend order, classes with no node left out."""
        counts: dict[str, int] = defaultdict(int)
        for node in self.nodes:
            counts[node.cls] += 1
        return {c.name: counts[c.name] for c in VIEW_CLASSES if counts[c.name]}

    def to_networkx(self) -> nx.MultiDiGraph:
        """The view as a NetworkX multigraph (node attributes ``label`` and ``cls``)."""
        import networkx as nx

        g = nx.MultiDiGraph()
        for node in self.nodes:
            g.add_node(node.id, label=node.label, cls=node.cls)
        for edge in self.edges:
            g.add_edge(edge.source, edge.target, key=edge.predicate, label=edge.label)
        return g


# ---------------------------------------------------------------------------------------------
# From RDF to the view
# ---------------------------------------------------------------------------------------------


def _zh_label(graph: Graph, node: Node) -> str | None:
    labels = sorted(
        graph.objects(node, RDFS.label),
        key=lambda lit: (getattr(lit, "language", None) != "zh", str(lit)),
    )
    return str(labels[0]) if labels else None


def _local(term: Node) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def short_label(text: str, limit: int = LABEL_MAX_CHARS) -> str:
    """``text`` cut to ``limit`` characters and an ellipsis when it is longer.

    >>> short_label("推进成渝地区双城经济圈建设携手共促巴蜀文化旅游走廊建设战略合作协议")
    '推进成渝地区双城经济圈建设携手共促巴…'
    >>> short_label("共建西部金融中心合作协议")
    '共建西部金融中心合作协议'
    """
    return text if len(text) <= limit else text[:limit] + "…"


def search_key(text: str) -> str:
    """How the page's search box compares names: NFKC, no spaces or 《》, lower case."""
    return normalize_key(text).strip("《》").lower()


class _Index:
    """Look-ups the view needs, built in one pass over the graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        by_name = {c.name: i for i, c in enumerate(VIEW_CLASSES)}
        best: dict[Node, int] = {}
        for s, o in graph.subject_objects(RDF.type):
            if isinstance(o, URIRef) and str(o).startswith(str(CY._NS)):
                rank = by_name.get(_local(o))
                if rank is not None and rank < best.get(s, len(by_name)):
                    best[s] = rank
        self.cls: dict[Node, str] = {s: VIEW_CLASSES[r].name for s, r in best.items()}

        spans = Spans(graph)
        sentence_text: dict[Node, str] = {}
        sentence_order: dict[Node, tuple[str, int, int]] = {}
        for s in graph.subjects(CY.inDocument, None, unique=True):
            text = spans.text(s)
            if text is not None:
                sentence_text[s] = text
                sentence_order[s] = Spans.position(s)
        self.sentence_text = sentence_text
        self.sentence_order = sentence_order

        self.mentions: dict[Node, set[Node]] = defaultdict(set)
        for mention, entity in graph.subject_objects(CY.mentionOf):
            sentence = sentence_of(graph, mention)
            if sentence is not None:
                self.mentions[entity].add(sentence)
        self.asserted: dict[tuple[Node, Node, Node], set[Node]] = defaultdict(set)
        self.asserted_object: dict[Node, set[Node]] = defaultdict(set)
        for _, s, p, o, span in assertions(graph):
            sentence = sentence_of(graph, span)
            if sentence is not None:
                self.asserted[(s, p, o)].add(sentence)
                self.asserted_object[o].add(sentence)

    def sentences(self, sentence_refs: Iterable[Node]) -> list[str]:
        refs = sorted(
            (r for r in set(sentence_refs) if r in self.sentence_text),
            key=lambda r: self.sentence_order.get(r, ("", 0, 0)),
        )
        texts: list[str] = []
        for ref in refs:
            text = self.sentence_text[ref].strip()
            if text not in texts:
                texts.append(text)
        return texts


def _sentence_lines(texts: list[str]) -> list[str]:
    if not texts:
        return []
    lines = ["原文 source:"] + [f"「{t}」" for t in texts[:_MAX_SENTENCES]]
    if len(texts) > _MAX_SENTENCES:
        lines.append(f"…另有 {len(texts) - _MAX_SENTENCES} 句 ({len(texts)} sentences in all)")
    return lines


def _value_text(index: _Index, value: Node) -> str:
    if isinstance(value, Literal):
        if value.datatype == XSD.decimal:
            return format(Decimal(str(value)).normalize(), "f")
        return str(value)
    if value in _ontology_labels():
        return _term_label(value)  # a unit
    return _zh_label(index.graph, value) or _local(value)


def _node_title(index: _Index, node: Node, cls: str, label: str) -> str:
    view_cls = next(c for c in VIEW_CLASSES if c.name == cls)
    graph = index.graph
    lines = [f"{view_cls.label_zh} · {view_cls.label_en}", label]
    alt = sorted({str(a) for a in graph.objects(node, SKOS.altLabel)} - {label})
    if alt:
        lines.append(f"别名 also: {'、'.join(alt)}")
    for prop in _KEY_PROPERTIES:
        values = sorted({_value_text(index, v) for v in graph.objects(node, prop)})
        if prop == CY.value and values:
            unit = graph.value(node, CY.unit)
            if unit is not None:
                values = [f"{v} {_value_text(index, unit)}" for v in values]
        if values:
            lines.append(f"{_term_label(prop)}: {'；'.join(values)}")
    sentences = index.sentences(index.mentions.get(node, ()))
    if not sentences:
        sentences = index.sentences(index.asserted_object.get(node, ()))
    return "\n".join(lines + _sentence_lines(sentences))


def _resolve_classes(classes: Iterable[str] | str | None) -> tuple[str, ...]:
    if classes is None:
        return ()
    if isinstance(classes, str):
        classes = classes.split(",")
    known = {}
    for c in VIEW_CLASSES:
        for key in (c.name, c.label_zh, c.label_en):
            known[key.casefold()] = c.name
    chosen = []
    for raw in classes:
        name = raw.strip()
        if not name:
            continue
        if name.casefold() not in known:
            names = ", ".join(c.name for c in VIEW_CLASSES)
            raise InputError(f"unknown class {name!r} (known: {names})")
        if known[name.casefold()] not in chosen:
            chosen.append(known[name.casefold()])
    return tuple(chosen)


def _all_nodes_and_edges(index: _Index) -> tuple[dict[str, ViewNode], list[ViewEdge]]:
    graph = index.graph
    nodes: dict[str, ViewNode] = {}
    for node, cls in index.cls.items():
        if not isinstance(node, URIRef):
            continue
        label = _zh_label(graph, node) or _local(node)
        names = {label, *map(str, graph.objects(node, SKOS.altLabel))}
        title = _node_title(index, node, cls, label)
        dates = tuple(sorted({str(d) for d in graph.objects(node, CY.signedOn)}))
        nodes[str(node)] = ViewNode(
            str(node), label, cls, title, tuple(sorted(names)), signed_on=dates
        )

    edges: list[ViewEdge] = []
    for prop in _EDGE_PROPERTIES:
        prop_label = _term_label(prop)
        for s, o in graph.subject_objects(prop):
            source = str(s)
            if source not in nodes:
                continue
            target = str(o)
            if isinstance(o, Literal) or target not in nodes:
                continue
            lines = [
                f"{prop_label} · {_ontology_labels().get(prop, ('', _local(prop)))[1]}",
                f"{nodes[source].label} → {nodes[target].label}",
            ]
            lines += _sentence_lines(index.sentences(index.asserted.get((s, prop, o), ())))
            edges.append(ViewEdge("", source, target, _local(prop), prop_label, "\n".join(lines)))
    return nodes, edges


def _focus_ids(nodes: dict[str, ViewNode], focus: str) -> list[str]:
    wanted = search_key(focus)
    if focus in nodes:
        return [focus]
    hits = [n.id for n in nodes.values() if wanted in {search_key(name) for name in n.names}]
    if hits:
        return hits
    names = sorted({name for n in nodes.values() for name in n.names})
    close = [n for n in names if wanted and wanted in search_key(n)][:5]
    close += [n for n in difflib.get_close_matches(focus, names, n=5, cutoff=0.5) if n not in close]
    hint = f"; did you mean: {', '.join(close[:5])}" if close else ""
    raise InputError(f"no node is labelled {focus!r} in the graph{hint}")


def graph_view(
    graph: Graph | Dataset,
    *,
    focus: str | None = None,
    hops: int = 1,
    classes: Iterable[str] | str | None = None,
) -> GraphView:
    """The nodes and edges drawn for ``graph``.

    Nodes are the resources typed with a class of :data:`VIEW_CLASSES` (agencies, agreements,
    places, projects, quantities and targets); an agreement's signing dates are properties of
    its node (``signed_on``), not nodes. Edges are the triples of the ontology's relation
    properties between them (``cy:party``, ``cy:includesDistrict`` …). Provenance nodes (documents, sentences,
    mentions, assertions) are not drawn: their text shows in the hover titles.

    ``classes`` (local names, English or Chinese class labels, or one comma-separated string)
    keeps only nodes of those classes; then ``focus`` (a label, alias or node IRI) keeps the
    nodes at most ``hops`` edges away from the focus node(s), edge direction ignored.
    Raises :class:`~kg.errors.InputError` for an unknown class or focus label.
    """
    if hops < 0:
        raise InputError(f"hops must be 0 or more, not {hops}")
    chosen = _resolve_classes(classes)
    index = _Index(union_graph(graph))
    everything, edges = _all_nodes_and_edges(index)
    nodes = {k: n for k, n in everything.items() if not chosen or n.cls in chosen}
    focus_ids: list[str] = []
    if focus is not None:
        focus_ids = _focus_ids(everything, focus)  # raises when the label is unknown
        outside = sorted({everything[h].cls for h in focus_ids if h not in nodes})
        focus_ids = [h for h in focus_ids if h in nodes]
        if not focus_ids:
            raise InputError(
                f"{focus!r} is a {'/'.join(outside)}, not among the classes shown "
                f"({', '.join(chosen)})"
            )
    edges = [e for e in edges if e.source in nodes and e.target in nodes]
    if focus is not None:
        neighbours: dict[str, set[str]] = defaultdict(set)
        for e in edges:
            neighbours[e.source].add(e.target)
            neighbours[e.target].add(e.source)
        keep = set(focus_ids)
        frontier = set(focus_ids)
        for _ in range(hops):
            frontier = {m for n in frontier for m in neighbours[n]} - keep
            if not frontier:
                break
            keep |= frontier
        nodes = {k: n for k, n in nodes.items() if k in keep}
        edges = [e for e in edges if e.source in keep and e.target in keep]

    order = {c.name: i for i, c in enumerate(VIEW_CLASSES)}
    node_list = sorted(nodes.values(), key=lambda n: (order[n.cls], n.label, n.id))
    edges.sort(key=lambda e: (e.source, e.predicate, e.target))
    degree: dict[str, int] = defaultdict(int)
    for i, e in enumerate(edges):
        e.id = f"e{i}"
        degree[e.source] += 1
        degree[e.target] += 1
    for n in node_list:
        n.degree = degree[n.id]
    return GraphView(
        node_list,
        edges,
        tuple(focus_ids),
        hops if focus is not None else None,
        chosen,
    )


# ---------------------------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------------------------
