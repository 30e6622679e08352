"""Interactive HTML view of a graph: a Pyvis (vis-network) page that works with no network.

Size: the view model, the radial layout and the page assembly; the page's HTML,
CSS and JavaScript are files in ``kg/viz/templates/``.
"""

from __future__ import annotations

import difflib
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg import vocab
from kg.errors import InputError
from kg.io.files import write_text_atomic
from kg.io.graph_files import union_graph
from kg.model.iri import normalize_key
from kg.namespace import CY

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "PHYSICS_MAX_NODES",
    "STABILIZATION_ITERATIONS",
    "DATE_CLASS",
    "VIEW_CLASSES",
    "ViewClass",
    "ViewNode",
    "ViewEdge",
    "GraphView",
    "graph_view",
    "radial_layout",
    "generate_html",
    "write_html",
]

#: Above this many nodes the page starts with physics off: nodes stay where the radial layout
#: computed here put them (a button turns the simulation on); at or below it the simulation
#: is stabilised before the graph is shown and keeps running.
PHYSICS_MAX_NODES = 500

#: Iterations of the layout simulation run before a graph with physics on is first shown.
STABILIZATION_ITERATIONS = 150


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
    ("Date", "#9c755f", "diamond"),
)

#: The pseudo-class of signing dates: ``cy:signedOn`` values are drawn as nodes.
DATE_CLASS = "Date"

