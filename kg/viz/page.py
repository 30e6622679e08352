"""Interactive HTML view of a graph: a Pyvis (vis-network) page that works with no network.

The page's HTML, CSS and JavaScript are files in ``kg/viz/templates/``; the nodes and edges
come from :func:`kg.viz.view.graph_view`, their first positions from
:func:`kg.viz.layout.radial_layout`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph

from kg.io.files import write_text_atomic

if TYPE_CHECKING:
    pass

from kg.viz.layout import radial_layout
from kg.viz.view import (
    PHYSICS_MAX_NODES,
    STABILIZATION_ITERATIONS,
    VIEW_CLASSES,
    GraphView,
    graph_view,
    search_key,
)

__all__ = ["generate_html", "write_html"]

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
            search="\n".join(sorted({search_key(name) for name in n.names})),
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