#: Properties drawn as edges; every other triple shows in the hover text or not at all.
_EDGE_PROPERTIES = (
    CY.party,
    CY.signedOn,
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
        if name == DATE_CLASS:
            zh, en = "日期", "Date"
        else:
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
    """A node of the view: a resource of a drawn class, or a signing date."""

    id: str
    label: str
    cls: str
    title: str
    names: tuple[str, ...]
    degree: int = 0


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


def _norm(text: str) -> str:
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

        sentence_text: dict[Node, str] = {}
        sentence_order: dict[Node, tuple[str, int]] = {}
        for s, text in graph.subject_objects(CY.text):
            sentence_text[s] = str(text)
            index = graph.value(s, CY.sentenceIndex)
            doc = graph.value(s, CY.inDocument)
            sentence_order[s] = (str(doc or ""), int(index) if index is not None else 0)
        self.sentence_text = sentence_text
        self.sentence_order = sentence_order

        self.mentions: dict[Node, set[Node]] = defaultdict(set)
        for mention, entity in graph.subject_objects(CY.mentionOf):
            for sentence in graph.objects(mention, CY.inSentence):
                self.mentions[entity].add(sentence)
        self.asserted: dict[tuple[Node, Node, Node], set[Node]] = defaultdict(set)
        self.asserted_object: dict[Node, set[Node]] = defaultdict(set)
        for assertion in graph.subjects(RDF.type, CY.Assertion):
            s = graph.value(assertion, RDF.subject)
            p = graph.value(assertion, RDF.predicate)
            o = graph.value(assertion, RDF.object)
            for sentence in graph.objects(assertion, CY.inSentence):
                self.asserted[(s, p, o)].add(sentence)
                self.asserted_object[o].add(sentence)

    def sentences(self, sentence_refs: Iterable[Node]) -> list[str]:
        refs = sorted(
            (r for r in set(sentence_refs) if r in self.sentence_text),
            key=lambda r: self.sentence_order.get(r, ("", 0)),
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
    if isinstance(node, URIRef):
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
    else:
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
        nodes[str(node)] = ViewNode(str(node), label, cls, title, tuple(sorted(names)))

    edges: list[ViewEdge] = []
    for prop in _EDGE_PROPERTIES:
        prop_label = _term_label(prop)
        for s, o in graph.subject_objects(prop):
            source = str(s)
            if source not in nodes:
                continue
            if isinstance(o, Literal):
                if prop != CY.signedOn:
                    continue
                target = f"date:{o}"
                if target not in nodes:
                    text = str(o)
                    title = _node_title(index, o, DATE_CLASS, text)
                    nodes[target] = ViewNode(target, text, DATE_CLASS, title, (text,))
            else:
                target = str(o)
                if target not in nodes:
                    continue
            lines = [
                f"{prop_label} · {_ontology_labels().get(prop, ('', _local(prop)))[1]}",
                f"{nodes[source].label} → {nodes[target].label}",
            ]
            lines += _sentence_lines(index.sentences(index.asserted.get((s, prop, o), ())))
            edges.append(ViewEdge("", source, target, _local(prop), prop_label, "\n".join(lines)))
    return nodes, edges


def _focus_ids(nodes: dict[str, ViewNode], focus: str) -> list[str]:
    wanted = _norm(focus)
    if focus in nodes:
        return [focus]
    hits = [n.id for n in nodes.values() if wanted in {_norm(name) for name in n.names}]
    if hits:
        return hits
    names = sorted({name for n in nodes.values() for name in n.names})
    close = [n for n in names if wanted and wanted in _norm(n)][:5]
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
    places, projects, quantities and targets) plus one node per signing date; edges are the
    triples of the ontology's relation properties between them (``cy:party``,
    ``cy:signedOn``, ``cy:includesDistrict`` …). Provenance nodes (documents, sentences,
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

_RING_STEP = 130.0  # distance between the rings of a component
_RING_SPACING = 48.0  # least arc length between two nodes on a ring
_GAP = 80.0  # space between two components


def _radial_component(
    root: str, adjacency: dict[str, list[str]], seen: set[str]
) -> tuple[dict[str, tuple[float, float]], float]:
    """Positions of one connected component around ``root`` (BFS rings) and its radius."""
    children: dict[str, list[str]] = defaultdict(list)
    depth = {root: 0}
    levels: list[list[str]] = [[root]]
    seen.add(root)
    while True:
        nxt: list[str] = []
        for node in levels[-1]:
            for m in adjacency[node]:
                if m not in seen:
                    seen.add(m)
                    depth[m] = len(levels)
                    children[node].append(m)
                    nxt.append(m)
        if not nxt:
            break
        levels.append(nxt)
    leaves: dict[str, int] = {}
    for level in reversed(levels):
        for node in level:
            leaves[node] = sum(leaves[c] for c in children[node]) or 1
    radii = [0.0]
    for level in levels[1:]:
        radii.append(max(radii[-1] + _RING_STEP, len(level) * _RING_SPACING / (2 * math.pi)))
    pos = {root: (0.0, 0.0)}
    wedge = {root: (0.0, 2 * math.pi)}
    for level in levels:
        for node in level:
            start, width = wedge[node]
            for child in children[node]:
                share = width * leaves[child] / leaves[node]
                wedge[child] = (start, share)
                angle = start + share / 2
                r = radii[depth[child]]
                pos[child] = (r * math.cos(angle), r * math.sin(angle))
                start += share
    return pos, radii[-1]


def radial_layout(view: GraphView) -> dict[str, tuple[float, float]]:
    """Deterministic node positions: each connected component as rings around its
    best-connected node, components packed in rows, largest first.

    Linear in the size of the view, so it places 5,000 nodes in well under a second; the page
    uses it as the starting point of the physics simulation, and as the final layout when
    physics is off.
    """
    adjacency: dict[str, list[str]] = defaultdict(list)
    for e in view.edges:
        if e.target not in adjacency[e.source]:
            adjacency[e.source].append(e.target)
            adjacency[e.target].append(e.source)
    rank = {n.id: i for i, n in enumerate(view.nodes)}
    for node_id in adjacency:
        adjacency[node_id].sort(key=lambda m: (-len(adjacency[m]), rank[m]))
    seen: set[str] = set()
    components = []
    for node in sorted(view.nodes, key=lambda n: (-n.degree, rank[n.id])):
        if node.id not in seen:
            components.append(_radial_component(node.id, adjacency, seen))
    if not components:
        return {}
    area = sum((2 * r + _GAP) ** 2 for _, r in components)
    row_width = max(math.sqrt(area) * 1.2, 2 * max(r for _, r in components) + _GAP)
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for pos, r in components:
        size = 2 * r + _GAP
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        for node_id, (px, py) in pos.items():
            positions[node_id] = (round(cx + px, 1), round(cy + py, 1))
        x += size
        row_height = max(row_height, size)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {k: (round(px - mx, 1), round(py - my, 1)) for k, (px, py) in positions.items()}


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------

_SWATCH = {
    "dot": '<circle cx="8" cy="8" r="6"/>',
    "square": '<rect x="2" y="2" width="12" height="12"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
    "triangle": '<polygon points="8,2 15,14 1,14"/>',
    "triangleDown": '<polygon points="1,2 15,2 8,14"/>',
    "star": '<polygon points="8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6"/>',
    "hexagon": '<polygon points="4,2 12,2 15,8 12,14 4,14 1,8"/>',
}


def _node_size(degree: int) -> float:
    return round(min(12 + 6 * math.sqrt(degree), 48), 1)


def _options(count: int, live: bool) -> dict[str, Any]:
    big = count > PHYSICS_MAX_NODES
    return {
        "autoResize": True,
        "groups": {
            c.name: {
                "shape": c.shape,
                "color": {
                    "background": c.color,
                    "border": "#444444",
                    "highlight": {"background": c.color, "border": "#000000"},
                    "hover": {"background": c.color, "border": "#000000"},
                },
            }
            for c in VIEW_CLASSES
        },
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa5b1", "highlight": "#333333", "hover": "#333333"},
            "font": {"size": 11, "align": "middle", "color": "#555555", "strokeWidth": 3},
            "smooth": False if big else {"enabled": True, "type": "continuous"},
            "width": 1,
        },
        "interaction": {
            "hover": not big,  # hover highlighting redraws the canvas; tooltips work without
            "tooltipDelay": 100,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
        },
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": {
            "enabled": live and count > 0,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -90,
                "centralGravity": 0.012,
                "springLength": 110,
                "springConstant": 0.08,
                "avoidOverlap": 0.7,
            },
            "stabilization": {
                "enabled": live,
                "iterations": STABILIZATION_ITERATIONS,
                "updateInterval": 25,
                "fit": True,
            },
        },
    }


def _script_json(data: object) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` left literal."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and style sheet as shipped inside the pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # Neither may close its element early.
    js = js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    css = css.replace("</style", "<\\/style")
    return js, css


class _IdList(list):
    """pyvis keeps node ids in a list and tests membership per node and edge: make that O(1)."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set = set()

    def append(self, item) -> None:  # type: ignore[override]
        super().append(item)
        self._set.add(item)

    def __contains__(self, item) -> bool:
        return item in self._set


def _pyvis_network(view: GraphView, options: dict[str, Any]):
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.node_ids = _IdList()
    positions = radial_layout(view)
    for n in view.nodes:
        x, y = positions[n.id]
        net.add_node(
            n.id,
            x=x,
            y=y,
            label=n.label,
            shape=next(c.shape for c in VIEW_CLASSES if c.name == n.cls),
            group=n.cls,
            title=n.title,
            size=_node_size(n.degree),
            degree=n.degree,
            search="\n".join(sorted({_norm(name) for name in n.names})),
        )
    for e in view.edges:
        net.add_edge(
            e.source, e.target, id=e.id, label=e.label, title=e.title, predicate=e.predicate
        )
    net.options = options
    return net


def generate_html(
    graph: Graph | Dataset,
    *,
    focus: str | None = None,
    hops: int = 1,
    classes: Iterable[str] | str | None = None,
    physics: bool | None = None,
) -> str:
    """The page of ``graph`` as HTML text: a Pyvis/vis-network view that needs no network.

    vis-network's script and style sheet (from the pyvis package) and the page's own filter
    and search code are inlined; nothing is loaded from anywhere. Nodes are coloured and
    shaped by class (with a legend whose check boxes hide or show a class), sized by degree,
    and carry a hover text with class, label, key properties and source sentences; edges are
    labelled with the property's Chinese ``rdfs:label`` from the ontology. Every text from the
    graph is data: it is shown with ``textContent``/``innerText`` and never parsed as HTML.
    The vis.js ``Network`` is the global ``network`` (also ``window.network``).

    Layout and size: nodes start where :func:`radial_layout` puts them. With ``physics=None``
    a graph of at most :data:`PHYSICS_MAX_NODES` (500) nodes is stabilised by the physics
    simulation (:data:`STABILIZATION_ITERATIONS` steps) before it is shown and the simulation
    keeps running; a larger graph is shown with physics OFF at once, with straight edges that
    are hidden while dragging or zooming, so 5,000 nodes stay responsive (a button in the
    page turns physics on). ``physics=True`` or ``False`` forces either mode. ``focus``,
    ``hops`` and ``classes`` select a subgraph as :func:`graph_view` does.
    """
    from jinja2 import Environment

    view = graph_view(graph, focus=focus, hops=hops, classes=classes)
    live = len(view.nodes) <= PHYSICS_MAX_NODES if physics is None else bool(physics)
    options = _options(len(view.nodes), live)
    net = _pyvis_network(view, options)
    nodes, edges, _, _, _, _ = net.get_network_data()
    js, css = _vis_assets()
    counts = view.class_counts()
    legend = [
        {
            "name": c.name,
            "zh": c.label_zh,
            "en": c.label_en,
            "color": c.color,
            "swatch": _SWATCH[c.shape],
            "count": counts[c.name],
        }
        for c in VIEW_CLASSES
        if c.name in counts
    ]
    subtitle = []
    if view.focus:
        labels = sorted({n.label for n in view.nodes if n.id in view.focus})
        subtitle.append(f"焦点 focus: {'、'.join(labels)} · {view.hops} 跳 hops")
    if view.classes:
        subtitle.append(f"类别 classes: {', '.join(view.classes)}")
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "live": live,
        "physicsMaxNodes": PHYSICS_MAX_NODES,
    }
    env = Environment(autoescape=True, keep_trailing_newline=True)
    return env.from_string(_template("page.html")).render(
        vis_js=js,
        vis_css=css,
        data_json=_script_json(data),
        legend=legend,
        node_count=len(view.nodes),
        edge_count=len(view.edges),
        subtitle=subtitle,
        live=live,
        physics_max=PHYSICS_MAX_NODES,
        app_js=_template("app.js"),
        app_css=_template("app.css"),
    )


def write_html(graph: Graph | Dataset, path: str | Path, **kw: Any) -> Path:
    """Write :func:`generate_html` of ``graph`` to ``path`` atomically; return the path."""
    return write_text_atomic(path, generate_html(graph, **kw))


@cache
def _template(name: str) -> str:
    """A file of ``kg/viz/templates/``: the page, its style sheet and its script."""
    return files("kg.viz").joinpath("templates", name).read_text(encoding="utf-8")
